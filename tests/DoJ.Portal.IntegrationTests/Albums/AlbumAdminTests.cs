using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Gallery;
using Microsoft.EntityFrameworkCore;
using static DoJ.Portal.Testing.Web.HtmlReader;

namespace DoJ.Portal.IntegrationTests.Albums;

public sealed class AlbumAdminTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private const string New = "/quan-tri/album-anh/tao";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static int IdFrom(HttpResponseMessage response) =>
        int.Parse(response.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture); // /quan-tri/album-anh/{id}/sua

    private Task<Album> LoadAsync(int id) =>
        factory.WithDbAsync(db => db.Albums.AsNoTracking().Include(a => a.Photos).SingleAsync(a => a.Id == id));

    /// <summary>Posts the album form as a browser without script does: fields and files in one multipart body.</summary>
    private static async Task<HttpResponseMessage> PostMultipartAsync(StaffSession session, string formPage, string action,
        IDictionary<string, string> fields, params (string Name, byte[] Bytes, string Type)[] files)
    {
        var token = await session.TokenAsync(formPage);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        foreach (var (name, bytes, type) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(file, "NewPhotos", name);
        }

        return await session.Client.PostAsync(new Uri(action, UriKind.Relative), form);
    }

    private static Dictionary<string, string> Fields(Album album)
    {
        var fields = new Dictionary<string, string>
        {
            ["Title"] = album.Title,
            ["TakenOn"] = album.TakenOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            ["Description"] = album.Description,
            ["ConcurrencyStamp"] = album.ConcurrencyStamp.ToString(),
        };
        var photos = album.Photos.OrderBy(p => p.Position).ToList();
        for (var i = 0; i < photos.Count; i++)
        {
            fields[$"Photos[{i}].Id"] = Id(photos[i].Id);
            fields[$"Photos[{i}].MediaId"] = Id(photos[i].MediaId);
            fields[$"Photos[{i}].Caption"] = photos[i].Caption;
            fields[$"Photos[{i}].AltText"] = photos[i].AltText;
        }

        return fields;
    }

    [Fact]
    public async Task Many_files_at_once_without_script_add_the_good_ones_and_refuse_the_bad_one_with_its_reason()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var fields = new Dictionary<string, string> { ["Title"] = "Ngày Pháp luật Việt Nam 2026", ["TakenOn"] = "09/11/2026", ["Description"] = "", ["ConcurrencyStamp"] = Guid.Empty.ToString() };

        using var response = await PostMultipartAsync(editor, New, New, fields,
            ("mot.png", new ImageBuilder().Png(), "image/png"),
            ("gia-anh.jpg", Encoding.UTF8.GetBytes("<?php echo 1; ?>"), "image/jpeg"),
            ("hai.jpg", new ImageBuilder().Jpeg(), "image/jpeg"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var album = await LoadAsync(IdFrom(response));
        Assert.Equal(2, album.Photos.Count);
        Assert.Equal(new DateOnly(2026, 11, 9), album.TakenOn);
        Assert.Equal([1, 2], album.Photos.OrderBy(p => p.Position).Select(p => p.Position));
        var page = await editor.GetAsync(response.Headers.Location!.OriginalString);
        var flash = page.QuerySelector("[role=status], .alert")!.TextContent;
        Assert.Contains("Không thêm được 1 tệp", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("gia-anh.jpg", page.Body.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(flash);
    }

    [Fact]
    public async Task The_upload_endpoint_answers_each_file_on_its_own_the_image_with_its_id_the_other_with_a_Vietnamese_reason()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var token = await editor.TokenAsync(New);

        async Task<HttpResponseMessage> Upload(byte[] bytes, string name, string type)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(file, "file", name);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/quan-tri/album-anh/tai-len", UriKind.Relative)) { Content = form };
            request.Headers.Add("RequestVerificationToken", token);
            return await editor.Client.SendAsync(request);
        }

        using var good = await Upload(new ImageBuilder().Png(), "tot.png", "image/png");
        using var bad = await Upload(Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "logo.svg", "image/svg+xml");

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await good.Content.ReadAsStringAsync());
        var mediaId = json.RootElement.GetProperty("mediaId").GetInt32();
        Assert.True(await factory.WithDbAsync(db => db.Media.AnyAsync(m => m.Id == mediaId)));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var error = System.Text.Json.JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(error.RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Publishing_needs_alt_text_on_every_photo_and_says_which_one_lacks_it()
    {
        var album = await factory.AddAlbumAsync("Album thiếu mô tả ảnh", ArticleStatus.Draft, photos: 2, alt: null);
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var edit = $"/quan-tri/album-anh/{album.Id}/sua";

        using var refused = await editor.PostFormAsync(edit, $"/quan-tri/album-anh/{album.Id}/xuat-ban", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(ArticleStatus.Draft, (await LoadAsync(album.Id)).Status);
        var page = await editor.GetAsync(edit);
        Assert.Contains("ảnh số 1, 2 chưa có mô tả ảnh (alt)", page.Body!.TextContent, StringComparison.Ordinal);

        var fields = Fields(await LoadAsync(album.Id));
        fields["Photos[0].AltText"] = "Đại biểu dự hội nghị";
        fields["Photos[1].AltText"] = "Lãnh đạo Sở phát biểu";
        fields["thao-tac"] = "xuat-ban";
        using var published = await editor.PostFormAsync(edit, edit, fields);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(ArticleStatus.Published, (await LoadAsync(album.Id)).Status);

        // Now public: a save that empties an alt text is refused on the form.
        var again = Fields(await LoadAsync(album.Id));
        again["Photos[1].AltText"] = "";
        using var invalid = await editor.PostFormAsync(edit, edit, again);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Ảnh số 2: vui lòng nhập mô tả ảnh (alt)", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Lãnh đạo Sở phát biểu", (await LoadAsync(album.Id)).Photos.Single(p => p.Position == 2).AltText);
    }

    [Fact]
    public async Task A_move_button_reorders_without_script_and_the_change_is_audited()
    {
        var album = await factory.AddAlbumAsync("Album đổi thứ tự", ArticleStatus.Draft, photos: 3);
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var edit = $"/quan-tri/album-anh/{album.Id}/sua";
        var before = (await LoadAsync(album.Id)).Photos.OrderBy(p => p.Position).Select(p => p.Id).ToList();
        var fields = Fields(await LoadAsync(album.Id));
        fields["di-chuyen"] = "2:len";

        using var moved = await editor.PostFormAsync(edit, edit, fields);

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.EndsWith("#anh-1", moved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var after = (await LoadAsync(album.Id)).Photos.OrderBy(p => p.Position).Select(p => p.Id).ToList();
        Assert.Equal([before[0], before[2], before[1]], after);
        var entry = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Album) && e.EntityId == Id(album.Id)).OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal("Đổi thứ tự ảnh", entry.Action);
        Assert.Contains("Ảnh", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_a_photo_and_choosing_a_cover_are_saved_and_a_stale_save_is_a_conflict()
    {
        var album = await factory.AddAlbumAsync("Album ảnh bìa", ArticleStatus.Draft, photos: 3);
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var edit = $"/quan-tri/album-anh/{album.Id}/sua";
        var loaded = await LoadAsync(album.Id);
        var photos = loaded.Photos.OrderBy(p => p.Position).ToList();
        var fields = Fields(loaded);
        fields["Photos[0].Remove"] = "true";
        fields["CoverMediaId"] = Id(photos[2].MediaId);

        using var saved = await editor.PostFormAsync(edit, edit, fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await LoadAsync(album.Id);
        Assert.Equal([photos[1].Id, photos[2].Id], after.Photos.OrderBy(p => p.Position).Select(p => p.Id));
        Assert.Equal(photos[2].Id, after.CoverPhotoId);
        Assert.True(await factory.WithDbAsync(db => db.Media.AnyAsync(m => m.Id == photos[0].MediaId)));

        // The same form again, with the stamp it was loaded with: someone saved in between.
        using var stale = await editor.PostFormAsync(edit, edit, fields);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Album vừa được người khác lưu", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_list_filters_by_state_and_refuses_a_malformed_page()
    {
        var draft = await factory.AddAlbumAsync(Invariant($"Album nháp {Guid.NewGuid():N}"), ArticleStatus.Draft);
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);

        var drafts = await editor.GetAsync("/quan-tri/album-anh?trang-thai=Draft");
        var published = await editor.GetAsync("/quan-tri/album-anh?trang-thai=Published");
        using var bad = await editor.Client.GetAsync(new Uri("/quan-tri/album-anh?trang=0", UriKind.Relative));

        Assert.Contains(draft.Title, drafts.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.Title, published.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
