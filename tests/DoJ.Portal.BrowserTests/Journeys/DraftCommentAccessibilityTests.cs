using DoJ.Portal.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace DoJ.Portal.BrowserTests.Journeys;

/// <summary>axe-core on the pages of comments on drafts (docs/draft-comments.md): the list, the demo draft, its form, and the form with its errors.</summary>
public sealed class DraftCommentAccessibilityTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task The_list_the_draft_its_form_and_the_refused_form_have_no_serious_accessibility_violation()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var list = await page.GotoAsync("/van-ban/lay-y-kien") ?? throw new InvalidOperationException("no response");
        Assert.True(list.Ok, $"/van-ban/lay-y-kien answered {list.Status}");
        await AxeCheck.AssertNoSeriousViolationsAsync(page, "/van-ban/lay-y-kien", output);

        // The demo draft, open for comment around the first start.
        var form = await page.Locator("#dang-lay-y-kien ~ ul a.btn").First.GetAttributeAsync("href")
            ?? throw new InvalidOperationException("no draft is open for comment");
        var document = form[..form.LastIndexOf('/')];
        await page.GotoAsync(document);
        await AxeCheck.AssertNoSeriousViolationsAsync(page, document, output);

        await page.GotoAsync(form);
        await AxeCheck.AssertNoSeriousViolationsAsync(page, form, output);

        // Sent empty (after the time a person needs): the errors are listed and tied to their fields.
        browser.Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await page.Locator("#form-gop-y button[type=submit]").ClickAsync();
        await page.Locator("#loi-bieu-mau").WaitForAsync();
        await AxeCheck.AssertNoSeriousViolationsAsync(page, form + " (lỗi)", output);
    }
}
