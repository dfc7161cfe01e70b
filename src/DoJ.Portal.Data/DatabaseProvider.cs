namespace DoJ.Portal.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
