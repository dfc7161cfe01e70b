using DoJ.Portal.Domain;
using DoJ.Portal.Web.Accounts;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>Staff accounts (administrators only): create with a role, change role, lock, unlock, reset password.</summary>
[Authorize(Policy = PortalPolicies.Administrators)]
[Route(AdminUrls.Users)]
public sealed class UsersController(StaffAccounts accounts) : AdminControllerBase
{
    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken cancellationToken) => ListAsync(null, cancellationToken);

    [HttpGet(AdminUrls.Routes.New)]
    public IActionResult Create() => View(new StaffAccountCreateModel { Role = PortalRoles.Contributor });

    /// <summary>The list comes back with the new account's password, shown in this response only.</summary>
    [HttpPost(AdminUrls.Routes.New)]
    public async Task<IActionResult> Create(StaffAccountCreateModel model, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var result = await accounts.CreateAsync(model, User, cancellationToken);
        return result.Value is { } issued
            ? await ListAsync(issued, cancellationToken)
            : await RespondAsync(result, AdminUrls.Users, "", _ => Task.FromResult<IActionResult>(View(model)));
    }

    [HttpPost("{id}/" + AdminUrls.Segments.Role)]
    public async Task<IActionResult> ChangeRole(string id, [FromForm(Name = "vai-tro")] string role, CancellationToken cancellationToken) =>
        PortalRoles.All.Contains(role)
            ? await RespondAsync(await accounts.ChangeRoleAsync(id, role, User, cancellationToken), AdminUrls.Users, "Đã đổi vai trò.")
            : BadRequest();

    [HttpPost("{id}/" + AdminUrls.Segments.Lock)]
    public async Task<IActionResult> Lock(string id, CancellationToken cancellationToken) =>
        await RespondAsync(await accounts.LockAsync(id, User, cancellationToken), AdminUrls.Users, "Đã khóa tài khoản.");

    [HttpPost("{id}/" + AdminUrls.Segments.Unlock)]
    public async Task<IActionResult> Unlock(string id, CancellationToken cancellationToken) =>
        await RespondAsync(await accounts.UnlockAsync(id, User, cancellationToken), AdminUrls.Users, "Đã mở khóa tài khoản.");

    [EnableRateLimiting(RateLimitPolicies.PasswordReset)]
    [HttpPost("{id}/" + AdminUrls.Segments.PasswordReset)]
    public async Task<IActionResult> ResetPassword(string id, CancellationToken cancellationToken)
    {
        var result = await accounts.ResetPasswordAsync(id, User, cancellationToken);
        return result.Value is { } issued ? await ListAsync(issued, cancellationToken) : await RespondAsync(result, AdminUrls.Users, "");
    }

    private async Task<IActionResult> ListAsync(IssuedPassword? issued, CancellationToken cancellationToken) =>
        View("Index", new UserListViewModel(await accounts.ListAsync(cancellationToken), issued?.Email, issued?.Password));
}
