using System.Globalization;
using System.Net;
using DoJ.Portal.Domain;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Security;

/// <summary>
/// One editor's request cannot hold the server: a body nested deeper than <see cref="HtmlLimits.MaxDepth"/>
/// is refused on the form before it is sanitized (the old code spent minutes on 200,000 levels), and
/// editor saves are rate-limited per user.
/// </summary>
public sealed class EditorLimitTests
{
    private const string ArticleCreate = "/quan-tri/bai-viet/tao";
    private const string PageCreate = "/quan-tri/trang/tao";

    /// <summary><paramref name="depth"/> nested divs around a word, unclosed when <paramref name="closed"/> is false (1 MB for 200,000).</summary>
    private static string Nested(int depth, bool closed = true) =>
        string.Concat(Enumerable.Repeat("<div>", depth)) + "sâu" + (closed ? string.Concat(Enumerable.Repeat("</div>", depth)) : "");

    private static async Task<Dictionary<string, string>> ArticleFormAsync(PortalWebApplicationFactory factory, string title, string body) => new()
    {
        ["Title"] = title,
        ["Summary"] = "Tóm tắt",
        ["Body"] = body,
        ["CategoryId"] = (await factory.WithDbAsync(db => db.Categories.Where(c => c.Slug == "tin-hoat-dong").Select(c => c.Id).SingleAsync()))
            .ToString(CultureInfo.InvariantCulture),
        ["Author"] = "Phòng Phổ biến",
        ["ConcurrencyStamp"] = Guid.Empty.ToString(),
    };

    private static Dictionary<string, string> PageForm(string title, string body) =>
        new() { ["Title"] = title, ["Slug"] = "", ["Body"] = body, ["Language"] = "vi" };

    private static async Task AssertRefusedOnTheFormAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
        var error = page.QuerySelector("form [role=alert]")?.TextContent ?? "";
        Assert.Contains("lồng nhau quá sâu", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_body_nested_200000_deep_is_refused_at_once_on_the_form_and_nothing_is_stored()
    {
        using var factory = new PortalWebApplicationFactory();
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var before = await factory.WithDbAsync(db => db.Articles.CountAsync());

        using var refused = await editor.PostFormAsync(ArticleCreate, ArticleCreate, await ArticleFormAsync(factory, "Bài lồng sâu", Nested(200_000, closed: false)));

        await AssertRefusedOnTheFormAsync(refused);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Articles.CountAsync()));
        Assert.False(await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == "Bài lồng sâu")));
    }

    [Fact]
    public async Task An_article_body_nested_just_over_the_limit_is_refused_and_one_at_the_limit_saves()
    {
        using var factory = new PortalWebApplicationFactory();
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);

        using var over = await editor.PostFormAsync(ArticleCreate, ArticleCreate, await ArticleFormAsync(factory, "Bài vượt giới hạn", Nested(HtmlLimits.MaxDepth + 1)));
        using var within = await editor.PostFormAsync(ArticleCreate, ArticleCreate, await ArticleFormAsync(factory, "Bài trong giới hạn", Nested(HtmlLimits.MaxDepth)));

        await AssertRefusedOnTheFormAsync(over);
        Assert.Equal(HttpStatusCode.Redirect, within.StatusCode);
        var body = await factory.WithDbAsync(db => db.Articles.Where(a => a.Title == "Bài trong giới hạn").Select(a => a.Body).SingleAsync());
        Assert.Contains("sâu", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_static_page_body_nested_200000_deep_is_refused_and_one_at_the_limit_saves()
    {
        using var factory = new PortalWebApplicationFactory();
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var before = await factory.WithDbAsync(db => db.StaticPages.CountAsync());

        using var refused = await editor.PostFormAsync(PageCreate, PageCreate, PageForm("Trang lồng sâu", Nested(200_000, closed: false)));
        await AssertRefusedOnTheFormAsync(refused);
        Assert.Equal(before, await factory.WithDbAsync(db => db.StaticPages.CountAsync()));

        using var within = await editor.PostFormAsync(PageCreate, PageCreate, PageForm("Trang trong giới hạn", Nested(HtmlLimits.MaxDepth)));
        Assert.Equal(HttpStatusCode.Redirect, within.StatusCode);
    }

    [Fact]
    public async Task A_body_of_too_many_elements_is_refused_on_the_form()
    {
        using var factory = new PortalWebApplicationFactory();
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var flat = string.Concat(Enumerable.Repeat("<p>a</p>", HtmlLimits.MaxElements + 1));

        using var refused = await editor.PostFormAsync(ArticleCreate, ArticleCreate, await ArticleFormAsync(factory, "Bài quá nhiều thẻ", flat));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await HtmlReader.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Contains("quá nhiều thẻ", page.QuerySelector("form [role=alert]")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == "Bài quá nhiều thẻ")));
    }

    [Fact]
    public async Task Editor_saves_are_limited_per_user_and_another_user_is_not_held_back()
    {
        using var factory = new PortalWebApplicationFactory().With("RateLimits:EditorSavesPerMinute", "3");
        var first = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var second = await StaffSession.SignInAsync(factory, PortalRoles.Editor);

        for (var i = 0; i < 3; i++)
        {
            using var saved = await first.PostFormAsync(ArticleCreate, ArticleCreate, await ArticleFormAsync(factory, $"Bài số {i}", "<p>Nội dung.</p>"));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var refused = await first.PostFormAsync(PageCreate, PageCreate, PageForm("Trang thứ tư", "<p>Nội dung.</p>"));
        using var other = await second.PostFormAsync(ArticleCreate, ArticleCreate, await ArticleFormAsync(factory, "Bài của người khác", "<p>Nội dung.</p>"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.StaticPages.AnyAsync(p => p.Title == "Trang thứ tư")));
    }
}
