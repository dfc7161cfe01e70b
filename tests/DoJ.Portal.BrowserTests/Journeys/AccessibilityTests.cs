using DoJ.Portal.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace DoJ.Portal.BrowserTests.Journeys;

/// <summary>axe-core (WCAG 2.0/2.1 A and AA) on the public pages: no serious or critical violation.</summary>
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    /// <summary>Stands for "the first article of Tin hoạt động", whose address depends on the seeded ids.</summary>
    private const string AnArticle = "(bài viết)";

    /// <summary>Stands for "the first document of the register", whose address depends on the seeded ids.</summary>
    private const string ADocument = "(văn bản)";

    [SkippableTheory]
    [InlineData("/")]
    [InlineData(AnArticle)]
    [InlineData("/chuyen-muc/thong-bao")]
    [InlineData("/tim-kiem?q=phap+luat")]
    [InlineData("/tin-theo-ngay/2021-01-22")]
    [InlineData("/en")]
    [InlineData("/tai-khoan/dang-nhap")]
    [InlineData("/van-ban")]
    [InlineData("/van-ban?loai=quyet-dinh&hieu-luc=con-hieu-luc")]
    [InlineData(ADocument)]
    public async Task The_page_has_no_serious_or_critical_accessibility_violation(string path)
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        if (path == AnArticle)
        {
            await page.GotoAsync("/chuyen-muc/tin-hoat-dong");
            path = await page.Locator(".article-list .article-title a").First.GetAttributeAsync("href")
                ?? throw new InvalidOperationException("Tin hoạt động lists no article");
        }

        if (path == ADocument)
        {
            await page.GotoAsync("/van-ban");
            path = await page.Locator("table.document-register tbody th a").First.GetAttributeAsync("href")
                ?? throw new InvalidOperationException("the register lists no document");
        }

        var response = await page.GotoAsync(path) ?? throw new InvalidOperationException("no response");
        Assert.True(response.Ok, $"{path} answered {response.Status}");

        await AxeCheck.AssertNoSeriousViolationsAsync(page, path, output);
    }
}
