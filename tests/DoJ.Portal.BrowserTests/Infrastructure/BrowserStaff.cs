using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DoJ.Portal.BrowserTests.Infrastructure;

/// <summary>Staff accounts made through the factory's services, signed in through the real sign-in form.</summary>
public static partial class BrowserStaff
{
    /// <summary>Fills and submits the sign-in form; the caller checks where it lands.</summary>
    public static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/tai-khoan/dang-nhap");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(password);
        await page.Locator("form[action='/tai-khoan/dang-nhap'] button[type=submit]").ClickAsync();
    }

    /// <summary>A new account in <paramref name="role"/>, signed in on <paramref name="page"/>.</summary>
    public static async Task<string> SignInAsNewAsync(BrowserFixture browser, IPage page, string role)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var (email, password) = await StaffSession.CreateUserAsync(browser.Factory, role);
        await SubmitSignInAsync(page, email, password);
        await Assertions.Expect(page).Not.ToHaveURLAsync(SignInAddress());
        return email;
    }

    [GeneratedRegex("/tai-khoan/dang-nhap")]
    public static partial Regex SignInAddress();
}
