using DoJ.Portal.Data.Identity;
using DoJ.Portal.Domain;
using DoJ.Portal.Web.Accounts;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Controllers;
using DoJ.Portal.Web.Security;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>Staff accounts (administrators only): create with a role, change role, lock, unlock, reset password.</summary>
[Authorize(Policy = PortalPolicies.Administrators)]
[Route("quan-tri/nguoi-dung")]
public sealed class UsersController(UserManager<PortalUser> users, AuditLog audit, Data.PortalDbContext db, TimeProvider clock, SecurityLog security) : AdminControllerBase
{
    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken cancellationToken) => ListAsync(null, null, cancellationToken);

    /// <summary>The list; a generated password is shown in this response only, never stored or sent again.</summary>
    private async Task<IActionResult> ListAsync(string? oneTimeFor, string? oneTimePassword, CancellationToken cancellationToken)
    {
        var rows = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roles = await db.UserRoles.AsNoTracking()
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var list = rows.Select(u => new UserRow(
            u.Id, u.Email ?? "", u.DisplayName, roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "",
            u.LockoutEnd is { } end && end > now, u.CreatedAtUtc)).ToList();
        return View("Index", new UserListViewModel(list, oneTimeFor, oneTimePassword));
    }

    [HttpGet("tao")]
    public IActionResult Create() => View(new UserCreateModel { Role = PortalRoles.Contributor });

    [HttpPost("tao")]
    public async Task<IActionResult> Create(UserCreateModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!PortalRoles.All.Contains(model.Role))
        {
            ModelState.AddModelError(nameof(model.Role), "Vai trò không hợp lệ.");
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var email = model.Email.Trim();
        var password = AdminBootstrapper.GeneratePassword();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = model.DisplayName.Trim(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, model.Role);
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", AccountController.Vietnamese(error));
            }

            return View(model);
        }

        await AuditAsync("Tạo tài khoản", user, $"{email} – {PortalRoles.ToVietnamese(model.Role)}", ("Vai trò", null, model.Role));
        security.AccountCreated(Actor, user.Id, model.Role);
        return await ListAsync(email, password, HttpContext.RequestAborted);
    }

    [HttpPost("{id}/vai-tro")]
    public async Task<IActionResult> ChangeRole(string id, [FromForm(Name = "vai-tro")] string role)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (!PortalRoles.All.Contains(role))
        {
            return BadRequest();
        }

        var current = (await users.GetRolesAsync(user)).ToList();
        if (current.Contains(PortalRoles.Administrator) && role != PortalRoles.Administrator && await IsLastAdministratorAsync(user))
        {
            Flash("Không thể đổi vai trò của quản trị viên cuối cùng.");
            return LocalRedirect("/quan-tri/nguoi-dung");
        }

        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync("Đổi vai trò", user, user.Email ?? "", ("Vai trò", string.Join(", ", current), role));
        security.RoleChanged(Actor, user.Id, string.Join(", ", current), role);
        Flash($"Đã đổi vai trò của {user.Email} thành {PortalRoles.ToVietnamese(role)}.");
        return LocalRedirect("/quan-tri/nguoi-dung");
    }

    [HttpPost("{id}/khoa")]
    public async Task<IActionResult> Lock(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (await users.IsInRoleAsync(user, PortalRoles.Administrator) && await IsLastAdministratorAsync(user))
        {
            Flash("Không thể khóa quản trị viên cuối cùng.");
            return LocalRedirect("/quan-tri/nguoi-dung");
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        // A new security stamp signs the user out everywhere at the next validation (within a minute).
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync("Khóa tài khoản", user, user.Email ?? "");
        security.AccountLocked(Actor, user.Id);
        Flash($"Đã khóa tài khoản {user.Email}.");
        return LocalRedirect("/quan-tri/nguoi-dung");
    }

    [HttpPost("{id}/mo-khoa")]
    public async Task<IActionResult> Unlock(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AuditAsync("Mở khóa tài khoản", user, user.Email ?? "");
        security.AccountUnlocked(Actor, user.Id);
        Flash($"Đã mở khóa tài khoản {user.Email}.");
        return LocalRedirect("/quan-tri/nguoi-dung");
    }

    [EnableRateLimiting(RateLimitPolicies.PasswordReset)]
    [HttpPost("{id}/dat-lai-mat-khau")]
    public async Task<IActionResult> ResetPassword(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var password = AdminBootstrapper.GeneratePassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            Flash("Không đặt lại được mật khẩu: " + string.Join("; ", result.Errors.Select(AccountController.Vietnamese)));
            return LocalRedirect("/quan-tri/nguoi-dung");
        }

        await AuditAsync("Đặt lại mật khẩu", user, user.Email ?? "");
        await users.UpdateSecurityStampAsync(user);
        security.PasswordReset(Actor, user.Id);
        return await ListAsync(user.Email, password, HttpContext.RequestAborted);
    }

    private string Actor => SecurityLog.UserId(User);

    private async Task<bool> IsLastAdministratorAsync(PortalUser user)
    {
        var now = clock.GetUtcNow();
        var admins = await users.GetUsersInRoleAsync(PortalRoles.Administrator);
        return !admins.Any(a => a.Id != user.Id && !(a.LockoutEnd is { } end && end > now));
    }

    private async Task AuditAsync(string action, PortalUser user, string summary, (string Field, object? Old, object? New)? change = null)
    {
        audit.Record(User, action, "User", user.Id, summary,
            change is { } c ? new Dictionary<string, (object?, object?)> { [c.Field] = (c.Old, c.New) } : null);
        await db.SaveChangesAsync();
    }
}
