#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migrations assemblies, from the one model.
# Usage: scripts/add-migration.sh <Name>
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet restore >/dev/null
# The SQL Server connection string is never opened: the tools need one only to pick the provider.
design_sql="Server=localhost;Database=DoJPortal;User Id=sa;Password=unused;TrustServerCertificate=True"
dotnet ef migrations add "$name" --project src/DoJ.Portal.Data.Sqlite --startup-project src/DoJ.Portal.Web \
  --output-dir Migrations -- --Database:Provider=Sqlite
dotnet ef migrations add "$name" --project src/DoJ.Portal.Data.SqlServer --startup-project src/DoJ.Portal.Web \
  --output-dir Migrations -- --Database:Provider=SqlServer "--ConnectionStrings:Portal=$design_sql"
echo "Added migration $name for Sqlite and SqlServer."
