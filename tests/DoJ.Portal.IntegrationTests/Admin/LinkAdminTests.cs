using System.Net;
using AngleSharp.Dom;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Admin;

public sealed class LinkAdminTests
{
    private const string ListPage = "/quan-tri/lien-ket";

    /// <summary>The public sidebar's "Liên kết website": each group's name and its link titles, as a citizen sees them.</summary>
    private static async Task<List<(string Group, List<string> Links)>> SidebarAsync(PortalWebApplicationFactory factory)
    {
        var document = await factory.CreateClient().GetDocumentAsync("/");
        return document.QuerySelectorAll("aside .link-group").Select(g => (
            g.QuerySelector(".link-group-name")!.TextContent.Trim(),
            g.QuerySelectorAll("li a").Select(a => string.Concat(a.ChildNodes.OfType<IText>().Select(t => t.Data)).Trim())
                .Concat(g.QuerySelectorAll("option").Select(o => o.TextContent.Trim())).ToList())).ToList();
    }

    private static Task<LinkGroup> GroupAsync(PortalWebApplicationFactory factory, string name) =>
        factory.WithDbAsync(db => db.LinkGroups.AsNoTracking().Include(g => g.Links).SingleAsync(g => g.Name == name));

    private static Task<List<string>> AuditAsync(PortalWebApplicationFactory factory, string entityType) =>
        factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == entityType).OrderBy(e => e.Id).Select(e => e.Action + ": " + e.Summary).ToListAsync());

    private static Dictionary<string, string> LinkForm(int groupId, string title, string url, bool enabled = true) => new()
    {
        ["LinkGroupId"] = groupId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Title"] = title,
        ["Url"] = url,
        ["IsEnabled"] = enabled ? "true" : "false",
    };

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("//evil.example/x")]
    [InlineData("/quan-tri")]
    [InlineData("http:/evil.example")]
    [InlineData("http://user:pass@evil.example/")]
    [InlineData("https://chinhphu.vn/\u200Bx")]
    public async Task A_link_with_a_dangerous_or_relative_url_is_refused_and_nothing_is_stored(string url)
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var group = await GroupAsync(factory, "Chính phủ");

        using var response = await admin.PostFormAsync("/quan-tri/lien-ket/tao", "/quan-tri/lien-ket/tao", LinkForm(group.Id, "Liên kết độc hại", url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains(WebAddress.CheckAbsolute(url).ToVietnamese(), page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(url, page.QuerySelector("input#Url")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.Links.AnyAsync(l => l.Title == "Liên kết độc hại")));
        Assert.Empty(await AuditAsync(factory, nameof(Link)));
        Assert.DoesNotContain(await SidebarAsync(factory), g => g.Links.Contains("Liên kết độc hại"));
    }

    [Fact]
    public async Task A_new_link_group_with_a_link_appears_in_the_public_sidebar_right_after_the_save()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        Assert.DoesNotContain(await SidebarAsync(factory), g => g.Group == "Thành phố Huế"); // the sidebar is now cached

        using (var created = await admin.PostFormAsync("/quan-tri/lien-ket/nhom/tao", "/quan-tri/lien-ket/nhom/tao",
            new Dictionary<string, string> { ["Name"] = "  Thành phố Huế ", ["Display"] = "List", ["IsEnabled"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var group = await GroupAsync(factory, "Thành phố Huế");
        // An empty group would be a heading over nothing (or a drop-down with no choice): it waits for its first link.
        Assert.DoesNotContain(await SidebarAsync(factory), g => g.Group == "Thành phố Huế");
        using (var link = await admin.PostFormAsync("/quan-tri/lien-ket/tao", "/quan-tri/lien-ket/tao", LinkForm(group.Id, "Cổng thông tin điện tử", "https://hue.gov.vn")))
        {
            Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        }

        var sidebar = await SidebarAsync(factory);
        Assert.Equal("Thành phố Huế", sidebar[^1].Group);
        Assert.Equal(["Cổng thông tin điện tử"], sidebar[^1].Links);
        var document = await factory.CreateClient().GetDocumentAsync("/");
        var anchor = document.QuerySelector("aside a[href='https://hue.gov.vn']")!;
        Assert.Equal("_blank", anchor.GetAttribute("target"));
        Assert.Equal("noopener noreferrer", anchor.GetAttribute("rel"));
        Assert.Equal(["Tạo: Thành phố Huế"], await AuditAsync(factory, nameof(LinkGroup)));
        Assert.Equal(["Tạo: Cổng thông tin điện tử"], await AuditAsync(factory, nameof(Link)));
        var list = await admin.GetAsync(ListPage);
        Assert.NotNull(list.QuerySelector($"#nhom-{group.Id}"));
    }

    [Fact]
    public async Task A_disabled_link_and_a_disabled_group_disappear_from_the_public_sidebar()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var government = await GroupAsync(factory, "Chính phủ");
        var link = government.Links.OrderBy(l => l.SortOrder).First();
        Assert.Contains(link.Title, (await SidebarAsync(factory)).Single(g => g.Group == "Chính phủ").Links);

        using (await admin.PostFormAsync($"/quan-tri/lien-ket/{link.Id}/sua", $"/quan-tri/lien-ket/{link.Id}/sua", LinkForm(government.Id, link.Title, link.Url, enabled: false)))
        {
        }

        Assert.DoesNotContain(link.Title, (await SidebarAsync(factory)).Single(g => g.Group == "Chính phủ").Links);
        using (var go = await factory.CreatePlainClient().GetAsync(new Uri($"/lien-ket?id={link.Id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, go.StatusCode);
        }

        var ministries = await GroupAsync(factory, "Các Bộ, Ngành ở TW");
        using (await admin.PostFormAsync($"/quan-tri/lien-ket/nhom/{ministries.Id}/sua", $"/quan-tri/lien-ket/nhom/{ministries.Id}/sua",
            new Dictionary<string, string> { ["Name"] = ministries.Name, ["Display"] = ministries.Display.ToString(), ["IsEnabled"] = "false" }))
        {
        }

        Assert.DoesNotContain(await SidebarAsync(factory), g => g.Group == "Các Bộ, Ngành ở TW");
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "Sửa").Select(e => e.Changes).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.All(audit, changes => Assert.Contains("\"Hiển thị\":{\"old\":\"có\",\"new\":\"không\"}", changes, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Moving_groups_and_links_up_and_down_shows_in_the_sidebar_order()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var before = await SidebarAsync(factory);
        Assert.Equal(["Chính phủ", "Các Bộ, Ngành ở TW", "Tỉnh ủy, UBND Tỉnh", "Sở, Ban, Ngành"], before.Select(g => g.Group));
        var third = await GroupAsync(factory, "Tỉnh ủy, UBND Tỉnh");

        using (var up = await admin.PostFormAsync(ListPage, $"/quan-tri/lien-ket/nhom/{third.Id}/len", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, up.StatusCode);
            Assert.Equal($"/quan-tri/lien-ket#nhom-{third.Id}", up.Headers.Location!.OriginalString);
        }

        Assert.Equal(["Chính phủ", "Tỉnh ủy, UBND Tỉnh", "Các Bộ, Ngành ở TW", "Sở, Ban, Ngành"], (await SidebarAsync(factory)).Select(g => g.Group));

        var government = before.Single(g => g.Group == "Chính phủ").Links;
        var firstLink = (await GroupAsync(factory, "Chính phủ")).Links.Single(l => l.Title == government[0]);
        using (await admin.PostFormAsync(ListPage, $"/quan-tri/lien-ket/{firstLink.Id}/xuong", new Dictionary<string, string>()))
        {
        }

        var after = (await SidebarAsync(factory)).Single(g => g.Group == "Chính phủ").Links;
        Assert.Equal([government[1], government[0], .. government.Skip(2)], after);

        // The first group cannot go further up: nothing changes, nothing is logged.
        var first = await GroupAsync(factory, "Chính phủ");
        using (await admin.PostFormAsync(ListPage, $"/quan-tri/lien-ket/nhom/{first.Id}/len", new Dictionary<string, string>()))
        {
        }

        Assert.Equal("Chính phủ", (await SidebarAsync(factory))[0].Group);
        Assert.Equal(2, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "Sắp xếp")));
    }

    [Fact]
    public async Task A_group_with_links_is_deleted_only_after_its_confirmation_page()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var group = await GroupAsync(factory, "Sở, Ban, Ngành");
        Assert.NotEmpty(group.Links);

        using (var hasty = await admin.PostFormAsync(ListPage, $"/quan-tri/lien-ket/nhom/{group.Id}/xoa", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, hasty.StatusCode);
            Assert.Equal($"/quan-tri/lien-ket/nhom/{group.Id}/xoa", hasty.Headers.Location!.OriginalString);
        }

        Assert.True(await factory.WithDbAsync(db => db.LinkGroups.AnyAsync(g => g.Id == group.Id)));
        var confirm = await admin.GetAsync($"/quan-tri/lien-ket/nhom/{group.Id}/xoa");
        Assert.Contains($"{group.Links.Count} liên kết", confirm.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        using (var deleted = await admin.PostFormAsync($"/quan-tri/lien-ket/nhom/{group.Id}/xoa", $"/quan-tri/lien-ket/nhom/{group.Id}/xoa", new Dictionary<string, string> { ["xac-nhan"] = "co" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.False(await factory.WithDbAsync(db => db.Links.AnyAsync(l => l.LinkGroupId == group.Id)));
        Assert.DoesNotContain(await SidebarAsync(factory), g => g.Group == "Sở, Ban, Ngành");
        Assert.Equal([$"Xóa: Sở, Ban, Ngành (cùng {group.Links.Count} liên kết)"], await AuditAsync(factory, nameof(LinkGroup)));
    }

    [Fact]
    public async Task A_link_can_be_moved_to_another_group_and_deleted()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var from = await GroupAsync(factory, "Chính phủ");
        var to = await GroupAsync(factory, "Sở, Ban, Ngành");
        var link = from.Links.First();

        using (await admin.PostFormAsync($"/quan-tri/lien-ket/{link.Id}/sua", $"/quan-tri/lien-ket/{link.Id}/sua", LinkForm(to.Id, link.Title, link.Url)))
        {
        }

        var sidebar = await SidebarAsync(factory);
        Assert.Equal(link.Title, sidebar.Single(g => g.Group == "Sở, Ban, Ngành").Links[^1]);
        Assert.DoesNotContain(link.Title, sidebar.Single(g => g.Group == "Chính phủ").Links);

        using (await admin.PostFormAsync(ListPage, $"/quan-tri/lien-ket/{link.Id}/xoa", new Dictionary<string, string>()))
        {
        }

        Assert.False(await factory.WithDbAsync(db => db.Links.AnyAsync(l => l.Id == link.Id)));
        Assert.DoesNotContain(await SidebarAsync(factory), g => g.Links.Contains(link.Title));
        Assert.Equal([$"Sửa: {link.Title}", $"Xóa: {link.Title}"], await AuditAsync(factory, nameof(Link)));
    }

    [Fact]
    public async Task Every_link_screen_renders_with_a_label_for_each_control()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var group = await GroupAsync(factory, "Chính phủ");
        var link = group.Links.First();

        foreach (var page in new[] { ListPage, "/quan-tri/lien-ket/nhom/tao", $"/quan-tri/lien-ket/nhom/{group.Id}/sua", $"/quan-tri/lien-ket/nhom/{group.Id}/xoa", $"/quan-tri/lien-ket/tao?nhom={group.Id}", $"/quan-tri/lien-ket/{link.Id}/sua" })
        {
            using var response = await admin.Client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
            Assert.All(document.QuerySelectorAll("main input:not([type=hidden]), main select"), control =>
                Assert.NotNull(document.QuerySelector($"label[for='{control.Id}']")));
        }

        var edit = await admin.GetAsync($"/quan-tri/lien-ket/{link.Id}/sua");
        Assert.Equal(link.Url, edit.QuerySelector("input#Url")!.GetAttribute("value"));
        Assert.NotNull(edit.QuerySelector($"select#LinkGroupId option[value='{group.Id}'][selected]"));
        Assert.NotNull(edit.QuerySelector("input#IsEnabled[checked]"));
    }

    [Theory]
    [InlineData("/quan-tri/lien-ket/nhom/999999/sua")]
    [InlineData("/quan-tri/lien-ket/999999/sua")]
    [InlineData("/quan-tri/lien-ket/nhom/999999/xoa")]
    public async Task Unknown_ids_answer_404(string page)
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        using var response = await admin.Client.GetAsync(new Uri(page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(PortalRoles.Editor)]
    [InlineData(PortalRoles.Contributor)]
    public async Task Only_administrators_reach_the_link_directory(string role)
    {
        using var factory = new PortalWebApplicationFactory();
        var session = await StaffSession.SignInAsync(factory, role);
        var group = await GroupAsync(factory, "Chính phủ");

        using var list = await session.Client.GetAsync(new Uri(ListPage, UriKind.Relative));
        using var edit = await session.Client.GetAsync(new Uri($"/quan-tri/lien-ket/nhom/{group.Id}/sua", UriKind.Relative));
        var token = await session.TokenAsync("/quan-tri");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["xac-nhan"] = "co" });
        using var delete = await session.Client.PostAsync(new Uri($"/quan-tri/lien-ket/nhom/{group.Id}/xoa", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.LinkGroups.AnyAsync(g => g.Id == group.Id)));
    }
}
