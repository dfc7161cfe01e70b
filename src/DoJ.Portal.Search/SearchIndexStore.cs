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
/// <remarks>
/// The index lives in a generation folder under the index path (<c>gen-…</c>), named by the pointer file
/// <c>current</c>. A rebuild writes a new generation beside the live one while searches go on reading the live one,
/// then <see cref="SwapTo"/> rewrites the pointer (a rename, atomic), moves the searchers over and deletes the old
/// folder. An index path without a pointer holds an index written before generations (its files directly in the
/// folder): it is read where it is, and replaced by a generation at the next rebuild.
/// </remarks>
internal sealed class SearchIndexStore : IDisposable
{
    private const string SchemaKey = "schema";
    private const string FingerprintKey = "fingerprint";
    private const string ChangesKey = "changes";
    private const string PointerFile = "current";
    private const string GenerationPrefix = "gen-";

    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string root;
    private readonly ILogger logger;
    private readonly double rebuildBufferMB;
    private string folder;
    private LuceneDirectory directory;
    private volatile SearcherManager? searchers;

    public SearchIndexStore(string path, ILogger logger, double rebuildBufferMB = SearchOptions.DefaultRebuildBufferMB)
    {
        this.rebuildBufferMB = rebuildBufferMB;
        root = path;
        this.logger = logger;
        folder = LiveFolder(path);
        directory = FSDirectory.Open(new DirectoryInfo(folder));
    }

    /// <summary>The one analyzer the index is written, queried and highlighted with.</summary>
    public VietnameseAnalyzer Analyzer { get; } = new();

    /// <summary>Where the index stands in the <c>ContentChanges</c> sequence; every commit stores it. A rebuild brings its own.</summary>
    public ChangeCursor Changes { get; private set; } = new(0);

    /// <summary>What the last commit stored (or the start-up check found current): the parts a partial write keeps.</summary>
    public IndexFingerprint Fingerprint { get; private set; } = new("", "", "");

    /// <summary>Null until the index is opened (after the start-up check, a rebuild or the first write).</summary>
    public SearcherManager? Searchers => searchers;

    /// <summary>The folder searches read now (a generation, or the index path itself for an index of the older layout).</summary>
    public string LiveFolderPath => folder;

    public Task WhenReady => ready.Task;

    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    public void MarkReady() => ready.TrySetResult();

    /// <summary>
    /// Why the index must be rebuilt (null when it is current), and whether it can answer searches meanwhile: it can when
    /// it is readable and of this schema, only older than the database. <paramref name="range"/> is the stored change sequence.
    /// </summary>
    public (string? Reason, bool Readable) Inspect(IndexFingerprint fingerprint, (long First, long Last) range)
    {
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                return ("no index yet", false);
            }

            using var reader = DirectoryReader.Open(directory);
            var data = reader.IndexCommit.UserData;
            if (!data.TryGetValue(SchemaKey, out var schema) || schema != SearchIndex.SchemaVersion.ToString(CultureInfo.InvariantCulture))
            {
                return ("schema version changed", false);
            }

            if (!data.TryGetValue(FingerprintKey, out var stored) || stored != fingerprint.ToString())
            {
                return ("the database changed since the index was written", true);
            }

            // An index older than the change sequence (before this version) starts following it from its end.
            var position = data.TryGetValue(ChangesKey, out var text) ? long.Parse(text, CultureInfo.InvariantCulture) : range.Last;
            if (position > range.Last)
            {
                return ("the database was replaced since the index was written", true);
            }

            if (range.First > position + 1)
            {
                return ("changes it has not applied were pruned", true);
            }

            Changes.Reset(position);
            Fingerprint = fingerprint;
            return (null, true);
        }
