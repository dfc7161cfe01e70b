using System.Globalization;
using System.Security.Claims;
using System.Text;
using DoJ.Portal.Data;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Gallery;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Media;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// Every change to a photo album goes through here, in the shape of <see cref="LegalDocumentEditor"/>: permission
/// (contributors draft and submit their own albums, editors publish), validation (a public album's photos all have
/// alt text), the concurrency stamp, an audit entry with the change, then the eviction of the public pages.
/// Photos are images of the library (<see cref="MediaStore"/>): removing one from an album leaves the image there.
/// </summary>
public sealed class AlbumEditor(PortalDbContext db, AuditLog audit, MediaStore media, PublicCache publicCache, TimeProvider clock)
{
    private const string Entity = nameof(Album);
    private static readonly SendBackKind SendBackWords = new(Entity, "album", ChangedMeanwhile);
    private const string ChangedMeanwhile = "Album vừa được người khác thay đổi. Hãy tải lại trang rồi thực hiện lại.";

    /// <summary>The form's move buttons send <c>{row}:len</c> or <c>{row}:xuong</c>.</summary>
    public const string MoveUp = "len";
    public const string MoveDown = "xuong";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static bool CanPublish(ClaimsPrincipal user) => ArticleEditor.CanPublish(user);

    public static bool CanEdit(ClaimsPrincipal user, Album album) =>
        CanPublish(user)
        || (album is not null && !album.IsDeleted
            && album.CreatedById == user?.FindFirstValue(ClaimTypes.NameIdentifier)
            && album.Status is ArticleStatus.Draft or ArticleStatus.Submitted);

