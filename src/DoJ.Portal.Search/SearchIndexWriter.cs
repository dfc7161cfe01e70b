using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Content;
using System.Threading.Channels;
using Lucene.Net.Index;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace DoJ.Portal.Search;

/// <summary>
/// Everything that writes to the index: the full rebuild (articles, documents, pages, questions), one entry after a
/// save, and catching up with the <c>ContentChanges</c> sequence. One write to the live index at a time, each ending
/// with one commit; a rebuild fills a new generation beside it meanwhile and takes the write gate only to apply the
/// changes saved while it read, commit and swap.
/// </summary>
internal sealed class SearchIndexWriter(SearchIndexStore store, TimeProvider clock, TimeSpan gapTimeout) : IDisposable
{
    public const int BatchSize = 500;

    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly SemaphoreSlim rebuildGate = new(1, 1);

    /// <summary>
    /// Threads that turn rows into Lucene documents and add them (<see cref="IndexWriter.AddDocument(IEnumerable{IIndexableField})"/>
    /// is thread-safe, each thread filling its own segment); one more reads the database meanwhile.
    /// </summary>
    private static int Indexers => Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>
    /// Rebuilds the whole index from the database into a new generation and swaps it in; until then searches read the
    /// index as it was (which the saves and the catch-up go on updating). <paramref name="progress"/> gets the count done,
    /// from the indexing threads.
    /// </summary>
    public async Task<int> RebuildAsync(SearchContentRepository content, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await rebuildGate.WaitAsync(cancellationToken);
        try
        {
            // The position is read before the content: a change saved while the content is read is applied to the new
            // index before the swap (applying one twice is harmless).
            var (_, lastChange) = await content.Articles.ChangeRangeAsync(cancellationToken);
            var changes = new ChangeCursor(lastChange);
            var generation = store.CreateGeneration();
            var swapped = false;
            try
            {
                var writer = generation.Writer!;
                var count = await FillAsync(content, writer, progress, cancellationToken);
                await writeGate.WaitAsync(cancellationToken);
                try
                {
                    // What was saved while the content was read (this instance's saves went to the old index meanwhile).
                    int fresh;
                    do
                    {
                        fresh = await ApplyChangesAsync(content, changes, writer, BatchSize, cancellationToken);
                    }
                    while (fresh > 0);

                    var fingerprint = await content.FingerprintAsync(cancellationToken);
                    SearchIndexStore.Commit(writer, fingerprint, changes);
                    generation.CloseWriter();
                    store.SwapTo(generation, changes, fingerprint);
                    swapped = true;
                }
                finally
                {
                    writeGate.Release();
                }

                store.MarkReady();
                return count;
            }
            finally
            {
                if (!swapped)
                {
                    store.Discard(generation);
                }
            }
        }
        finally
        {
            rebuildGate.Release();
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

    /// <summary>
    /// Brings entries of one kind in line with the database (added, replaced or removed), <see cref="BatchSize"/> to a
    /// write (documents, which carry their files' text, <see cref="SearchContentRepository.DocumentBatchSize"/>): each
    /// write reads the fingerprint and commits, so the 4,000 documents holding one file whose text was read
    /// took 4,000 of them (15 minutes of a core at 1,000,000 articles) when written one by one.
    /// </summary>
    public async Task UpdateAsync(SearchContentRepository content, ContentKind kind, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var chunk in ids.Distinct().Chunk(kind == ContentKind.Document ? SearchContentRepository.DocumentBatchSize : BatchSize))
        {
            var updates = new List<(ContentKind Kind, int Id, LuceneDocument? Document)>(chunk.Length);
            foreach (var id in chunk)
            {
                updates.Add((kind, id, await ReadAsync(content, kind, id, cancellationToken)));
            }

            var fingerprint = await content.FingerprintAsync(cancellationToken);
            await writeGate.WaitAsync(cancellationToken);
            try
            {
                Write(updates, fingerprint);
            }
            finally
            {
                writeGate.Release();
            }
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
            var updates = await ReadChangedAsync(content, fresh, cancellationToken);
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

    public void Dispose()
    {
        writeGate.Dispose();
        rebuildGate.Dispose();
    }

    /// <summary>The entry of one item as the database has it now; null when it is not indexable (or gone).</summary>
    private static async Task<LuceneDocument?> ReadAsync(SearchContentRepository content, ContentKind kind, int id, CancellationToken cancellationToken) => kind switch
    {
        ContentKind.Document => await content.GetIndexableDocumentAsync(id, cancellationToken) is { } d ? IndexDocument.From(d) : null,
        ContentKind.Page => await content.GetIndexablePageAsync(id, cancellationToken) is { } p ? IndexDocument.From(p) : null,
        ContentKind.Question => await content.GetIndexableQuestionAsync(id, cancellationToken) is { } q ? IndexDocument.From(q) : null,
        _ => await content.Articles.GetIndexableAsync(id, cancellationToken) is { } a ? IndexDocument.From(a) : null,
    };

    /// <summary>The entries of the changed items as the database has them now (null: remove).</summary>
    private static async Task<List<(ContentKind Kind, int Id, LuceneDocument? Document)>> ReadChangedAsync(SearchContentRepository content, List<ContentChangeItem> fresh, CancellationToken cancellationToken)
    {
        var updates = new List<(ContentKind Kind, int Id, LuceneDocument? Document)>();
        foreach (var (kind, id) in fresh.Select(c => (c.Kind, c.ContentId)).Distinct())
        {
            updates.Add((kind, id, await ReadAsync(content, kind, id, cancellationToken)));
        }

        return updates;
    }

    /// <summary>A rebuild's catch-up: the changes after <paramref name="changes"/>' position, applied to the new generation's writer.</summary>
    private async Task<int> ApplyChangesAsync(SearchContentRepository content, ChangeCursor changes, IndexWriter writer, int batch, CancellationToken cancellationToken)
    {
        var fresh = (await content.Articles.ListChangesAfterAsync(changes.Position, batch, cancellationToken)).Where(c => changes.IsNew(c.Id)).ToList();
        Apply(writer, await ReadChangedAsync(content, fresh, cancellationToken));
        changes.Advance(fresh.Select(c => c.Id), clock.GetUtcNow().UtcDateTime, gapTimeout);
        return fresh.Count;
    }

    /// <summary>
    /// Reads every kind in id ranges (one thread) and hands the batches to <see cref="Indexers"/> threads through a
    /// bounded channel (at most two batches waiting per thread, so memory stays bounded); returns the count added.
    /// </summary>
    private static async Task<int> FillAsync(SearchContentRepository content, IndexWriter writer, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var indexers = Indexers;
        // A batch is turned into documents one at a time as they are added, so a thread holds one document's analysed
        // words at a time, not a batch's.
        var batches = Channel.CreateBounded<Func<(int Count, IEnumerable<LuceneDocument> Documents)>>(new BoundedChannelOptions(indexers * 2) { SingleWriter = true });
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var count = 0;
        var countGate = new Lock();

        async Task IndexAsync()
        {
            try
            {
                await foreach (var build in batches.Reader.ReadAllAsync(failed.Token))
                {
                    var (added, documents) = build();
                    foreach (var document in documents)
                    {
                        writer.AddDocument(document);
                    }

                    lock (countGate)
                    {
                        count += added;
                        progress?.Report(count);
                    }
                }
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
        }

        async Task ReadAsync()
        {
            try
            {
                ValueTask Send<T>(List<T> rows, Func<T, LuceneDocument> from) => batches.Writer.WriteAsync(() => (rows.Count, rows.Select(from)), failed.Token);
                await ForEachBatchAsync((after, ct) => content.Articles.ListIndexableAsync(after, BatchSize, ct), a => a.Id, b => Send(b, IndexDocument.From), failed.Token);
                await ForEachBatchAsync((after, ct) => content.ListIndexableDocumentsAsync(after, SearchContentRepository.DocumentBatchSize, ct), d => d.Id, b => Send(b, IndexDocument.From), failed.Token);
                await ForEachBatchAsync((after, ct) => content.ListIndexablePagesAsync(after, BatchSize, ct), p => p.Id, b => Send(b, IndexDocument.From), failed.Token);
                await ForEachBatchAsync((after, ct) => content.ListIndexableQuestionsAsync(after, BatchSize, ct), q => q.Id, b => Send(b, IndexDocument.From), failed.Token);
                batches.Writer.Complete();
            }
            catch (Exception ex)
            {
                batches.Writer.TryComplete(ex);
                throw;
            }
        }

        var tasks = Enumerable.Range(0, indexers).Select(_ => Task.Run(IndexAsync, CancellationToken.None)).Append(ReadAsync()).ToList();
        await Task.WhenAll(tasks);
        return count;
    }

    private static async Task ForEachBatchAsync<T>(Func<int, CancellationToken, Task<List<T>>> next, Func<T, int> id, Func<List<T>, ValueTask> write, CancellationToken cancellationToken)
    {
        var lastId = 0;
        while (true)
        {
            var batch = await next(lastId, cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            await write(batch);
            lastId = id(batch[^1]);
        }
    }

    /// <summary>Writes (or removes) the given entries and commits once; the caller holds the write gate.</summary>
    private void Write(IReadOnlyCollection<(ContentKind Kind, int Id, LuceneDocument? Document)> updates, IndexFingerprint fingerprint)
    {
        using (var writer = store.OpenWriter(OpenMode.CREATE_OR_APPEND))
        {
            Apply(writer, updates);
            store.Commit(writer, fingerprint);
        }

        store.RefreshSearchers();
    }

    private static void Apply(IndexWriter writer, IReadOnlyCollection<(ContentKind Kind, int Id, LuceneDocument? Document)> updates)
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
    }
}
