using System.Runtime.CompilerServices;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace DoJ.Portal.Data;

/// <summary>
/// Adds a <see cref="ContentChange"/> row for every indexed item a save changes, inside that same
/// transaction, so no instance's search index can miss a committed change: articles, documents of the
/// register, static pages and citizens' questions updated or deleted, documents whose attachments changed, and documents,
/// pages and already-published questions added. A new article needs none: it starts as a draft, which the index does not hold.
/// </summary>
/// <remarks>
/// An added document or page has no id before the save. For those, the recorder makes sure the save runs
/// in a transaction (it opens one when the caller has none), and once the rows are inserted and their ids
/// known, it writes their changes with a second save in that transaction and only then commits: the
/// content and its change are committed together or not at all.
/// </remarks>
public sealed class ContentChangeRecorder(TimeProvider clock) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, PendingAdds> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Record(eventData?.Context) is { } adds)
        {
            adds.OwnTransaction = eventData!.Context!.Database.CurrentTransaction is null ? eventData.Context.Database.BeginTransaction() : null;
        }

        return base.SavingChanges(eventData!, result);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Record(eventData?.Context) is { } adds)
        {
            adds.OwnTransaction = eventData!.Context!.Database.CurrentTransaction is null ? await eventData.Context.Database.BeginTransactionAsync(cancellationToken) : null;
        }

        return await base.SavingChangesAsync(eventData!, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData?.Context) is { } adds)
        {
            try
            {
                if (AddChanges(eventData!.Context!, adds))
                {
                    eventData.Context!.SaveChanges();
                }

                adds.OwnTransaction?.Commit();
            }
            finally
            {
                adds.OwnTransaction?.Dispose();
            }
        }

        return base.SavedChanges(eventData!, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData?.Context) is { } adds)
        {
            try
            {
                if (AddChanges(eventData!.Context!, adds))
                {
                    await eventData.Context!.SaveChangesAsync(cancellationToken);
                }

                if (adds.OwnTransaction is not null)
                {
                    await adds.OwnTransaction.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                if (adds.OwnTransaction is not null)
                {
                    await adds.OwnTransaction.DisposeAsync();
                }
            }
        }

        return await base.SavedChangesAsync(eventData!, result, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        // Disposing an uncommitted transaction rolls it back.
        Take(eventData?.Context)?.OwnTransaction?.Dispose();
        base.SaveChangesFailed(eventData!);
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Take(eventData?.Context)?.OwnTransaction is { } transaction)
        {
            await transaction.DisposeAsync();
        }

        await base.SaveChangesFailedAsync(eventData!, cancellationToken);
    }

    /// <summary>Adds the changes of updated and deleted items; returns the added ones still without an id, if any.</summary>
    private PendingAdds? Record(DbContext? context)
    {
        if (context is null)
        {
            return null;
        }

        // Entries() detects changes first, so content changed by plain property sets is seen.
        var changed = new HashSet<(ContentKind, int)>();
        foreach (var entry in context.ChangeTracker.Entries<Article>().Where(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            changed.Add((ContentKind.Article, entry.Entity.Id));
        }

        foreach (var entry in context.ChangeTracker.Entries<LegalDocument>().Where(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            changed.Add((ContentKind.Document, entry.Entity.Id));
        }

        foreach (var entry in context.ChangeTracker.Entries<StaticPage>().Where(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            changed.Add((ContentKind.Page, entry.Entity.Id));
        }

        // A question's status, text or answer decides whether and how it is found; its contact details never reach the index.
        foreach (var entry in context.ChangeTracker.Entries<Question>().Where(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            changed.Add((ContentKind.Question, entry.Entity.Id));
        }

        // A document's files are part of what it is found by: adding or removing one changes it.
        foreach (var entry in context.ChangeTracker.Entries<Attachment>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            if (entry.Entity.LegalDocumentId is int id && id > 0)
            {
                changed.Add((ContentKind.Document, id));
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (kind, id) in changed)
        {
            context.Add(new ContentChange { Kind = kind, ContentId = id, ChangedAtUtc = now });
        }

        var added = context.ChangeTracker.Entries<LegalDocument>().Where(e => e.State == EntityState.Added).Select(e => (object)e.Entity)
            .Concat(context.ChangeTracker.Entries<StaticPage>().Where(e => e.State == EntityState.Added).Select(e => (object)e.Entity))
            // A question sent by a citizen is not indexed until published; one added already published (imported) is.
            .Concat(context.ChangeTracker.Entries<Question>().Where(e => e.State == EntityState.Added && e.Entity.Status == QuestionStatus.Published).Select(e => (object)e.Entity))
            .ToList();
        if (added.Count == 0)
        {
            return null;
        }

        var adds = new PendingAdds(added);
        pending.AddOrUpdate(context, adds);
        return adds;
    }

    private PendingAdds? Take(DbContext? context) =>
        context is not null && pending.TryGetValue(context, out var adds) && pending.Remove(context) ? adds : null;

    /// <summary>The ids are known now; false when the save did not accept its changes (nothing to add then: see below).</summary>
    private bool AddChanges(DbContext context, PendingAdds adds)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var any = false;
        foreach (var entity in adds.Entities)
        {
            // Still "Added" only after SaveChanges(acceptAllChangesOnSuccess: false): the caller saves again,
            // and this recorder sees the entity again then.
            if (context.Entry(entity).State == EntityState.Added)
            {
                continue;
            }

            var (kind, id) = entity switch
            {
                LegalDocument d => (ContentKind.Document, d.Id),
                StaticPage p => (ContentKind.Page, p.Id),
                Question q => (ContentKind.Question, q.Id),
                _ => throw new InvalidOperationException("Only documents, pages and published questions are recorded when added."),
            };
            context.Add(new ContentChange { Kind = kind, ContentId = id, ChangedAtUtc = now });
            any = true;
        }

        return any;
    }

    private sealed class PendingAdds(List<object> entities)
    {
        public List<object> Entities { get; } = entities;

        /// <summary>The transaction the recorder opened for this save; null when the caller had one.</summary>
        public IDbContextTransaction? OwnTransaction { get; set; }
    }
}
