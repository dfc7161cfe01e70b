using DoJ.Portal.Data;
using DoJ.Portal.Domain;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Editing;

/// <summary>Saving edited records: a stale stamp or a concurrent save is a conflict to report, never an exception to the reader.</summary>
public static class EditingSaves
{
    /// <summary>
    /// The next save of <paramref name="entity"/> updates it only if its stored <c>ConcurrencyStamp</c> is still the one the
    /// form was loaded with: the UPDATE's WHERE carries it, so a save that raced ours affects no row (and fails as a conflict).
    /// </summary>
    public static void ExpectStamp<T>(this PortalDbContext db, T entity, Guid loadedStamp) where T : class, IConcurrencyStamped
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entity);
        db.Entry(entity).Property(e => e.ConcurrencyStamp).OriginalValue = loadedStamp;
    }

    /// <summary>Saves; false when another save changed a stamped record in between (nothing of ours is written then).</summary>
    public static async Task<bool> TrySaveAsync(this PortalDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
