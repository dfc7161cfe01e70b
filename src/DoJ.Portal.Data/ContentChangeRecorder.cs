using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DoJ.Portal.Data;

/// <summary>
/// Adds a <see cref="ContentChange"/> row for every article a save updates or deletes, inside that
/// same save (one transaction), so no instance's search index can miss a committed change. A new
/// article needs none: it starts as a draft, which the index does not hold.
/// </summary>
public sealed class ContentChangeRecorder(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData?.Context);
        return base.SavingChanges(eventData!, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData?.Context);
        return base.SavingChangesAsync(eventData!, result, cancellationToken);
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // Entries() detects changes first, so an article changed by plain property sets is seen.
        var changed = context.ChangeTracker.Entries<Article>()
            .Where(e => e.State is EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.Id)
            .Distinct()
            .ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in changed)
        {
            context.Add(new ContentChange { Kind = ContentKind.Article, ContentId = id, ChangedAtUtc = now });
        }
    }
}
