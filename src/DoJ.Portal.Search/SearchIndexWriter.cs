using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Content;
using Lucene.Net.Index;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace DoJ.Portal.Search;

/// <summary>
/// Everything that writes to the index: the full rebuild (articles, documents, pages, questions), one entry after a
/// save, and catching up with the <c>ContentChanges</c> sequence. One write at a time; each ends with one commit.
/// </summary>
internal sealed class SearchIndexWriter(SearchIndexStore store) : IDisposable
{
    public const int BatchSize = 500;

    private readonly SemaphoreSlim writeGate = new(1, 1);

    /// <summary>Rebuilds the whole index from the database; <paramref name="progress"/> gets the count done.</summary>
    public async Task<int> RebuildAsync(SearchContentRepository content, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            // Read first: a change saved while the content is read is applied again afterwards (harmless).
            var (_, lastChange) = await content.Articles.ChangeRangeAsync(cancellationToken);
            var fingerprint = await content.FingerprintAsync(cancellationToken);
            store.ResetIfUnreadable();
            store.Changes.Reset(lastChange);
            var count = 0;
            using (var writer = store.OpenWriter(OpenMode.CREATE))
            {
                void Add(IEnumerable<LuceneDocument> documents, int size)
                {
                    writer.AddDocuments(documents);
                    count += size;
                    progress?.Report(count);
                }

                await ForEachBatchAsync((after, ct) => content.Articles.ListIndexableAsync(after, BatchSize, ct), a => a.Id, b => Add(b.Select(IndexDocument.From), b.Count), cancellationToken);
                await ForEachBatchAsync((after, ct) => content.ListIndexableDocumentsAsync(after, SearchContentRepository.DocumentBatchSize, ct), d => d.Id, b => Add(b.Select(IndexDocument.From), b.Count), cancellationToken);
                await ForEachBatchAsync((after, ct) => content.ListIndexablePagesAsync(after, BatchSize, ct), p => p.Id, b => Add(b.Select(IndexDocument.From), b.Count), cancellationToken);
                await ForEachBatchAsync((after, ct) => content.ListIndexableQuestionsAsync(after, BatchSize, ct), q => q.Id, b => Add(b.Select(IndexDocument.From), b.Count), cancellationToken);
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
        var part = await articles.IndexableFingerprintAsync(cancellationToken);
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            // Only the articles' part of the fingerprint is re-read; the others stay as the last write left them.
            Write([(ContentKind.Article, articleId, item is null ? null : IndexDocument.From(item))], store.Fingerprint with { Articles = part });
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>Brings one entry of any kind in line with the database: added, replaced or removed.</summary>
    public async Task UpdateAsync(SearchContentRepository content, ContentKind kind, int id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var document = await ReadAsync(content, kind, id, cancellationToken);
        var fingerprint = await content.FingerprintAsync(cancellationToken);
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            Write([(kind, id, document)], fingerprint);
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>
    /// Applies the changes saved (on any instance) since the last call, up to <paramref name="batch"/> of them;
    /// returns how many entries it updated. Each is re-read from the database, so applying one twice is harmless.
    /// </summary>
    public async Task<int> CatchUpAsync(SearchContentRepository content, DateTime nowUtc, TimeSpan gapTimeout, int batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!store.IsReady)
        {
            return 0;
        }

        await writeGate.WaitAsync(cancellationToken);
        try
        {
            var changes = store.Changes;
            var fresh = (await content.Articles.ListChangesAfterAsync(changes.Position, batch, cancellationToken)).Where(c => changes.IsNew(c.Id)).ToList();
            var updates = new List<(ContentKind Kind, int Id, LuceneDocument? Document)>();
            foreach (var (kind, id) in fresh.Select(c => (c.Kind, c.ContentId)).Distinct())
            {
                updates.Add((kind, id, await ReadAsync(content, kind, id, cancellationToken)));
            }

            var moved = changes.Advance(fresh.Select(c => c.Id), nowUtc, gapTimeout);
            if (updates.Count > 0 || moved)
            {
                Write(updates, await content.FingerprintAsync(cancellationToken));
            }

            return updates.Count;
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>Writes the given content and opens the index (for tests that need no database).</summary>
    public void Load(IReadOnlyCollection<ArticleIndexItem> articles, IReadOnlyCollection<DocumentIndexItem> documents, IReadOnlyCollection<PageIndexItem> pages)
    {
        var entries = articles.Select(a => (ContentKind.Article, a.Id, (LuceneDocument?)IndexDocument.From(a)))
            .Concat(documents.Select(d => (ContentKind.Document, d.Id, (LuceneDocument?)IndexDocument.From(d))))
            .Concat(pages.Select(p => (ContentKind.Page, p.Id, (LuceneDocument?)IndexDocument.From(p))))
            .ToList();
        Write(entries, new IndexFingerprint("loaded", "loaded", "loaded"));
        store.MarkReady();
    }

    /// <summary>Waits for the write in progress, if any, and keeps the gate: no write starts after this. False on timeout.</summary>
    public bool WaitIdle(TimeSpan timeout) => writeGate.Wait(timeout);

    public void Dispose() => writeGate.Dispose();

    /// <summary>The entry of one item as the database has it now; null when it is not indexable (or gone).</summary>
    private static async Task<LuceneDocument?> ReadAsync(SearchContentRepository content, ContentKind kind, int id, CancellationToken cancellationToken) => kind switch
    {
        ContentKind.Document => await content.GetIndexableDocumentAsync(id, cancellationToken) is { } d ? IndexDocument.From(d) : null,
        ContentKind.Page => await content.GetIndexablePageAsync(id, cancellationToken) is { } p ? IndexDocument.From(p) : null,
        ContentKind.Question => await content.GetIndexableQuestionAsync(id, cancellationToken) is { } q ? IndexDocument.From(q) : null,
        _ => await content.Articles.GetIndexableAsync(id, cancellationToken) is { } a ? IndexDocument.From(a) : null,
    };

    private static async Task ForEachBatchAsync<T>(Func<int, CancellationToken, Task<List<T>>> next, Func<T, int> id, Action<List<T>> write, CancellationToken cancellationToken)
    {
        var lastId = 0;
        while (true)
        {
            var batch = await next(lastId, cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            write(batch);
            lastId = id(batch[^1]);
        }
    }

    /// <summary>Writes (or removes) the given entries and commits once; the caller holds the write gate.</summary>
    private void Write(IReadOnlyCollection<(ContentKind Kind, int Id, LuceneDocument? Document)> updates, IndexFingerprint fingerprint)
    {
        using (var writer = store.OpenWriter(OpenMode.CREATE_OR_APPEND))
        {
            foreach (var (kind, id, document) in updates)
            {
                var key = IndexDocument.Key(kind, id);
                if (document is null)
                {
                    writer.DeleteDocuments(key);
                }
                else
                {
                    writer.UpdateDocument(key, document);
                }
            }

            store.Commit(writer, fingerprint);
        }

        store.RefreshSearchers();
    }
}
