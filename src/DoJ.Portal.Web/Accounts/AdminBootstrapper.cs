using System.Security.Cryptography;
using DoJ.Portal.Data.Identity;
using DoJ.Portal.Domain;
using DoJ.Portal.Web.Editing;
using Microsoft.AspNetCore.Identity;

namespace DoJ.Portal.Web.Accounts;

/// <summary>
/// Creates the first administrator: from configuration, or in Development with a random password
/// printed once to the console. There is no password in the source, and never a default one.
/// </summary>
public sealed class AdminBootstrapper(
    UserManager<PortalUser> users,
    IConfiguration configuration,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<AdminBootstrapper> logger)
{
    public const string DevelopmentEmail = "admin@localhost";

    /// <summary>The administrator's name (and default byline) when <c>Admin:DisplayName</c> is not set.</summary>
    public const string DefaultDisplayName = "Quản trị viên";

    public async Task EnsureAdministratorAsync(TextWriter console)
    {
        ArgumentNullException.ThrowIfNull(console);
        if ((await users.GetUsersInRoleAsync(PortalRoles.Administrator)).Count > 0)
        {
            return;
        }

        var options = configuration.GetSection(AdminOptions.Section).Get<AdminOptions>() ?? new AdminOptions();
        if (!string.IsNullOrWhiteSpace(options.Email) && !string.IsNullOrEmpty(options.Password))
        {
            var result = await CreateOrResetAsync(options.Email, options.Password, options.DisplayName);
            if (result.Succeeded)
            {
                // The account's id, never its address: staff e-mail addresses stay out of the logs.
                var created = await users.FindByEmailAsync(options.Email.Trim());
                logger.LogInformation("Created the first administrator {UserId} from configuration", created?.Id);
            }
            else
            {
                logger.LogError("Could not create the administrator from configuration: {Errors}", Codes(result));
            }

            return;
        }

        if (environment.IsDevelopment())
        {
            var email = string.IsNullOrWhiteSpace(options.Email) ? DevelopmentEmail : options.Email;
            var password = GeneratePassword();
            var result = await CreateOrResetAsync(email, password, options.DisplayName);
            if (result.Succeeded)
            {
                // Straight to the console, never to the log files.
                await console.WriteLineAsync($"""

                    ==== DoJ.Portal: first administrator (shown once) ====
                    Email:    {email}
                    Password: {password}
                    Sign in at /tai-khoan/dang-nhap and change it.
                    =======================================================

                    """);
            }
            else
            {
                logger.LogError("Could not create the development administrator: {Errors}", Codes(result));
            }

            return;
        }

        logger.LogWarning(
            "No administrator exists. Set Admin:Email and Admin:Password, or run: dotnet DoJ.Portal.Web.dll create-admin --email <address>");
    }

    /// <summary>
    /// Creates the account, or resets its password, and makes it an administrator. The name is
    /// <paramref name="displayName"/>, else <see cref="DefaultDisplayName"/>: every account has one, since it is the
    /// default byline of the articles it writes. An existing account keeps its name unless one is given.
    /// </summary>
    public async Task<IdentityResult> CreateOrResetAsync(string email, string password, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(email);
        email = email.Trim();
        var name = displayName?.Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (name is { Length: > PortalUser.DisplayNameMaxLength } || (name is not null && Byline.HoldsEmailAddress(name)))
        {
            return IdentityResult.Failed(new IdentityError { Code = "InvalidDisplayName", Description = "Họ tên không hợp lệ (tối đa 200 ký tự, không phải địa chỉ email)." });
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = string.IsNullOrEmpty(name) ? DefaultDisplayName : name,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return created;
            }
        }
        else
        {
            if (!string.IsNullOrEmpty(name) || string.IsNullOrWhiteSpace(user.DisplayName))
            {
                user.DisplayName = string.IsNullOrEmpty(name) ? DefaultDisplayName : name;
            }

            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, password);
            if (!reset.Succeeded)
            {
                return reset;
            }
        }

        return await users.IsInRoleAsync(user, PortalRoles.Administrator)
            ? IdentityResult.Success
            : await users.AddToRoleAsync(user, PortalRoles.Administrator);
    }

    /// <summary>Identity's messages, for the operator's console (they may quote the address typed).</summary>
    public static string Describe(IdentityResult result) =>
        string.Join("; ", result.Errors.Select(e => e.Description));

    /// <summary>Identity's error codes only, for the log: a description may quote the e-mail address.</summary>
    private static string Codes(IdentityResult result) => string.Join(", ", result.Errors.Select(e => e.Code));

    /// <summary>A 20-character random password from an unambiguous alphabet (about 115 bits).</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.!";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}
