using DoJ.Portal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DoJ.Portal.BrowserTests.Journeys;

/// <summary>A reader with poor sight: larger text and high contrast from the keyboard, kept across pages; the agency pages pass axe.</summary>
public sealed class ReadingToolsJourneyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    /// <summary>Stands for "the first procedure of the directory", whose address depends on the seeded ids.</summary>
    private const string AProcedure = "(thủ tục)";

    [SkippableFact]
    public async Task A_larger_text_and_high_contrast_chosen_from_the_keyboard_are_kept_after_a_reload()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/thu-tuc-hanh-chinh");
        var root = page.Locator("html");
        var before = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");

        var larger = page.Locator("[data-text-size='1']");
        await Assertions.Expect(larger).ToBeVisibleAsync();
        await larger.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(root).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-size-1"));
        await Assertions.Expect(page.Locator("[data-reading-status]")).ToHaveTextAsync("Cỡ chữ: 112%");

        var contrast = page.Locator("[data-contrast]");
        await contrast.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(contrast).ToHaveAttributeAsync("aria-pressed", "true");

        await page.ReloadAsync();
        await Assertions.Expect(root).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-size-1"));
        await Assertions.Expect(root).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("high-contrast"));
        await Assertions.Expect(page.Locator("[data-contrast]")).ToHaveAttributeAsync("aria-pressed", "true");
        var after = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");
        Assert.True(after > before, $"the text is {after}px after A+, {before}px before");
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(0, 0, 0)", background);

        // Back to normal: the default size and contrast off, also kept.
        await page.Locator("[data-text-size='0']").ClickAsync();
        await page.Locator("[data-contrast]").ClickAsync();
        await page.GotoAsync("/gioi-thieu/lanh-dao");
        await Assertions.Expect(root).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("high-contrast|text-size"));
    }

    [SkippableTheory]
    [InlineData("/thu-tuc-hanh-chinh")]
    [InlineData("/thu-tuc-hanh-chinh?q=ly+lich+tu+phap")]
    [InlineData(AProcedure)]
    [InlineData("/gioi-thieu/lanh-dao")]
    [InlineData("/gioi-thieu/lien-he-can-bo")]
    [InlineData("/en")]
    public async Task The_agency_page_has_no_serious_or_critical_accessibility_violation(string path)
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        if (path == AProcedure)
        {
            await page.GotoAsync("/thu-tuc-hanh-chinh");
            path = await page.Locator(".procedure-item h2 a").First.GetAttributeAsync("href")
                ?? throw new InvalidOperationException("the directory lists no procedure");
        }

        var response = await page.GotoAsync(path) ?? throw new InvalidOperationException("no response");
        Assert.True(response.Ok, $"{path} answered {response.Status}");
        await AxeCheck.AssertNoSeriousViolationsAsync(page, path, output);
    }

    [SkippableFact]
    public async Task High_contrast_pages_still_pass_axe()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/en");
        await page.Locator("[data-contrast]").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("high-contrast"));
        await AxeCheck.AssertNoSeriousViolationsAsync(page, "/en (tương phản cao)", output);
    }
}
