using DoJ.Portal.Data.Identity;
using DoJ.Portal.Web.Accounts;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace DoJ.Portal.Web.Controllers;

/// <summary>Staff sign-in at /tai-khoan (there is no public registration).</summary>
[AutoValidateAntiforgeryToken]
public sealed class AccountController(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, SecurityLog security) : Controller
{
    /// <summary>
    /// The one answer to a failed password step, whatever failed (unknown email, wrong password, locked account), so the
    /// page never tells whether an address has an account; which one it was is in the security log only.
    /// </summary>
    public const string SignInFailedMessage =
        "Email hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút hoặc liên hệ quản trị.";

    [HttpGet(SiteUrls.SignIn)]
    public IActionResult SignIn(string? returnUrl) => View(new SignInModel { ReturnUrl = returnUrl });

    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    [HttpPost(SiteUrls.SignIn)]
    public async Task<IActionResult> SignIn(SignInModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await users.FindByEmailAsync(model.Email.Trim());
        if (user is null)
        {
            HashAnyway(model.Password);
            security.SignInFailedUnknownAccount();
            ModelState.AddModelError("", SignInFailedMessage);
            return View(model);
        }

        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, model.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            security.SignInSucceeded(user.Id);
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl : AdminUrls.Home);
        }

        if (result.RequiresTwoFactor)
        {
            security.SecondFactorRequired(user.Id);
            return LocalRedirect(SiteUrls.TwoFactorSignIn + (Url.IsLocalUrl(model.ReturnUrl) ? "?returnUrl=" + Uri.EscapeDataString(model.ReturnUrl) : ""));
        }

        if (wasLockedOut)
        {
            // Identity refused before looking at the password.
            HashAnyway(model.Password);
        }

        security.SignInStepFailed(user.Id, secondFactor: false, result.IsLockedOut, wasLockedOut);
        ModelState.AddModelError("", SignInFailedMessage);
        return View(model);
    }

    /// <summary>
    /// The password hash a sign-in with a known account costs, spent when none was checked (unknown email, locked account),
    /// so that the time of the answer does not tell them apart either. Same hasher, same iteration count.
    /// </summary>
    private void HashAnyway(string password) => users.PasswordHasher.HashPassword(new PortalUser(), password);

    [HttpPost(SiteUrls.SignOut)]
    [Authorize]
    public async Task<IActionResult> SignOutUser()
    {
        await signIn.SignOutAsync();
        security.SignedOut(SecurityLog.UserId(User));
        return LocalRedirect("/");
    }

    [HttpGet(SiteUrls.AccessDenied)]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("~/Views/Shared/Error.cshtml", ErrorViewModel.For(403));
    }

    [HttpGet(SiteUrls.ChangePassword)]
    [Authorize]
    public IActionResult ChangePassword() => View(new ChangePasswordModel());

    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    [HttpPost(SiteUrls.ChangePassword)]
    [Authorize]
    public async Task<IActionResult> ChangePassword(ChangePasswordModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword);
            if (result.Succeeded)
            {
                security.PasswordChanged(user.Id);
                await signIn.RefreshSignInAsync(user);
                TempData["Message"] = "Đã đổi mật khẩu.";
                return LocalRedirect(AdminUrls.Home);
            }

            security.PasswordChangeFailed(user.Id, string.Join(", ", result.Errors.Select(e => e.Code)));
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", IdentityErrors.ToVietnamese(error));
            }
        }

        return View(model);
    }
}
