using System.Globalization;
using System.Net;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Gallery;
using DoJ.Portal.Domain.Publishing;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Navigation;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Admin;

/// <summary>"Trả lại tác giả" for videos and photo albums, as for articles: editors only, a note required, the author sees it.</summary>
public sealed class GallerySendBackTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    public static TheoryData<string> Sections() => new() { AdminUrls.Videos, AdminUrls.Albums };

    /// <summary>A submitted video or album, straight into the database.</summary>
    private async Task<int> SubmittedAsync(string section)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var title = TestArticles.UniqueTitle("Gửi duyệt");
        return await factory.WithDbAsync(async db =>
        {
            PublishableContent content = section == AdminUrls.Videos
                ? new Video { Title = title, Slug = "gui-duyet", Description = "Mô tả", YouTubeId = "dQw4w9WgXcQ", RecordedOn = new DateOnly(2026, 11, 20), CreatedAtUtc = now, UpdatedAtUtc = now, Status = ArticleStatus.Submitted }
                : new Album { Title = title, Slug = "gui-duyet", Description = "Mô tả", TakenOn = new DateOnly(2026, 11, 20), CreatedAtUtc = now, UpdatedAtUtc = now, Status = ArticleStatus.Submitted };
            db.Add(content);
            await db.SaveChangesAsync();
            return content is Video v ? v.Id : ((Album)content).Id;
        });
    }

    private Task<PublishableContent> LoadAsync(string section, int id) => factory.WithDbAsync(async db => section == AdminUrls.Videos
        ? (PublishableContent)await db.Videos.AsNoTracking().SingleAsync(v => v.Id == id)
        : await db.Albums.AsNoTracking().SingleAsync(a => a.Id == id));

    [Theory]
    [MemberData(nameof(Sections))]
    public async Task An_editor_sends_submitted_content_back_with_a_note_shown_on_its_form(string section)
    {
        var id = await SubmittedAsync(section);
        var edit = AdminUrls.Edit(section, id);
        var sendBack = AdminUrls.Of(section, id, AdminUrls.Segments.SendBack);

        var contributor = await StaffSession.SignInAsync(factory, PortalRoles.Contributor);
        using (var denied = await contributor.PostFormAsync("/quan-tri", sendBack, new Dictionary<string, string> { ["ghi-chu"] = "Tự trả lại" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        Assert.NotNull((await editor.GetAsync(edit)).QuerySelector($"form[action='{sendBack}'] textarea[name=ghi-chu][required]"));
        using (var empty = await editor.PostFormAsync(edit, sendBack, new Dictionary<string, string> { ["ghi-chu"] = "   " }))
        {
            Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        }

        Assert.Equal(ArticleStatus.Submitted, (await LoadAsync(section, id)).Status);
        using (var tooLong = await editor.PostFormAsync(edit, sendBack, new Dictionary<string, string> { ["ghi-chu"] = new string('x', PublishableContent.ReturnNoteMaxLength + 1) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, tooLong.StatusCode);
        }

        Assert.Equal(ArticleStatus.Submitted, (await LoadAsync(section, id)).Status);

        var note = "Đề nghị bổ sung mô tả cho từng ảnh.".Normalize(System.Text.NormalizationForm.FormD);
        using (var sent = await editor.PostFormAsync(edit, sendBack, new Dictionary<string, string> { ["ghi-chu"] = note }))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var content = await LoadAsync(section, id);
        Assert.Equal(ArticleStatus.Draft, content.Status);
        Assert.Equal("Đề nghị bổ sung mô tả cho từng ảnh.", content.ReturnNote);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, content.ReturnedAtUtc);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityId == id.ToString(CultureInfo.InvariantCulture)
            && e.Action == "Trả lại tác giả" && e.Changes.Contains("Đề nghị bổ sung"))));

        var form = await editor.GetAsync(edit);
        Assert.Contains("Đề nghị bổ sung mô tả cho từng ảnh.", form.QuerySelector(".return-note .return-note-text")!.TextContent, StringComparison.Ordinal);
        Assert.Null(form.QuerySelector($"form[action='{sendBack}']"));

        // Only submitted content goes back: a draft is refused and keeps its note.
        using (var again = await editor.PostFormAsync(edit, sendBack, new Dictionary<string, string> { ["ghi-chu"] = "Lần hai" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Equal("Đề nghị bổ sung mô tả cho từng ảnh.", (await LoadAsync(section, id)).ReturnNote);

        using var missing = await editor.PostFormAsync(edit, AdminUrls.Of(section, 999_999, AdminUrls.Segments.SendBack), new Dictionary<string, string> { ["ghi-chu"] = "x" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
