using System.Net;
using System.Net.Http.Headers;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Domain.Gallery;
using DoJ.Portal.IntegrationTests.Files;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Testing.Files;
using DoJ.Portal.Web.Navigation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Videos;

/// <summary>The portal with a small video limit, so that the limit can be tested without a 200 MB body.</summary>
public sealed class VideoFactory : PortalWebApplicationFactory
{
    public const int MaxUploadBytes = 64 * 1024;

    public VideoFactory() => With("Video:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class VideoTests(VideoFactory factory) : IClassFixture<VideoFactory>
{
    private const string YouTubeId = "dQw4w9WgXcQ";

    private string FilesFolder => Path.Combine(factory.DataPath, DoJ.Portal.Data.StorageOptions.FilesFolder);

    private string[] FilesOnDisk() => Directory.Exists(FilesFolder) ? Directory.GetFiles(FilesFolder, "*", SearchOption.AllDirectories) : [];

    /// <summary>Posts the new-video form as a browser does (multipart, the form's own token), with an MP4 when given.</summary>
    private static async Task<HttpResponseMessage> CreateAsync(StaffSession session, string title, string? youTube, (string Name, byte[] Bytes)? file, string then = "luu", string? publishAt = null)
    {
        var fields = await AttachmentForms.ReadAsync(session, AdminUrls.New(AdminUrls.Videos), "form-video");
        fields.Set("Title", title);
        fields.Set("Description", "Hội nghị tổng kết công tác tư pháp năm 2026.");
        fields.Set("RecordedOn", "2026-11-20");
        fields.Set("YouTubeAddress", youTube ?? "");
        fields.Set("thao-tac", then);
        if (publishAt is not null)
        {
            fields.Set("PublishAt", publishAt);
        }
        using var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        if (file is var (name, bytes))
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
            content.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"NewFile\"", FileNameStar = name, FileName = "\"upload\"" };
            form.Add(content);
        }

        return await session.Client.PostAsync(new Uri(AdminUrls.New(AdminUrls.Videos), UriKind.Relative), form);
    }

    private static int IdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var id = location[(AdminUrls.Videos.Length + 1)..location.LastIndexOf('/')];
        return int.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<Video> VideoAsync(int id) => factory.WithDbAsync(db => db.Videos.AsNoTracking().Include(v => v.File).SingleAsync(v => v.Id == id));

