using System.Security.Cryptography;
using DoJ.Portal.Data.Identity;
using DoJ.Portal.Domain;
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
            var result = await CreateOrResetAsync(options.Email, options.Password);
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
            var result = await CreateOrResetAsync(email, password);
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

    /// <summary>Creates the account, or resets its password, and makes it an administrator.</summary>
    public async Task<IdentityResult> CreateOrResetAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Quản trị hệ thống",
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
