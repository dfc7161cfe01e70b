using System.Text.RegularExpressions;
using DoJ.Portal.BrowserTests.Infrastructure;
using DoJ.Portal.Domain;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DoJ.Portal.BrowserTests.Journeys;

/// <summary>axe-core on the main admin screens, signed in as administrator; the editor works under the CSP.</summary>
public sealed class AdminAccessibilityTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [SkippableTheory]
    [InlineData("/quan-tri")]
    [InlineData("/quan-tri/bai-viet")]
    [InlineData("/quan-tri/bai-viet/tao")]
    [InlineData("/quan-tri/trang")]
    [InlineData("/quan-tri/chuyen-muc")]
    [InlineData("/quan-tri/menu")]
    [InlineData("/quan-tri/lien-ket")]
    [InlineData("/quan-tri/chuyen-huong")]
    [InlineData("/quan-tri/cai-dat")]
    [InlineData("/quan-tri/nhat-ky")]
    [InlineData("/quan-tri/nguoi-dung")]
    [InlineData("/quan-tri/tac-vu")]
    [InlineData("/quan-tri/van-ban")]
    [InlineData("/quan-tri/van-ban/tao")]
    [InlineData("/quan-tri/danh-muc-van-ban")]
    [InlineData("/quan-tri/hoi-dap")]
    [InlineData("/quan-tri/thu-gui")]
    [InlineData("/quan-tri/du-lieu-ca-nhan")]
    [InlineData("/quan-tri/thu-tuc")]
    [InlineData("/quan-tri/thu-tuc/tao")]
    [InlineData("/quan-tri/can-bo")]
    [InlineData("/quan-tri/can-bo/tao")]
    public async Task The_admin_screen_has_no_serious_or_critical_accessibility_violation(string path)
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserStaff.SignInAsNewAsync(browser, page, PortalRoles.Administrator);

        var response = await page.GotoAsync(path) ?? throw new InvalidOperationException("no response");
        Assert.True(response.Ok, $"{path} answered {response.Status}");
        Assert.EndsWith(path, page.Url, StringComparison.Ordinal);

        await AxeCheck.AssertNoSeriousViolationsAsync(page, path, output);
    }

    /// <summary>
    /// Screens reached from a list (their addresses hold ids), under one sign-in: axe dominates the time, and a
    /// sign-in per screen would add as much again.
    /// </summary>
    [SkippableFact]
    public async Task The_admin_sub_pages_have_no_serious_or_critical_accessibility_violation()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserStaff.SignInAsNewAsync(browser, page, PortalRoles.Administrator);

        await FollowFirstAsync(page, "/quan-tri/bai-viet", "table a[href$='/sua']");
        await Assertions.Expect(page.Locator(".ql-editor")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, "article edit form");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Các phiên bản" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/quan-tri/bai-viet/\d+/phien-ban$"));
        await AssertNoSeriousViolationsAsync(page, "article revisions");

        await GotoAsync(page, "/quan-tri/thu-vien-anh");
        await AssertNoSeriousViolationsAsync(page, "image library");

        await GotoAsync(page, "/quan-tri/tac-vu");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Xây dựng lại chỉ mục tìm kiếm" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/quan-tri/tac-vu/[0-9a-f-]{36}$"));
        await AssertNoSeriousViolationsAsync(page, "background job progress");

        await GotoAsync(page, "/quan-tri/nguoi-dung/tao");
        await AssertNoSeriousViolationsAsync(page, "new user form");

        await FollowFirstAsync(page, "/quan-tri/trang", "a[href$='/sua']");
        await AssertNoSeriousViolationsAsync(page, "static page edit form");

        await FollowFirstAsync(page, "/quan-tri/hoi-dap", "table a[href$='/sua']");
        await AssertNoSeriousViolationsAsync(page, "a citizen's question");

        await FollowFirstAsync(page, "/quan-tri/thu-tuc", "a[href$='/sua']");
        await AssertNoSeriousViolationsAsync(page, "procedure edit form");
    }

    [SkippableFact]
    public async Task The_article_editor_works_under_the_content_security_policy()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var reports = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                reports.Add(message.Text);
            }
        };
        page.PageError += (_, error) => reports.Add("page error: " + error);
        await BrowserStaff.SignInAsNewAsync(browser, page, PortalRoles.Administrator);

        var response = await page.GotoAsync("/quan-tri/bai-viet/tao") ?? throw new InvalidOperationException("no response");
        var policy = await response.HeaderValueAsync("content-security-policy") ?? "";
        Assert.Contains("script-src", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);

        // Quill replaced the textarea and takes a heading and a list.
        var editor = page.Locator(".ql-editor");
        await editor.ClickAsync();
        await page.Locator(".ql-toolbar .ql-header .ql-picker-label").ClickAsync();
        await page.Locator(".ql-toolbar .ql-header .ql-picker-item[data-value='2']").ClickAsync();
        await page.Keyboard.TypeAsync("Tiêu đề mục");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("- Mục thứ nhất");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Mục thứ hai");
        await Assertions.Expect(editor.Locator("h2")).ToHaveTextAsync("Tiêu đề mục");
        await Assertions.Expect(editor.Locator("li")).ToHaveCountAsync(2);

        Assert.True(reports.Count == 0, "reported under the CSP:" + Environment.NewLine + string.Join(Environment.NewLine, reports));
    }

    private Task AssertNoSeriousViolationsAsync(IPage page, string screen) =>
        AxeCheck.AssertNoSeriousViolationsAsync(page, $"{screen} ({new Uri(page.Url).PathAndQuery})", output);

    private static async Task GotoAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path) ?? throw new InvalidOperationException("no response");
        Assert.True(response.Ok, $"{path} answered {response.Status}");
    }

    /// <summary>Opens <paramref name="list"/> and the first link matching <paramref name="selector"/>.</summary>
    private static async Task FollowFirstAsync(IPage page, string list, string selector)
    {
        await GotoAsync(page, list);
        var link = page.Locator("#noi-dung " + selector).First;
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException($"{list} has no {selector}");
        await GotoAsync(page, href);
    }
}
