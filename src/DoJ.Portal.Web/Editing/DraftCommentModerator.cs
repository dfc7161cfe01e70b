using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.Web.Auditing;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Editing;

/// <summary>A comment as the moderation screen shows it to editors, contact details included.</summary>
public sealed record DraftCommentRow(
    int Id,
    string? Name,
    string? Organisation,
    string? Email,
    string? Phone,
    string Body,
    DateTime ReceivedAtUtc,
    CommentStatus Status,
    string? Note,
    DateTime? ModeratedAtUtc,
    bool PersonalDataErased);

/// <summary>A document's comments, one page of them under a status filter, and the counts by status.</summary>
public sealed record DraftCommentsPage(
    int DocumentId,
    string Number,
    string Slug,
    DateOnly? OpensOn,
    DateOnly? ClosesOn,
    CommentPeriodState State,
    PagedList<DraftCommentRow> Comments,
    IReadOnlyDictionary<CommentStatus, int> Counts,
    CommentStatus? Filter);

/// <summary>
/// Moderation of comments on drafts: editors and administrators read a document's comments (with the commenters'
/// contact details) and accept or reject each with a note. Contributors may not: the comments hold personal data.
/// Every decision is audited by the comment's id, the statuses and a fingerprint of the note, never the commenter's
/// name, contact details or text.
/// </summary>
public sealed class DraftCommentModerator(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string Entity = nameof(DocumentComment);

    public static bool CanModerate(ClaimsPrincipal user) => ArticleEditor.CanPublish(user);

    public async Task<EditResult<DraftCommentsPage>> LoadAsync(int documentId, CommentStatus? filter, int page, int pageSize, ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!CanModerate(user))
        {
            return EditResult.Forbidden.As<DraftCommentsPage>();
        }

        var document = await db.LegalDocuments.AsNoTracking().Where(d => d.Id == documentId)
            .Select(d => new { d.Id, d.Number, d.Slug, d.CommentsOpenOn, d.CommentsCloseOn })
            .FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return EditResult.NotFound.As<DraftCommentsPage>();
        }

        var counts = await db.DocumentComments.AsNoTracking().Where(c => c.LegalDocumentId == documentId)
            .GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var query = db.DocumentComments.AsNoTracking().Where(c => c.LegalDocumentId == documentId);
        if (filter is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        var total = await query.LongCountAsync(cancellationToken);
        var rows = await query.OrderBy(c => c.ReceivedAtUtc).ThenBy(c => c.Id)
            .Skip(PageNumber.Offset(page, pageSize)).Take(pageSize)
            .Select(c => new DraftCommentRow(c.Id, c.CommenterName, c.Organisation, c.CommenterEmail, c.CommenterPhone, c.Body, c.ReceivedAtUtc,
                c.Status, c.ModerationNote, c.ModeratedAtUtc, c.PersonalDataErasedAtUtc != null))
            .ToListAsync(cancellationToken);
        var byStatus = Enum.GetValues<CommentStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
        return EditResult.Found(new DraftCommentsPage(document.Id, document.Number, document.Slug, document.CommentsOpenOn, document.CommentsCloseOn,
            CommentPeriod.StateOn(document.CommentsOpenOn, document.CommentsCloseOn, VietnamTime.Today(clock)),
            new PagedList<DraftCommentRow>(rows, page, pageSize, total), byStatus, filter));
    }

    /// <summary>Accepts or rejects a comment of the document, with a note (required to reject).</summary>
    public async Task<EditResult> ModerateAsync(int documentId, int commentId, CommentStatus status, string? note, ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!CanModerate(user))
        {
            return EditResult.Forbidden;
        }

        var comment = await db.DocumentComments.Include(c => c.LegalDocument)
            .FirstOrDefaultAsync(c => c.Id == commentId && c.LegalDocumentId == documentId, cancellationToken);
        if (comment is null)
        {
            return EditResult.NotFound;
        }

        if (status is not (CommentStatus.Accepted or CommentStatus.Rejected))
        {
            return EditResult.Refused("Chỉ có thể tiếp nhận hoặc không tiếp nhận góp ý.");
        }

        var text = (note ?? "").Trim().Normalize(NormalizationForm.FormC);
        if (text.Length > DocumentComment.NoteMaxLength)
        {
            return EditResult.Refused($"Ghi chú dài tối đa {DocumentComment.NoteMaxLength} ký tự.");
        }

        if (status == CommentStatus.Rejected && text.Length == 0)
        {
            return EditResult.Refused("Vui lòng ghi lý do không tiếp nhận góp ý.");
        }

        var before = comment.Status;
        var noteBefore = comment.ModerationNote;
        comment.Status = status;
        comment.ModerationNote = text.Length == 0 ? null : text;
        comment.ModeratedAtUtc = clock.GetUtcNow().UtcDateTime;
        comment.ModeratedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        audit.Record(user, status == CommentStatus.Accepted ? "Tiếp nhận góp ý" : "Không tiếp nhận góp ý", Entity, Id(comment.Id),
            $"Góp ý #{Id(comment.Id)} về văn bản {comment.LegalDocument!.Number}", new Dictionary<string, (object?, object?)>
            {
                ["Trạng thái"] = (StatusText(before), StatusText(status)),
                ["Ghi chú (dấu vân tay)"] = (Fingerprint(noteBefore), Fingerprint(comment.ModerationNote)),
            });
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Ok(documentId);
    }

    public static string StatusText(CommentStatus status) => status switch
    {
        CommentStatus.Accepted => "Đã tiếp nhận",
        CommentStatus.Rejected => "Không tiếp nhận",
        _ => "Chờ duyệt",
    };

    /// <summary>A note as the audit log keeps it: a short SHA-256 fingerprint and its length, never the text (it may name the commenter).</summary>
    public static string? Fingerprint(string? text) =>
        string.IsNullOrEmpty(text) ? null
        : string.Create(CultureInfo.InvariantCulture, $"sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12]} ({text.Length} ký tự)");

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
