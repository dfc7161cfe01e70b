namespace DoJ.Portal.Data;

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

