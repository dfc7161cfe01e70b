using System.Globalization;
using System.Net;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Documents;

public sealed class DocumentAdminTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private const string New = "/quan-tri/van-ban/tao";

    private static Dictionary<string, string> Form(TestTerms terms, string number, string issuedOn = "2026-03-01", string? effectiveOn = null,
        string? expiresOn = null, Guid? stamp = null, string related = "") => new()
    {
        ["Number"] = number,
        ["Abstract"] = "Về việc ban hành quy chế phối hợp trong công tác hộ tịch",
        ["Signer"] = "Trần Văn B",
        ["DocumentTypeId"] = terms.Type.Id.ToString(CultureInfo.InvariantCulture),
        ["IssuingBodyId"] = terms.Body.Id.ToString(CultureInfo.InvariantCulture),
        ["FieldId"] = terms.Field.Id.ToString(CultureInfo.InvariantCulture),
        ["IssuedOn"] = issuedOn,
        ["EffectiveOn"] = effectiveOn ?? "",
        ["ExpiresOn"] = expiresOn ?? "",
        ["RelatedArticleIds"] = related,
        ["PublishAt"] = "",
        ["ConcurrencyStamp"] = (stamp ?? Guid.Empty).ToString(),
    };

    private static int IdFrom(HttpResponseMessage response) =>
        int.Parse(response.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture); // /quan-tri/van-ban/{id}/sua

    private Task<LegalDocument> LoadAsync(int id) =>
        factory.WithDbAsync(db => db.LegalDocuments.AsNoTracking().Include(d => d.RelatedArticles).SingleAsync(d => d.Id == id));

    private async Task<HttpStatusCode> PublicStatusAsync(int id)
    {
        var document = await LoadAsync(id);
        using var response = await factory.CreatePlainClient().GetAsync(new Uri($"/van-ban/{id}/{document.Slug}", UriKind.Relative));
        return response.StatusCode;
    }

    [Fact]
    public async Task A_contributor_submits_a_document_only_an_editor_publishes_it_and_each_step_is_audited()
    {
        var terms = await factory.AddTermsAsync();
        var article = await factory.PublicArticleIdAsync();
        var contributor = await StaffSession.SignInAsync(factory, PortalRoles.Contributor);
        var form = Form(terms, "15/2025/QĐ-UBND", related: article.ToString(CultureInfo.InvariantCulture));
        form["thao-tac"] = "gui-duyet";
        using var created = await contributor.PostFormAsync(New, New, form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = IdFrom(created);
        var saved = await LoadAsync(id);
        Assert.Equal(ArticleStatus.Submitted, saved.Status);
        Assert.Equal("15/2025/qd-ubnd", saved.NumberKey);
        Assert.Equal([article], saved.RelatedArticles.Select(r => r.ArticleId));
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatusAsync(id));

        using (var denied = await contributor.PostFormAsync(New, $"/quan-tri/van-ban/{id}/xuat-ban", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        Assert.Equal(ArticleStatus.Submitted, (await LoadAsync(id)).Status);
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        using var published = await editor.PostFormAsync($"/quan-tri/van-ban/{id}/sua", $"/quan-tri/van-ban/{id}/xuat-ban", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await PublicStatusAsync(id));

        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(LegalDocument) && e.EntityId == id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["Tạo", "Gửi duyệt", "Xuất bản"], actions);
        Assert.Equal(3, await factory.WithDbAsync(db => db.LegalDocumentRevisions.CountAsync(r => r.LegalDocumentId == id)));
    }

    [Fact]
    public async Task Incoherent_dates_and_unknown_articles_are_refused_on_the_form_and_nothing_is_saved()
    {
        var terms = await factory.AddTermsAsync();
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var before = await factory.WithDbAsync(db => db.LegalDocuments.CountAsync());
        foreach (var (form, message) in new[]
        {
            (Form(terms, "20/2026/KH-STP", issuedOn: "2026-03-10", effectiveOn: "2026-03-01"), "Ngày có hiệu lực không được trước ngày ban hành."),
            (Form(terms, "21/2026/KH-STP", effectiveOn: "2026-04-01", expiresOn: "2026-04-01"), "Ngày hết hiệu lực phải sau ngày có hiệu lực."),
            (Form(terms, "22/2026/KH-STP", issuedOn: "31/02/2026"), "Ngày ban hành không hợp lệ (dd/MM/yyyy)."),
            (Form(terms, "23/2026/KH-STP", related: "999999"), "Không có bài viết mang mã 999999."),
            (Form(terms, ""), "Vui lòng nhập số/ký hiệu văn bản."),
        })
        {
            using var response = await editor.PostFormAsync(New, New, form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await factory.WithDbAsync(db => db.LegalDocuments.CountAsync()));
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_what_changed_and_an_earlier_revision_can_be_restored()
    {
        var terms = await factory.AddTermsAsync();
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        using var created = await editor.PostFormAsync(New, New, Form(terms, "30/2026/QĐ-STP"));
        var id = IdFrom(created);
        var loaded = (await LoadAsync(id)).ConcurrencyStamp;
        var edit = $"/quan-tri/van-ban/{id}/sua";

        using (var first = await editor.PostFormAsync(edit, edit, Form(terms, "31/2026/QĐ-STP", stamp: loaded)))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using (var stale = await editor.PostFormAsync(edit, edit, Form(terms, "32/2026/QĐ-STP", stamp: loaded)))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            var page = await HtmlReader.ParseAsync(await stale.Content.ReadAsStringAsync());
            Assert.Contains("31/2026/QĐ-STP", page.QuerySelector("#xung-dot")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal("31/2026/QĐ-STP", (await LoadAsync(id)).Number);
        var revisions = await factory.WithDbAsync(db => db.LegalDocumentRevisions.Where(r => r.LegalDocumentId == id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(["30/2026/QĐ-STP", "31/2026/QĐ-STP"], revisions.Select(r => r.Number));

        using var restored = await editor.PostFormAsync($"/quan-tri/van-ban/{id}/phien-ban", $"/quan-tri/van-ban/{id}/phien-ban/{revisions[0].Id}/khoi-phuc", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var current = await LoadAsync(id);
        Assert.Equal("30/2026/QĐ-STP", current.Number);
        Assert.Equal(DocumentNumber.Key("30/2026/QĐ-STP"), current.NumberKey);
        Assert.Equal(3, await factory.WithDbAsync(db => db.LegalDocumentRevisions.CountAsync(r => r.LegalDocumentId == id)));
    }

    [Fact]
    public async Task A_document_in_the_recycle_bin_is_gone_from_the_public_site_until_restored_and_only_an_administrator_purges()
    {
        var terms = await factory.AddTermsAsync();
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var form = Form(terms, "40/2026/TB-STP");
        form["thao-tac"] = "xuat-ban";
        using var created = await editor.PostFormAsync(New, New, form);
        var id = IdFrom(created);
        Assert.Equal(HttpStatusCode.OK, await PublicStatusAsync(id));

        using (await editor.PostFormAsync($"/quan-tri/van-ban/{id}/sua", $"/quan-tri/van-ban/{id}/xoa", new Dictionary<string, string>()))
        {
        }

        Assert.True((await LoadAsync(id)).IsDeleted);
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatusAsync(id));
        var bin = await editor.GetAsync("/quan-tri/van-ban/thung-rac");
        Assert.NotNull(bin.QuerySelector($"tr[data-document='{id}']"));

        using (var denied = await editor.PostFormAsync("/quan-tri/van-ban/thung-rac", $"/quan-tri/van-ban/{id}/xoa-vinh-vien", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        using (await editor.PostFormAsync("/quan-tri/van-ban/thung-rac", $"/quan-tri/van-ban/{id}/khoi-phuc", new Dictionary<string, string>()))
        {
        }

        Assert.False((await LoadAsync(id)).IsDeleted);
        Assert.Equal(HttpStatusCode.OK, await PublicStatusAsync(id));

        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        using (await admin.PostFormAsync($"/quan-tri/van-ban/{id}/sua", $"/quan-tri/van-ban/{id}/xoa", new Dictionary<string, string>()))
        {
        }

        using var purged = await admin.PostFormAsync("/quan-tri/van-ban/thung-rac", $"/quan-tri/van-ban/{id}/xoa-vinh-vien", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, purged.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.LegalDocuments.AnyAsync(d => d.Id == id)));
        Assert.Contains("Xóa vĩnh viễn", await factory.WithDbAsync(db => db.AuditEntries
            .Where(e => e.EntityType == nameof(LegalDocument) && e.EntityId == id.ToString(CultureInfo.InvariantCulture)).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task A_term_used_by_a_document_cannot_be_deleted_and_an_unused_one_can()
    {
        var terms = await factory.AddTermsAsync();
        await factory.AddDocumentAsync(terms, "50/2026/CV-STP", new DateOnly(2026, 2, 1), d => d.WithStatus(ArticleStatus.Draft));
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);

        using (var refused = await admin.PostFormAsync("/quan-tri/danh-muc-van-ban", $"/quan-tri/danh-muc-van-ban/{terms.Type.Id}/xoa", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var page = await HtmlReader.ParseAsync(await refused.Content.ReadAsStringAsync());
            Assert.Contains($"Không thể xóa “{terms.Type.Name}” vì còn 1 văn bản", page.QuerySelector("#loi")!.TextContent, StringComparison.Ordinal);
        }

        Assert.True(await factory.WithDbAsync(db => db.RegisterTerms.AnyAsync(t => t.Id == terms.Type.Id)));

        using (var added = await admin.PostFormAsync("/quan-tri/danh-muc-van-ban/tao", "/quan-tri/danh-muc-van-ban/tao",
            new Dictionary<string, string> { ["Kind"] = "DocumentType", ["Name"] = "Chỉ thị tạm " + terms.Type.Slug, ["Slug"] = "" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var unused = await factory.WithDbAsync(db => db.RegisterTerms.SingleAsync(t => t.Name == "Chỉ thị tạm " + terms.Type.Slug));
        Assert.Equal("chi-thi-tam-" + terms.Type.Slug, unused.Slug);
        using var deleted = await admin.PostFormAsync("/quan-tri/danh-muc-van-ban", $"/quan-tri/danh-muc-van-ban/{unused.Id}/xoa", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.RegisterTerms.AnyAsync(t => t.Id == unused.Id)));

        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        using var forbidden = await editor.Client.GetAsync(new Uri("/quan-tri/danh-muc-van-ban", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