#pragma warning disable CA1031 // A corrupt or foreign index is never fatal: it is rebuilt.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "The search index is unreadable");
            return ("unreadable index", false);
        }
    }

    /// <summary>A writer on the live folder, for the writes after a save or a catch-up.</summary>
    public IndexWriter OpenWriter(OpenMode mode) => new(directory, new IndexWriterConfig(VietnameseAnalyzer.Version, Analyzer)
    {
        OpenMode = mode,
        WriteLockTimeout = 10_000,
        MergeScheduler = new LoggedMergeScheduler(logger),
    });

    /// <summary>
    /// A new, empty generation folder beside the live one, with a writer made for bulk loading; generations left behind
    /// by an interrupted rebuild are deleted first. The caller (one rebuild at a time) ends with <see cref="SwapTo"/> or <see cref="Discard"/>.
    /// </summary>
    public IndexGeneration CreateGeneration()
    {
        System.IO.Directory.CreateDirectory(root);
        foreach (var stale in System.IO.Directory.GetDirectories(root, GenerationPrefix + "*").Where(d => !SamePath(d, folder)))
        {
            TryDelete(stale);
        }

        var name = GenerationPrefix + DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture);
        var path = Path.Combine(root, name);
        for (var n = 2; System.IO.Directory.Exists(path) || SamePath(path, folder); n++)
        {
            path = Path.Combine(root, name + "-" + n.ToString(CultureInfo.InvariantCulture));
        }

        var generation = FSDirectory.Open(new DirectoryInfo(path));
        try
        {
            var writer = new IndexWriter(generation, new IndexWriterConfig(VietnameseAnalyzer.Version, Analyzer)
            {
                OpenMode = OpenMode.CREATE,
                RAMBufferSizeMB = rebuildBufferMB,
                // Segments are merged anyway; writing each flushed one a second time as a compound file is wasted work.
                UseCompoundFile = false,
                MergeScheduler = new LoggedMergeScheduler(logger),
            });
            return new IndexGeneration(path, generation, writer);
        }
        catch
        {
            generation.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Makes <paramref name="generation"/> (committed, its writer closed) the live index: the pointer file is replaced by a
    /// rename, searches move to the new folder, and the old folder is deleted (searches still reading it finish first on
    /// their open files; where the system refuses, the next rebuild deletes it). The caller holds the write gate.
    /// </summary>
    public void SwapTo(IndexGeneration generation, ChangeCursor changes, IndexFingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(generation);
        var pointer = Path.Combine(root, PointerFile);
        var staged = pointer + ".tmp";
        File.WriteAllText(staged, Path.GetFileName(generation.Folder));
        File.Move(staged, pointer, overwrite: true);

        var (oldFolder, oldDirectory, oldSearchers) = (folder, directory, searchers);
        folder = generation.Folder;
        directory = generation.Directory;
        Changes = changes;
        Fingerprint = fingerprint;
        searchers = new SearcherManager(directory, null);
        oldSearchers?.Dispose();
        oldDirectory.Dispose();
        if (SamePath(oldFolder, root))
        {
            // The older layout: the index's files were directly in the index path.
            foreach (var file in System.IO.Directory.GetFiles(root).Where(f => !SamePath(f, pointer)))
            {
                TryDelete(file);
            }
        }
        else
        {
            TryDelete(oldFolder);
        }
    }

    /// <summary>Abandons a rebuild: its writer is rolled back and its folder deleted; the live index is untouched.</summary>
    public void Discard(IndexGeneration generation)
    {
        ArgumentNullException.ThrowIfNull(generation);
        generation.Dispose();
        TryDelete(generation.Folder);
    }

    /// <summary>Commits with what the start-up check reads back: the schema, the database's fingerprint and the change position.</summary>
    public void Commit(IndexWriter writer, IndexFingerprint fingerprint)
    {
        Fingerprint = fingerprint;
        Commit(writer, fingerprint, Changes);
    }

    /// <summary>Commits <paramref name="writer"/> with the given fingerprint and change position (a rebuild's, before its swap).</summary>
    public static void Commit(IndexWriter writer, IndexFingerprint fingerprint, ChangeCursor changes)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.SetCommitData(new Dictionary<string, string>
        {
            [SchemaKey] = SearchIndex.SchemaVersion.ToString(CultureInfo.InvariantCulture),
            [FingerprintKey] = fingerprint.ToString(),
            [ChangesKey] = changes.Position.ToString(CultureInfo.InvariantCulture),
        });
        writer.Commit();
    }

    /// <summary>
    /// The searchers and one searcher acquired from them (to be released to the same searchers); null before the index is
    /// opened. A swap may dispose the searchers just read: then the new ones are taken.
    /// </summary>
    public (SearcherManager Searchers, IndexSearcher Searcher)? Acquire()
    {
        while (true)
        {
            var current = searchers;
            if (current is null)
            {
                return null;
            }

            try
            {
                return (current, current.Acquire());
            }
            catch (ObjectDisposedException) when (!ReferenceEquals(current, searchers))
            {
                // Swapped meanwhile: take the new searchers.
            }
        }
    }

    public void OpenSearchers()
    {
        var previous = searchers;
        searchers = new SearcherManager(directory, null);
        previous?.Dispose();
    }

    /// <summary>After a write: searches see it from now on.</summary>
    public void RefreshSearchers()
    {
        if (searchers is not { } current)
        {
            OpenSearchers();
        }
        else
        {
            current.MaybeRefreshBlocking();
        }
    }

    public void Dispose()
    {
        searchers?.Dispose();
        directory.Dispose();
        Analyzer.Dispose();
    }

    /// <summary>The generation the pointer names; the index path itself without a (valid) pointer.</summary>
    private static string LiveFolder(string root)
    {
        var pointer = Path.Combine(root, PointerFile);
        var name = File.Exists(pointer) ? File.ReadAllText(pointer).Trim() : "";
        return name.StartsWith(GenerationPrefix, StringComparison.Ordinal) && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && !name.Contains("..", StringComparison.Ordinal)
            ? Path.Combine(root, name)
            : root;
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);

    private void TryDelete(string path)
    {
        try
        {
            if (System.IO.Directory.Exists(path))
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
            else if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not delete {Path} of an earlier search index; the next rebuild tries again", path);
        }
    }
}

/// <summary>A rebuild's folder beside the live index and the writer filling it.</summary>
internal sealed class IndexGeneration(string folder, LuceneDirectory directory, IndexWriter writer) : IDisposable
{
    public string Folder { get; } = folder;

    public LuceneDirectory Directory { get; } = directory;

    /// <summary>Null once closed (committed and handed to the searchers, or discarded).</summary>
    public IndexWriter? Writer { get; private set; } = writer;

    /// <summary>Closes the writer after its commit; the folder stays, for the searchers.</summary>
    public void CloseWriter()
    {
        Writer?.Dispose();
        Writer = null;
    }

    /// <summary>Rolls back what was not committed and closes the folder.</summary>
    public void Dispose()
    {
        Writer?.Rollback();
        Writer = null;
        Directory.Dispose();
    }
}
