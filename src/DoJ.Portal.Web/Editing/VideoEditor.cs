using System.Globalization;
using System.Security.Claims;
using System.Text;
using DoJ.Portal.Data;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Domain.Gallery;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Files;
using DoJ.Portal.Web.Media;
using DoJ.Portal.Web.Videos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// Every change to a video goes through here, in the shape of <see cref="LegalDocumentEditor"/>: permission
/// (contributors draft and submit, editors publish), validation (a YouTube address reduced to its id, or an MP4
/// checked by its bytes; a poster of the library or uploaded), the concurrency stamp, an audit entry with the change,
/// then the eviction of the public pages that show it. Videos keep no revisions (the model has no table for them).
/// </summary>
public sealed class VideoEditor(
    PortalDbContext db,
    AuditLog audit,
    PublicCache publicCache,
    FileStore fileStore,
    MediaStore mediaStore,
    IOptions<VideoOptions> options,
    TimeProvider clock)
{
    private const string Entity = nameof(Video);
    private static readonly SendBackKind SendBackWords = new(Entity, "video", ChangedMeanwhile);
    private const string ChangedMeanwhile = "Video vừa được người khác thay đổi. Hãy tải lại trang rồi thực hiện lại.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static bool CanPublish(ClaimsPrincipal user) => ArticleEditor.CanPublish(user);

    /// <summary>Editors edit every video; a contributor only their own drafts and submissions.</summary>
    public static bool CanEdit(ClaimsPrincipal user, Video video) =>
        CanPublish(user)
        || (video is not null && !video.IsDeleted
            && video.CreatedById == user?.FindFirstValue(ClaimTypes.NameIdentifier)
            && video.Status is ArticleStatus.Draft or ArticleStatus.Submitted);

    public async Task<PagedList<VideoAdminItem>> ListAsync(VideoAdminFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = Now;
        var query = db.Videos.AsNoTracking().Where(v => v.IsDeleted == filter.InBin);
        if (!string.IsNullOrWhiteSpace(filter.Words))
        {
            var words = Clean(filter.Words);
            query = query.Where(v => v.Title.Contains(words));
        }

        query = filter.State switch
        {
            ArticleState.Draft => query.Where(v => v.Status == ArticleStatus.Draft),
            ArticleState.Submitted => query.Where(v => v.Status == ArticleStatus.Submitted),
            ArticleState.Scheduled => query.Where(v => v.Status == ArticleStatus.Published && v.PublishedAtUtc > now),
            ArticleState.Published => query.Where(v => v.Status == ArticleStatus.Published && v.PublishedAtUtc <= now),
            ArticleState.Unpublished => query.Where(v => v.Status == ArticleStatus.Unpublished),
            _ => query,
        };
        var total = await query.LongCountAsync(cancellationToken);
        var rows = await query.OrderByDescending(v => v.UpdatedAtUtc).ThenByDescending(v => v.Id)
            .Skip(PageNumber.Offset(page, pageSize)).Take(pageSize)
            .Select(v => new { v.Id, v.Title, v.Slug, v.RecordedOn, v.YouTubeId, v.Status, v.PublishedAtUtc, v.IsDeleted, v.UpdatedAtUtc })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new VideoAdminItem(r.Id, r.Title, r.Slug, r.RecordedOn, r.YouTubeId is not null,
            new Video { Status = r.Status, PublishedAtUtc = r.PublishedAtUtc, IsDeleted = r.IsDeleted }.StateAt(now), r.UpdatedAtUtc)).ToList();
        return new PagedList<VideoAdminItem>(items, page, pageSize, total);
    }

    public async Task<EditResult<VideoForm>> LoadAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var video = await db.Videos.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        return video is null ? EditResult.NotFound.As<VideoForm>()
            : !CanEdit(user, video) ? EditResult.Forbidden.As<VideoForm>()
            : EditResult.Found(new VideoForm(ToModel(video), video.StateAt(Now), video.Slug, ReturnedNote.Of(video)));
    }

    /// <summary>The newest images of the library, for the poster's choice (<paramref name="keep"/> is listed too when older).</summary>
    public async Task<List<PosterChoice>> PosterChoicesAsync(int? keep, CancellationToken cancellationToken = default)
    {
        var choices = await db.Media.AsNoTracking().OrderByDescending(m => m.Id).Take(PosterChoicesMax)
            .Select(m => new PosterChoice(m.Id, m.AltText, m.OriginalName)).ToListAsync(cancellationToken);
        if (keep is { } id && choices.All(c => c.Id != id)
            && await db.Media.AsNoTracking().Where(m => m.Id == id).Select(m => new PosterChoice(m.Id, m.AltText, m.OriginalName)).FirstOrDefaultAsync(cancellationToken) is { } kept)
        {
            choices.Insert(0, kept);
        }

        return choices;
    }

    public const int PosterChoicesMax = 60;

    /// <summary>Where the video stands now (null once it is gone), for a form shown again.</summary>
    public async Task<ArticleState?> StateAsync(int id, CancellationToken cancellationToken = default) =>
        (await db.Videos.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken))?.StateAt(Now);

    public async Task<EditResult> CreateAsync(VideoEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(user);
        var video = new Video
        {
            Status = ArticleStatus.Draft,
            CreatedAtUtc = Now,
            CreatedById = user.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        video.UpdatedById = video.CreatedById;
        var (invalid, stored) = await ApplyAsync(video, model, user, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Videos.Add(video);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(user, "Tạo", Entity, Id(video.Id), video.Title, FieldDiff.Created(Snapshot(video)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            stored = null;
        }
        finally
        {
            Abandon(stored);
        }

        await publicCache.VideoChangedAsync(video.Id);
        return EditResult.Ok(video.Id);
    }

    public async Task<EditResult> UpdateAsync(int id, VideoEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(user);
        var video = await db.Videos.Include(v => v.File).FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (video is null)
        {
            return EditResult.NotFound;
        }

        if (!CanEdit(user, video))
        {
            return EditResult.Forbidden;
        }

        if (video.ConcurrencyStamp != model.ConcurrencyStamp)
        {
            return await ConflictAsync(video, model, cancellationToken);
        }

        var before = Snapshot(video);
        var (invalid, stored) = await ApplyAsync(video, model, user, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        try
        {
            video.UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
            db.ExpectStamp(video, model.ConcurrencyStamp);
            audit.Record(user, "Sửa", Entity, Id(id), video.Title, FieldDiff.Between(before, Snapshot(video)));
            if (!await db.TrySaveAsync(cancellationToken))
            {
                db.ChangeTracker.Clear();
                var current = await db.Videos.AsNoTracking().Include(v => v.File).FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
                return current is null ? EditResult.NotFound : await ConflictAsync(current, model, cancellationToken);
            }

            stored = null;
        }
        finally
        {
            Abandon(stored);
        }

        await publicCache.VideoChangedAsync(id);
        return EditResult.Ok(id);
    }

    /// <summary>An editor sends a submitted video back to its author (Chờ duyệt → Nháp) with a note the author sees on the form.</summary>
    public async Task<EditResult> SendBackAsync(int id, string? note, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var video = await db.Videos.FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        return await SendBack.ApplyAsync(db, audit, SendBackWords, video, id, video?.Title ?? "", note, user, Now,
            static (x, at, by) => (x.UpdatedAtUtc, x.UpdatedById) = (at, by), cancellationToken);
    }

    /// <summary>Moves a video through the workflow; <paramref name="publishAtUtc"/> is used by publish (now when null).</summary>
    public async Task<EditResult> TransitionAsync(int id, ArticleTransition transition, ClaimsPrincipal user, DateTime? publishAtUtc = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var video = await db.Videos.Include(v => v.File).FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (video is null)
        {
            return EditResult.NotFound;
        }

        var allowed = transition switch
        {
            ArticleTransition.Submit => CanEdit(user, video),
            ArticleTransition.Purge => user.IsInRole(PortalRoles.Administrator),
            _ => CanPublish(user),
        };
        if (!allowed)
        {
            return EditResult.Forbidden;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var stateBefore = video.StateAt(Now);
        if (transition == ArticleTransition.Purge)
        {
            if (!video.IsDeleted)
            {
                return EditResult.Refused("Chỉ xóa vĩnh viễn được video đã nằm trong thùng rác.");
            }

            // The stored MP4 stays in the files store, as attachments' files do.
            db.Videos.Remove(video);
            audit.Record(user, transition.ToVietnamese(), Entity, Id(id), video.Title, FieldDiff.Deleted(Snapshot(video)));
            await db.SaveChangesAsync(cancellationToken);
            await publicCache.VideoChangedAsync(id);
            return EditResult.Ok(id);
        }

        var changed = transition.ApplyTo(video, publishAtUtc ?? video.PublishedAtUtc ?? Now, userId, Now);
        if (!changed)
        {
            return EditResult.Refused($"Không thể thực hiện thao tác này với video ở trạng thái “{stateBefore.ToVietnamese()}”.");
        }

        video.UpdatedAtUtc = Now;
        video.UpdatedById = userId;
        audit.Record(user, transition.ToVietnamese(), Entity, Id(id), video.Title, new Dictionary<string, (object?, object?)>
        {
            ["Trạng thái"] = (stateBefore.ToVietnamese(), video.StateAt(Now).ToVietnamese()),
            ["Xuất bản lúc"] = (null, video.PublishedAtUtc is { } p ? VietnamTime.FormatDateTime(p) : null),
        });
        if (!await db.TrySaveAsync(cancellationToken))
        {
            return EditResult.Refused(ChangedMeanwhile);
        }

        await publicCache.VideoChangedAsync(id);
        return EditResult.Ok(id);
    }

    /// <summary>
    /// Validates the form and applies it to <paramref name="video"/>. An MP4 sent with it is stored (and answered, so the
    /// caller deletes it when the save does not happen); a poster sent with it goes into the image library.
    /// </summary>
    private async Task<(EditResult? Invalid, StoredFile? Stored)> ApplyAsync(Video video, VideoEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var title = Clean(model.Title);
        if (title.Length == 0)
        {
            return (EditResult.Invalid(nameof(model.Title), "Vui lòng nhập tiêu đề."), null);
        }

        if (!LegalDocumentEditor.TryParseDay(model.RecordedOn, out var recordedOn))
        {
            return (EditResult.Invalid(nameof(model.RecordedOn), "Ngày ghi hình không hợp lệ (dd/MM/yyyy)."), null);
        }

        if (!PublishTime.TryParse(model.PublishAt, out var publishAt))
        {
            return (EditResult.Invalid(nameof(model.PublishAt), "Thời điểm xuất bản không hợp lệ."), null);
        }

        var address = (model.YouTubeAddress ?? "").Trim();
        var hasFile = model.NewFile is { Length: > 0 };
        string? youTubeId = null;
        if (address.Length > 0 && hasFile)
        {
            return (EditResult.Invalid(nameof(model.YouTubeAddress), "Chỉ chọn một nguồn: địa chỉ YouTube hoặc tệp MP4."), null);
        }

        if (address.Length > 0 && !YouTubeAddress.TryParse(address, out youTubeId))
        {
            return (EditResult.Invalid(nameof(model.YouTubeAddress),
                "Địa chỉ YouTube không hợp lệ. Hãy dán địa chỉ dạng https://www.youtube.com/watch?v=… hoặc https://youtu.be/…"), null);
        }

        if (address.Length == 0 && !hasFile && video.FileId is null && video.YouTubeId is null)
        {
            return (EditResult.Invalid(nameof(model.YouTubeAddress), "Vui lòng nhập địa chỉ YouTube hoặc chọn tệp MP4."), null);
        }

        if (model.PosterId is { } posterId && model.PosterFile is null && !await db.Media.AnyAsync(m => m.Id == posterId, cancellationToken))
        {
            return (EditResult.Invalid(nameof(model.PosterId), $"Không có ảnh mang mã {posterId} trong thư viện."), null);
        }

        var (slug, invalidSlug) = await SlugRules.ChooseAsync(title, model.Slug, Video.SlugMaxLength, _ => Task.FromResult(false), "");
        if (invalidSlug is not null)
        {
            return (invalidSlug.Field == SlugRules.TitleField ? EditResult.Invalid(nameof(model.Title), "Tiêu đề cần có chữ hoặc số.") : invalidSlug, null);
        }

        StoredFile? stored = null;
        if (hasFile)
        {
            var limit = options.Value;
            if (model.NewFile!.Length > limit.MaxUploadBytes)
            {
                return (EditResult.Invalid(nameof(model.NewFile), $"Tệp «{FileStore.CleanName(model.NewFile.FileName, null)}» lớn hơn {limit.MaxUploadText}."), null);
            }

            await using var upload = model.NewFile.OpenReadStream();
            var result = await fileStore.StoreAsync(upload, model.NewFile.FileName, user.FindFirstValue(ClaimTypes.NameIdentifier),
                file => Mp4Inspector.IsMp4(file) ? FileInspection.Of(FileKind.Mp4) : FileInspection.Refused(FileRefusal.NotAccepted, "không phải video MP4"),
                limit.MaxUploadBytes, limit.MaxUploadText, cancellationToken);
            if (result.File is null)
            {
                var message = result.Error ?? "";
                return (EditResult.Invalid(nameof(model.NewFile), message.Contains("nội dung thật", StringComparison.Ordinal)
                    ? $"Tệp «{FileStore.CleanName(model.NewFile.FileName, null)}» không phải video MP4 (H.264/ISO); hãy chuyển sang MP4 rồi tải lên lại."
                    : message), null);
            }

            stored = result.File;
        }

        if (model.PosterFile is { Length: > 0 })
        {
            var poster = await mediaStore.UploadAsync(model.PosterFile, model.PosterAlt, user, cancellationToken);
            if (poster.Media is null)
            {
                Abandon(stored);
                return (EditResult.Invalid(nameof(model.PosterFile), poster.Error ?? "Ảnh đại diện không hợp lệ."), null);
            }

            video.PosterId = poster.Media.Id;
        }
        else
        {
            video.PosterId = model.PosterId;
        }

        video.Title = title;
        video.Description = Clean(model.Description);
        video.RecordedOn = recordedOn;
        video.Slug = slug;
        if (youTubeId is not null)
        {
            video.YouTubeId = youTubeId;
            video.FileId = null;
            video.File = null;
        }
        else if (stored is not null)
        {
            video.YouTubeId = null;
            video.File = stored;
        }

        if (publishAt is not null)
        {
            video.PublishedAtUtc = publishAt;
        }

        video.UpdatedAtUtc = Now;
        return (null, stored);
    }

    /// <summary>An MP4 stored for a save that did not happen: its row was never saved, so nothing else names it.</summary>
    private void Abandon(StoredFile? stored)
    {
        if (stored is not null)
        {
            fileStore.Delete(stored.FileName);
        }
    }

    private async Task<EditResult> ConflictAsync(Video current, VideoEditModel yours, CancellationToken cancellationToken)
    {
        var savedBy = await db.Users.AsNoTracking().Where(u => u.Id == current.UpdatedById).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        var theirs = Snapshot(current);
        var mine = new Dictionary<string, string?>
        {
            ["Tiêu đề"] = Clean(yours.Title),
            ["Mô tả"] = Clean(yours.Description),
            ["Ngày ghi hình"] = LegalDocumentEditor.TryParseDay(yours.RecordedOn, out var day) ? Day(day) : yours.RecordedOn,
            ["Ảnh đại diện"] = yours.PosterId is { } p ? Id(p) : null,
        };
        return EditResult.Conflicted(current.Id, savedBy ?? "", current.UpdatedAtUtc, current.ConcurrencyStamp,
            theirs.Where(t => mine.ContainsKey(t.Key)).ToDictionary(t => t.Key, t => t.Value), mine);
    }

    private static VideoEditModel ToModel(Video v) => new()
    {
        Title = v.Title,
        Description = v.Description,
        RecordedOn = v.RecordedOn.ToString(VietnamTime.IsoDateFormat, CultureInfo.InvariantCulture),
        Slug = v.Slug,
        YouTubeAddress = v.YouTubeId is { } youTube ? YouTubeAddress.WatchUrl(youTube) : null,
        FileId = v.FileId,
        PosterId = v.PosterId,
        PublishAt = v.PublishedAtUtc is { } p ? PublishTime.Show(p) : null,
        ConcurrencyStamp = v.ConcurrencyStamp,
    };

    private static string Clean(string? text) => (text ?? "").Trim().Normalize(NormalizationForm.FormC);

    private static string Day(DateOnly day) => day.ToString(VietnamTime.DateFormat, CultureInfo.InvariantCulture);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string?> Snapshot(Video v) => new()
    {
        ["Tiêu đề"] = v.Title,
        ["Đường dẫn"] = v.Slug,
        ["Mô tả"] = v.Description,
        ["Ngày ghi hình"] = Day(v.RecordedOn),
        ["Nguồn"] = v.YouTubeId is { } y ? "YouTube " + y
            : v.File is { } f ? $"MP4 {f.FileName} ({f.SizeBytes.ToString(CultureInfo.InvariantCulture)} byte, SHA-256 {f.Sha256})"
            : v.FileId is { } fileId ? "MP4 #" + Id(fileId) : null,
        ["Ảnh đại diện"] = v.PosterId is { } p ? Id(p) : null,
        ["Xuất bản lúc"] = v.PublishedAtUtc is { } at ? VietnamTime.FormatDateTime(at) : null,
    };
}
