using DoJ.Portal.Data.Identity;
using DoJ.Portal.Web.Models;
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
    [HttpGet("/tai-khoan/dang-nhap")]
    public IActionResult SignIn(string? returnUrl) => View(new SignInModel { ReturnUrl = returnUrl });

    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    [HttpPost("/tai-khoan/dang-nhap")]
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
            security.SignInFailedUnknownAccount();
            ModelState.AddModelError("", "Email hoặc mật khẩu không đúng.");
            return View(model);
        }

        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, model.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            security.SignInSucceeded(user.Id);
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl : "/quan-tri");
        }

        if (result.RequiresTwoFactor)
        {
            security.SecondFactorRequired(user.Id);
            return LocalRedirect("/tai-khoan/xac-thuc-hai-buoc" + (Url.IsLocalUrl(model.ReturnUrl) ? "?returnUrl=" + Uri.EscapeDataString(model.ReturnUrl) : ""));
        }

        security.SignInStepFailed(user.Id, secondFactor: false, result.IsLockedOut, wasLockedOut);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", "Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút hoặc liên hệ quản trị.");
        }
        else
        {
            ModelState.AddModelError("", "Email hoặc mật khẩu không đúng.");
        }

        return View(model);
    }

    [HttpPost("/tai-khoan/dang-xuat")]
    [Authorize]
    public async Task<IActionResult> SignOutUser()
    {
        await signIn.SignOutAsync();
        security.SignedOut(SecurityLog.UserId(User));
        return LocalRedirect("/");
    }

    [HttpGet("/tai-khoan/khong-co-quyen")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("~/Views/Shared/Error.cshtml", ErrorViewModel.For(403));
    }

    [HttpGet("/tai-khoan/doi-mat-khau")]
    [Authorize]
    public IActionResult ChangePassword() => View(new ChangePasswordModel());

    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    [HttpPost("/tai-khoan/doi-mat-khau")]
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
                return LocalRedirect("/quan-tri");
            }

            security.PasswordChangeFailed(user.Id, string.Join(", ", result.Errors.Select(e => e.Code)));
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", Vietnamese(error));
            }
        }

        return View(model);
    }

    /// <summary>Identity's messages are English; the ones a user can meet here are said in Vietnamese.</summary>
    public static string Vietnamese(IdentityError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            "PasswordMismatch" => "Mật khẩu hiện tại không đúng.",
            "PasswordTooShort" => "Mật khẩu cần ít nhất 12 ký tự.",
            "PasswordRequiresUniqueChars" => "Mật khẩu cần nhiều ký tự khác nhau hơn.",
            "DuplicateEmail" or "DuplicateUserName" => "Email này đã có tài khoản.",
            "InvalidEmail" => "Email không hợp lệ.",
            _ => error.Description,
        };
    }
}
