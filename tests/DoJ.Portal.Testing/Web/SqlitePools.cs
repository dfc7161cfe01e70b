using DoJ.Portal.Data;
using Microsoft.Data.Sqlite;

namespace DoJ.Portal.Testing.Web;

/// <summary>
/// Closes the pooled connections of one data folder's database, so its files can be deleted or replaced.
/// Never <see cref="SqliteConnection.ClearAllPools"/>: it is process-wide, and with tests running in parallel it
/// reclaimed connections other tests were opening (the SQLite pool's activation race), which ended the test host.
/// </summary>
public static class SqlitePools
{
    public static void Clear(string dataPath)
    {
        using var connection = new SqliteConnection(PortalDataServiceCollectionExtensions.DefaultSqliteConnectionString(dataPath));
        SqliteConnection.ClearPool(connection);
    }
}
