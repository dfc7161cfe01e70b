using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Files;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Repositories;

/// <summary>One attached file as a public page lists it under "Tài liệu đính kèm".</summary>
public sealed record AttachmentItem(int StoredFileId, string DisplayName, string OriginalName, FileKind Kind, long SizeBytes);

/// <summary>A stored file asked for by its download address, and whether any public content lists it.</summary>
public sealed record DownloadableFile(int Id, string FileName, string OriginalName, FileKind Kind, long SizeBytes, string Sha256, DateTime UploadedAtUtc, bool IsPublic);

/// <summary>The attachment lists of the public pages, and the one rule of who may download a stored file.</summary>
public sealed class AttachmentRepository(PortalDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<List<AttachmentItem>> ListForArticleAsync(int articleId, CancellationToken cancellationToken = default) =>
        List(db.Attachments.Where(a => a.ArticleId == articleId), cancellationToken);

    public Task<List<AttachmentItem>> ListForPageAsync(int staticPageId, CancellationToken cancellationToken = default) =>
        List(db.Attachments.Where(a => a.StaticPageId == staticPageId), cancellationToken);

    public Task<List<AttachmentItem>> ListForDocumentAsync(int legalDocumentId, CancellationToken cancellationToken = default) =>
        List(db.Attachments.Where(a => a.LegalDocumentId == legalDocumentId), cancellationToken);

    /// <summary>
    /// The file, with <see cref="DownloadableFile.IsPublic"/> true when a public article (<see cref="Article.IsPublicAt"/>), a
    /// published static page or a public document of the register (<see cref="LegalDocument.IsPublicAt"/>) lists it now.
    /// A file only an earlier revision, a draft or the recycle bin holds is not public.
    /// </summary>
    public async Task<DownloadableFile?> FindDownloadAsync(int storedFileId, CancellationToken cancellationToken = default)
    {
        var file = await db.StoredFiles.AsNoTracking().Where(f => f.Id == storedFileId)
            .Select(f => new DownloadableFile(f.Id, f.FileName, f.OriginalName, f.Kind, f.SizeBytes, f.Sha256, f.UploadedAtUtc, false))
            .FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return null;
        }

        var now = Now;
        var attached = db.Attachments.AsNoTracking().Where(a => a.StoredFileId == storedFileId);
        var isPublic =
            await attached.Where(a => a.ArticleId != null).Select(a => a.Article!).Where(Article.IsPublicAt(now)).AnyAsync(cancellationToken)
            || await attached.AnyAsync(a => a.StaticPageId != null && a.StaticPage!.IsPublished, cancellationToken)
            || await attached.Where(a => a.LegalDocumentId != null).Select(a => a.LegalDocument!).Where(LegalDocument.IsPublicAt(now)).AnyAsync(cancellationToken);
        return file with { IsPublic = isPublic };
    }

    private static Task<List<AttachmentItem>> List(IQueryable<Attachment> attachments, CancellationToken cancellationToken) =>
        attachments.AsNoTracking().OrderBy(a => a.Position).ThenBy(a => a.Id)
            .Select(a => new AttachmentItem(a.StoredFileId, a.DisplayName, a.StoredFile!.OriginalName, a.StoredFile.Kind, a.StoredFile.SizeBytes))
            .ToListAsync(cancellationToken);
}
