using DoJ.Portal.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace DoJ.Portal.BrowserTests.Journeys;

/// <summary>The portal on a small phone, driven by the keyboard.</summary>
public sealed class PhoneJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task On_a_phone_the_menu_opens_from_the_keyboard_and_nothing_scrolls_sideways()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        await using var context = await browser.NewContextAsync(360, 740);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var toggler = page.Locator("button.navbar-toggler");
        await Assertions.Expect(toggler).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#menu-chinh")).Not.ToBeVisibleAsync();

        // Tab reaches the skip link first, then keeps going until the menu button has the focus.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("a.skip-link")).ToBeFocusedAsync();
        for (var i = 0; i < 15 && !await toggler.EvaluateAsync<bool>("b => b === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(toggler).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#menu-chinh")).ToBeVisibleAsync();
        await Assertions.Expect(toggler).ToHaveAttributeAsync("aria-expanded", "true");

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"the page is {scrollWidth}px wide on a 360px screen");
    }
}
