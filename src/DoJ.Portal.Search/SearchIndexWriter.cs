using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Content;
using Lucene.Net.Index;

namespace DoJ.Portal.Search;

/// <summary>
/// Everything that writes to the index: the full rebuild, one article after a save, and catching up with
/// the <c>ContentChanges</c> sequence. One write at a time; each ends with one commit.
/// </summary>
internal sealed class SearchIndexWriter(SearchIndexStore store) : IDisposable
{
    public const int BatchSize = 500;

    private readonly SemaphoreSlim writeGate = new(1, 1);

    /// <summary>Rebuilds the whole index from the database; <paramref name="progress"/> gets the count done.</summary>
    public async Task<int> RebuildAsync(ArticleRepository articles, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            // Read first: a change saved while the articles are read is applied again afterwards (harmless).
            var (_, lastChange) = await articles.ChangeRangeAsync(cancellationToken);
            var fingerprint = await articles.IndexableFingerprintAsync(cancellationToken);
            store.ResetIfUnreadable();
            store.Changes.Reset(lastChange);
            var count = 0;
            using (var writer = store.OpenWriter(OpenMode.CREATE))
            {
                var lastId = 0;
                while (true)
                {
                    var batch = await articles.ListIndexableAsync(lastId, BatchSize, cancellationToken);
                    if (batch.Count == 0)
                    {
                        break;
                    }

                    writer.AddDocuments(batch.Select(ArticleDocument.From));
                    count += batch.Count;
                    lastId = batch[^1].Id;
                    progress?.Report(count);
                }

                store.Commit(writer, fingerprint);
            }

            store.OpenSearchers();
            store.MarkReady();
            return count;
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>Brings one article's entry in line with the database: added, replaced or removed.</summary>
    public async Task UpdateArticleAsync(ArticleRepository articles, int articleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var item = await articles.GetIndexableAsync(articleId, cancellationToken);
        var fingerprint = await articles.IndexableFingerprintAsync(cancellationToken);
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            Write([(articleId, item)], fingerprint);
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>
    /// Applies the changes saved (on any instance) since the last call, up to <paramref name="batch"/> of them;
    /// returns how many articles it updated. Each is re-read from the database, so applying one twice is harmless.
    /// </summary>
    public async Task<int> CatchUpAsync(ArticleRepository articles, DateTime nowUtc, TimeSpan gapTimeout, int batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (!store.IsReady)
        {
            return 0;
        }

        await writeGate.WaitAsync(cancellationToken);
        try
        {
            var changes = store.Changes;
            var fresh = (await articles.ListChangesAfterAsync(changes.Position, batch, cancellationToken)).Where(c => changes.IsNew(c.Id)).ToList();
            var updates = new List<(int Id, ArticleIndexItem? Item)>();
            foreach (var id in fresh.Where(c => c.Kind == ContentKind.Article).Select(c => c.ContentId).Distinct())
            {
                updates.Add((id, await articles.GetIndexableAsync(id, cancellationToken)));
            }

            var moved = changes.Advance(fresh.Select(c => c.Id), nowUtc, gapTimeout);
            if (updates.Count > 0 || moved)
            {
                Write(updates, await articles.IndexableFingerprintAsync(cancellationToken));
            }

            return updates.Count;
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>Writes the given articles and opens the index (for tests that need no database).</summary>
    public void Load(IReadOnlyCollection<ArticleIndexItem> items)
    {
        Write(items.Select(i => (i.Id, (ArticleIndexItem?)i)).ToList(), "loaded");
        store.MarkReady();
    }

    public void Dispose() => writeGate.Dispose();

    /// <summary>Writes (or removes) the given entries and commits once; the caller holds the write gate.</summary>
    private void Write(IReadOnlyCollection<(int Id, ArticleIndexItem? Item)> updates, string fingerprint)
    {
        using (var writer = store.OpenWriter(OpenMode.CREATE_OR_APPEND))
        {
            foreach (var (id, item) in updates)
            {
                var key = ArticleDocument.Key(id);
                if (item is null)
                {
                    writer.DeleteDocuments(key);
                }
                else
                {
                    writer.UpdateDocument(key, ArticleDocument.From(item));
                }
            }

            store.Commit(writer, fingerprint);
        }

        store.RefreshSearchers();
    }
}
