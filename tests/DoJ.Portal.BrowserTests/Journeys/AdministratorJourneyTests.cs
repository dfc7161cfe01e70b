using System.Text.RegularExpressions;
using DoJ.Portal.BrowserTests.Infrastructure;
using DoJ.Portal.Domain;
using Microsoft.Playwright;

namespace DoJ.Portal.BrowserTests.Journeys;

/// <summary>An administrator changes links, categories and accounts, and reads the dashboard.</summary>
public sealed class AdministratorJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task An_administrator_adds_a_link_to_a_group_and_citizens_see_it_in_the_sidebar()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserStaff.SignInAsNewAsync(browser, page, PortalRoles.Administrator);

        // "Chính phủ" is the seeded group shown as a list of links.
        await page.GotoAsync("/quan-tri/lien-ket");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Thêm liên kết vào nhóm Chính phủ" }).ClickAsync();
        await Assertions.Expect(page.Locator("#LinkGroupId option:checked")).ToHaveTextAsync("Chính phủ");
        var title = "Cổng Dịch vụ công quốc gia " + Guid.NewGuid().ToString("N")[..6];
        const string url = "https://dichvucong.gov.vn/";
        await page.Locator("#Title").FillAsync(title);
        await page.Locator("#Url").FillAsync(url);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/quan-tri/lien-ket#lien-ket-\d+$"));
        await Assertions.Expect(page.Locator("section[data-link-group] tr").Filter(new LocatorFilterOptions { HasText = title })).ToHaveCountAsync(1);

        // The public sidebar lists it at once, opening in a new tab; the test never follows it off the machine.
        await page.GotoAsync("/");
        var sidebar = page.Locator("section[aria-labelledby='tieu-de-lien-ket']");
        await Assertions.Expect(sidebar.GetByRole(AriaRole.Heading, new LocatorGetByRoleOptions { Name = "Liên kết website" })).ToBeVisibleAsync();
        var group = sidebar.Locator(".link-group").Filter(new LocatorFilterOptions { HasText = "Chính phủ" });
        var link = group.Locator("a").Filter(new LocatorFilterOptions { HasText = title });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Assertions.Expect(link).ToHaveAttributeAsync("href", url);
        await Assertions.Expect(link).ToHaveAttributeAsync("target", "_blank");
        var rel = await link.GetAttributeAsync("rel") ?? "";
        Assert.Contains("noopener", rel.Split(' '));
    }

    [SkippableFact]
    public async Task An_administrator_renames_a_category_slug_and_the_old_address_lands_on_the_new_one()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserStaff.SignInAsNewAsync(browser, page, PortalRoles.Administrator);

        await page.GotoAsync("/quan-tri/chuyen-muc");
        await page.Locator("tr[data-category='bo-tro-tu-phap'] a").Filter(new LocatorFilterOptions { HasText = "Sửa" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Slug")).ToHaveValueAsync("bo-tro-tu-phap");
        await page.Locator("#Slug").FillAsync("bo-tro-tu-phap-va-luat-su");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(browser.BaseUrl + "/quan-tri/chuyen-muc");
        await Assertions.Expect(page.Locator("tr[data-category='bo-tro-tu-phap-va-luat-su']")).ToHaveCountAsync(1);

        // A bookmark of the old address still works: the browser follows the redirect to the new one.
        var response = await page.GotoAsync("/chuyen-muc/bo-tro-tu-phap") ?? throw new InvalidOperationException("no response");
        Assert.True(response.Ok, $"the old address ended with {response.Status}");
        Assert.EndsWith("/chuyen-muc/bo-tro-tu-phap-va-luat-su", page.Url, StringComparison.Ordinal);
        Assert.Equal(301, (await response.Request.RedirectedFrom!.ResponseAsync())!.Status);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Bổ trợ tư pháp");
    }

    [SkippableFact]
    public async Task An_administrator_locks_a_user_who_then_cannot_sign_in()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        var (email, password) = await StaffSession.CreateUserAsync(browser.Factory, PortalRoles.Editor);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserStaff.SignInAsNewAsync(browser, page, PortalRoles.Administrator);

        await page.GotoAsync("/quan-tri/nguoi-dung");
        var row = page.Locator($"tr[data-user='{email}']");
        await Assertions.Expect(row).ToContainTextAsync("Hoạt động");
        // The lock button asks for confirmation (admin.js, data-confirm): the administrator answers yes.
        string? question = null;
        page.Dialog += async (_, dialog) =>
        {
            question = dialog.Message;
            await dialog.AcceptAsync();
        };
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Khóa", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-user='{email}']")).ToContainTextAsync("Đã khóa");
        Assert.Equal($"Khóa tài khoản {email}?", question);

        // The locked user, in their own browser, is refused with a message and stays on the sign-in page.
        await using var theirs = await browser.NewContextAsync();
        var theirPage = await theirs.NewPageAsync();
        await BrowserStaff.SubmitSignInAsync(theirPage, email, password);
        await Assertions.Expect(theirPage).ToHaveURLAsync(BrowserStaff.SignInAddress());
        // Since issue 18 a locked account gets the one sign-in failure message (no account enumeration); it stays on the form.
        await Assertions.Expect(theirPage.Locator("[role=alert]")).ToContainTextAsync("Email hoặc mật khẩu không đúng");
        var admin = await theirPage.GotoAsync("/quan-tri") ?? throw new InvalidOperationException("no response");
        Assert.Contains("/tai-khoan/dang-nhap", admin.Url, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_administrator_sees_the_visits_chart_and_opens_its_table_with_the_keyboard()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserStaff.SignInAsNewAsync(browser, page, PortalRoles.Administrator);

        await page.GotoAsync("/quan-tri");
        var chart = page.Locator("svg.chart-visits");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await Assertions.Expect(chart.Locator("rect.bar")).ToHaveCountAsync(30);
        var box = await chart.BoundingBoxAsync() ?? throw new InvalidOperationException("the chart is not laid out");
        Assert.True(box.Width > 300 && box.Height > 100, $"the chart is {box.Width}×{box.Height}");

        // The day-by-day table is closed until the summary is reached with Tab and opened with Enter.
        var table = page.Locator("details table.visit-table");
        await Assertions.Expect(table).Not.ToBeVisibleAsync();
        var reached = false;
        for (var i = 0; i < 150 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<bool>("() => document.activeElement?.tagName === 'SUMMARY'");
        }

        Assert.True(reached, "Tab never reached the table's summary");
        await Assertions.Expect(page.Locator("summary:focus")).ToHaveTextAsync("Bảng số liệu 30 ngày");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(table).ToBeVisibleAsync();
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(30);
    }
}
