using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using DoJ.Portal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DoJ.Portal.BrowserTests.Journeys;

/// <summary>axe-core (WCAG 2.0/2.1 A and AA) on the public pages: no serious or critical violation.</summary>
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    /// <summary>Stands for "the first article of Tin hoạt động", whose address depends on the seeded ids.</summary>
    private const string AnArticle = "(bài viết)";

    [SkippableTheory]
    [InlineData("/")]
    [InlineData(AnArticle)]
    [InlineData("/chuyen-muc/thong-bao")]
    [InlineData("/tim-kiem?q=phap+luat")]
    [InlineData("/tin-theo-ngay/2021-01-22")]
    [InlineData("/trang/about-us")]
    [InlineData("/tai-khoan/dang-nhap")]
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

        var response = await page.GotoAsync(path) ?? throw new InvalidOperationException("no response");
        Assert.True(response.Ok, $"{path} answered {response.Status}");

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        Assert.NotEmpty(result.Passes); // axe really ran its rules on this page

        // Every finding goes to the test output (moderate and minor ones too); only serious and critical fail.
        foreach (var violation in result.Violations)
        {
            output.WriteLine(Describe(violation));
        }

        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(blocking.Count == 0, $"axe on {path}:{Environment.NewLine}" + string.Join(Environment.NewLine, blocking.Select(Describe)));
    }

    private static string Describe(AxeResultItem violation) =>
        $"- {violation.Id} ({violation.Impact}): {violation.Help}; "
        + string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Target?.ToString()))
        + (violation.Nodes.Length > 3 ? $" … and {violation.Nodes.Length - 3} more" : "");
}
