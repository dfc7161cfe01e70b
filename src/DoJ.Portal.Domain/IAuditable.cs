namespace DoJ.Portal.Domain;

/// <summary>Marks an entity whose changes are written to the audit log.</summary>
public interface IAuditable;

/// <summary>
/// An entity guarded by an app-managed concurrency stamp (SQLite has no rowversion): every save
/// issues a new stamp, and a save carrying a stale stamp is refused.
/// </summary>
public interface IConcurrencyStamped
{
    Guid ConcurrencyStamp { get; set; }
}
