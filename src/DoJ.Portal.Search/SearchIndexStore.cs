using System.Globalization;
using DoJ.Portal.Data.Repositories;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace DoJ.Portal.Search;

/// <summary>
/// The index's lifecycle: its folder, the start-up check (schema, fingerprint, change position), the
/// commit data every write stores, the searchers, readiness and disposal. Writing and reading are
/// <see cref="SearchIndexWriter"/> and <see cref="SearchIndexReader"/>.
/// </summary>
internal sealed class SearchIndexStore(string path, ILogger logger) : IDisposable
{
    private const string SchemaKey = "schema";
    private const string FingerprintKey = "fingerprint";
    private const string ChangesKey = "changes";

    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string path = path;
    private LuceneDirectory directory = FSDirectory.Open(new DirectoryInfo(path));

    /// <summary>The one analyzer the index is written, queried and highlighted with.</summary>
    public VietnameseAnalyzer Analyzer { get; } = new();

    /// <summary>Where the index stands in the <c>ContentChanges</c> sequence; every commit stores it.</summary>
    public ChangeCursor Changes { get; } = new(0);

    /// <summary>What the last commit stored (or the start-up check found current): the parts a partial write keeps.</summary>
    public IndexFingerprint Fingerprint { get; private set; } = new("", "", "");

    /// <summary>Null until the index is opened (after the start-up check, a rebuild or the first write).</summary>
    public SearcherManager? Searchers { get; private set; }

    public Task WhenReady => ready.Task;

    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    public void MarkReady() => ready.TrySetResult();

    /// <summary>Why the index must be rebuilt, or null when it is current; <paramref name="range"/> is the stored change sequence.</summary>
    public string? Inspect(IndexFingerprint fingerprint, (long First, long Last) range)
    {
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                return "no index yet";
            }

            using var reader = DirectoryReader.Open(directory);
            var data = reader.IndexCommit.UserData;
            if (!data.TryGetValue(SchemaKey, out var schema) || schema != SearchIndex.SchemaVersion.ToString(CultureInfo.InvariantCulture))
            {
                return "schema version changed";
            }

            if (!data.TryGetValue(FingerprintKey, out var stored) || stored != fingerprint.ToString())
            {
                return "the database changed since the index was written";
            }

            // An index older than the change sequence (before this version) starts following it from its end.
            var position = data.TryGetValue(ChangesKey, out var text) ? long.Parse(text, CultureInfo.InvariantCulture) : range.Last;
            if (position > range.Last)
            {
                return "the database was replaced since the index was written";
            }

            if (range.First > position + 1)
            {
                return "changes it has not applied were pruned";
            }

            Changes.Reset(position);
            Fingerprint = fingerprint;
            return null;
        }
#pragma warning disable CA1031 // A corrupt or foreign index is never fatal: it is rebuilt.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "The search index is unreadable");
            return "unreadable index";
        }
    }

    /// <summary>Deletes the folder's files when it holds no readable index, so a fresh one can be written.</summary>
    public void ResetIfUnreadable()
    {
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                return;
            }

            using var reader = DirectoryReader.Open(directory);
        }
#pragma warning disable CA1031 // See Inspect: corruption means start again.
        catch (Exception)
#pragma warning restore CA1031
        {
            Searchers?.Dispose();
            Searchers = null;
            directory.Dispose();
            System.IO.Directory.Delete(path, recursive: true);
            directory = FSDirectory.Open(new DirectoryInfo(path));
        }
    }

    public IndexWriter OpenWriter(OpenMode mode) => new(directory, new IndexWriterConfig(VietnameseAnalyzer.Version, Analyzer)
    {
        OpenMode = mode,
        WriteLockTimeout = 10_000,
        MergeScheduler = new LoggedMergeScheduler(logger),
    });

    /// <summary>Commits with what the start-up check reads back: the schema, the database's fingerprint and the change position.</summary>
    public void Commit(IndexWriter writer, IndexFingerprint fingerprint)
    {
        Fingerprint = fingerprint;
        writer.SetCommitData(new Dictionary<string, string>
        {
            [SchemaKey] = SearchIndex.SchemaVersion.ToString(CultureInfo.InvariantCulture),
            [FingerprintKey] = fingerprint.ToString(),
            [ChangesKey] = Changes.Position.ToString(CultureInfo.InvariantCulture),
        });
        writer.Commit();
    }

    public void OpenSearchers()
    {
        var previous = Searchers;
        Searchers = new SearcherManager(directory, null);
        previous?.Dispose();
    }

    /// <summary>After a write: searches see it from now on.</summary>
    public void RefreshSearchers()
    {
        if (Searchers is null)
        {
            OpenSearchers();
        }
        else
        {
            Searchers.MaybeRefreshBlocking();
        }
    }

    public void Dispose()
    {
        Searchers?.Dispose();
        directory.Dispose();
        Analyzer.Dispose();
    }
}
