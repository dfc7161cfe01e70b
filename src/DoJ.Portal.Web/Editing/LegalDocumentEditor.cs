using System.Globalization;
using System.Security.Claims;
using System.Text;
using DoJ.Portal.Data;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Search;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Files;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// Every change to a document of the register goes through here, in the shape of <see cref="ArticleEditor"/>:
/// permission (contributors draft and submit, editors publish), validation (number, terms, coherent dates,
/// related articles), the concurrency stamp, a revision and an audit entry with the change, then the eviction
/// of the public pages that show it.
/// </summary>
public sealed partial class LegalDocumentEditor(
    PortalDbContext db,
    AuditLog audit,
    DocumentRepository documents,
    PublicCache publicCache,
    SearchIndex search,
    SearchContentRepository searchContent,
    AttachmentListEditor attachments,
    ContentSanitizer sanitizer,
    SiteUrls urls,
    TimeProvider clock,
    ILogger<LegalDocumentEditor> logger)
{
    private const string Entity = nameof(LegalDocument);
    private const string ChangedMeanwhile = "Văn bản vừa được người khác thay đổi. Hãy tải lại trang rồi thực hiện lại.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static bool CanPublish(ClaimsPrincipal user) => ArticleEditor.CanPublish(user);

    /// <summary>Editors edit every document; a contributor only their own drafts and submissions.</summary>
    public static bool CanEdit(ClaimsPrincipal user, LegalDocument document) =>
        CanPublish(user)
        || (document is not null && !document.IsDeleted
            && document.CreatedById == user?.FindFirstValue(ClaimTypes.NameIdentifier)
            && document.Status is ArticleStatus.Draft or ArticleStatus.Submitted);

    /// <summary>The admin list (or its recycle bin), newest change first, one page.</summary>
    public async Task<PagedList<LegalDocumentAdminItem>> ListAsync(LegalDocumentAdminFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = Now;
        var query = db.LegalDocuments.AsNoTracking().Where(d => d.IsDeleted == filter.InBin);
        if (!string.IsNullOrWhiteSpace(filter.Words))
        {
            var words = filter.Words.Trim().Normalize(NormalizationForm.FormC);
            var key = DocumentNumber.Key(words);
            query = query.Where(d => d.NumberKey == key || d.Number.Contains(words) || d.Abstract.Contains(words));
        }

        if (filter.DocumentTypeId is { } typeId)
        {
            query = query.Where(d => d.DocumentTypeId == typeId);
        }

        query = filter.State switch
        {
            ArticleState.Draft => query.Where(d => d.Status == ArticleStatus.Draft),
            ArticleState.Submitted => query.Where(d => d.Status == ArticleStatus.Submitted),
            ArticleState.Scheduled => query.Where(d => d.Status == ArticleStatus.Published && d.PublishedAtUtc > now),
            ArticleState.Published => query.Where(d => d.Status == ArticleStatus.Published && d.PublishedAtUtc <= now),
            ArticleState.Unpublished => query.Where(d => d.Status == ArticleStatus.Unpublished),
            _ => query,
        };
        var total = await query.LongCountAsync(cancellationToken);
        var rows = await query.OrderByDescending(d => d.UpdatedAtUtc).ThenByDescending(d => d.Id)
            .Skip(PageNumber.Offset(page, pageSize)).Take(pageSize)
            .Select(d => new
            {
                d.Id, d.Number, d.Slug, d.Abstract, TypeName = d.DocumentType!.Name, d.IssuedOn,
                d.Status, d.PublishedAtUtc, d.IsDeleted, d.UpdatedAtUtc,
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new LegalDocumentAdminItem(r.Id, r.Number, r.Slug, r.Abstract, r.TypeName, r.IssuedOn,
            new LegalDocument { Status = r.Status, PublishedAtUtc = r.PublishedAtUtc, IsDeleted = r.IsDeleted }.StateAt(now), r.UpdatedAtUtc)).ToList();
        return new PagedList<LegalDocumentAdminItem>(items, page, pageSize, total);
    }

    /// <summary>The three managed lists, for the form's selects and the list's filter.</summary>
    public Task<List<RegisterTermItem>> TermsAsync(CancellationToken cancellationToken = default) => documents.ListTermsAsync(cancellationToken);

    public async Task<EditResult<LegalDocumentForm>> LoadAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var document = await WithLinks(db.LegalDocuments.AsNoTracking()).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return document is null ? EditResult.NotFound.As<LegalDocumentForm>()
            : !CanEdit(user, document) ? EditResult.Forbidden.As<LegalDocumentForm>()
            : EditResult.Found(new LegalDocumentForm(ToModel(document), document.StateAt(Now), document.Slug));
    }

    /// <summary>Where the document stands now (null once it is gone), for a form shown again.</summary>
    public async Task<ArticleState?> StateAsync(int id, CancellationToken cancellationToken = default) =>
        (await db.LegalDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken))?.StateAt(Now);

    public async Task<EditResult<RevisionHistory<LegalDocumentRevision>>> LoadRevisionsAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var document = await db.LegalDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return EditResult.NotFound.As<RevisionHistory<LegalDocumentRevision>>();
        }

        if (!CanEdit(user, document))
        {
            return EditResult.Forbidden.As<RevisionHistory<LegalDocumentRevision>>();
        }

        var revisions = await db.LegalDocumentRevisions.AsNoTracking().Where(r => r.LegalDocumentId == id)
            .OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        return EditResult.Found(new RevisionHistory<LegalDocumentRevision>(document.Number, revisions));
    }

    public async Task<EditResult> CreateAsync(LegalDocumentEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(user);
        var document = new LegalDocument
        {
            Status = ArticleStatus.Draft,
            CreatedAtUtc = Now,
            CreatedById = user.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        if (await ApplyAsync(document, model, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        using var files = await attachments.ApplyAsync(document.Attachments, model.Attachments, model.NewFiles, user, cancellationToken);
        if (files.Invalid is { } refusedFiles)
        {
            return refusedFiles;
        }

        document.UpdatedById = document.CreatedById;
        // The document, its files, its first revision and the audit entry are one change: all or nothing. The revision
        // is written after the first save, when the new files have their ids.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.LegalDocuments.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        db.LegalDocumentRevisions.Add(LegalDocumentRevision.Of(document, Now, document.UpdatedById, user.Identity?.Name ?? ""));
        audit.Record(user, "Tạo", Entity, Id(document.Id), document.Number, FieldDiff.Created(Snapshot(document)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        files.Keep();
        await ChangedAsync(document.Id, RelatedIds(document), cancellationToken);
        return EditResult.Ok(document.Id);
    }

    public async Task<EditResult> UpdateAsync(int id, LegalDocumentEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(user);
        var document = await WithLinks(db.LegalDocuments).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return EditResult.NotFound;
        }

        if (!CanEdit(user, document))
        {
            return EditResult.Forbidden;
        }

        if (document.ConcurrencyStamp != model.ConcurrencyStamp)
        {
            return await ConflictAsync(document, model, cancellationToken);
        }

        var before = Snapshot(document);
        var linkedBefore = RelatedIds(document);
        if (await ApplyAsync(document, model, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        using var files = await attachments.ApplyAsync(document.Attachments, model.Attachments, model.NewFiles, user, cancellationToken);
        if (files.Invalid is { } refusedFiles)
        {
            return refusedFiles;
        }

        document.UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        db.ExpectStamp(document, model.ConcurrencyStamp);
        audit.Record(user, "Sửa", Entity, Id(id), document.Number, FieldDiff.Between(before, Snapshot(document)));
        var revision = LegalDocumentRevision.Of(document, Now, document.UpdatedById, user.Identity?.Name ?? "");
        db.LegalDocumentRevisions.Add(revision);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (!await db.TrySaveAsync(cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                var current = await WithLinks(db.LegalDocuments.AsNoTracking()).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
                return current is null ? EditResult.NotFound : await ConflictAsync(current, model, cancellationToken);
            }

            // Files added by this save got their ids with it: the revision names them by id.
            revision.Attachments = AttachmentSnapshot.Of(document.Attachments);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        files.Keep();

        await ChangedAsync(document.Id, linkedBefore.Union(RelatedIds(document)), cancellationToken);
        return EditResult.Ok(id);
    }

    /// <summary>Moves a document through the workflow; <paramref name="publishAtUtc"/> is used by publish (now when null).</summary>
    public async Task<EditResult> TransitionAsync(int id, ArticleTransition transition, ClaimsPrincipal user, DateTime? publishAtUtc = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var document = await WithLinks(db.LegalDocuments).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return EditResult.NotFound;
        }

        var allowed = transition switch
        {
            ArticleTransition.Submit => CanEdit(user, document),
            ArticleTransition.Purge => user.IsInRole(PortalRoles.Administrator),
            _ => CanPublish(user),
        };
        if (!allowed)
        {
            return EditResult.Forbidden;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var stateBefore = document.StateAt(Now);
        var linked = RelatedIds(document);
        if (transition == ArticleTransition.Purge)
        {
            if (!document.IsDeleted)
            {
                return EditResult.Refused("Chỉ xóa vĩnh viễn được văn bản đã nằm trong thùng rác.");
            }

            db.LegalDocuments.Remove(document);
            audit.Record(user, transition.ToVietnamese(), Entity, Id(id), document.Number, FieldDiff.Deleted(Snapshot(document)));
            await db.SaveChangesAsync(cancellationToken);
            await ChangedAsync(id, linked, cancellationToken);
            return EditResult.Ok(id);
        }

        var changed = transition.ApplyTo(document, publishAtUtc ?? document.PublishedAtUtc ?? Now, userId, Now);
        if (!changed)
        {
            return EditResult.Refused($"Không thể thực hiện thao tác này với văn bản ở trạng thái “{stateBefore.ToVietnamese()}”.");
        }

        document.UpdatedAtUtc = Now;
        document.UpdatedById = userId;
        audit.Record(user, transition.ToVietnamese(), Entity, Id(id), document.Number, new Dictionary<string, (object?, object?)>
        {
            ["Trạng thái"] = (stateBefore.ToVietnamese(), document.StateAt(Now).ToVietnamese()),
            ["Xuất bản lúc"] = (null, document.PublishedAtUtc is { } p ? VietnamTime.FormatDateTime(p) : null),
        });
        db.LegalDocumentRevisions.Add(LegalDocumentRevision.Of(document, Now, userId, user.Identity?.Name ?? ""));
        if (!await db.TrySaveAsync(cancellationToken))
        {
            return EditResult.Refused(ChangedMeanwhile);
        }

        await ChangedAsync(id, linked, cancellationToken);
        return EditResult.Ok(id);
    }

    /// <summary>
    /// Makes an earlier revision the current content, as a new save: its fields, its related articles (those that still
    /// exist) and its files (those still stored). A term deleted since keeps the current one; the notice says so.
    /// </summary>
    public async Task<EditResult> RestoreRevisionAsync(int id, long revisionId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var document = await WithLinks(db.LegalDocuments).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        var revision = await db.LegalDocumentRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.LegalDocumentId == id, cancellationToken);
        if (document is null || revision is null)
        {
            return EditResult.NotFound;
        }

        if (!CanEdit(user, document))
        {
            return EditResult.Forbidden;
        }

        var before = Snapshot(document);
        var linkedBefore = RelatedIds(document);
        var termIds = new[] { revision.DocumentTypeId, revision.IssuingBodyId, revision.FieldId };
        var terms = await db.RegisterTerms.Where(t => termIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken);
        var keptTerm = false;
        int Term(int wanted, int current)
        {
            if (terms.Contains(wanted))
            {
                return wanted;
            }

            keptTerm = true;
            return current;
        }

        document.Number = revision.Number;
        document.NumberKey = DocumentNumber.Key(revision.Number);
        document.Slug = revision.Slug;
        document.Abstract = revision.Abstract;
        document.Signer = revision.Signer;
        document.DocumentTypeId = Term(revision.DocumentTypeId, document.DocumentTypeId);
        document.IssuingBodyId = Term(revision.IssuingBodyId, document.IssuingBodyId);
        document.FieldId = Term(revision.FieldId, document.FieldId);
        document.IssuedOn = revision.IssuedOn;
        document.EffectiveOn = revision.EffectiveOn;
        document.ExpiresOn = revision.ExpiresOn;
        await SetRelatedAsync(document, ParseIds(revision.RelatedArticleIds) ?? [], cancellationToken);
        await attachments.RestoreAsync(document.Attachments, revision.Attachments, cancellationToken);
        document.UpdatedAtUtc = Now;
        document.UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        audit.Record(user, "Khôi phục phiên bản", Entity, Id(id), document.Number, FieldDiff.Between(before, Snapshot(document)));
        db.LegalDocumentRevisions.Add(LegalDocumentRevision.Of(document, Now, document.UpdatedById, user.Identity?.Name ?? ""));
        if (!await db.TrySaveAsync(cancellationToken))
        {
            return EditResult.Refused(ChangedMeanwhile);
        }

        await ChangedAsync(document.Id, linkedBefore.Union(RelatedIds(document)), cancellationToken);
        return EditResult.Ok(id, keptTerm
            ? "Đã khôi phục phiên bản cũ (lưu thành phiên bản mới). Một danh mục của phiên bản đó đã bị xóa nên văn bản giữ danh mục hiện tại."
            : null);
    }

    /// <summary>A calendar day as a date field (<c>yyyy-MM-dd</c>) or a person (<c>dd/MM/yyyy</c>) writes it; years 1900–2100.</summary>
    public static bool TryParseDay(string? text, out DateOnly day) =>
        (VietnamTime.TryParseIsoDate(text, out day) || VietnamTime.TryParseDate(text, out day)) && day.Year is >= 1900 and <= 2100;

    /// <summary>Related article ids as typed: numbers separated by commas, semicolons or spaces; null when something else is there.</summary>
    public static List<int>? ParseIds(string? text)
    {
        var ids = new List<int>();
        foreach (var part in (text ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
            {
                return null;
            }

            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static IQueryable<LegalDocument> WithLinks(IQueryable<LegalDocument> query) =>
        query.Include(d => d.RelatedArticles).Include(d => d.Attachments).ThenInclude(a => a.StoredFile);

    private async Task<EditResult?> ApplyAsync(LegalDocument document, LegalDocumentEditModel model, CancellationToken cancellationToken)
    {
        var number = Clean(model.Number);
        if (number.Length == 0 || DocumentNumber.Key(number).Length == 0)
        {
            return EditResult.Invalid(nameof(model.Number), "Vui lòng nhập số/ký hiệu văn bản.");
        }

        if (number.Length > LegalDocument.NumberMaxLength)
        {
            return EditResult.Invalid(nameof(model.Number), $"Số/ký hiệu dài tối đa {LegalDocument.NumberMaxLength} ký tự.");
        }

        var summary = Clean(model.Abstract);
        if (summary.Length == 0)
        {
            return EditResult.Invalid(nameof(model.Abstract), "Vui lòng nhập trích yếu.");
        }

        if (await TermRefusedAsync(model.DocumentTypeId, RegisterTermKind.DocumentType, nameof(model.DocumentTypeId), "Loại văn bản", cancellationToken) is { } badType)
        {
            return badType;
        }

        if (await TermRefusedAsync(model.IssuingBodyId, RegisterTermKind.IssuingBody, nameof(model.IssuingBodyId), "Cơ quan ban hành", cancellationToken) is { } badBody)
        {
            return badBody;
        }

        if (await TermRefusedAsync(model.FieldId, RegisterTermKind.Field, nameof(model.FieldId), "Lĩnh vực", cancellationToken) is { } badField)
        {
            return badField;
        }

        if (!TryParseDay(model.IssuedOn, out var issuedOn))
        {
            return EditResult.Invalid(nameof(model.IssuedOn), "Ngày ban hành không hợp lệ (dd/MM/yyyy).");
        }

        DateOnly? effectiveOn = null;
        if (!string.IsNullOrWhiteSpace(model.EffectiveOn))
        {
            if (!TryParseDay(model.EffectiveOn, out var day))
            {
                return EditResult.Invalid(nameof(model.EffectiveOn), "Ngày có hiệu lực không hợp lệ (dd/MM/yyyy).");
            }

            if (day < issuedOn)
            {
                return EditResult.Invalid(nameof(model.EffectiveOn), "Ngày có hiệu lực không được trước ngày ban hành.");
            }

            effectiveOn = day;
        }

        DateOnly? expiresOn = null;
        if (!string.IsNullOrWhiteSpace(model.ExpiresOn))
        {
            if (!TryParseDay(model.ExpiresOn, out var day))
            {
                return EditResult.Invalid(nameof(model.ExpiresOn), "Ngày hết hiệu lực không hợp lệ (dd/MM/yyyy).");
            }

            if (day <= (effectiveOn ?? issuedOn))
            {
                return EditResult.Invalid(nameof(model.ExpiresOn), "Ngày hết hiệu lực phải sau ngày có hiệu lực.");
            }

            expiresOn = day;
        }

        var (commentsOpenOn, commentsCloseOn, commentSummary, badComments) = CommentFields(model);
        if (badComments is not null)
        {
            return badComments;
        }

        if (!PublishTime.TryParse(model.PublishAt, out var publishAt))
        {
            return EditResult.Invalid(nameof(model.PublishAt), PublishTime.Invalid);
        }

        var related = ParseIds(model.RelatedArticleIds);
        if (related is null)
        {
            return EditResult.Invalid(nameof(model.RelatedArticleIds), "Bài viết liên quan: chỉ nhập mã bài (số), cách nhau bởi dấu phẩy.");
        }

        if (related.Count > LegalDocumentEditModel.RelatedArticlesMax)
        {
            return EditResult.Invalid(nameof(model.RelatedArticleIds), $"Một văn bản liên kết tối đa {LegalDocumentEditModel.RelatedArticlesMax} bài viết.");
        }

        var existing = await db.Articles.Where(a => related.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        if (related.Except(existing).ToList() is { Count: > 0 } missing)
        {
            return EditResult.Invalid(nameof(model.RelatedArticleIds), $"Không có bài viết mang mã {string.Join(", ", missing)}.");
        }

        var (slug, invalidSlug) = await SlugRules.ChooseAsync($"{number} {summary}", model.Slug, LegalDocument.SlugMaxLength,
            _ => Task.FromResult(false), "");
        if (invalidSlug is not null)
        {
            return invalidSlug.Field == SlugRules.TitleField ? EditResult.Invalid(nameof(model.Abstract), "Trích yếu cần có chữ hoặc số.") : invalidSlug;
        }

        document.Number = number;
        document.NumberKey = DocumentNumber.Key(number);
        document.Abstract = summary;
        document.Signer = Clean(model.Signer);
        document.DocumentTypeId = model.DocumentTypeId;
        document.IssuingBodyId = model.IssuingBodyId;
        document.FieldId = model.FieldId;
        document.IssuedOn = issuedOn;
        document.EffectiveOn = effectiveOn;
        document.ExpiresOn = expiresOn;
        document.Slug = slug;
        document.CommentsOpenOn = commentsOpenOn;
        document.CommentsCloseOn = commentsCloseOn;
        document.CommentSummary = commentSummary;
        if (publishAt is not null)
        {
            // On a draft it is remembered for when an editor publishes it.
            document.PublishedAtUtc = publishAt;
        }

        await SetRelatedAsync(document, related, cancellationToken);
        document.UpdatedAtUtc = Now;
        return null;
    }

    /// <summary>
    /// The comment period and its summary as typed: both days or neither, the close not before the open; the summary is
    /// sanitized as bodies are, only with a period, and empty (markup without text) counts as none.
    /// </summary>
    private (DateOnly? OpensOn, DateOnly? ClosesOn, string? Summary, EditResult? Invalid) CommentFields(LegalDocumentEditModel model)
    {
        DateOnly? opensOn = null;
        DateOnly? closesOn = null;
        if (!string.IsNullOrWhiteSpace(model.CommentsOpenOn))
        {
            if (!TryParseDay(model.CommentsOpenOn, out var day))
            {
                return (null, null, null, EditResult.Invalid(nameof(model.CommentsOpenOn), "Ngày bắt đầu lấy ý kiến không hợp lệ (dd/MM/yyyy)."));
            }

            opensOn = day;
        }

        if (!string.IsNullOrWhiteSpace(model.CommentsCloseOn))
        {
            if (!TryParseDay(model.CommentsCloseOn, out var day))
            {
                return (null, null, null, EditResult.Invalid(nameof(model.CommentsCloseOn), "Ngày kết thúc lấy ý kiến không hợp lệ (dd/MM/yyyy)."));
            }

            closesOn = day;
        }

        if (CommentPeriod.Refusal(opensOn, closesOn) is { } refusal)
        {
            return (null, null, null, EditResult.Invalid(opensOn is null ? nameof(model.CommentsOpenOn) : nameof(model.CommentsCloseOn), refusal));
        }

        string? summary = null;
        if (!string.IsNullOrWhiteSpace(model.CommentSummary))
        {
            if (HtmlLimits.Check(model.CommentSummary) is { } tooComplex)
            {
                return (null, null, null, EditResult.Invalid(nameof(model.CommentSummary), tooComplex));
            }

            summary = sanitizer.Sanitize(PathPrefix.OutOfHtml(urls.PathPrefix, model.CommentSummary));
            if (!HasText(summary))
            {
                summary = null;
            }
            else if (summary.Length > LegalDocument.CommentSummaryMaxLength)
            {
                return (null, null, null, EditResult.Invalid(nameof(model.CommentSummary), $"Báo cáo tổng hợp ý kiến quá dài (tối đa {LegalDocument.CommentSummaryMaxLength} ký tự)."));
            }
            else if (opensOn is null)
            {
                return (null, null, null, EditResult.Invalid(nameof(model.CommentSummary), "Chỉ nhập báo cáo tổng hợp ý kiến khi văn bản có thời gian lấy ý kiến."));
            }
        }

        return (opensOn, closesOn, summary, null);
    }

    /// <summary>Whether sanitized HTML has any text or image a reader would see (Quill sends <c>&lt;p&gt;&lt;br&gt;&lt;/p&gt;</c> when empty).</summary>
    private static bool HasText(string html) =>
        html.Contains("<img", StringComparison.OrdinalIgnoreCase)
        || Tag().Replace(html, " ").Replace("&nbsp;", " ", StringComparison.Ordinal).Trim().Length > 0;

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]*>", System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial System.Text.RegularExpressions.Regex Tag();

    private async Task<EditResult?> TermRefusedAsync(int id, RegisterTermKind kind, string field, string label, CancellationToken cancellationToken) =>
        await db.RegisterTerms.AnyAsync(t => t.Id == id && t.Kind == kind, cancellationToken)
            ? null
            : EditResult.Invalid(field, $"Vui lòng chọn {label.ToLowerInvariant()} trong danh mục.");

    /// <summary>Replaces the related articles with <paramref name="ids"/> (those that exist), keeping the rows that stay.</summary>
    private async Task SetRelatedAsync(LegalDocument document, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var existing = await db.Articles.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var link in document.RelatedArticles.Where(l => !existing.Contains(l.ArticleId)).ToList())
        {
            document.RelatedArticles.Remove(link);
        }

        foreach (var id in existing.Where(id => document.RelatedArticles.All(l => l.ArticleId != id)))
        {
            document.RelatedArticles.Add(new LegalDocumentArticle { LegalDocumentId = document.Id, ArticleId = id });
        }
    }

    private async Task<EditResult> ConflictAsync(LegalDocument current, LegalDocumentEditModel yours, CancellationToken cancellationToken)
    {
        var latest = await db.LegalDocumentRevisions.AsNoTracking().Where(r => r.LegalDocumentId == current.Id)
            .OrderByDescending(r => r.Id).Select(r => new { r.CreatedByName, r.CreatedAtUtc }).FirstOrDefaultAsync(cancellationToken);
        var theirs = Snapshot(current);
        var mine = new Dictionary<string, string?>
        {
            ["Số/Ký hiệu"] = Clean(yours.Number),
            ["Trích yếu"] = Clean(yours.Abstract),
            ["Người ký"] = Clean(yours.Signer),
            ["Loại văn bản"] = Id(yours.DocumentTypeId),
            ["Cơ quan ban hành"] = Id(yours.IssuingBodyId),
            ["Lĩnh vực"] = Id(yours.FieldId),
            ["Ngày ban hành"] = TryParseDay(yours.IssuedOn, out var i) ? Day(i) : yours.IssuedOn,
            ["Ngày có hiệu lực"] = TryParseDay(yours.EffectiveOn, out var e) ? Day(e) : yours.EffectiveOn,
            ["Ngày hết hiệu lực"] = TryParseDay(yours.ExpiresOn, out var x) ? Day(x) : yours.ExpiresOn,
            ["Bài viết liên quan"] = ParseIds(yours.RelatedArticleIds) is { } ids ? string.Join(", ", ids.Order()) : yours.RelatedArticleIds,
            ["Lấy ý kiến từ ngày"] = TryParseDay(yours.CommentsOpenOn, out var o) ? Day(o) : NullIfBlank(yours.CommentsOpenOn),
            ["Lấy ý kiến đến ngày"] = TryParseDay(yours.CommentsCloseOn, out var c) ? Day(c) : NullIfBlank(yours.CommentsCloseOn),
        };
        return EditResult.Conflicted(current.Id, latest?.CreatedByName ?? "", latest?.CreatedAtUtc ?? current.UpdatedAtUtc, current.ConcurrencyStamp,
            theirs.Where(t => mine.ContainsKey(t.Key)).ToDictionary(t => t.Key, t => t.Value), mine);
    }

    private static LegalDocumentEditModel ToModel(LegalDocument d) => new()
    {
        Number = d.Number,
        Abstract = d.Abstract,
        Signer = d.Signer,
        DocumentTypeId = d.DocumentTypeId,
        IssuingBodyId = d.IssuingBodyId,
        FieldId = d.FieldId,
        IssuedOn = Iso(d.IssuedOn),
        EffectiveOn = d.EffectiveOn is { } e ? Iso(e) : null,
        ExpiresOn = d.ExpiresOn is { } x ? Iso(x) : null,
        Slug = d.Slug,
        RelatedArticleIds = string.Join(", ", d.RelatedArticles.Select(r => r.ArticleId).Order()),
        PublishAt = d.PublishedAtUtc is { } p ? PublishTime.Show(p) : null,
        CommentsOpenOn = d.CommentsOpenOn is { } open ? Iso(open) : null,
        CommentsCloseOn = d.CommentsCloseOn is { } close ? Iso(close) : null,
        CommentSummary = d.CommentSummary,
        ConcurrencyStamp = d.ConcurrencyStamp,
        Attachments = AttachmentListEditor.ToInputs(d.Attachments),
    };

    private static List<int> RelatedIds(LegalDocument document) => document.RelatedArticles.Select(r => r.ArticleId).ToList();

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Clean(string? text) => (text ?? "").Trim().Normalize(NormalizationForm.FormC);

    private static string Iso(DateOnly day) => day.ToString(VietnamTime.IsoDateFormat, CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString(VietnamTime.DateFormat, CultureInfo.InvariantCulture);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string?> Snapshot(LegalDocument d) => new()
    {
        ["Số/Ký hiệu"] = d.Number,
        ["Đường dẫn"] = d.Slug,
        ["Trích yếu"] = d.Abstract,
        ["Người ký"] = d.Signer,
        ["Loại văn bản"] = Id(d.DocumentTypeId),
        ["Cơ quan ban hành"] = Id(d.IssuingBodyId),
        ["Lĩnh vực"] = Id(d.FieldId),
        ["Ngày ban hành"] = Day(d.IssuedOn),
        ["Ngày có hiệu lực"] = d.EffectiveOn is { } e ? Day(e) : null,
        ["Ngày hết hiệu lực"] = d.ExpiresOn is { } x ? Day(x) : null,
        ["Bài viết liên quan"] = string.Join(", ", d.RelatedArticles.Select(r => r.ArticleId).Order()),
        [AttachmentListEditor.AuditField] = AttachmentListEditor.Describe(d.Attachments),
        ["Xuất bản lúc"] = d.PublishedAtUtc is { } p ? VietnamTime.FormatDateTime(p) : null,
        ["Lấy ý kiến từ ngày"] = d.CommentsOpenOn is { } open ? Day(open) : null,
        ["Lấy ý kiến đến ngày"] = d.CommentsCloseOn is { } close ? Day(close) : null,
        ["Báo cáo tổng hợp ý kiến"] = d.CommentSummary,
    };

    /// <summary>
    /// After a committed change: this instance's index at once (others follow the change sequence), then the public
    /// pages. A failed index write must not turn a saved change into an error page: results are checked against the
    /// database and the start-up check rebuilds the index.
    /// </summary>
    private async Task ChangedAsync(int id, IEnumerable<int> articleIds, CancellationToken cancellationToken)
    {
        if (search.IsReady)
        {
            try
            {
                await search.UpdateAsync(searchContent, ContentKind.Document, id, cancellationToken);
            }
#pragma warning disable CA1031 // See the summary.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Could not update the search index for document {DocumentId}", id);
            }
        }

        await publicCache.DocumentChangedAsync(articleIds);
    }
}
