namespace DoJ.Portal.Domain;

/// <summary>
/// An entity guarded by an app-managed concurrency stamp (SQLite has no rowversion): every save
/// issues a new stamp, and a save carrying a stale stamp is refused.
/// </summary>
public interface IConcurrencyStamped
{
    Guid ConcurrencyStamp { get; set; }
}
