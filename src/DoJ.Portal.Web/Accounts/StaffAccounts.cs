using System.Security.Claims;
using DoJ.Portal.Data;
using DoJ.Portal.Data.Identity;
using DoJ.Portal.Domain;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Accounts;

/// <summary>A password generated for an account, shown once to the administrator and never stored or sent again.</summary>
public sealed record IssuedPassword(string Email, string Password);

/// <summary>
/// Staff accounts as administrators manage them: create with a role, change the role, lock, unlock, reset the
/// password. Never leaves the portal without an administrator who can sign in; every change is audited and
/// written to the security log, and one that takes rights away signs the account out everywhere.
/// </summary>
public sealed class StaffAccounts(UserManager<PortalUser> users, PortalDbContext db, AuditLog audit, SecurityLog security, TimeProvider clock)
{
    public async Task<List<StaffAccountRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roles = await db.UserRoles.AsNoTracking()
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return rows.Select(u => new StaffAccountRow(
            u.Id, u.Email ?? "", u.DisplayName, roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "",
            u.LockoutEnd is { } end && end > now, u.CreatedAtUtc)).ToList();
    }

    /// <summary>A new account with a generated password (the result's value).</summary>
    public async Task<EditResult<IssuedPassword>> CreateAsync(StaffAccountCreateModel model, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!PortalRoles.All.Contains(model.Role))
        {
            return Invalid<IssuedPassword>(nameof(model.Role), "Vai trò không hợp lệ.");
        }

        // Every account has a name: it is the default byline of what the account writes, so never an address either.
        var displayName = (model.DisplayName ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (displayName.Length == 0)
        {
            return Invalid<IssuedPassword>(nameof(model.DisplayName), "Vui lòng nhập họ tên.");
        }

        if (Byline.HoldsEmailAddress(displayName))
        {
            return Invalid<IssuedPassword>(nameof(model.DisplayName), "Họ tên không được là địa chỉ email.");
        }

        var email = model.Email.Trim();
        var password = AdminBootstrapper.GeneratePassword();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, model.Role);
        }

        if (!result.Succeeded)
        {
            return Invalid<IssuedPassword>("", string.Join(" ", result.Errors.Select(IdentityErrors.ToVietnamese)));
        }

        await AuditAsync(actor, "Tạo tài khoản", user, $"{email} – {PortalRoles.ToVietnamese(model.Role)}", ("Vai trò", null, model.Role), cancellationToken);
        security.AccountCreated(SecurityLog.UserId(actor), user.Id, model.Role);
        return EditResult.Found(new IssuedPassword(email, password));
    }

    /// <summary>Gives the account <paramref name="role"/> (one of <see cref="PortalRoles.All"/>) instead of its roles.</summary>
    public async Task<EditResult> ChangeRoleAsync(string id, string role, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return EditResult.NotFound;
        }

        var current = (await users.GetRolesAsync(user)).ToList();
        if (current.Contains(PortalRoles.Administrator) && role != PortalRoles.Administrator && await IsLastAdministratorAsync(user))
        {
            return EditResult.Refused("Không thể đổi vai trò của quản trị viên cuối cùng.");
        }

        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(actor, "Đổi vai trò", user, user.Email ?? "", ("Vai trò", string.Join(", ", current), role), cancellationToken);
        security.RoleChanged(SecurityLog.UserId(actor), user.Id, string.Join(", ", current), role);
        return EditResult.Ok(0, $"Đã đổi vai trò của {user.Email} thành {PortalRoles.ToVietnamese(role)}.");
    }

    public async Task<EditResult> LockAsync(string id, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return EditResult.NotFound;
        }

        if (await users.IsInRoleAsync(user, PortalRoles.Administrator) && await IsLastAdministratorAsync(user))
        {
            return EditResult.Refused("Không thể khóa quản trị viên cuối cùng.");
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        // A new security stamp signs the user out everywhere at the next validation (within a minute).
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(actor, "Khóa tài khoản", user, user.Email ?? "", null, cancellationToken);
        security.AccountLocked(SecurityLog.UserId(actor), user.Id);
        return EditResult.Ok(0, $"Đã khóa tài khoản {user.Email}.");
    }

    public async Task<EditResult> UnlockAsync(string id, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return EditResult.NotFound;
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AuditAsync(actor, "Mở khóa tài khoản", user, user.Email ?? "", null, cancellationToken);
        security.AccountUnlocked(SecurityLog.UserId(actor), user.Id);
        return EditResult.Ok(0, $"Đã mở khóa tài khoản {user.Email}.");
    }

    /// <summary>A new generated password (the result's value); the old one and every session stop working.</summary>
    public async Task<EditResult<IssuedPassword>> ResetPasswordAsync(string id, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return EditResult.NotFound.As<IssuedPassword>();
        }

        var password = AdminBootstrapper.GeneratePassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return EditResult.Refused("Không đặt lại được mật khẩu: " + string.Join("; ", result.Errors.Select(IdentityErrors.ToVietnamese))).As<IssuedPassword>();
        }

        await AuditAsync(actor, "Đặt lại mật khẩu", user, user.Email ?? "", null, cancellationToken);
        await users.UpdateSecurityStampAsync(user);
        security.PasswordReset(SecurityLog.UserId(actor), user.Id);
        return EditResult.Found(new IssuedPassword(user.Email ?? "", password));
    }

    private async Task<bool> IsLastAdministratorAsync(PortalUser user)
    {
        var now = clock.GetUtcNow();
        var admins = await users.GetUsersInRoleAsync(PortalRoles.Administrator);
        return !admins.Any(a => a.Id != user.Id && !(a.LockoutEnd is { } end && end > now));
    }

    private Task AuditAsync(ClaimsPrincipal actor, string action, PortalUser user, string summary, (string Field, object? Old, object? New)? change, CancellationToken cancellationToken) =>
        audit.RecordNowAsync(actor, action, "User", user.Id, summary,
            change is { } c ? new Dictionary<string, (object?, object?)> { [c.Field] = (c.Old, c.New) } : null, cancellationToken);

    private static EditResult<T> Invalid<T>(string field, string error) => EditResult.Invalid(field, error).As<T>();
}
