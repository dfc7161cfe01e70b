using System.Text.RegularExpressions;
using DoJ.Portal.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace DoJ.Portal.BrowserTests.Journeys;

/// <summary>A citizen reads the news: menu, category, article, other news, search, day archive, links.</summary>
public sealed partial class CitizenJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_citizen_reads_an_article_searches_and_browses_by_day()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        // Home, then a category from the main menu (or its address when the menu has none at the top).
        await page.GotoAsync("/");
        var menuCategory = page.Locator("#menu-chinh a.nav-link[href='/chuyen-muc/tin-hoat-dong']");
        if (await menuCategory.CountAsync() > 0 && await menuCategory.First.IsVisibleAsync())
        {
            await menuCategory.First.ClickAsync();
        }
        else
        {
            await page.GotoAsync("/chuyen-muc/tin-hoat-dong");
        }

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/chuyen-muc/tin-hoat-dong$"));

        // An article from the list.
        var firstArticle = page.Locator(".article-list .article-title a").First;
        var listedTitle = (await firstArticle.InnerTextAsync()).Trim();
        await firstArticle.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ArticleAddress());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(listedTitle);

        var crumbs = page.Locator("nav.breadcrumb-nav .breadcrumb-item");
        await Assertions.Expect(crumbs).ToHaveCountAsync(3);
        await Assertions.Expect(crumbs.Nth(0)).ToHaveTextAsync("Trang chủ");
        await Assertions.Expect(crumbs.Nth(1).Locator("a")).ToHaveAttributeAsync("href", "/chuyen-muc/tin-hoat-dong");
        await Assertions.Expect(crumbs.Nth(2)).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(crumbs.Nth(2)).ToHaveTextAsync(listedTitle);
        await Assertions.Expect(page.Locator(".article-meta").First).ToContainTextAsync("Ngày cập nhật");
        await Assertions.Expect(page.Locator("button[data-print]")).ToBeVisibleAsync();

        // "Các tin khác" leads to another article.
        var articleUrl = page.Url;
        var other = page.Locator("section.other-news a").First;
        var otherTitle = (await other.InnerTextAsync()).Trim();
        await other.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ArticleAddress());
        Assert.NotEqual(articleUrl, page.Url);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(otherTitle);

        // Sidebar search, typed without diacritics: the matched words are highlighted.
        await page.Locator("#o-tim-kiem").FillAsync("binh dang gioi");
        await page.Locator("#o-tim-kiem").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/tim-kiem\?q=binh(\+|%20)dang(\+|%20)gioi"));
        var firstResultTitle = page.Locator(".search-results .article-title").First;
        await Assertions.Expect(firstResultTitle).ToBeVisibleAsync();
        Assert.True(await firstResultTitle.Locator("mark").CountAsync() > 0, "the first result's title highlights no word: " + await firstResultTitle.InnerHTMLAsync());

        // "Xem tin theo ngày".
        await page.Locator("#chon-ngay").FillAsync("2021-01-22");
        await page.Locator("form:has(#chon-ngay) button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/tin-theo-ngay/2021-01-22$"));
        await Assertions.Expect(page.Locator("main .article-title a").Filter(new LocatorFilterOptions { HasText = "01 tập thể, 01 cá nhân" })).ToHaveCountAsync(1);

        // The link drop-downs open the chosen site in a new tab (not followed: it leaves the machine).
        var linkForms = page.Locator("form.link-group[action='/lien-ket']");
        Assert.True(await linkForms.CountAsync() > 0, "the sidebar has no link drop-down");
        foreach (var form in await linkForms.AllAsync())
        {
            await Assertions.Expect(form).ToHaveAttributeAsync("target", "_blank");
        }
    }

    [GeneratedRegex(@"/tin-tuc/\d+/[a-z0-9-]+$")]
    private static partial Regex ArticleAddress();
}