    public async Task<PagedList<AlbumAdminItem>> ListAsync(AlbumAdminFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = Now;
        var query = db.Albums.AsNoTracking().Where(a => a.IsDeleted == filter.InBin);
        query = filter.State switch
        {
            ArticleState.Draft => query.Where(a => a.Status == ArticleStatus.Draft),
            ArticleState.Submitted => query.Where(a => a.Status == ArticleStatus.Submitted),
            ArticleState.Scheduled => query.Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc > now),
            ArticleState.Published => query.Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc <= now),
            ArticleState.Unpublished => query.Where(a => a.Status == ArticleStatus.Unpublished),
            _ => query,
        };
        var total = await query.LongCountAsync(cancellationToken);
        var rows = await query.OrderByDescending(a => a.UpdatedAtUtc).ThenByDescending(a => a.Id)
            .Skip(PageNumber.Offset(page, pageSize)).Take(pageSize)
            .Select(a => new { a.Id, a.Title, a.Slug, a.TakenOn, Count = a.Photos.Count, a.Status, a.PublishedAtUtc, a.IsDeleted, a.UpdatedAtUtc })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new AlbumAdminItem(r.Id, r.Title, r.Slug, r.TakenOn, r.Count,
            new Album { Status = r.Status, PublishedAtUtc = r.PublishedAtUtc, IsDeleted = r.IsDeleted }.StateAt(now), r.UpdatedAtUtc)).ToList();
        return new PagedList<AlbumAdminItem>(items, page, pageSize, total);
    }

    public async Task<EditResult<AlbumForm>> LoadAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var album = await db.Albums.AsNoTracking().Include(a => a.Photos).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return album is null ? EditResult.NotFound.As<AlbumForm>()
            : !CanEdit(user, album) ? EditResult.Forbidden.As<AlbumForm>()
            : EditResult.Found(new AlbumForm(ToModel(album), album.StateAt(Now), album.Slug, ReturnedNote.Of(album)));
    }

    public async Task<ArticleState?> StateAsync(int id, CancellationToken cancellationToken = default) =>
        (await db.Albums.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken))?.StateAt(Now);

    /// <summary>The library images the form's rows show, by id.</summary>
    public async Task<Dictionary<int, ImageRef>> ImagesAsync(IEnumerable<int> mediaIds, CancellationToken cancellationToken = default)
    {
        var ids = mediaIds.Distinct().ToList();
        var rows = await db.Media.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken);
        return rows.ToDictionary(m => m.Id, ImageRef.Of);
    }

    /// <summary>One image for the form's script: uploaded to the library, added to the album when the form is saved.</summary>
    public Task<MediaResult> UploadAsync(IFormFile? file, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        media.UploadAsync(file, null, user, cancellationToken);

    public async Task<EditResult> CreateAsync(AlbumEditModel model, string? move, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(user);
        var album = new Album { Status = ArticleStatus.Draft, CreatedAtUtc = Now, CreatedById = user.FindFirstValue(ClaimTypes.NameIdentifier) };
        await UploadNewAsync(model, user, cancellationToken);
        if (await ApplyAsync(album, model, move, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        album.UpdatedById = album.CreatedById;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Albums.Add(album);
        await db.SaveChangesAsync(cancellationToken);
        await SetCoverAsync(album, model, cancellationToken);
        audit.Record(user, "Tạo", Entity, Id(album.Id), album.Title, FieldDiff.Created(Snapshot(album)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ChangedAsync(album.Id, cancellationToken);
        return EditResult.Ok(album.Id, Notice(model, move));
    }

    public async Task<EditResult> UpdateAsync(int id, AlbumEditModel model, string? move, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(user);
        var album = await db.Albums.Include(a => a.Photos).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (album is null)
        {
            return EditResult.NotFound;
        }

        if (!CanEdit(user, album))
        {
            return EditResult.Forbidden;
        }

        if (album.ConcurrencyStamp != model.ConcurrencyStamp)
        {
            return await ConflictAsync(album, model, cancellationToken);
        }

        var before = Snapshot(album);
        await UploadNewAsync(model, user, cancellationToken);
        if (await ApplyAsync(album, model, move, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        album.UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        db.ExpectStamp(album, model.ConcurrencyStamp);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (!await db.TrySaveAsync(cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                var current = await db.Albums.AsNoTracking().Include(a => a.Photos).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
                return current is null ? EditResult.NotFound : await ConflictAsync(current, model, cancellationToken);
            }

            await SetCoverAsync(album, model, cancellationToken);
            audit.Record(user, move is null ? "Sửa" : "Đổi thứ tự ảnh", Entity, Id(id), album.Title, FieldDiff.Between(before, Snapshot(album)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await ChangedAsync(id, cancellationToken);
        return EditResult.Ok(id, Notice(model, move));
    }

    /// <summary>An editor sends a submitted album back to its author (Chờ duyệt → Nháp) with a note the author sees on the form.</summary>
    public async Task<EditResult> SendBackAsync(int id, string? note, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var album = await db.Albums.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return await SendBack.ApplyAsync(db, audit, SendBackWords, album, id, album?.Title ?? "", note, user, Now,
            static (x, at, by) => (x.UpdatedAtUtc, x.UpdatedById) = (at, by), cancellationToken);
    }

    /// <summary>Moves an album through the workflow; publishing needs at least one photo and alt text on every photo.</summary>
    public async Task<EditResult> TransitionAsync(int id, ArticleTransition transition, ClaimsPrincipal user, DateTime? publishAtUtc = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var album = await db.Albums.Include(a => a.Photos).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (album is null)
        {
            return EditResult.NotFound;
        }

        var allowed = transition switch
        {
            ArticleTransition.Submit => CanEdit(user, album),
            ArticleTransition.Purge => user.IsInRole(PortalRoles.Administrator),
            _ => CanPublish(user),
        };
        if (!allowed)
        {
            return EditResult.Forbidden;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var stateBefore = album.StateAt(Now);
        if (transition == ArticleTransition.Purge)
        {
            if (!album.IsDeleted)
            {
                return EditResult.Refused("Chỉ xóa vĩnh viễn được album đã nằm trong thùng rác.");
            }

            var articles = await db.Articles.Where(a => a.AlbumId == id).ToListAsync(cancellationToken);
            articles.ForEach(a => a.AlbumId = null);
            album.CoverPhotoId = null;
            db.Albums.Remove(album);
            audit.Record(user, transition.ToVietnamese(), Entity, Id(id), album.Title, FieldDiff.Deleted(Snapshot(album)));
            await db.SaveChangesAsync(cancellationToken);
            await ChangedAsync(id, cancellationToken, articles.Select(a => a.Id));
            return EditResult.Ok(id);
        }

        if (transition == ArticleTransition.Publish && PublishRefusal(album.Photos.OrderBy(p => p.Position).Select(p => p.AltText).ToList()) is { } refusal)
        {
            return EditResult.Refused(refusal);
        }

        var changed = transition.ApplyTo(album, publishAtUtc ?? album.PublishedAtUtc ?? Now, userId, Now);
        if (!changed)
        {
            return EditResult.Refused($"Không thể thực hiện thao tác này với album ở trạng thái “{stateBefore.ToVietnamese()}”.");
        }

        album.UpdatedAtUtc = Now;
        album.UpdatedById = userId;
        audit.Record(user, transition.ToVietnamese(), Entity, Id(id), album.Title, new Dictionary<string, (object?, object?)>
        {
            ["Trạng thái"] = (stateBefore.ToVietnamese(), album.StateAt(Now).ToVietnamese()),
            ["Xuất bản lúc"] = (null, album.PublishedAtUtc is { } p ? VietnamTime.FormatDateTime(p) : null),
        });
        if (!await db.TrySaveAsync(cancellationToken))
        {
            return EditResult.Refused(ChangedMeanwhile);
        }

        await ChangedAsync(id, cancellationToken);
        return EditResult.Ok(id);
    }

    /// <summary>Why an album with photos having these alt texts (in order) cannot be public; null when it can.</summary>
    public static string? PublishRefusal(IReadOnlyList<string?> altTexts)
    {
        ArgumentNullException.ThrowIfNull(altTexts);
        if (altTexts.Count == 0)
        {
            return "Không thể xuất bản: album chưa có ảnh nào.";
        }

        var missing = altTexts.Select((alt, i) => (alt, i)).Where(p => string.IsNullOrWhiteSpace(p.alt)).Select(p => (p.i + 1).ToString(CultureInfo.InvariantCulture)).ToList();
        return missing.Count == 0 ? null
            : $"Không thể xuất bản: ảnh số {string.Join(", ", missing)} chưa có mô tả ảnh (alt). Mô tả ảnh là bắt buộc để người không nhìn thấy ảnh hiểu được nội dung.";
    }

    /// <summary>Rows in their new order after a move button (<c>{row}:len</c> / <c>{row}:xuong</c>); the same order for anything else.</summary>
    public static List<T> Moved<T>(IReadOnlyList<T> rows, string? move)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        var parts = (move ?? "").Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= list.Count)
        {
            return list;
        }

        var target = parts[1] switch { MoveUp => index - 1, MoveDown => index + 1, _ => -1 };
        if (target < 0 || target >= list.Count)
        {
            return list;
        }

        (list[index], list[target]) = (list[target], list[index]);
        return list;
    }

    /// <summary>Where a move puts the moved row (for the form's anchor), or null when <paramref name="move"/> is not a move.</summary>
    public static int? MovedTo(string? move, int count)
    {
        var parts = (move ?? "").Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        var target = parts[1] == MoveUp ? index - 1 : index + 1;
        return Math.Clamp(target, 0, Math.Max(0, count - 1));
    }

    /// <summary>A calendar day as a person writes it (<c>dd/MM/yyyy</c>) or a date field sends it; years 1900–2100.</summary>
    public static bool TryParseDay(string? text, out DateOnly day) => LegalDocumentEditor.TryParseDay(text?.Trim(), out day);

    private async Task UploadNewAsync(AlbumEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        foreach (var file in model.NewPhotos.Where(f => f is not null))
        {
            var result = await media.UploadAsync(file, null, user, cancellationToken);
            if (result.Media is { } image)
            {
                model.Photos.Add(new AlbumPhotoInput { MediaId = image.Id, Caption = "", AltText = "" });
            }
            else
            {
                model.Refused.Add($"{Path.GetFileName(file.FileName)}: {result.Error}");
            }
        }

        model.NewPhotos.Clear();
    }

    private async Task<EditResult?> ApplyAsync(Album album, AlbumEditModel model, string? move, CancellationToken cancellationToken)
    {
        var title = Clean(model.Title);
        if (title.Length == 0)
        {
            return EditResult.Invalid(nameof(model.Title), "Vui lòng nhập tiêu đề album.");
        }

        if (title.Length > Album.TitleMaxLength)
        {
            return EditResult.Invalid(nameof(model.Title), $"Tiêu đề dài tối đa {Album.TitleMaxLength} ký tự.");
        }

        if (!TryParseDay(model.TakenOn, out var takenOn))
        {
            return EditResult.Invalid(nameof(model.TakenOn), "Ngày chụp không hợp lệ (dd/MM/yyyy).");
        }

        if (!PublishTime.TryParse(model.PublishAt, out var publishAt))
        {
            return EditResult.Invalid(nameof(model.PublishAt), "Thời điểm xuất bản không hợp lệ.");
        }

        // The move names a row of the form as posted; the form shown again keeps the new order.
        model.Photos = Moved(model.Photos, move);
        var rows = model.Photos.Where(p => !p.Remove).ToList();
        var mediaIds = rows.Select(r => r.MediaId).Distinct().ToList();
        var known = await db.Media.Where(m => mediaIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < model.Photos.Count; i++)
        {
            var row = model.Photos[i];
            if (row.Remove)
            {
                continue;
            }

            if (!known.Contains(row.MediaId) || (row.Id != 0 && album.Photos.All(p => p.Id != row.Id)))
            {
                return EditResult.Invalid($"{nameof(model.Photos)}[{i}]", $"Ảnh số {i + 1} không còn trong thư viện ảnh; hãy bỏ nó khỏi album.");
            }

            if (Clean(row.Caption).Length > AlbumPhoto.CaptionMaxLength)
            {
                return EditResult.Invalid($"{nameof(model.Photos)}[{i}].{nameof(row.Caption)}", $"Chú thích ảnh số {i + 1} dài tối đa {AlbumPhoto.CaptionMaxLength} ký tự.");
            }

            if (Clean(row.AltText).Length > Domain.Content.Media.AltTextMaxLength)
            {
                return EditResult.Invalid($"{nameof(model.Photos)}[{i}].{nameof(row.AltText)}", $"Mô tả ảnh số {i + 1} dài tối đa {Domain.Content.Media.AltTextMaxLength} ký tự.");
            }

            // A public or scheduled album shows every photo: each needs its alt text now, not only at publishing.
            if (album.Status == ArticleStatus.Published && !album.IsDeleted && Clean(row.AltText).Length == 0)
            {
                return EditResult.Invalid($"{nameof(model.Photos)}[{i}].{nameof(row.AltText)}",
                    $"Ảnh số {i + 1}: vui lòng nhập mô tả ảnh (alt) — bắt buộc với album đã xuất bản hoặc hẹn giờ.");
            }
        }

        if (album.Status == ArticleStatus.Published && !album.IsDeleted && rows.Count == 0)
        {
            return EditResult.Invalid(nameof(model.Photos), "Album đã xuất bản cần có ít nhất một ảnh.");
        }

        var (slug, invalidSlug) = await SlugRules.ChooseAsync(title, model.Slug, Album.SlugMaxLength, _ => Task.FromResult(false), "");
        if (invalidSlug is not null)
        {
            return invalidSlug;
        }

        album.Title = title;
        album.Slug = slug;
        album.Description = Clean(model.Description);
        album.TakenOn = takenOn;
        if (publishAt is not null)
        {
            album.PublishedAtUtc = publishAt;
        }

        var kept = new List<AlbumPhoto>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var photo = row.Id != 0 ? album.Photos.First(p => p.Id == row.Id) : new AlbumPhoto { MediaId = row.MediaId };
            photo.Position = i + 1;
            photo.Caption = Clean(row.Caption);
            photo.AltText = Clean(row.AltText);
            kept.Add(photo);
        }

        foreach (var gone in album.Photos.Except(kept).ToList())
        {
            if (album.CoverPhotoId == gone.Id)
            {
                album.CoverPhotoId = null;
            }

            album.Photos.Remove(gone);
            db.AlbumPhotos.Remove(gone);
        }

        foreach (var added in kept.Where(p => p.Id == 0 && !album.Photos.Contains(p)))
        {
            album.Photos.Add(added);
        }

        album.UpdatedAtUtc = Now;
        return null;
    }

    /// <summary>The cover names a photo row by its image; new photos have their ids only after the first save.</summary>
    private async Task SetCoverAsync(Album album, AlbumEditModel model, CancellationToken cancellationToken)
    {
        var cover = model.CoverMediaId is { } mediaId ? album.Photos.OrderBy(p => p.Position).FirstOrDefault(p => p.MediaId == mediaId) : null;
        if (album.CoverPhotoId != cover?.Id)
        {
            album.CoverPhotoId = cover?.Id;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<EditResult> ConflictAsync(Album current, AlbumEditModel yours, CancellationToken cancellationToken)
    {
        var savedBy = current.UpdatedById is { } by
            ? await db.Users.AsNoTracking().Where(u => u.Id == by).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken)
            : null;
        var theirs = Snapshot(current);
        var mine = new Dictionary<string, string?>
        {
            ["Tiêu đề"] = Clean(yours.Title),
            ["Mô tả"] = Clean(yours.Description),
            ["Ngày chụp"] = TryParseDay(yours.TakenOn, out var d) ? Day(d) : yours.TakenOn,
            ["Ảnh"] = Describe(yours.Photos.Where(p => !p.Remove).Select(p => (p.MediaId, Clean(p.Caption), Clean(p.AltText)))),
        };
        return EditResult.Conflicted(current.Id, savedBy ?? "", current.UpdatedAtUtc, current.ConcurrencyStamp,
            theirs.Where(t => mine.ContainsKey(t.Key)).ToDictionary(t => t.Key, t => t.Value), mine);
    }

    private static string? Notice(AlbumEditModel model, string? move)
    {
        var saved = move is null ? "Đã lưu album." : "Đã đổi thứ tự.";
        return model.Refused.Count == 0 ? null : $"{saved} Không thêm được {model.Refused.Count} tệp: {string.Join("; ", model.Refused)}";
    }

    private static AlbumEditModel ToModel(Album a) => new()
    {
        Title = a.Title,
        Description = a.Description,
        TakenOn = Day(a.TakenOn),
        Slug = a.Slug,
        PublishAt = a.PublishedAtUtc is { } p ? PublishTime.Show(p) : null,
        ConcurrencyStamp = a.ConcurrencyStamp,
        CoverMediaId = a.Photos.FirstOrDefault(p => p.Id == a.CoverPhotoId)?.MediaId,
        Photos = a.Photos.OrderBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new AlbumPhotoInput { Id = p.Id, MediaId = p.MediaId, Caption = p.Caption, AltText = p.AltText }).ToList(),
    };

    private static string Describe(IEnumerable<(int MediaId, string Caption, string Alt)> photos) =>
        string.Join("; ", photos.Select(p => string.Create(CultureInfo.InvariantCulture, $"ảnh #{p.MediaId} “{p.Caption}” [alt: {p.Alt}]")));

    private static Dictionary<string, string?> Snapshot(Album a) => new()
    {
        ["Tiêu đề"] = a.Title,
        ["Đường dẫn"] = a.Slug,
        ["Mô tả"] = a.Description,
        ["Ngày chụp"] = Day(a.TakenOn),
        ["Ảnh"] = Describe(a.Photos.OrderBy(p => p.Position).ThenBy(p => p.Id).Select(p => (p.MediaId, p.Caption, p.AltText))),
        ["Ảnh bìa"] = a.Photos.FirstOrDefault(p => p.Id == a.CoverPhotoId) is { } c ? Id(c.MediaId) : null,
        ["Xuất bản lúc"] = a.PublishedAtUtc is { } p ? VietnamTime.FormatDateTime(p) : null,
    };

    private static string Clean(string? text) => (text ?? "").Trim().Normalize(NormalizationForm.FormC);

    private static string Day(DateOnly day) => day.ToString(VietnamTime.DateFormat, CultureInfo.InvariantCulture);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task ChangedAsync(int id, CancellationToken cancellationToken, IEnumerable<int>? articleIds = null)
    {
        var showing = await db.Articles.AsNoTracking().Where(a => a.AlbumId == id).Select(a => a.Id).ToListAsync(cancellationToken);
        await publicCache.AlbumChangedAsync(showing.Union(articleIds ?? []));
    }
}
