using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using System.Text;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Web.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Files;

/// <summary>
/// Applies an edit of an attachment list to its owner (an article, a static page, a document of the register)
/// without knowing which: the owner's editor loads the list (<see cref="LoadAsync{TOwner}"/>), hands its tracked
/// collection here with the posted rows and the new files, saves the owner, and calls
/// <see cref="AttachmentChanges.Keep"/> once the save committed. Validation and every upload happen before the list
/// is touched, so a refused edit changes nothing and leaves nothing on disk.
/// </summary>
public sealed class AttachmentListEditor(PortalDbContext db, FileStore store, AuditLog audit, IOptions<FileUploadOptions> options)
{
    /// <summary>The form field of the rows (<c>Attachments[i].DisplayName</c>…).</summary>
    public const string ListField = nameof(IAttachmentForm.Attachments);

    /// <summary>The form field of the files to add (a multiple file input).</summary>
    public const string NewFilesField = nameof(IAttachmentForm.NewFiles);

    /// <summary>The audit field under which a list's changes appear.</summary>
    public const string AuditField = "Tệp đính kèm";

    /// <summary>Loads the owner's attachments and their files into its tracked collection.</summary>
    public Task LoadAsync<TOwner>(TOwner owner, Expression<Func<TOwner, IEnumerable<Attachment>>> attachments, CancellationToken cancellationToken = default)
        where TOwner : class
    {
        ArgumentNullException.ThrowIfNull(owner);
        return db.Entry(owner).Collection(attachments).Query().Include(a => a.StoredFile).LoadAsync(cancellationToken);
    }

    /// <summary>The rows of a form, in order, from a loaded list.</summary>
    public static List<AttachmentInput> ToInputs(IEnumerable<Attachment> attachments) =>
        attachments.OrderBy(a => a.Position).ThenBy(a => a.Id).Select(AttachmentInput.Of).ToList();

