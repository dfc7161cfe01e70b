using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Files;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Files;

/// <summary>A stored upload, or why its bytes were refused (with the message an editor reads).</summary>
public sealed record FileStoreResult(StoredFile? File, string? Error)
{
    public bool Succeeded => File is not null;
}

/// <summary>
/// Document uploads on disk, under <see cref="StorageOptions.FilesRoot"/> (<c>{Storage:DataPath}/files</c> unless <c>Storage:FilesPath</c> is set). An upload is written to a temporary file in that
/// folder (never more than <c>Files:MaxUploadBytes</c> plus one buffer), inspected by its bytes and hashed, then
/// moved to the generated name <c>yyyy/MM/{guid}{ext}</c>; after any refusal nothing is left. The
/// <see cref="StoredFile"/> it answers is not yet in the database: the caller saves it with the change it belongs to,
/// or calls <see cref="Delete"/> when that change is abandoned.
/// </summary>
public sealed partial class FileStore(IOptions<StorageOptions> storage, IOptions<FileUploadOptions> options, TimeProvider clock)
{
    /// <summary>The folder's name inside a backup.</summary>
    public const string FolderName = StorageOptions.FilesFolder;

    /// <summary>Where uploads are written while they are checked; never served and never backed up.</summary>
    public const string IncomingFolderName = ".incoming";

    public string Root => storage.Value.FilesRoot;

    public long MaxBytes => options.Value.MaxUploadBytes;

    /// <summary>The full path of a stored file, or null when its name is not one this store generates.</summary>
    public string? PathOf(string fileName) => IsStoredName(fileName) ? Path.Combine(Root, fileName) : null;

    public Task<FileStoreResult> StoreAsync(Stream upload, string uploadedName, string? userId, CancellationToken cancellationToken = default) =>
        StoreAsync(upload, uploadedName, userId, file => FileInspector.Inspect(file), MaxBytes, options.Value.MaxUploadText, cancellationToken);

    /// <summary>
    /// The same, with another check of the bytes and another limit (the videos' MP4 check and <c>Video:MaxUploadBytes</c>):
    /// <paramref name="inspect"/> reads the temporary file and says what it is.
    /// </summary>
    public async Task<FileStoreResult> StoreAsync(Stream upload, string uploadedName, string? userId, Func<FileStream, FileInspection> inspect,
        long maxBytes, string maxText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inspect);
        ArgumentNullException.ThrowIfNull(upload);
        var shownName = CleanName(uploadedName, null);
        var incoming = Path.Combine(Root, IncomingFolderName);
        Directory.CreateDirectory(incoming);
        var temporary = Path.Combine(incoming, Guid.NewGuid().ToString("N") + ".upload");
        try
        {
            long length;
            byte[] sha;
            FileInspection inspection;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                length = 0;
                int read;
                while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        return Refuse(FileInspection.Refused(FileRefusal.TooLarge), shownName, maxText);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                sha = hash.GetHashAndReset();
                await file.FlushAsync(cancellationToken);
                inspection = inspect(file);
            }

            if (inspection.Kind is not { } kind)
            {
                return Refuse(inspection, shownName, maxText);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var fileName = $"{now.ToString("yyyy'/'MM", CultureInfo.InvariantCulture)}/{Guid.NewGuid():N}{kind.Extension()}";
            var target = Path.Combine(Root, fileName);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(temporary, target);
            return new FileStoreResult(new StoredFile
            {
                FileName = fileName,
                OriginalName = CleanName(uploadedName, kind),
                Kind = kind,
                SizeBytes = length,
                Sha256 = Convert.ToHexStringLower(sha),
                UploadedAtUtc = now,
                UploadedById = userId,
                TextState = kind.HasSearchableText() ? FileTextState.Pending : FileTextState.NotApplicable,
            }, null);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>Removes a stored file whose row was never saved (the change it came with was refused or lost a race).</summary>
    public void Delete(string fileName)
    {
        if (PathOf(fileName) is { } path)
        {
            TryDelete(path);
        }
    }

    /// <summary>
    /// The name readers get back: the last segment only (no folder, so <c>../</c> goes), control characters out, NFC,
    /// at most <see cref="StoredFile.OriginalNameMaxLength"/> characters; when the bytes are of another kind than the
    /// extension says, the kind's extension replaces it (a PDF sent as <c>a.exe</c> downloads as <c>a.pdf</c>).
    /// </summary>
    public static string CleanName(string? uploadedName, FileKind? kind)
    {
        var name = (uploadedName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray())
            .Normalize(NormalizationForm.FormC).Trim().TrimStart('.').Trim();
        var extension = Path.GetExtension(name);
        var stem = extension.Length > 0 ? name[..^extension.Length].TrimEnd() : name;
        if (kind is { } k && !string.Equals(extension, k.Extension(), StringComparison.OrdinalIgnoreCase))
        {
            extension = k.Extension();
        }

        if (stem.Length == 0)
        {
            stem = "tai-lieu";
        }

        var max = StoredFile.OriginalNameMaxLength - extension.Length;
        return (stem.Length > max ? stem[..max] : stem) + extension;
    }

    /// <summary>True for names this store generates (<c>yyyy/MM/32hex.ext</c>): nothing else is ever read back.</summary>
    public static bool IsStoredName(string? name) => name is not null && StoredName().IsMatch(name);

    private static FileStoreResult Refuse(FileInspection inspection, string shownName, string maxText) =>
        new(null, inspection.Message(shownName, maxText));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file the system still holds: it has no row, is never served, and is under .incoming or a generated name.
        }
    }

    [GeneratedRegex(@"^\d{4}/\d{2}/[0-9a-f]{32}\.(pdf|doc|docx|xls|xlsx|odt|ods|zip|mp4)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex StoredName();
}
