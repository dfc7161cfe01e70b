using System.Globalization;
using System.Security.Claims;
using System.Text;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Files;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using DoJ.Portal.Search;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// Every change to a static page goes through here: validation, sanitizing, the concurrency stamp, a
/// revision for each save of the content, audit entries in the same transaction, the redirect from a
/// published page's old address, then the public caches. Who may call it is the controller's policy (Editors).
/// </summary>
public sealed class StaticPageEditor(PortalDbContext db, ContentSanitizer sanitizer, AuditLog audit, PublicCache publicCache, SiteUrls urls, TimeProvider clock,
    AttachmentListEditor attachments)
{
    /// <summary>The languages a page can be written in, with their names in the form.</summary>
    public static readonly IReadOnlyDictionary<string, string> Languages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [StaticPage.Vietnamese] = "Tiếng Việt",
        [StaticPage.English] = "Tiếng Anh (English)",
    };

    private const string ChangedMeanwhile = "Trang vừa được người khác thay đổi. Hãy tải lại trang rồi thực hiện lại.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Every page, with who changed it last.</summary>
    public Task<List<StaticPageListItem>> ListAsync(CancellationToken cancellationToken = default) =>
        (from p in db.StaticPages.AsNoTracking()
         join u in db.Users on p.UpdatedById equals u.Id into updaters
         from u in updaters.DefaultIfEmpty()
         orderby p.Id
         select new StaticPageListItem(p.Id, p.Title, p.Slug, p.Language, p.IsPublished, p.UpdatedAtUtc,
             u == null ? null : u.DisplayName != "" ? u.DisplayName : u.UserName))
        .ToListAsync(cancellationToken);

    public async Task<EditResult<StaticPageForm>> LoadAsync(int id, CancellationToken cancellationToken = default) =>
        await db.StaticPages.AsNoTracking().Include(p => p.Attachments).ThenInclude(a => a.StoredFile).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } page
            ? EditResult.Found(new StaticPageForm(ToModel(page), page.IsPublished ? SiteUrls.Page(page.Slug) : null))
            : EditResult.NotFound.As<StaticPageForm>();

    public async Task<EditResult<RevisionHistory<StaticPageRevision>>> LoadRevisionsAsync(int id, CancellationToken cancellationToken = default)
    {
        var title = await db.StaticPages.AsNoTracking().Where(p => p.Id == id).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken);
        return title is null
            ? EditResult.NotFound.As<RevisionHistory<StaticPageRevision>>()
            : EditResult.Found(new RevisionHistory<StaticPageRevision>(title, await db.StaticPageRevisions.AsNoTracking()
                .Where(r => r.StaticPageId == id).OrderByDescending(r => r.Id).ToListAsync(cancellationToken)));
    }

    public async Task<EditResult> CreateAsync(StaticPageEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(user);
        if (BodyRefused(model) is { } refused)
        {
            return refused;
        }

        var page = new StaticPage { CreatedAtUtc = Now, CreatedById = UserId(user) };
        var invalid = await ApplyAsync(page, model, user, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        using var files = await attachments.ApplyAsync(page.Attachments, model.Attachments, model.NewFiles, user, cancellationToken);
        if (files.Invalid is { } refusedFiles)
        {
            return refusedFiles;
        }

        // The page, its attachments, its first revision and the audit entries are one change: all or nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.StaticPages.Add(page);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(user, "Tạo", nameof(StaticPage), Id(page.Id), page.Title, FieldDiff.Created(Snapshot(page)));
        db.StaticPageRevisions.Add(Revision(page, user));
        var redirectsChanged = await TakeAddressAsync(page, null, false, user, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        files.Keep();
        await ChangedAsync(redirectsChanged);
        return EditResult.Ok(page.Id);
    }

    public async Task<EditResult> UpdateAsync(int id, StaticPageEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(user);
        var page = await db.StaticPages.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (page is null)
        {
            return EditResult.NotFound;
        }

        if (BodyRefused(model) is { } refused)
        {
            return refused;
        }

        if (page.ConcurrencyStamp != model.ConcurrencyStamp)
        {
            return await ConflictAsync(page, model, cancellationToken);
        }

        await attachments.LoadAsync(page, p => p.Attachments, cancellationToken);
        var before = Snapshot(page);
        var (oldSlug, wasPublished) = (page.Slug, page.IsPublished);
        var invalid = await ApplyAsync(page, model, user, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        using var files = await attachments.ApplyAsync(page.Attachments, model.Attachments, model.NewFiles, user, cancellationToken);
        if (files.Invalid is { } refusedFiles)
        {
            return refusedFiles;
        }

        db.ExpectStamp(page, model.ConcurrencyStamp);
        if (await SaveContentAsync(page, "Sửa", before, oldSlug, wasPublished, user, cancellationToken))
        {
            files.Keep();
            return EditResult.Ok(id);
        }

        var current = await db.StaticPages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return current is null ? EditResult.NotFound : await ConflictAsync(current, model, cancellationToken);
    }

    /// <summary>Makes an earlier revision the current content, as a new save (and revision), so nothing is lost.</summary>
    public async Task<EditResult> RestoreRevisionAsync(int id, long revisionId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var page = await db.StaticPages.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        var revision = await db.StaticPageRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.StaticPageId == id, cancellationToken);
        if (page is null || revision is null)
        {
            return EditResult.NotFound;
        }

        if (HtmlLimits.Check(revision.Body) is { } reason)
        {
            return EditResult.Refused(reason);
        }

        await attachments.LoadAsync(page, p => p.Attachments, cancellationToken);
        var before = Snapshot(page);
        var (oldSlug, wasPublished) = (page.Slug, page.IsPublished);
        await attachments.RestoreAsync(page.Attachments, revision.Attachments, cancellationToken);
        page.Title = revision.Title;
        // The old address comes back only if no other page has taken it since.
        if (!await SlugTakenAsync(revision.Slug, id, cancellationToken))
        {
            page.Slug = revision.Slug;
        }

        // Sanitized again: the allow-list may have been tightened since the revision was saved.
        page.Body = sanitizer.Sanitize(revision.Body);
        page.Language = Languages.ContainsKey(revision.Language) ? revision.Language : page.Language;
        return await SaveContentAsync(page, "Khôi phục phiên bản", before, oldSlug, wasPublished, user, cancellationToken)
            ? EditResult.Ok(id)
            : EditResult.Refused(ChangedMeanwhile);
    }

    /// <summary>Publishes or unpublishes (an unpublished page answers 404 on the public site). No revision: the content is unchanged.</summary>
    public async Task<EditResult> SetPublishedAsync(int id, bool publish, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var page = await db.StaticPages.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (page is null)
        {
            return EditResult.NotFound;
        }

        if (page.IsPublished == publish)
        {
            return EditResult.Refused(publish ? "Trang này đã được xuất bản." : "Trang này chưa được xuất bản.");
        }

        page.IsPublished = publish;
        page.UpdatedAtUtc = Now;
        page.UpdatedById = UserId(user);
        audit.Record(user, publish ? "Xuất bản" : "Gỡ xuống", nameof(StaticPage), Id(id), page.Title, new Dictionary<string, (object?, object?)>
        {
            ["Xuất bản"] = (FieldDiff.YesNo(!publish), FieldDiff.YesNo(publish)),
        });
        return await SaveSettingAsync(id, cancellationToken);
    }

    /// <summary>
    /// Removes a page and its revisions for good (the model has no recycle bin for pages; the audit entry
    /// keeps what it said). Refused while a menu item points at it.
    /// </summary>
    public async Task<EditResult> DeleteAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var page = await db.StaticPages.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (page is null)
        {
            return EditResult.NotFound;
        }

        var menuItems = await db.MenuItems.AsNoTracking().Where(m => m.StaticPageId == id).OrderBy(m => m.Id).Select(m => m.Title).ToListAsync(cancellationToken);
        if (menuItems.Count > 0)
        {
            return EditResult.Refused($"Không thể xóa trang “{page.Title}” vì menu chính còn liên kết tới trang này (mục {string.Join(", ", menuItems.Select(t => $"“{t}”"))}). Hãy gỡ hoặc sửa các mục menu đó trước.");
        }

        db.StaticPages.Remove(page);
        audit.Record(user, "Xóa", nameof(StaticPage), Id(id), page.Title, FieldDiff.Deleted(Snapshot(page)));
        return await SaveSettingAsync(id, cancellationToken);
    }

    /// <summary>Saves a change that is not a new revision of the content (publish state, removal).</summary>
    private async Task<EditResult> SaveSettingAsync(int id, CancellationToken cancellationToken)
    {
        if (!await db.TrySaveAsync(cancellationToken))
        {
            return EditResult.Refused(ChangedMeanwhile);
        }

        await ChangedAsync(redirectsChanged: false);
        return EditResult.Ok(id);
    }

    private static StaticPageEditModel ToModel(StaticPage page) =>
        new()
        {
            Title = page.Title,
            Slug = page.Slug,
            Body = page.Body,
            Language = page.Language,
            IsPublished = page.IsPublished,
            ConcurrencyStamp = page.ConcurrencyStamp,
            Attachments = AttachmentListEditor.ToInputs(page.Attachments),
        };

    private async Task<EditResult?> ApplyAsync(StaticPage page, StaticPageEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Languages.ContainsKey(model.Language ?? ""))
        {
            return EditResult.Invalid(nameof(model.Language), "Ngôn ngữ chỉ có thể là tiếng Việt hoặc tiếng Anh.");
        }

        var title = model.Title.Trim().Normalize(NormalizationForm.FormC);
        var (slug, invalidSlug) = await SlugRules.ChooseAsync(title, model.Slug, StaticPage.SlugMaxLength,
            candidate => SlugTakenAsync(candidate, page.Id, cancellationToken),
            "Đường dẫn này đã được trang khác sử dụng.");
        if (invalidSlug is not null)
        {
            return invalidSlug;
        }

        page.Title = title;
        page.Slug = slug;
        page.Body = sanitizer.Sanitize(PathPrefix.OutOfHtml(urls.PathPrefix, model.Body));
        page.Language = model.Language!;
        page.IsPublished = model.IsPublished;
        page.UpdatedAtUtc = Now;
        page.UpdatedById = UserId(user);
        return null;
    }

    /// <summary>
    /// Saves a change of the content: the page (its stamp checked), the audit entry and a revision, then
    /// the address. False when a concurrent save won (nothing of ours is written then).
    /// </summary>
    private async Task<bool> SaveContentAsync(StaticPage page, string action, Dictionary<string, string?> before, string oldSlug, bool wasPublished, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        page.UpdatedAtUtc = Now;
        page.UpdatedById = UserId(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Record(user, action, nameof(StaticPage), Id(page.Id), page.Title, FieldDiff.Between(before, Snapshot(page)));
        var revision = Revision(page, user);
        db.StaticPageRevisions.Add(revision);
        if (!await db.TrySaveAsync(cancellationToken))
        {
            return false;
        }

        // Files added with this save have their ids now: the revision names them (saved with the address below).
        revision.Attachments = AttachmentSnapshot.Of(page.Attachments);

        var redirectsChanged = await TakeAddressAsync(page, oldSlug, wasPublished, user, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ChangedAsync(redirectsChanged);
        return true;
    }

    /// <summary>
    /// The page answers at its address from now on: a redirect from that address (left by an earlier
    /// rename) would hide it, so it goes; redirects that led to the old address follow the page (no
    /// chains); and when the old address was public (<paramref name="redirectOldAddress"/>) it answers
    /// 301 to the new one, so links from other sites keep working. True when the redirect table changed.
    /// </summary>
    private async Task<bool> TakeAddressAsync(StaticPage page, string? oldSlug, bool redirectOldAddress, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var newPath = SiteUrls.Page(page.Slug);
        var newKey = Redirect.Normalize(newPath);
        var because = $"đường dẫn của trang “{page.Title}”";
        var changed = false;
        foreach (var hiding in await db.Redirects.Where(r => r.FromPath == newKey).ToListAsync(cancellationToken))
        {
            db.Redirects.Remove(hiding);
            RecordRedirect(user, "Xóa", hiding, $"Gỡ vì {because} dùng lại địa chỉ này", (hiding.FromPath, null), (hiding.ToUrl, null));
            changed = true;
        }

        if (oldSlug is null || oldSlug == page.Slug)
        {
            return changed;
        }

        var oldPath = SiteUrls.Page(oldSlug);
        var leadingToOld = await db.Redirects
            .Where(r => r.ToUrl == oldPath || r.ToUrl.StartsWith(oldPath + "?") || r.ToUrl.StartsWith(oldPath + "#"))
            .ToListAsync(cancellationToken);
        foreach (var redirect in leadingToOld)
        {
            var was = redirect.ToUrl;
            redirect.ToUrl = newPath + was[oldPath.Length..];
            RecordRedirect(user, "Sửa", redirect, $"Trỏ theo {because} mới", null, (was, redirect.ToUrl));
            changed = true;
        }

        if (!redirectOldAddress)
        {
            return changed;
        }

        var oldKey = Redirect.Normalize(oldPath);
        var existing = await db.Redirects.FirstOrDefaultAsync(r => r.FromPath == oldKey, cancellationToken);
        if (existing is not null)
        {
            var was = existing.ToUrl;
            existing.ToUrl = newPath;
            RecordRedirect(user, "Sửa", existing, $"Đổi {because}", null, (was, newPath));
            return true;
        }

        var created = new Redirect { FromPath = oldKey, ToUrl = newPath, CreatedAtUtc = Now };
        db.Redirects.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        RecordRedirect(user, "Tạo", created, $"Đổi {because}", (null, oldKey), (null, newPath));
        return true;
    }

    private void RecordRedirect(ClaimsPrincipal user, string action, Redirect redirect, string why, (string?, string?)? from, (string?, string?) to)
    {
        var changes = new Dictionary<string, (object?, object?)>();
        if (from is { } f)
        {
            changes["Địa chỉ cũ"] = f;
        }

        changes["Chuyển đến"] = to;
        audit.Record(user, action, nameof(Redirect), Id(redirect.Id), $"{redirect.FromPath} → {redirect.ToUrl}: {why}", changes);
    }

    private async Task<EditResult> ConflictAsync(StaticPage current, StaticPageEditModel yours, CancellationToken cancellationToken)
    {
        var savedBy = await db.Users.AsNoTracking().Where(u => u.Id == current.UpdatedById).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        return EditResult.Conflicted(current.Id, savedBy ?? "", current.UpdatedAtUtc, current.ConcurrencyStamp,
            ConflictFields(current.Title, current.Slug, current.Language, current.IsPublished, current.Body),
            ConflictFields((yours.Title ?? "").Trim(), string.IsNullOrWhiteSpace(yours.Slug) ? current.Slug : yours.Slug.Trim(), yours.Language, yours.IsPublished, sanitizer.Sanitize(PathPrefix.OutOfHtml(urls.PathPrefix, yours.Body))));
    }

    /// <summary>A body too deep or too large to sanitize in reasonable time is refused before the sanitizer sees it.</summary>
    private static EditResult? BodyRefused(StaticPageEditModel model) =>
        HtmlLimits.Check(model.Body) is { } reason ? EditResult.Invalid(nameof(model.Body), reason) : null;

    private Task<bool> SlugTakenAsync(string slug, int pageId, CancellationToken cancellationToken) =>
        db.StaticPages.AnyAsync(p => p.Slug == slug && p.Id != pageId, cancellationToken);

    /// <summary>A revision of the page as it stands, its attachment list included (the caller loaded it).</summary>
    private StaticPageRevision Revision(StaticPage page, ClaimsPrincipal user)
    {
        var revision = StaticPageRevision.Of(page, Now, UserId(user), user.Identity?.Name ?? "");
        revision.Attachments = AttachmentSnapshot.Of(page.Attachments);
        return revision;
    }

    private async Task ChangedAsync(bool redirectsChanged)
    {
        await publicCache.PagesChangedAsync();
        if (redirectsChanged)
        {
            await publicCache.RedirectsChangedAsync();
        }
    }

    private static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string?> Snapshot(StaticPage p) => new()
    {
        ["Tiêu đề"] = p.Title,
        ["Đường dẫn"] = p.Slug,
        ["Ngôn ngữ"] = p.Language,
        ["Xuất bản"] = FieldDiff.YesNo(p.IsPublished),
        ["Nội dung"] = p.Body,
        [AttachmentListEditor.AuditField] = AttachmentListEditor.Describe(p.Attachments),
    };

    private static Dictionary<string, string?> ConflictFields(string title, string slug, string? language, bool published, string body) => new()
    {
        ["Tiêu đề"] = title,
        ["Đường dẫn"] = slug,
        ["Ngôn ngữ"] = language is null ? null : Languages.GetValueOrDefault(language, language),
        ["Xuất bản"] = FieldDiff.YesNo(published),
        ["Nội dung"] = HtmlText.From(body),
    };
}
