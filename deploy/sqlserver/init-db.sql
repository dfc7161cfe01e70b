-- Run by the db-init service of docker-compose.yml (as sa, through init-db.sh) before every start of
-- the stack; every statement checks first, so a second run changes nothing. It creates the portal's
-- database and two logins, so that nothing in the portal connects as sa (docs/operations.md):
--
--   doj_portal           the portal instances: read and write rows (db_datareader, db_datawriter);
--                        no DDL, no rights outside the DoJPortal database.
--   doj_portal_migrator  the one-shot migrate service: the same plus DDL (db_ddladmin, and REFERENCES
--                        on the dbo schema for foreign keys); no rights outside DoJPortal either.
--
-- A password changed in .env reaches the login at the next `docker compose up`.
-- Scripting variables (set by init-db.sh, single quotes already doubled): AppPassword, MigratorPassword.

SET NOCOUNT ON;

IF DB_ID(N'DoJPortal') IS NULL
    CREATE DATABASE [DoJPortal];
GO

IF SUSER_ID(N'doj_portal') IS NULL
    CREATE LOGIN [doj_portal] WITH PASSWORD = N'$(AppPassword)', DEFAULT_DATABASE = [DoJPortal], CHECK_POLICY = ON, CHECK_EXPIRATION = OFF;
ELSE IF PWDCOMPARE(N'$(AppPassword)', (SELECT password_hash FROM sys.sql_logins WHERE name = N'doj_portal')) = 0
    ALTER LOGIN [doj_portal] WITH PASSWORD = N'$(AppPassword)';

IF SUSER_ID(N'doj_portal_migrator') IS NULL
    CREATE LOGIN [doj_portal_migrator] WITH PASSWORD = N'$(MigratorPassword)', DEFAULT_DATABASE = [DoJPortal], CHECK_POLICY = ON, CHECK_EXPIRATION = OFF;
ELSE IF PWDCOMPARE(N'$(MigratorPassword)', (SELECT password_hash FROM sys.sql_logins WHERE name = N'doj_portal_migrator')) = 0
    ALTER LOGIN [doj_portal_migrator] WITH PASSWORD = N'$(MigratorPassword)';
GO

USE [DoJPortal];
GO

IF DATABASE_PRINCIPAL_ID(N'doj_portal') IS NULL
    CREATE USER [doj_portal] FOR LOGIN [doj_portal];
IF IS_ROLEMEMBER(N'db_datareader', N'doj_portal') = 0
    ALTER ROLE [db_datareader] ADD MEMBER [doj_portal];
IF IS_ROLEMEMBER(N'db_datawriter', N'doj_portal') = 0
    ALTER ROLE [db_datawriter] ADD MEMBER [doj_portal];

IF DATABASE_PRINCIPAL_ID(N'doj_portal_migrator') IS NULL
    CREATE USER [doj_portal_migrator] FOR LOGIN [doj_portal_migrator];
IF IS_ROLEMEMBER(N'db_datareader', N'doj_portal_migrator') = 0
    ALTER ROLE [db_datareader] ADD MEMBER [doj_portal_migrator];
IF IS_ROLEMEMBER(N'db_datawriter', N'doj_portal_migrator') = 0
    ALTER ROLE [db_datawriter] ADD MEMBER [doj_portal_migrator];
IF IS_ROLEMEMBER(N'db_ddladmin', N'doj_portal_migrator') = 0
    ALTER ROLE [db_ddladmin] ADD MEMBER [doj_portal_migrator];
GRANT REFERENCES ON SCHEMA::[dbo] TO [doj_portal_migrator];
GO

PRINT 'DoJPortal: logins doj_portal (read/write) and doj_portal_migrator (read/write/DDL) are ready.';
GO
