using DoJ.Portal.Data;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Search;
using DoJ.Portal.Search.Extraction;
using DoJ.Portal.Web.Caching;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Operations;

/// <summary>
/// Reads, in the background, the text of uploaded PDF and DOCX files waiting in
/// <see cref="FileTextState.Pending"/> (<see cref="FileTextReader"/>, bounded per file), one file at a time
/// so page requests keep the CPU on a small machine. Each file is claimed in the database first
/// (<see cref="FileTextRepository.ClaimNextAsync"/>), so with several instances each is read once; the result
/// and a change for every document owning the file are saved together, so every instance's index re-reads
/// those documents. A file that cannot be read is marked with a note; the service goes on with the next.
/// </summary>
public sealed class FileTextExtraction(
    IServiceScopeFactory scopes,
    SearchIndex index,
    PublicCache publicCache,
    IOptions<FileTextOptions> options,
    IOptions<StorageOptions> storage,
    TimeProvider clock,
    ILogger<FileTextExtraction> logger) : BackgroundService
{
    private readonly TaskCompletionSource caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes the first time no file is found waiting, after every file read before it (and the evictions
    /// that followed) is done: the files waiting when the host started (the demo documents' files) are read.
    /// </summary>
    public Task WhenCaughtUp => caughtUp.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
            do
            {
                try
                {
                    while (await ReadNextAsync(stoppingToken))
                    {
                    }

                    caughtUp.TrySetResult();
                }
#pragma warning disable CA1031 // The database may be busy or not migrated yet: try again at the next tick.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    logger.LogWarning(ex, "Could not read the text of waiting files; trying again in {Interval}", options.Value.PollInterval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a claimed file is taken again after its lease.
        }
    }

    /// <summary>Reads the next waiting file, if any; false when none was waiting (or the host is stopping).</summary>
    public async Task<bool> ReadNextAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var files = scope.ServiceProvider.GetRequiredService<FileTextRepository>();
        var claim = await files.ClaimNextAsync(clock.GetUtcNow().UtcDateTime, settings.Lease, cancellationToken);
        if (claim is not { } claimed)
        {
            return false;
        }

        var (file, claimedAtUtc) = claimed;
        var result = PathOf(file.FileName) is { } path
            ? await FileTextReader.ReadAsync(path, file.Kind, settings, cancellationToken)
            : FileTextResult.Unreadable(FileTextReader.MissingNote);
        if (result.State == FileTextState.Pending)
        {
            return false;
        }

        var note = result.Note is { Length: > StoredFile.TextNoteMaxLength } longNote ? longNote[..StoredFile.TextNoteMaxLength] : result.Note;
        var documents = await files.CompleteAsync(file.Id, claimedAtUtc, result.State, result.Text, note, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (documents is null)
        {
            logger.LogWarning("The claim on file {FileId} expired before its text was saved; another instance reads it", file.Id);
            return true;
        }

        await ReindexAsync(scope.ServiceProvider, documents, cancellationToken);
        if (result.State == FileTextState.Unreadable)
        {
            logger.LogWarning("The text of file {FileId} could not be read: {Note}", file.Id, note);
        }
        else
        {
            logger.LogInformation("Read the text of file {FileId}: {Characters} characters", file.Id, result.Text?.Length ?? 0);
        }

        return true;
    }

    /// <summary>
    /// This instance's index takes the documents at once (the others follow the recorded changes), then cached
    /// search pages are evicted, so a search finds the new text here without waiting for the catch-up.
    /// </summary>
    private async Task ReindexAsync(IServiceProvider services, IReadOnlyList<int> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0)
        {
            return;
        }

        if (index.IsReady)
        {
            await index.UpdateAsync(services.GetRequiredService<SearchContentRepository>(), ContentKind.Document, documents, cancellationToken);
        }

        await publicCache.SearchResultsChangedAsync();
    }

    /// <summary>The file's full path, or null when its stored name would leave the files folder.</summary>
    private string? PathOf(string fileName)
    {
        var root = Path.GetFullPath(storage.Value.FilesRoot);
        var path = Path.GetFullPath(Path.Combine(root, fileName));
        return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : null;
    }
}