    /// <summary>
    /// Renames, reorders and removes the rows of <paramref name="posted"/> that name a file of this list (others are
    /// ignored: a form cannot attach a file it does not already hold), and stores and appends <paramref name="newFiles"/>
    /// (display name: the file name without its extension). Rows not posted stay as they are.
    /// </summary>
    public async Task<AttachmentChanges> ApplyAsync(ICollection<Attachment> attachments, IReadOnlyList<AttachmentInput>? posted, IReadOnlyList<IFormFile>? newFiles,
        ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        ArgumentNullException.ThrowIfNull(user);
        posted ??= [];
        var errors = new List<AttachmentError>();
        var current = attachments.ToDictionary(a => a.StoredFileId);
        var rows = new List<(Attachment Attachment, AttachmentInput Input, string Name)>();
        for (var i = 0; i < posted.Count; i++)
        {
            var input = posted[i];
            if (!current.TryGetValue(input.StoredFileId, out var attachment) || rows.Any(r => r.Attachment == attachment))
            {
                continue;
            }

            var name = Clean(input.DisplayName);
            if (!input.Remove && NameError(name) is { } error)
            {
                errors.Add(new($"{ListField}[{i.ToString(CultureInfo.InvariantCulture)}].{nameof(AttachmentInput.DisplayName)}", error));
            }

            rows.Add((attachment, input, name));
        }

        var written = new List<string>();
        var stored = new List<StoredFile>();
        var refusedFiles = false;
        foreach (var file in (newFiles ?? []).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
        {
            var result = await StoreAsync(file, user, cancellationToken);
            if (result.File is { } storedFile)
            {
                written.Add(storedFile.FileName);
                stored.Add(storedFile);
            }
            else
            {
                refusedFiles = true;
                errors.Add(new(NewFilesField, result.Error!));
            }
        }

        if (errors.Count > 0)
        {
            if (refusedFiles)
            {
                errors.Add(new(NewFilesField, "Chưa có gì được lưu: hãy chọn lại các tệp hợp lệ rồi lưu lại."));
            }

            foreach (var fileName in written)
            {
                store.Delete(fileName);
            }

            return new AttachmentChanges(errors, [], store.Delete);
        }

        // Posted rows in their new order, then the rows the form did not carry, then the new files.
        var ordered = rows.Where(r => !r.Input.Remove)
            .OrderBy(r => r.Input.Position).ThenBy(r => r.Attachment.Position)
            .Select(r => (r.Attachment, (string?)r.Name))
            .Concat(attachments.Where(a => rows.All(r => r.Attachment != a)).OrderBy(a => a.Position).Select(a => (a, (string?)null)))
            .ToList();
        foreach (var (attachment, _, _) in rows.Where(r => r.Input.Remove))
        {
            db.Attachments.Remove(attachment);
            attachments.Remove(attachment);
        }

        var position = 1;
        foreach (var (attachment, name) in ordered)
        {
            attachment.DisplayName = name ?? attachment.DisplayName;
            attachment.Position = position++;
        }

        foreach (var file in stored)
        {
            attachments.Add(new Attachment { StoredFile = file, DisplayName = DefaultDisplayName(file.OriginalName), Position = position++ });
            audit.Record(user, "Tải tệp lên", nameof(StoredFile), file.FileName, file.OriginalName, new Dictionary<string, (object?, object?)>
            {
                ["Loại"] = (null, file.Kind.Label()),
                ["Dung lượng"] = (null, VietnameseByteSize.Format(file.SizeBytes)),
                ["SHA-256"] = (null, file.Sha256),
            });
        }

        return new AttachmentChanges([], written, store.Delete);
    }

    /// <summary>Makes the list what a revision kept (files that no longer exist are skipped), as rows of this owner.</summary>
    public async Task RestoreAsync(ICollection<Attachment> attachments, string? snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        var wanted = AttachmentSnapshot.Parse(snapshot).DistinctBy(s => s.StoredFileId).ToList();
        var ids = wanted.Select(s => s.StoredFileId).ToList();
        var files = await db.StoredFiles.Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        foreach (var gone in attachments.Where(a => !files.ContainsKey(a.StoredFileId) || wanted.All(w => w.StoredFileId != a.StoredFileId)).ToList())
        {
            db.Attachments.Remove(gone);
            attachments.Remove(gone);
        }

        var position = 1;
        foreach (var item in wanted.Where(w => files.ContainsKey(w.StoredFileId)))
        {
            var name = Clean(item.DisplayName);
            name = NameError(name) is null ? name : DefaultDisplayName(files[item.StoredFileId].OriginalName);
            if (attachments.FirstOrDefault(a => a.StoredFileId == item.StoredFileId) is { } existing)
            {
                existing.DisplayName = name;
                existing.Position = position++;
            }
            else
            {
                attachments.Add(new Attachment { StoredFileId = item.StoredFileId, StoredFile = files[item.StoredFileId], DisplayName = name, Position = position++ });
            }
        }
    }

    /// <summary>The list as the audit log shows it: one line a file, in order.</summary>
    public static string? Describe(IEnumerable<Attachment> attachments)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        var lines = attachments.OrderBy(a => a.Position).Select(a => a.StoredFile is { } f
            ? $"{a.Position}. {a.DisplayName} ({f.OriginalName}, {f.Kind.Label()}, {VietnameseByteSize.Format(f.SizeBytes)})"
            : $"{a.Position}. {a.DisplayName} (tệp {a.StoredFileId.ToString(CultureInfo.InvariantCulture)})").ToList();
        return lines.Count == 0 ? null : string.Join("\n", lines);
    }

    /// <summary>The name readers see when the editor gives none: the uploaded name without its extension.</summary>
    public static string DefaultDisplayName(string originalName)
    {
        var name = Path.GetFileNameWithoutExtension(originalName ?? "").Trim();
        name = name.Length == 0 ? "Tài liệu" : name;
        return name.Length <= Attachment.DisplayNameMaxLength ? name : name[..Attachment.DisplayNameMaxLength];
    }

    private async Task<FileStoreResult> StoreAsync(IFormFile file, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var shown = FileStore.CleanName(file.FileName, null);
        if (file.Length > store.MaxBytes)
        {
            return new(null, FileInspection.Refused(FileRefusal.TooLarge).Message(shown, options.Value.MaxUploadText));
        }

        await using var stream = file.OpenReadStream();
        return await store.StoreAsync(stream, file.FileName, user.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
    }

    private static string Clean(string? name) =>
        new string((name ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim().Normalize(NormalizationForm.FormC);

    private static string? NameError(string name) =>
        name.Length == 0 ? "Vui lòng nhập tên hiển thị của tệp."
        : name.Length > Attachment.DisplayNameMaxLength ? $"Tên hiển thị của tệp dài tối đa {Attachment.DisplayNameMaxLength} ký tự."
        : null;
}
