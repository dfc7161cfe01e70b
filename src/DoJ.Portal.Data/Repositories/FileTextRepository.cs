using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Files;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Repositories;

/// <summary>A file waiting for its text to be read.</summary>
public sealed record PendingFile(int Id, string FileName, FileKind Kind, long SizeBytes);

/// <summary>A file whose text could not be read, as the jobs screen lists it.</summary>
public sealed record UnreadableFile(int Id, string OriginalName, string? Note, DateTime? AtUtc);

/// <summary>Where the reading of files' text stands, for the jobs screen.</summary>
public sealed record FileTextStatus(int Waiting, int Extracted, int Unreadable, IReadOnlyList<UnreadableFile> LastUnreadable);

/// <summary>
/// The queue of files whose text is read for search. A file waits in <see cref="FileTextState.Pending"/>;
/// an instance claims it by a conditional update of <see cref="StoredFile.TextUpdatedAtUtc"/> (the lease:
/// a claim older than the lease is taken over, so a file whose reader stopped is read again), and only
/// the holder of the claim can store the result, so with several instances each file is read once.
/// </summary>
public sealed class FileTextRepository(PortalDbContext db)
{
    /// <summary>Claims the oldest waiting file nobody holds; null when none.</summary>
    public async Task<(PendingFile File, DateTime ClaimedAtUtc)?> ClaimNextAsync(DateTime nowUtc, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var expired = nowUtc - lease;
        // A few tries: another instance may take the candidate between the read and the update.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var candidate = await db.StoredFiles.AsNoTracking()
                .Where(f => f.TextState == FileTextState.Pending && (f.TextUpdatedAtUtc == null || f.TextUpdatedAtUtc < expired))
                .OrderBy(f => f.Id)
                .Select(f => new PendingFile(f.Id, f.FileName, f.Kind, f.SizeBytes))
                .FirstOrDefaultAsync(cancellationToken);
            if (candidate is null)
            {
                return null;
            }

            var claimed = await db.StoredFiles
                .Where(f => f.Id == candidate.Id && f.TextState == FileTextState.Pending && (f.TextUpdatedAtUtc == null || f.TextUpdatedAtUtc < expired))
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.TextUpdatedAtUtc, nowUtc), cancellationToken);
            if (claimed == 1)
            {
                return (candidate, nowUtc);
            }
        }

        return null;
    }

    /// <summary>
    /// Stores what was read, if the claim is still this caller's, and records a change for every document
    /// the file is attached to (same transaction), so every instance's index re-reads them. Returns those
    /// documents' ids, or null when the claim was lost (taken over after the lease, or the file re-queued meanwhile).
    /// </summary>
    public async Task<IReadOnlyList<int>?> CompleteAsync(int fileId, DateTime claimedAtUtc, FileTextState state, string? text, string? note, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.StoredFiles
            .Where(f => f.Id == fileId && f.TextState == FileTextState.Pending && f.TextUpdatedAtUtc == claimedAtUtc)
            .ExecuteUpdateAsync(s => s
                .SetProperty(f => f.TextState, state)
                .SetProperty(f => f.Text, text)
                .SetProperty(f => f.TextNote, note)
                .SetProperty(f => f.TextUpdatedAtUtc, nowUtc), cancellationToken);
        if (stored != 1)
        {
            return null;
        }

        var documents = await db.Attachments.AsNoTracking()
            .Where(a => a.StoredFileId == fileId && a.LegalDocumentId != null)
            .Select(a => a.LegalDocumentId!.Value).Distinct().ToListAsync(cancellationToken);
        db.ContentChanges.AddRange(documents.Select(id => new ContentChange { Kind = ContentKind.Document, ContentId = id, ChangedAtUtc = nowUtc }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return documents;
    }

    /// <summary>Puts files back in the queue: the unreadable ones, or every file whose kind has text; returns how many.</summary>
    public Task<int> RequeueAsync(bool all, CancellationToken cancellationToken = default)
    {
        var files = all
            ? db.StoredFiles.Where(f => f.Kind == FileKind.Pdf || f.Kind == FileKind.Docx)
            : db.StoredFiles.Where(f => f.TextState == FileTextState.Unreadable);
        return files.ExecuteUpdateAsync(s => s
            .SetProperty(f => f.TextState, FileTextState.Pending)
            .SetProperty(f => f.TextNote, (string?)null)
            .SetProperty(f => f.TextUpdatedAtUtc, (DateTime?)null), cancellationToken);
    }

    public async Task<FileTextStatus> StatusAsync(int lastErrors, CancellationToken cancellationToken = default)
    {
        var counts = await db.StoredFiles.AsNoTracking()
            .GroupBy(f => f.TextState)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(FileTextState state) => counts.FirstOrDefault(c => c.State == state)?.Count ?? 0;
        var last = await db.StoredFiles.AsNoTracking()
            .Where(f => f.TextState == FileTextState.Unreadable)
            .OrderByDescending(f => f.TextUpdatedAtUtc).ThenByDescending(f => f.Id)
            .Take(lastErrors)
            .Select(f => new UnreadableFile(f.Id, f.OriginalName, f.TextNote, f.TextUpdatedAtUtc))
            .ToListAsync(cancellationToken);
        return new FileTextStatus(Count(FileTextState.Pending), Count(FileTextState.Extracted), Count(FileTextState.Unreadable), last);
    }
}
