#!/bin/bash
# Entry point of the db-init service (docker-compose.yml): runs init-db.sql against the "db" service as
# sa with the SQL Server image's own sqlcmd, then exits (0 = the logins are ready).
set -euo pipefail

: "${MSSQL_SA_PASSWORD:?}" "${PORTAL_DB_PASSWORD:?}" "${PORTAL_MIGRATOR_PASSWORD:?}"

# A value inside N'…' in T-SQL: single quotes doubled.
literal() { local value=$1; printf '%s' "${value//\'/\'\'}"; }

# The sa password goes through the environment (SQLCMDPASSWORD), not the command line.
SQLCMDPASSWORD=$MSSQL_SA_PASSWORD exec /opt/mssql-tools18/bin/sqlcmd \
    -S db -U sa -C -b -l 30 \
    -v AppPassword="$(literal "$PORTAL_DB_PASSWORD")" \
    -v MigratorPassword="$(literal "$PORTAL_MIGRATOR_PASSWORD")" \
    -i /deploy/init-db.sql