    private static async Task<string> TextAsync(HttpResponseMessage response) => (await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync())).Body!.TextContent;

    [Fact]
    public async Task An_uploaded_MP4_is_played_from_its_own_address_with_ranges_and_the_files_headers()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var mp4 = TestVideos.Mp4(10_000);
        using var saved = await CreateAsync(editor, TestArticles.UniqueTitle("Hội nghị tổng kết"), null, ("Hội nghị.mp4", mp4), "xuat-ban");
        var video = await VideoAsync(IdFrom(saved));
        Assert.Equal(FileKind.Mp4, video.File!.Kind);
        Assert.Null(video.YouTubeId);
        Assert.Matches(@"^\d{4}/\d{2}/[0-9a-f]{32}\.mp4$", video.File.FileName);
        Assert.Equal(FileTextState.NotApplicable, video.File.TextState);
        Assert.True(video.IsPublic(factory.Clock.GetUtcNow().UtcDateTime));

        var page = await factory.CreatePlainClient().GetDocumentAsync(SiteUrls.Video(video.Id, video.Slug));
        var player = page.QuerySelector("video")!;
        Assert.True(player.HasAttribute("controls"));
        Assert.Equal("metadata", player.GetAttribute("preload"));
        Assert.Equal(SiteUrls.VideoFile(video.Id), player.QuerySelector("source")!.GetAttribute("src"));
        Assert.Null(page.QuerySelector("iframe"));
        Assert.Contains("20/11/2026", page.QuerySelector(".video-detail .article-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://portal.example.vn" + SiteUrls.VideoFile(video.Id), page.QuerySelector("meta[property='og:video']")!.GetAttribute("content"));
        Assert.Contains("\"VideoObject\"", page.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);

        var client = factory.CreatePlainClient();
        using var whole = await client.GetAsync(new Uri(SiteUrls.VideoFile(video.Id), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(mp4, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal("video/mp4", whole.Content.Headers.ContentType!.MediaType);
        Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
        Assert.Equal("nosniff", whole.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal($"\"{video.File.Sha256}\"", whole.Headers.ETag!.Tag);
        Assert.Equal("public, no-cache", whole.Headers.CacheControl!.ToString());
        Assert.Equal("inline", whole.Content.Headers.ContentDisposition!.DispositionType);

        using var rangeRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(SiteUrls.VideoFile(video.Id), UriKind.Relative));
        rangeRequest.Headers.Range = new RangeHeaderValue(100, 199);
        using var part = await client.SendAsync(rangeRequest);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("bytes 100-199/10000", part.Content.Headers.ContentRange!.ToString());
        Assert.Equal(mp4[100..200], await part.Content.ReadAsByteArrayAsync());

        using var tailRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(SiteUrls.VideoFile(video.Id), UriKind.Relative));
        tailRequest.Headers.Range = new RangeHeaderValue(null, 16);
        using var tail = await client.SendAsync(tailRequest);
        Assert.Equal(HttpStatusCode.PartialContent, tail.StatusCode);
        Assert.Equal(mp4[^16..], await tail.Content.ReadAsByteArrayAsync());

        using var pastEnd = new HttpRequestMessage(HttpMethod.Get, new Uri(SiteUrls.VideoFile(video.Id), UriKind.Relative));
        pastEnd.Headers.Range = new RangeHeaderValue(20_000, 30_000);
        using var unsatisfiable = await client.SendAsync(pastEnd);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);
        Assert.Equal("bytes */10000", unsatisfiable.Content.Headers.ContentRange!.ToString());

        // The workflow left its trace in the audit log.
        var entityId = video.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(Video) && e.EntityId == entityId).Select(e => e.Action).ToListAsync());
        Assert.Contains("Tạo", actions);
        Assert.Contains("Xuất bản", actions);
    }

    [Fact]
    public async Task A_video_that_is_not_public_is_not_found_nor_is_its_file_but_staff_can_play_it()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        using var saved = await CreateAsync(editor, TestArticles.UniqueTitle("Video nháp"), null, ("nhap.mp4", TestVideos.Mp4()));
        var video = await VideoAsync(IdFrom(saved));
        Assert.Equal(ArticleStatus.Draft, video.Status);

        var reader = factory.CreatePlainClient();
        using var page = await reader.GetAsync(new Uri(SiteUrls.Video(video.Id, video.Slug), UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Không tìm thấy", await TextAsync(page), StringComparison.Ordinal);
        using var file = await reader.GetAsync(new Uri(SiteUrls.VideoFile(video.Id), UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);

        using var staff = await editor.Client.GetAsync(new Uri(SiteUrls.VideoFile(video.Id), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Contains("no-store", staff.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        using var unknown = await reader.GetAsync(new Uri("/video/99999999/khong-co", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var unknownFile = await reader.GetAsync(new Uri("/video/99999999/tep.mp4", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknownFile.StatusCode);
    }

    [Fact]
    public async Task A_YouTube_video_is_shown_only_through_the_privacy_enhanced_player_which_only_its_page_may_frame()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        using var saved = await CreateAsync(editor, TestArticles.UniqueTitle("Phổ biến pháp luật"), $"https://youtu.be/{YouTubeId}?si=chia-se", null, "xuat-ban");
        var video = await VideoAsync(IdFrom(saved));
        Assert.Equal(YouTubeId, video.YouTubeId);
        Assert.Null(video.FileId);

        var client = factory.CreatePlainClient();
        using var response = await client.GetAsync(new Uri(SiteUrls.Video(video.Id, video.Slug), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-src https://www.youtube-nocookie.com", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        var page = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
        var frame = Assert.Single(page.QuerySelectorAll("iframe"));
        Assert.Equal($"https://www.youtube-nocookie.com/embed/{YouTubeId}", frame.GetAttribute("src"));
        Assert.Equal("strict-origin-when-cross-origin", frame.GetAttribute("referrerpolicy"));
        Assert.Equal("lazy", frame.GetAttribute("loading"));
        Assert.StartsWith("Video: ", frame.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("video"));

        // A wrong slug and the bare id answer 301 to the canonical address.
        using var wrong = await client.GetAsync(new Uri($"/video/{video.Id}/sai-duong-dan", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, wrong.StatusCode);
        Assert.Equal(SiteUrls.Video(video.Id, video.Slug), wrong.Headers.Location!.OriginalString);

        // The list, the home page and the sitemap show it; no other page may frame anything.
        foreach (var other in new[] { "/", SiteUrls.Videos, "/van-ban", "/tim-kiem?q=video" })
        {
            using var otherPage = await client.GetAsync(new Uri(other, UriKind.Relative));
            var policy = otherPage.Headers.GetValues("Content-Security-Policy").Single();
            Assert.DoesNotContain("youtube", policy, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("frame-src", policy, StringComparison.Ordinal);
        }

        var list = await client.GetDocumentAsync(SiteUrls.Videos);
        Assert.NotNull(list.QuerySelector($"a[href='{SiteUrls.Video(video.Id, video.Slug)}']"));
        var sitemap = (await SitemapReader.ReadAsync(client)).Text;
        Assert.Contains("https://portal.example.vn" + SiteUrls.Video(video.Id, video.Slug), sitemap, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://evil.example/embed/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/embed/dQw4w9WgXc\"onload=\"alert(1)")]
    [InlineData("<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>")]
    public async Task An_address_that_is_not_a_YouTube_video_is_refused_in_Vietnamese(string address)
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var before = await factory.WithDbAsync(db => db.Videos.CountAsync());

        using var response = await CreateAsync(editor, TestArticles.UniqueTitle("Video lạ"), address, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Địa chỉ YouTube không hợp lệ", await TextAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Videos.CountAsync()));
    }

    [Fact]
    public async Task A_file_that_is_not_an_MP4_is_refused_whatever_its_name_and_nothing_is_kept()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var before = await factory.WithDbAsync(db => db.StoredFiles.CountAsync());
        var onDisk = FilesOnDisk().Length;

        using var response = await CreateAsync(editor, TestArticles.UniqueTitle("Video giả"), null, ("video.mp4", TestFiles.Pdf("Khong phai video")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tệp «video.mp4» không phải video MP4", await TextAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.StoredFiles.CountAsync()));
        Assert.Equal(onDisk, FilesOnDisk().Length);
    }

    [Fact]
    public async Task A_file_over_the_configured_limit_is_refused_with_the_limit()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var before = await factory.WithDbAsync(db => db.Videos.CountAsync());

        using var response = await CreateAsync(editor, TestArticles.UniqueTitle("Video lớn"), null, ("lon.mp4", TestVideos.Mp4(VideoFactory.MaxUploadBytes + 1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tệp «lon.mp4» lớn hơn 64 KB", await TextAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Videos.CountAsync()));
    }

    [Fact]
    public async Task A_body_far_over_the_limit_is_refused_before_it_is_read()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        using var content = new ByteArrayContent(new byte[DoJ.Portal.Web.Videos.AcceptsVideoAttribute.Limit(VideoFactory.MaxUploadBytes) + (1024 * 1024)]);
        content.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data") { Parameters = { new NameValueHeaderValue("boundary", "x") } };

        using var response = await editor.Client.PostAsync(new Uri(AdminUrls.New(AdminUrls.Videos), UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Both_sources_or_none_are_refused()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);

        using var both = await CreateAsync(editor, TestArticles.UniqueTitle("Hai nguồn"), YouTubeId, ("a.mp4", TestVideos.Mp4()));
        Assert.Contains("Chỉ chọn một nguồn", await TextAsync(both), StringComparison.Ordinal);
        using var none = await CreateAsync(editor, TestArticles.UniqueTitle("Không nguồn"), null, null);
        Assert.Contains("Vui lòng nhập địa chỉ YouTube hoặc chọn tệp MP4.", await TextAsync(none), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_409_and_unpublishing_takes_the_video_and_its_file_away()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        using var saved = await CreateAsync(editor, TestArticles.UniqueTitle("Tập huấn"), null, ("tap-huan.mp4", TestVideos.Mp4()), "xuat-ban");
        var id = IdFrom(saved);
        var edit = AdminUrls.Edit(AdminUrls.Videos, id);
        var fields = await AttachmentForms.ReadAsync(editor, edit, "form-video");
        await factory.WithDbAsync(async db =>
        {
            var video = await db.Videos.SingleAsync(v => v.Id == id);
            video.Title = "Người khác vừa sửa";
            video.ConcurrencyStamp = Guid.NewGuid();
            await db.SaveChangesAsync();
        });
        fields.Set("Title", "Bản của tôi");
        using var stale = await AttachmentForms.PostAsync(editor, edit, fields);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Người khác vừa sửa", (await VideoAsync(id)).Title);

        var video = await VideoAsync(id);
        var reader = factory.CreatePlainClient();
        using (var before = await reader.GetAsync(new Uri(SiteUrls.Video(id, video.Slug), UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var unpublished = await editor.PostFormAsync(edit, AdminUrls.Of(AdminUrls.Videos, id, AdminUrls.Segments.Unpublish), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        using var page = await reader.GetAsync(new Uri(SiteUrls.Video(id, video.Slug), UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        using var file = await reader.GetAsync(new Uri(SiteUrls.VideoFile(id), UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        var list = await reader.GetDocumentAsync(SiteUrls.Videos);
        Assert.Null(list.QuerySelector($"a[href='{SiteUrls.Video(id, video.Slug)}']"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    public async Task A_page_number_that_cannot_be_one_is_a_bad_request(string page)
    {
        using var response = await factory.CreatePlainClient().GetAsync(new Uri($"{SiteUrls.Videos}?trang={page}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_iframe_pasted_into_an_article_body_is_removed_on_save()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var article = await factory.AddArticleAsync(TestArticles.UniqueTitle("Bài có video dán vào"), "thong-bao", DateTime.UtcNow.AddDays(-30), ArticleStatus.Published);
        var edit = AdminUrls.Edit(AdminUrls.Articles, article.Id);
        var fields = await AttachmentForms.ReadAsync(editor, edit, "form-bai-viet");
        fields.Set("Body", $"<p>Xem video</p><iframe src=\"https://www.youtube-nocookie.com/embed/{YouTubeId}\" allowfullscreen></iframe>");

        using var response = await AttachmentForms.PostAsync(editor, edit, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var body = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.Body).SingleAsync());
        Assert.Contains("Xem video", body, StringComparison.Ordinal);
        Assert.DoesNotContain("iframe", body, StringComparison.OrdinalIgnoreCase);
        var page = await factory.CreatePlainClient().GetDocumentAsync($"/tin-tuc/{article.Id}/{article.Slug}");
        Assert.Null(page.QuerySelector("iframe"));
    }

    [Fact]
    public async Task A_scheduled_video_appears_in_the_cached_list_by_itself_when_its_time_comes()
    {
        using var own = new VideoFactory();
        var editor = await StaffSession.SignInAsync(own, PortalRoles.Editor);
        var title = TestArticles.UniqueTitle("Video hẹn giờ");
        // 10:00 in Vietnam now; published at 11:00.
        using var saved = await CreateAsync(editor, title, YouTubeId, null, "xuat-ban", "2026-11-27T11:00");
        var id = IdFrom(saved);
        var client = own.CreatePlainClient();
        Assert.DoesNotContain(title, await client.GetStringAsync(new Uri(SiteUrls.Videos, UriKind.Relative)), StringComparison.Ordinal);
        // The home page's "Video" block is kept apart from the page: it must be dropped too when the video comes due.
        Assert.DoesNotContain(title, await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        using (var cached = await client.GetAsync(new Uri(SiteUrls.Videos, UriKind.Relative)))
        {
            Assert.True(cached.Headers.Age is not null, "the second request is served from the page cache");
        }

        var watcher = own.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DoJ.Portal.Web.Caching.ScheduledPublishWatcher>().Single();
        var before = own.Clock.GetUtcNow().UtcDateTime;
        own.Clock.Advance(TimeSpan.FromHours(2));
        await watcher.EvictDueAsync(before, CancellationToken.None);

        Assert.Contains(title, await client.GetStringAsync(new Uri(SiteUrls.Videos, UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(title, await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        using var page = await client.GetAsync(new Uri($"/video/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, page.StatusCode);
    }
}
