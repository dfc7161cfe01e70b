using System.Globalization;
using System.Net;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Admin;

public sealed class CategoryAdminTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private const string List = "/quan-tri/chuyen-muc";

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    private static Dictionary<string, string> Form(string name, string slug = "", bool hidden = false, string description = "") => new()
    {
        ["Name"] = name,
        ["Slug"] = slug,
        ["Description"] = description,
        ["IsHidden"] = hidden ? "true" : "false",
    };

    private async Task<Category?> FindAsync(string name) =>
        await factory.WithDbAsync(db => db.Categories.AsNoTracking().SingleOrDefaultAsync(c => c.Name == name));

    private async Task<Category> CreateAsync(StaffSession admin, string name, string slug = "")
    {
        using var response = await admin.PostFormAsync($"{List}/tao", $"{List}/tao", Form(name, slug));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (await FindAsync(name))!;
    }

    private static async Task RenameAsync(StaffSession admin, Category category, string slug)
    {
        using var response = await admin.PostFormAsync($"{List}/{category.Id}/sua", $"{List}/{category.Id}/sua", Form(category.Name, slug));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<(HttpStatusCode Status, string? Location)> GetAsync(string url)
    {
        using var response = await factory.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, response.Headers.Location?.OriginalString);
    }

    private async Task<List<string>> PublicMenuHrefsAsync() =>
        (await factory.CreateClient().GetDocumentAsync("/")).QuerySelectorAll("#menu-chinh a").Select(a => a.GetAttribute("href") ?? "").ToList();

    private async Task<List<string>> AuditActionsAsync(string entityType, int id)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        return await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == entityType && e.EntityId == key).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task A_category_with_articles_cannot_be_deleted_and_an_empty_one_can()
    {
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var category = await CreateAsync(admin, $"Chuyên mục thử xóa {Unique()}");
        var binned = await factory.AddArticleAsync("Bài nháp trong thùng rác", category.Slug, null, ArticleStatus.Draft, isDeleted: true);

        using (var refused = await admin.PostFormAsync(List, $"{List}/{category.Id}/xoa", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var page = await HtmlReader.ParseAsync(await refused.Content.ReadAsStringAsync());
            var message = page.QuerySelector("[role=alert]#loi")!.TextContent;
            Assert.Contains("còn 1 bài viết", message, StringComparison.Ordinal);
            Assert.Contains("thùng rác", message, StringComparison.Ordinal);
        }

        Assert.NotNull(await FindAsync(category.Name));
        await factory.WithDbAsync(async db =>
        {
            db.Articles.Remove(await db.Articles.SingleAsync(a => a.Id == binned.Id));
            await db.SaveChangesAsync();
        });

        using (var deleted = await admin.PostFormAsync(List, $"{List}/{category.Id}/xoa", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.Null(await FindAsync(category.Name));
        Assert.Null((await admin.GetAsync(List)).QuerySelector($"tr[data-category='{category.Slug}']"));
        Assert.Equal("Tạo, Xóa", string.Join(", ", (await AuditActionsAsync(nameof(Category), category.Id)).Order()));
    }

    [Fact]
    public async Task The_refusal_counts_every_article_of_a_busy_category_drafts_included()
    {
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        await factory.AddArticleAsync("Bản nháp chưa gửi", "bo-tro-tu-phap", null, ArticleStatus.Draft);
        var (id, count) = await factory.WithDbAsync(async db =>
        {
            var c = await db.Categories.SingleAsync(c => c.Slug == "bo-tro-tu-phap");
            return (c.Id, await db.Articles.CountAsync(a => a.CategoryId == c.Id));
        });

        using var refused = await admin.PostFormAsync(List, $"{List}/{id}/xoa", new Dictionary<string, string>());

        var page = await HtmlReader.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Contains($"còn {count} bài viết", page.QuerySelector("#loi")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(count.ToString(CultureInfo.InvariantCulture), page.QuerySelector("tr[data-category='bo-tro-tu-phap'] [data-articles]")!.GetAttribute("data-articles"));
        Assert.True(await factory.WithDbAsync(db => db.Categories.AnyAsync(c => c.Id == id)));
    }

    [Fact]
    public async Task A_new_category_takes_its_slug_from_its_name_and_joins_the_menu_only_when_an_item_points_at_it()
    {
        // Decision: the menu is edited on its own screen; creating a category adds no menu item.
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var name = $"Văn bản mới ban hành {Unique()}";
        var category = await CreateAsync(admin, name);

        Assert.Equal(Slug.From(name, Category.SlugMaxLength), category.Slug);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/chuyen-muc/{category.Slug}")).Status);
        Assert.DoesNotContain($"/chuyen-muc/{category.Slug}", await PublicMenuHrefsAsync());

        using (var item = await admin.PostFormAsync("/quan-tri/menu/tao", "/quan-tri/menu/tao", new Dictionary<string, string>
        {
            ["Title"] = "",
            ["Kind"] = "Category",
            ["CategoryId"] = category.Id.ToString(CultureInfo.InvariantCulture),
            ["IsEnabled"] = "true",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, item.StatusCode);
        }

        var menu = await factory.CreateClient().GetDocumentAsync("/");
        var link = menu.QuerySelector($"#menu-chinh a[href='/chuyen-muc/{category.Slug}']");
        Assert.Equal(name, link!.TextContent.Trim());
    }

    [Theory]
    [InlineData("tin-hoat-dong", "đã được một chuyên mục khác dùng")]
    [InlineData("Tin Mới!", "chữ thường không dấu")]
    [InlineData("-dau-gach-", "chữ thường không dấu")]
    [InlineData("tin--moi", "chữ thường không dấu")]
    public async Task A_taken_or_malformed_slug_is_refused_with_a_message(string slug, string message)
    {
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var name = $"Chuyên mục trùng {Unique()}";

        using var response = await admin.PostFormAsync($"{List}/tao", $"{List}/tao", Form(name, slug));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await FindAsync(name));
    }

    [Fact]
    public async Task A_renamed_category_answers_at_its_old_addresses_with_a_301_to_the_new_ones()
    {
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var u = Unique();
        var category = await CreateAsync(admin, $"Tin cũ {u}", $"tin-cu-{u}");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/chuyen-muc/tin-cu-{u}")).Status);

        await RenameAsync(admin, category, $"tin-moi-{u}");

        Assert.Equal((HttpStatusCode.MovedPermanently, $"/chuyen-muc/tin-moi-{u}"), await GetAsync($"/chuyen-muc/tin-cu-{u}"));
        Assert.Equal((HttpStatusCode.MovedPermanently, $"/chuyen-muc/tin-moi-{u}?trang=2"), await GetAsync($"/chuyen-muc/tin-cu-{u}?trang=2"));
        Assert.Equal((HttpStatusCode.MovedPermanently, $"/rss/tin-moi-{u}"), await GetAsync($"/rss/tin-cu-{u}"));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/chuyen-muc/tin-moi-{u}")).Status);
        Assert.Contains("Sửa", await AuditActionsAsync(nameof(Category), category.Id));
        var redirectAudits = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Redirect" && e.Summary.Contains($"tin-cu-{u}")).Select(e => e.Action).ToListAsync());
        Assert.Equal("Tạo, Tạo", string.Join(", ", redirectAudits));
    }

    [Fact]
    public async Task Renaming_back_and_forth_leaves_neither_a_loop_nor_a_chain()
    {
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var u = Unique();
        var category = await CreateAsync(admin, $"Đổi tên {u}", $"a-{u}");

        await RenameAsync(admin, category, $"b-{u}");
        await RenameAsync(admin, category, $"a-{u}");

        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/chuyen-muc/a-{u}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/rss/a-{u}")).Status);
        Assert.Equal((HttpStatusCode.MovedPermanently, $"/chuyen-muc/a-{u}"), await GetAsync($"/chuyen-muc/b-{u}"));

        await RenameAsync(admin, category, $"c-{u}");

        // Both earlier addresses lead straight to the current one: one hop each.
        Assert.Equal((HttpStatusCode.MovedPermanently, $"/chuyen-muc/c-{u}"), await GetAsync($"/chuyen-muc/a-{u}"));
        Assert.Equal((HttpStatusCode.MovedPermanently, $"/chuyen-muc/c-{u}"), await GetAsync($"/chuyen-muc/b-{u}"));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/chuyen-muc/c-{u}")).Status);
        var rows = await factory.WithDbAsync(db => db.Redirects.Where(r => r.FromPath.Contains(u)).ToListAsync());
        Assert.Equal(4, rows.Count);
        Assert.DoesNotContain(rows, r => rows.Any(other => other.FromPath == r.ToUrl));
    }

    [Fact]
    public async Task A_hidden_category_leaves_the_public_menu_and_home_page_at_once_but_keeps_its_page()
    {
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var u = Unique();
        var category = await CreateAsync(admin, $"Chuyên đề {u}", $"chuyen-de-{u}");
        await factory.AddArticleAsync($"Bài chuyên đề {u}", category.Slug, PortalWebApplicationFactory.DefaultNow.UtcDateTime.AddDays(-1));
        using (await admin.PostFormAsync("/quan-tri/menu/tao", "/quan-tri/menu/tao", new Dictionary<string, string>
        {
            ["Title"] = "Chuyên đề",
            ["Kind"] = "Category",
            ["CategoryId"] = category.Id.ToString(CultureInfo.InvariantCulture),
            ["IsEnabled"] = "true",
        }))
        {
        }

        var before = await factory.CreateClient().GetDocumentAsync("/");
        Assert.NotNull(before.QuerySelector($"#menu-chinh a[href='/chuyen-muc/{category.Slug}']"));
        Assert.NotNull(before.QuerySelector($"#khoi-{category.Slug}"));

        using (var hidden = await admin.PostFormAsync($"{List}/{category.Id}/sua", $"{List}/{category.Id}/sua", Form(category.Name, category.Slug, hidden: true)))
        {
            Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        }

        var after = await factory.CreateClient().GetDocumentAsync("/");
        Assert.Null(after.QuerySelector($"#menu-chinh a[href='/chuyen-muc/{category.Slug}']"));
        Assert.Null(after.QuerySelector($"#khoi-{category.Slug}"));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/chuyen-muc/{category.Slug}")).Status);
        Assert.Contains("Ẩn khỏi menu", (await admin.GetAsync(List)).QuerySelector($"tr[data-category='{category.Slug}']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_a_category_up_changes_its_place_in_the_list()
    {
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var u = Unique();
        var first = await CreateAsync(admin, $"Thứ nhất {u}", $"thu-nhat-{u}");
        var second = await CreateAsync(admin, $"Thứ hai {u}", $"thu-hai-{u}");

        using (var moved = await admin.PostFormAsync(List, $"{List}/{second.Id}/len", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        var order = (await admin.GetAsync(List)).QuerySelectorAll("tr[data-category]").Select(r => r.GetAttribute("data-category")).ToList();
        Assert.True(order.IndexOf(second.Slug) < order.IndexOf(first.Slug));
        Assert.Equal(order.Count, (await factory.WithDbAsync(db => db.Categories.Select(c => c.SortOrder).Distinct().ToListAsync())).Count);
        Assert.Contains("Sắp xếp", await AuditActionsAsync(nameof(Category), second.Id));
    }

    [Fact]
    public async Task An_unknown_category_is_a_404()
    {
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        using var edit = await admin.Client.GetAsync(new Uri($"{List}/987654/sua", UriKind.Relative));
        using var delete = await admin.PostFormAsync(List, $"{List}/987654/xoa", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    [Theory]
    [InlineData(PortalRoles.Editor)]
    [InlineData(PortalRoles.Contributor)]
    public async Task Only_administrators_reach_categories(string role)
    {
        var session = await StaffSession.SignInAsync(factory, role);
        var id = await factory.WithDbAsync(db => db.Categories.Select(c => c.Id).FirstAsync());

        using var list = await session.Client.GetAsync(new Uri(List, UriKind.Relative));
        using var delete = await session.PostFormAsync("/quan-tri/bai-viet", $"{List}/{id}/xoa", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Categories.AnyAsync(c => c.Id == id)));
    }
}
