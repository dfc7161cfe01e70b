using System.Globalization;
using System.Security.Claims;
using DoJ.Portal.Data;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Publishing;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Files;
using DoJ.Portal.Web.Media;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using DoJ.Portal.Search;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// Every change to an article goes through here: permission, validation, sanitizing, the concurrency
/// stamp, a revision, an audit entry in the same transaction, then the search index.
/// </summary>
public sealed class ArticleEditor(
    PortalDbContext db,
    ContentSanitizer sanitizer,
    AuditLog audit,
    SearchIndex search,
    ArticleRepository articles,
    ArticleAdminRepository list,
    ContentRepository content,
    PublicCache publicCache,
    SiteUrls urls,
    TimeProvider clock,
    AttachmentListEditor attachments,
    MediaStore media,
    MediaLibrary library,
    ILogger<ArticleEditor> logger)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static bool CanPublish(ClaimsPrincipal user) =>
        user is not null && (user.IsInRole(PortalRoles.Administrator) || user.IsInRole(PortalRoles.Editor));

    /// <summary>Editors edit everything; a contributor only their own drafts and submissions.</summary>
    public static bool CanEdit(ClaimsPrincipal user, Article article) =>
        CanPublish(user)
        || (article is not null && !article.IsDeleted
            && article.CreatedById == user?.FindFirstValue(ClaimTypes.NameIdentifier)
            && article.Status is ArticleStatus.Draft or ArticleStatus.Submitted);

    /// <summary>The admin list (or the recycle bin) with its filters, one page.</summary>
    public Task<PagedList<ArticleAdminItem>> ListAsync(ArticleAdminFilter filter, int page, int pageSize, CancellationToken cancellationToken = default) =>
        list.ListAsync(filter, page, pageSize, Now, cancellationToken);

    /// <summary>The categories an article can be filed under, for the form and the list's filter.</summary>
    public Task<List<CategorySummary>> CategoriesAsync(CancellationToken cancellationToken = default) => content.ListCategoriesAsync(cancellationToken);

    /// <summary>
    /// The form of a new article: the byline defaults to the writer's display name (empty when the account has none,
    /// so it must be typed), never to the sign-in name, which is an e-mail address.
    /// </summary>
    public async Task<ArticleEditModel> NewAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return new ArticleEditModel { Author = Byline.HoldsEmailAddress(name) ? "" : name ?? "" };
    }

    public async Task<EditResult<ArticleForm>> LoadAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var article = await db.Articles.AsNoTracking().Include(a => a.Attachments).ThenInclude(a => a.StoredFile)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return article is null ? EditResult.NotFound.As<ArticleForm>()
            : !CanEdit(user, article) ? EditResult.Forbidden.As<ArticleForm>()
            : EditResult.Found(new ArticleForm(ToModel(article), article.StateAt(Now), article.ReturnNote, article.ReturnedAtUtc));
    }

    /// <summary>The albums an article can show under its body: any status (an album may be published after the article), newest first.</summary>
    public async Task<List<AlbumChoice>> AlbumsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Albums.AsNoTracking().Where(a => !a.IsDeleted)
            .OrderByDescending(a => a.TakenOn).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.Title, a.TakenOn, a.Status, a.PublishedAtUtc }).ToListAsync(cancellationToken);
        return rows.Select(a => new AlbumChoice(a.Id, a.Title, a.TakenOn,
            a.Status == ArticleStatus.Published && a.PublishedAtUtc > Now ? ArticleState.Scheduled
            : a.Status switch
            {
                ArticleStatus.Published => ArticleState.Published,
                ArticleStatus.Submitted => ArticleState.Submitted,
                ArticleStatus.Unpublished => ArticleState.Unpublished,
                _ => ArticleState.Draft,
            })).ToList();
    }

    /// <summary>The lead image chosen on the form, to show beside its fields (null when none or gone).</summary>
    public Task<MediaChoice?> LeadImageAsync(ArticleEditModel model, CancellationToken cancellationToken = default) =>
        library.FindAsync(model?.LeadImageId, cancellationToken);

    /// <summary>Where the article stands now (null once it is gone), for a form shown again.</summary>
    public async Task<ArticleState?> StateAsync(int id, CancellationToken cancellationToken = default) =>
        (await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken))?.StateAt(Now);

    public async Task<EditResult<RevisionHistory<ArticleRevision>>> LoadRevisionsAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return article is null ? EditResult.NotFound.As<RevisionHistory<ArticleRevision>>()
            : !CanEdit(user, article) ? EditResult.Forbidden.As<RevisionHistory<ArticleRevision>>()
            : EditResult.Found(new RevisionHistory<ArticleRevision>(article.Title, await list.ListRevisionsAsync(id, cancellationToken)));
    }

    public async Task<EditResult> CreateAsync(ArticleEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(user);
        if (BodyRefused(model) is { } refused)
        {
            return refused;
        }

        if (await LeadImageRefusedAsync(model, user, cancellationToken) is { } refusedImage)
        {
            return refusedImage;
        }

        var article = new Article
        {
            Status = ArticleStatus.Draft,
            CreatedAtUtc = Now,
            CreatedById = user.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        var invalid = await ApplyAsync(article, model, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        using var files = await attachments.ApplyAsync(article.Attachments, model.Attachments, model.NewFiles, user, cancellationToken);
        if (files.Invalid is { } refusedFiles)
        {
            return refusedFiles;
        }

        article.UpdatedById = article.CreatedById;
        // The article, its attachments, its first revision and the audit entry are one change: all or nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Articles.Add(article);
        await db.SaveChangesAsync(cancellationToken);
        db.ArticleRevisions.Add(Revision(article, user));
        audit.Record(user, "Tạo", nameof(Article), Id(article), article.Title, FieldDiff.Created(AttachmentsSnapshot(article)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        files.Keep();
        return EditResult.Ok(article.Id);
    }

    public async Task<EditResult> UpdateAsync(int id, ArticleEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(user);
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return EditResult.NotFound;
        }

        if (!CanEdit(user, article))
        {
            return EditResult.Forbidden;
        }

        if (BodyRefused(model) is { } refused)
        {
            return refused;
        }

        if (article.ConcurrencyStamp != model.ConcurrencyStamp)
        {
            return await ConflictAsync(article, model, cancellationToken);
        }

        // Before the article changes: an image uploaded on the spot is saved to the library by a save of its own.
        if (await LeadImageRefusedAsync(model, user, cancellationToken) is { } refusedImage)
        {
            return refusedImage;
        }

        await attachments.LoadAsync(article, a => a.Attachments, cancellationToken);
        var before = Snapshot(article);
        var placedBefore = Placement(article);
        var invalid = await ApplyAsync(article, model, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        using var files = await attachments.ApplyAsync(article.Attachments, model.Attachments, model.NewFiles, user, cancellationToken);
        if (files.Invalid is { } refusedFiles)
        {
            return refusedFiles;
        }

        article.UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        db.ExpectStamp(article, model.ConcurrencyStamp);
        audit.Record(user, "Sửa", nameof(Article), Id(article), article.Title, FieldDiff.Between(before, Snapshot(article)));
        var revision = Revision(article, user);
        db.ArticleRevisions.Add(revision);
        // Two writes when files were added: their ids exist only once the first is saved, and the revision must name them.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.TrySaveAsync(cancellationToken))
        {
            var current = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            return current is null ? EditResult.NotFound : await ConflictAsync(current, model, cancellationToken);
        }

        if (files.Uploaded > 0)
        {
            revision.Attachments = AttachmentSnapshot.Of(article.Attachments);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        files.Keep();
        await ChangedAsync(article.Id, [placedBefore, Placement(article)], cancellationToken);
        return EditResult.Ok(article.Id);
    }

    /// <summary>Moves an article through the workflow; <paramref name="publishAtUtc"/> is used by publish.</summary>
    public async Task<EditResult> TransitionAsync(int id, ArticleTransition transition, ClaimsPrincipal user, DateTime? publishAtUtc = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return EditResult.NotFound;
        }

        var allowed = transition switch
        {
            ArticleTransition.Submit => CanEdit(user, article),
            ArticleTransition.Purge => user.IsInRole(PortalRoles.Administrator),
            _ => CanPublish(user),
        };
        if (!allowed)
        {
            return EditResult.Forbidden;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var stateBefore = article.StateAt(Now);
        var placedBefore = Placement(article);
        if (transition == ArticleTransition.Purge)
        {
            if (!article.IsDeleted)
            {
                return EditResult.Refused("Chỉ xóa vĩnh viễn được bài đã nằm trong thùng rác.");
            }

            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                db.Articles.Remove(article);
                await db.ArticleViewStats.Where(s => s.ArticleId == id).ExecuteDeleteAsync(cancellationToken);
                audit.Record(user, "Xóa vĩnh viễn", nameof(Article), Id(article), article.Title);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            await ChangedAsync(id, [placedBefore], cancellationToken);
            return EditResult.Ok(id);
        }

        var changed = transition.ApplyTo(article, publishAtUtc ?? Now, userId, Now);
        if (!changed)
        {
            return EditResult.Refused($"Không thể thực hiện thao tác này với bài ở trạng thái “{stateBefore.ToVietnamese()}”.");
        }

        article.UpdatedAtUtc = Now;
        article.UpdatedById = userId;
        await attachments.LoadAsync(article, a => a.Attachments, cancellationToken);
        var stateAfter = article.StateAt(Now);
        audit.Record(user, transition.ToVietnamese(), nameof(Article), Id(article), article.Title, new Dictionary<string, (object?, object?)>
        {
            ["Trạng thái"] = (stateBefore.ToVietnamese(), stateAfter.ToVietnamese()),
            ["Xuất bản lúc"] = (null, article.PublishedAtUtc is { } p ? VietnamTime.FormatDateTime(p) : null),
        });
        db.ArticleRevisions.Add(Revision(article, user));
        if (!await db.TrySaveAsync(cancellationToken))
        {
            return EditResult.Refused(ChangedMeanwhile);
        }

        await ChangedAsync(id, [placedBefore, Placement(article)], cancellationToken);
        return EditResult.Ok(id);
    }

    /// <summary>An editor sends a submitted article back to its author (Chờ duyệt → Nháp) with a note the author sees on the form.</summary>
    public async Task<EditResult> SendBackAsync(int id, string? note, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return EditResult.NotFound;
        }

        if (!CanPublish(user))
        {
            return EditResult.Forbidden;
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return EditResult.Refused("Vui lòng ghi rõ lý do trả lại bài để tác giả biết cần sửa gì.", id);
        }

        if (note.Trim().Length > PublishableContent.ReturnNoteMaxLength)
        {
            return EditResult.Refused($"Ghi chú trả lại dài tối đa {PublishableContent.ReturnNoteMaxLength} ký tự.", id);
        }

        var stateBefore = article.StateAt(Now);
        if (!article.SendBack(note.Normalize(System.Text.NormalizationForm.FormC), Now))
        {
            return EditResult.Refused($"Chỉ trả lại được bài đang chờ duyệt (bài này ở trạng thái “{stateBefore.ToVietnamese()}”).", id);
        }

        article.UpdatedAtUtc = Now;
        article.UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        await attachments.LoadAsync(article, a => a.Attachments, cancellationToken);
        audit.Record(user, SendBackAction, nameof(Article), Id(article), article.Title, new Dictionary<string, (object?, object?)>
        {
            ["Trạng thái"] = (stateBefore.ToVietnamese(), article.StateAt(Now).ToVietnamese()),
            ["Ghi chú trả lại"] = (null, article.ReturnNote),
        });
        db.ArticleRevisions.Add(Revision(article, user));
        if (!await db.TrySaveAsync(cancellationToken))
        {
            return EditResult.Refused(ChangedMeanwhile, id);
        }

        return EditResult.Ok(id, "Đã trả lại bài cho tác giả kèm ghi chú.");
    }

    public const string SendBackAction = "Trả lại tác giả";

    /// <summary>The article as the public page would show it, for staff who may edit it (any state, the bin aside).</summary>
    public async Task<EditResult<ArticlePreview>> PreviewAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var article = await db.Articles.AsNoTracking().Include(a => a.Category).Include(a => a.LeadImage)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return EditResult.NotFound.As<ArticlePreview>();
        }

        if (!CanEdit(user, article))
        {
            return EditResult.Forbidden.As<ArticlePreview>();
        }

        var album = article.AlbumId is { } albumId
            ? await db.Albums.AsNoTracking().Where(a => a.Id == albumId).Select(a => a.Title).FirstOrDefaultAsync(cancellationToken)
            : null;
        return EditResult.Found(new ArticlePreview(article.Id, article.Title, article.Summary, article.Body, article.Author, article.PublishedAtUtc,
            article.Category?.Name ?? "", article.Category?.Slug ?? "", article.LeadImage is { } image ? ImageRef.Of(image) : null,
            article.LeadImageAlt, article.LeadImageCaption, album, article.StateAt(Now)));
    }

    /// <summary>Makes an earlier revision the current content (as a new save, so nothing is lost).</summary>
    public async Task<EditResult> RestoreRevisionAsync(int id, long revisionId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        var revision = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == id, cancellationToken);
        if (article is null || revision is null)
        {
            return EditResult.NotFound;
        }

        if (!CanEdit(user, article))
        {
            return EditResult.Forbidden;
        }

        // A revision saved before e-mail bylines were refused keeps the article's current byline (said in the notice);
        // when that is an address too, nothing is restored until the byline is corrected on the form.
        var keptByline = Byline.HoldsEmailAddress(revision.Author);
        if (keptByline && Byline.HoldsEmailAddress(article.Author))
        {
            return EditResult.Refused("Không khôi phục được: tác giả của phiên bản này và của bài hiện tại đều là địa chỉ email. Hãy sửa tác giả của bài rồi khôi phục lại.", id);
        }

        await attachments.LoadAsync(article, a => a.Attachments, cancellationToken);
        var before = Snapshot(article);
        var placedBefore = Placement(article);
        await attachments.RestoreAsync(article.Attachments, revision.Attachments, cancellationToken);
        article.Title = revision.Title;
        article.Slug = await UniqueSlugAsync(revision.Slug, article.Id, cancellationToken);
        article.Summary = revision.Summary;
        article.Body = revision.Body;
        // The image or album of the revision may have been deleted since: then the article goes without.
        article.LeadImageId = revision.LeadImageId is { } imageId && await library.ExistsAsync(imageId, cancellationToken) ? imageId : null;
        article.LeadImageAlt = article.LeadImageId is null ? "" : revision.LeadImageAlt;
        article.LeadImageCaption = article.LeadImageId is null ? "" : revision.LeadImageCaption;
        article.AlbumId = revision.AlbumId is { } albumId && await db.Albums.AnyAsync(a => a.Id == albumId && !a.IsDeleted, cancellationToken) ? albumId : null;
        article.CategoryId = await db.Categories.AnyAsync(c => c.Id == revision.CategoryId, cancellationToken) ? revision.CategoryId : article.CategoryId;
        article.Author = keptByline ? article.Author : revision.Author;
        article.IsFeatured = revision.IsFeatured;
        article.UpdatedAtUtc = Now;
        article.UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        audit.Record(user, "Khôi phục phiên bản", nameof(Article), Id(article), article.Title, FieldDiff.Between(before, Snapshot(article)));
        db.ArticleRevisions.Add(Revision(article, user));
        if (!await db.TrySaveAsync(cancellationToken))
        {
            return EditResult.Refused(ChangedMeanwhile);
        }

        await ChangedAsync(id, [placedBefore, Placement(article)], cancellationToken);
        return EditResult.Ok(id, keptByline
            ? "Đã khôi phục phiên bản cũ (lưu thành phiên bản mới). Tác giả của phiên bản đó là địa chỉ email nên bài giữ tác giả hiện tại."
            : null);
    }

    private static ArticleEditModel ToModel(Article article) =>
        new()
        {
            Title = article.Title,
            Slug = article.Slug,
            Summary = article.Summary,
            Body = article.Body,
            LeadImageId = article.LeadImageId,
            LeadImageAlt = article.LeadImageAlt,
            LeadImageCaption = article.LeadImageCaption,
            AlbumId = article.AlbumId,
            CategoryId = article.CategoryId,
            Author = article.Author,
            IsFeatured = article.IsFeatured,
            PublishAt = article.PublishedAtUtc is { } p ? PublishTime.Show(p) : null,
            ConcurrencyStamp = article.ConcurrencyStamp,
            Attachments = AttachmentListEditor.ToInputs(article.Attachments),
        };

    /// <summary>
    /// The lead image fields, checked before anything is changed: alt text whenever there is an image (Thông tư 32/2017),
    /// a chosen image and album that exist. An image uploaded on the spot goes to the library here and becomes the choice.
    /// </summary>
    private async Task<EditResult?> LeadImageRefusedAsync(ArticleEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var upload = model.LeadImageFile is { Length: > 0 } ? model.LeadImageFile : null;
        if ((upload is not null || model.LeadImageId is not null) && string.IsNullOrWhiteSpace(model.LeadImageAlt))
        {
            return EditResult.Invalid(nameof(model.LeadImageAlt),
                "Vui lòng nhập mô tả ảnh đại diện (văn bản thay thế cho người không xem được ảnh).");
        }

        if (upload is null && model.LeadImageId is { } id && !await library.ExistsAsync(id, cancellationToken))
        {
            return EditResult.Invalid(nameof(model.LeadImageId), "Ảnh đại diện đã chọn không còn trong thư viện ảnh.");
        }

        if (model.AlbumId is { } albumId && !await db.Albums.AnyAsync(a => a.Id == albumId && !a.IsDeleted, cancellationToken))
        {
            return EditResult.Invalid(nameof(model.AlbumId), "Album ảnh đã chọn không tồn tại.");
        }

        if (upload is not null)
        {
            var uploaded = await media.UploadAsync(upload, model.LeadImageAlt, user, cancellationToken);
            if (!uploaded.Succeeded)
            {
                return EditResult.Invalid(nameof(model.LeadImageFile), uploaded.Error!);
            }

            model.LeadImageId = uploaded.Media!.Id;
            model.LeadImageFile = null;
        }

        return null;
    }

    private async Task<EditResult?> ApplyAsync(Article article, ArticleEditModel model, CancellationToken cancellationToken)
    {
        if (!await db.Categories.AnyAsync(c => c.Id == model.CategoryId, cancellationToken))
        {
            return EditResult.Invalid(nameof(model.CategoryId), "Chuyên mục không tồn tại.");
        }

        if (!PublishTime.TryParse(model.PublishAt, out var publishAt))
        {
            return EditResult.Invalid(nameof(model.PublishAt), PublishTime.Invalid);
        }

        if (Byline.HoldsEmailAddress(model.Author))
        {
            return EditResult.Invalid(nameof(model.Author), Byline.EmailRefused);
        }

        var title = model.Title.Trim().Normalize(System.Text.NormalizationForm.FormC);
        var (slug, invalidSlug) = await SlugRules.ChooseAsync(title, model.Slug, Article.SlugMaxLength,
            candidate => db.Articles.AnyAsync(a => a.Slug == candidate && a.Id != article.Id, cancellationToken),
            "Đường dẫn này đã được bài khác sử dụng.");
        if (invalidSlug is not null)
        {
            return invalidSlug;
        }

        article.Title = title;
        article.Slug = slug;
        article.Summary = (model.Summary ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);
        article.Body = sanitizer.Sanitize(PathPrefix.OutOfHtml(urls.PathPrefix, model.Body));
        article.LeadImageId = model.LeadImageId;
        article.LeadImageAlt = model.LeadImageId is null ? "" : Clean(model.LeadImageAlt);
        article.LeadImageCaption = model.LeadImageId is null ? "" : Clean(model.LeadImageCaption);
        article.AlbumId = model.AlbumId;
        article.CategoryId = model.CategoryId;
        article.Author = model.Author.Trim().Normalize(System.Text.NormalizationForm.FormC);
        article.IsFeatured = model.IsFeatured;
        if (publishAt is not null)
        {
            // On a draft it is remembered for when an editor publishes it.
            article.PublishedAtUtc = publishAt;
        }

        article.UpdatedAtUtc = Now;
        return null;
    }

    private static string Clean(string? text) => (text ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);

    /// <summary>A body too deep or too large to sanitize in reasonable time is refused before the sanitizer sees it.</summary>
    private static EditResult? BodyRefused(ArticleEditModel model) =>
        HtmlLimits.Check(model.Body) is { } reason ? EditResult.Invalid(nameof(model.Body), reason) : null;

    private Task<string> UniqueSlugAsync(string slug, int articleId, CancellationToken cancellationToken) =>
        SlugRules.UniqueAsync(slug, Article.SlugMaxLength, candidate => db.Articles.AnyAsync(a => a.Slug == candidate && a.Id != articleId, cancellationToken));

    private async Task<EditResult> ConflictAsync(Article current, ArticleEditModel yours, CancellationToken cancellationToken)
    {
        var latest = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == current.Id)
            .OrderByDescending(r => r.Id).Select(r => new { r.CreatedByName, r.CreatedAtUtc }).FirstOrDefaultAsync(cancellationToken);
        return EditResult.Conflicted(current.Id, latest?.CreatedByName ?? "", latest?.CreatedAtUtc ?? current.UpdatedAtUtc, current.ConcurrencyStamp,
            ConflictFields(current.Title, current.Summary, current.Body, current.Author, current.CategoryId,
                (current.LeadImageId, current.LeadImageAlt, current.LeadImageCaption), current.AlbumId),
            ConflictFields(yours.Title, yours.Summary, sanitizer.Sanitize(PathPrefix.OutOfHtml(urls.PathPrefix, yours.Body)), yours.Author, yours.CategoryId,
                (yours.LeadImageId, yours.LeadImageAlt, yours.LeadImageCaption), yours.AlbumId));
    }

    private const string ChangedMeanwhile = "Bài viết vừa được người khác thay đổi. Hãy tải lại trang rồi thực hiện lại.";

    /// <summary>Where the article is listed; only a published (or scheduled) article is on a day.</summary>
    private static ArticlePlacement Placement(Article article) =>
        new(article.CategoryId, article.Status == ArticleStatus.Published && !article.IsDeleted ? article.PublishedAtUtc : null);

    /// <summary>After a saved change: the public pages that showed the article, or will, and the search index.</summary>
    private async Task ChangedAsync(int id, ArticlePlacement[] placements, CancellationToken cancellationToken)
    {
        await publicCache.ArticleChangedAsync(id, placements);
        await ReindexAsync(id, cancellationToken);
    }

    /// <summary>
    /// The index follows the database; if it cannot be written now (a lock, a full disk) the saved change
    /// stands, results are still checked against the database, and the start-up check rebuilds the index.
    /// </summary>
    private async Task ReindexAsync(int id, CancellationToken cancellationToken)
    {
        if (!search.IsReady)
        {
            return;
        }

        try
        {
            await search.UpdateArticleAsync(articles, id, cancellationToken);
        }
#pragma warning disable CA1031 // See above: a failed index update must not turn a saved change into an error page.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Could not update the search index for article {ArticleId}", id);
        }
    }

    /// <summary>A revision of the article as it stands, its attachment list included (the caller loaded it).</summary>
    private ArticleRevision Revision(Article article, ClaimsPrincipal user)
    {
        var revision = ArticleRevision.Of(article, Now, user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name ?? "");
        revision.Attachments = AttachmentSnapshot.Of(article.Attachments);
        return revision;
    }

    private static Dictionary<string, string?> AttachmentsSnapshot(Article article) => new()
    {
        [AttachmentListEditor.AuditField] = AttachmentListEditor.Describe(article.Attachments),
    };

    private static string Id(Article article) => article.Id.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string?> ConflictFields(string title, string? summary, string? body, string author, int categoryId,
        (int? Id, string? Alt, string? Caption) leadImage, int? albumId) => new()
    {
        ["Tiêu đề"] = title,
        ["Tóm tắt"] = summary,
        ["Nội dung"] = HtmlText.From(body),
        ["Tác giả"] = author,
        ["Chuyên mục"] = categoryId.ToString(CultureInfo.InvariantCulture),
        ["Ảnh đại diện"] = DescribeImage(leadImage.Id),
        ["Mô tả ảnh đại diện"] = leadImage.Id is null ? null : leadImage.Alt?.Trim(),
        ["Chú thích ảnh đại diện"] = leadImage.Id is null ? null : leadImage.Caption?.Trim(),
        ["Album ảnh"] = DescribeAlbum(albumId),
    };

    private static string? DescribeImage(int? id) => id is { } i ? string.Create(CultureInfo.InvariantCulture, $"Ảnh số {i} của thư viện") : null;

    private static string? DescribeAlbum(int? id) => id is { } i ? string.Create(CultureInfo.InvariantCulture, $"Album số {i}") : null;

    private static Dictionary<string, string?> Snapshot(Article a) => new()
    {
        ["Tiêu đề"] = a.Title,
        ["Đường dẫn"] = a.Slug,
        ["Tóm tắt"] = a.Summary,
        ["Nội dung"] = a.Body,
        ["Ảnh đại diện"] = DescribeImage(a.LeadImageId),
        ["Mô tả ảnh đại diện"] = a.LeadImageId is null ? null : a.LeadImageAlt,
        ["Chú thích ảnh đại diện"] = a.LeadImageId is null ? null : a.LeadImageCaption,
        ["Album ảnh"] = DescribeAlbum(a.AlbumId),
        ["Chuyên mục"] = a.CategoryId.ToString(CultureInfo.InvariantCulture),
        ["Tác giả"] = a.Author,
        ["Nổi bật"] = FieldDiff.YesNo(a.IsFeatured),
        ["Xuất bản lúc"] = a.PublishedAtUtc is { } p ? VietnamTime.FormatDateTime(p) : null,
        [AttachmentListEditor.AuditField] = AttachmentListEditor.Describe(a.Attachments),
    };
}

