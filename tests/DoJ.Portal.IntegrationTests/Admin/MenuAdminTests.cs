using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Admin;

public sealed class MenuAdminTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private const string List = "/quan-tri/menu";

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> UrlItem(string title, string url, int? parentId = null, bool enabled = true) => new()
    {
        ["Title"] = title,
        ["Kind"] = nameof(MenuItemKind.Url),
        ["Url"] = url,
        ["ParentId"] = parentId is { } p ? Text(p) : "",
        ["IsEnabled"] = enabled ? "true" : "false",
    };

    private Task<int> IdOfAsync(string title) =>
        factory.WithDbAsync(db => db.MenuItems.Where(m => m.Title == title).Select(m => m.Id).SingleAsync());

    private Task<int> CountAsync() => factory.WithDbAsync(db => db.MenuItems.CountAsync());

    private static async Task<HttpResponseMessage> CreateAsync(StaffSession admin, Dictionary<string, string> form) =>
        await admin.PostFormAsync($"{List}/tao", $"{List}/tao", form);

    private static async Task<int> AddAsync(StaffSession admin, Dictionary<string, string> form, PortalWebApplicationFactory factory)
    {
        using var response = await CreateAsync(admin, form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await factory.WithDbAsync(db => db.MenuItems.Where(m => m.Title == form["Title"]).Select(m => m.Id).SingleAsync());
    }

    /// <summary>The public menu's top-level entries in order, each with the titles of its children.</summary>
    private static List<(string Title, List<string> Children)> MenuOf(IParentNode page) =>
        page.QuerySelectorAll("#menu-chinh > ul > li")
            .Select(li => (
                li.QuerySelector("a.nav-link")!.ChildNodes.OfType<IText>().First().Text.Trim(),
                li.QuerySelectorAll(".dropdown-menu a").Select(a => a.ChildNodes.OfType<IText>().First().Text.Trim()).ToList()))
            .ToList();

    private static string Flat((string Title, List<string> Children) entry) => entry.Title + " [" + string.Join(" | ", entry.Children) + "]";

    private async Task<List<(string Title, List<string> Children)>> PublicMenuAsync() =>
        MenuOf(await factory.CreateClient().GetDocumentAsync("/"));

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response) =>
        (await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync())).QuerySelector("[role=alert]")!.TextContent;

    private Task<List<string>> AuditActionsAsync(int id) =>
        factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(MenuItem) && e.EntityId == Text(id)).Select(e => e.Action).ToListAsync());

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("https://dichvucong.gov.vn@evil.example")]
    [InlineData("vbpl.vn")]
    public async Task A_menu_item_with_a_dangerous_url_is_refused_and_nothing_is_stored(string url)
    {
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var before = await CountAsync();
        var title = $"Mục nguy hiểm {Unique()}";

        using var response = await CreateAsync(admin, UrlItem(title, url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Địa chỉ không hợp lệ", await ErrorOfAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
        Assert.DoesNotContain(await PublicMenuAsync(), m => m.Title == title);
    }

    [Theory]
    [InlineData("Kind", "99")]
    [InlineData("Kind", "abc")]
    [InlineData("ParentId", "abc")]
    public async Task An_unreadable_value_is_refused_with_a_Vietnamese_message(string field, string value)
    {
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var before = await CountAsync();
        var form = UrlItem($"Giá trị lạ {Unique()}", "/tim-kiem");
        form[field] = value;

        using var response = await CreateAsync(admin, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Giá trị “{value}” không hợp lệ", await ErrorOfAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_nested_item_appears_under_its_parent_in_the_public_menu_and_in_the_preview()
    {
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var u = Unique();
        var parent = await AddAsync(admin, UrlItem($"Dịch vụ công {u}", "https://dichvucong.gov.vn"), factory);
        var pageId = await factory.WithDbAsync(db => db.StaticPages.Where(p => p.Slug == "lien-he").Select(p => p.Id).SingleAsync());
        var child = await AddAsync(admin, new Dictionary<string, string>
        {
            ["Title"] = $"Liên hệ {u}",
            ["Kind"] = nameof(MenuItemKind.StaticPage),
            ["StaticPageId"] = Text(pageId),
            ["ParentId"] = Text(parent),
            ["IsEnabled"] = "true",
        }, factory);

        var menu = await PublicMenuAsync();
        Assert.Contains(menu, m => m.Title == $"Dịch vụ công {u}" && m.Children.SequenceEqual([$"Liên hệ {u}"]));
        Assert.DoesNotContain(menu, m => m.Title == $"Liên hệ {u}");
        var preview = (await admin.GetAsync(List)).QuerySelector("#menu-xem-truoc")!;
        Assert.Equal(menu.Select(Flat), MenuOf(preview).Select(Flat));
        Assert.NotNull(preview.QuerySelector(".dropdown-menu a[href='/trang/lien-he']"));
        Assert.Contains("Tạo", await AuditActionsAsync(child));
    }

    [Fact]
    public async Task A_third_level_is_refused()
    {
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var child = await IdOfAsync("Thông báo");
        var before = await CountAsync();

        using var response = await CreateAsync(admin, UrlItem($"Cấp ba {Unique()}", "/tim-kiem", child));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("hai cấp", await ErrorOfAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_item_with_children_cannot_become_a_child()
    {
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var parent = await IdOfAsync("Giới thiệu");
        var other = await IdOfAsync("Liên hệ");
        var pageId = await factory.WithDbAsync(db => db.StaticPages.Where(p => p.Slug == "gioi-thieu").Select(p => p.Id).SingleAsync());

        using var response = await admin.PostFormAsync($"{List}/{parent}/sua", $"{List}/{parent}/sua", new Dictionary<string, string>
        {
            ["Title"] = "Giới thiệu",
            ["Kind"] = nameof(MenuItemKind.StaticPage),
            ["StaticPageId"] = Text(pageId),
            ["ParentId"] = Text(other),
            ["IsEnabled"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("đang có 3 mục con", await ErrorOfAsync(response), StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.MenuItems.Where(m => m.Id == parent).Select(m => m.ParentId).SingleAsync()));
    }

    [Fact]
    public async Task Moving_an_item_up_changes_the_order_of_the_public_menu()
    {
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var u = Unique();
        await AddAsync(admin, UrlItem($"Mục A {u}", "/tim-kiem"), factory);
        var b = await AddAsync(admin, UrlItem($"Mục B {u}", "/rss"), factory);
        var before = (await PublicMenuAsync()).Select(m => m.Title).ToList();
        Assert.True(before.IndexOf($"Mục A {u}") < before.IndexOf($"Mục B {u}"));

        using (var moved = await admin.PostFormAsync(List, $"{List}/{b}/len", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        var after = (await PublicMenuAsync()).Select(m => m.Title).ToList();
        Assert.Equal(after.IndexOf($"Mục A {u}"), after.IndexOf($"Mục B {u}") + 1);
        Assert.Contains("Sắp xếp", await AuditActionsAsync(b));
    }

    [Fact]
    public async Task A_parent_with_children_cannot_be_deleted_and_a_childless_item_can()
    {
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var parent = await IdOfAsync("Giới thiệu");
        using (var refused = await admin.PostFormAsync(List, $"{List}/{parent}/xoa", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("còn 3 mục con", await ErrorOfAsync(refused), StringComparison.Ordinal);
        }

        var title = $"Tạm thời {Unique()}";
        var id = await AddAsync(admin, UrlItem(title, "https://vbpl.vn"), factory);
        Assert.Contains(await PublicMenuAsync(), m => m.Title == title);
        using (var deleted = await admin.PostFormAsync(List, $"{List}/{id}/xoa", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.DoesNotContain(await PublicMenuAsync(), m => m.Title == title);
        Assert.True(await factory.WithDbAsync(db => db.MenuItems.AnyAsync(m => m.Id == parent)));
        Assert.Equal("Tạo, Xóa", string.Join(", ", (await AuditActionsAsync(id)).Order()));
    }

    [Fact]
    public async Task A_disabled_item_leaves_the_public_menu_and_the_edit_is_audited()
    {
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var title = $"Sẽ tắt {Unique()}";
        var id = await AddAsync(admin, UrlItem(title, "/rss"), factory);

        using (var saved = await admin.PostFormAsync($"{List}/{id}/sua", $"{List}/{id}/sua", UrlItem(title, "/rss", enabled: false)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.DoesNotContain(await PublicMenuAsync(), m => m.Title == title);
        Assert.Contains("Không hiện – Đang tắt", (await admin.GetAsync(List)).QuerySelector($"#muc-{id}")!.TextContent, StringComparison.Ordinal);
        var changes = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(MenuItem) && e.EntityId == Text(id) && e.Action == "Sửa").Select(e => e.Changes).SingleAsync());
        Assert.Contains("\"Hiển thị\":{\"old\":\"có\",\"new\":\"không\"}", changes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PortalRoles.Editor)]
    [InlineData(PortalRoles.Contributor)]
    public async Task Only_administrators_reach_the_menu_editor(string role)
    {
        var session = await StaffSession.SignInAsync(factory, role);
        var before = await CountAsync();

        using var list = await session.Client.GetAsync(new Uri(List, UriKind.Relative));
        using var create = await session.PostFormAsync("/quan-tri/bai-viet", $"{List}/tao", UrlItem("Không được phép", "/"));

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(before, await CountAsync());
    }
}
