namespace DoJ.Portal.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations and load required data at start-up; defaults to true for SQLite only.</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>Load the demo content into an empty database (on by default; off for a production install).</summary>
    public bool SeedDemoContent { get; set; } = true;

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? Provider == DatabaseProvider.Sqlite;
}

/// <summary>The <c>Storage</c> section: one folder for the SQLite file, uploads and the search index.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string DefaultFolder = "App_Data";

    public string DataPath { get; set; } = DefaultFolder;
}
