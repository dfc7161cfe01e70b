using System.Globalization;
using System.Text;
using DoJ.Portal.Data.Identity;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using QRCoder;

namespace DoJ.Portal.Web.Controllers;

/// <summary>
/// Authenticator-app two-step sign-in: enrolment with a QR code and recovery codes, and the second
/// step of sign-in. Configuration (<c>Security:RequireTwoFactorForAdministrators</c>) makes it
/// mandatory for administrators.
/// </summary>
[AutoValidateAntiforgeryToken]
public sealed class TwoFactorController(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    AuditLog audit,
    SecurityLog security) : Controller
{
    private const string Issuer = "Cổng TTĐT Sở Tư pháp";

    [HttpGet(SiteUrls.TwoFactorSetup)]
    [Authorize]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : View(await EnrolmentAsync(user, null, null));
    }

    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    [HttpPost(SiteUrls.TwoFactorEnable)]
    [Authorize]
    public async Task<IActionResult> Enable([FromForm(Name = "ma")] string? code)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var clean = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (clean.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, clean))
        {
            return View("Index", await EnrolmentAsync(user, "Mã xác thực không đúng. Hãy nhập mã 6 số đang hiện trên ứng dụng.", null));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var recovery = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await audit.RecordNowAsync(User, "Bật xác thực hai lớp", "User", user.Id, user.Email ?? "");
        security.TwoFactorEnabled(user.Id);
        // Sign in again so this session carries the multi-factor mark the admin area may require.
        await signIn.SignOutAsync();
        return View("Index", await EnrolmentAsync(user, null, recovery));
    }

    [HttpGet(SiteUrls.TwoFactorSignIn)]
    public async Task<IActionResult> Verify(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? LocalRedirect(SiteUrls.SignIn)
            : View(new TwoFactorVerifyModel { ReturnUrl = returnUrl });

    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    [HttpPost(SiteUrls.TwoFactorSignIn)]
    public async Task<IActionResult> Verify(TwoFactorVerifyModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return LocalRedirect(SiteUrls.SignIn);
        }

        var code = (model.Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = model.UseRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code.Replace("-", "", StringComparison.Ordinal), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            security.TwoFactorSucceeded(user.Id, model.UseRecoveryCode ? "a recovery code" : "the authenticator app");
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl : AdminUrls.Home);
        }

        security.SignInStepFailed(user.Id, secondFactor: true, result.IsLockedOut, wasLockedOut);
        ModelState.AddModelError("", result.IsLockedOut
            ? "Tài khoản tạm thời bị khóa do nhập sai nhiều lần."
            : "Mã xác thực không đúng.");
        return View(model);
    }

    private async Task<TwoFactorViewModel> EnrolmentAsync(PortalUser user, string? error, IReadOnlyList<string>? recoveryCodes)
    {
        if (user.TwoFactorEnabled && recoveryCodes is null)
        {
            return new TwoFactorViewModel(true, null, null, error, null, User.HasClaim("amr", "mfa"));
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return new TwoFactorViewModel(user.TwoFactorEnabled, Group(key!), svg, error, recoveryCodes, false);
    }

    /// <summary>The key in groups of four, easier to type into an app by hand.</summary>
    private static string Group(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return builder.ToString().Trim().ToLowerInvariant();
    }
}
