using System.Security.Claims;
using DoJ.Portal.Data;
using DoJ.Portal.Data.Identity;
using DoJ.Portal.Domain;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace DoJ.Portal.Web.Startup;

/// <summary>ASP.NET Core Identity for staff accounts: long passwords, lockout, sign-in under /tai-khoan.</summary>
public static class PortalIdentity
{
    public const int MinimumPasswordLength = 12;

    /// <summary>A session ends after this long without a request…</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(60);

    /// <summary>…and after this long in any case: a stolen cookie is not good for ever.</summary>
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(10);

    private const string SignedInAtKey = "doj.signed-in-at";

    /// <summary>The claim Identity adds at a two-factor sign-in ("mfa"); the admin area may require it.</summary>
    public const string AuthenticationMethodClaim = "amr";

    /// <summary>
    /// <c>__Host-</c> and Secure unless plain http is allowed (Development, or <c>Security:PlainHttpCookies</c> for
    /// tests on http://127.0.0.1): the browser then only accepts the cookie over https, for this exact
    /// host and path "/", so no sibling subdomain can plant or read it. Under a path prefix the cookie's path is the
    /// prefix, which <c>__Host-</c> forbids: <c>__Secure-</c> then (still https only).
    /// </summary>
    public static string CookieName(string name, bool plainHttp, bool prefixed = false) =>
        plainHttp ? name : prefixed ? "__Secure-" + name : "__Host-" + name;

    /// <summary>Plain http is allowed in Development and with <c>Security:PlainHttpCookies</c> (tests on http://127.0.0.1) only.</summary>
    public static bool AllowsPlainHttp(IHostEnvironment environment, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(configuration);
        return environment.IsDevelopment() || configuration.GetValue("Security:PlainHttpCookies", false);
    }


    public static string AuthCookieName(bool plainHttp, bool prefixed = false) => CookieName("doj.auth", plainHttp, prefixed);

    public static string AntiforgeryCookieName(bool plainHttp, bool prefixed = false) => CookieName("doj.af", plainHttp, prefixed);

    /// <summary>Identity and its cookies; <paramref name="pathPrefix"/> is <see cref="PathPrefix.From"/> of <c>Site:BaseUrl</c> (cookies then live below it).</summary>
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, bool plainHttp, string pathPrefix = "")
    {
        var prefixed = pathPrefix.Length > 0;
        // Keys in the database: sign-ins survive a restart and every instance reads the others' cookies.
        services.AddDataProtection()
            .SetApplicationName("DoJ.Portal")
            .PersistKeysToDbContext<PortalDbContext>();
        services
            .AddIdentity<PortalUser, IdentityRole>(options =>
            {
                // Length over composition rules (NIST SP 800-63B); common passwords are refused separately.
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();

        services.AddAntiforgery(options =>
        {
            // The editor's image upload sends its token in a header.
            options.HeaderName = "RequestVerificationToken";
            options.Cookie.Name = AntiforgeryCookieName(plainHttp, prefixed);
            options.Cookie.SecurePolicy = plainHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options =>
        {
            options.Cookie.Name = CookieName("doj.2fa", plainHttp, prefixed);
            options.Cookie.SecurePolicy = plainHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        // OWASP Password Storage Cheat Sheet: PBKDF2-HMAC-SHA512 with at least 210,000 iterations.
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = CookieName("doj.msg", plainHttp, prefixed);
            options.Cookie.SecurePolicy = plainHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        // A locked, demoted or reset account is signed out everywhere within a minute.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            // The check rebuilds the principal from the database, which knows nothing of how this session signed in:
            // without this, the second-factor mark ("amr": "mfa") is lost and a required-2FA administrator is sent back.
            options.OnRefreshingPrincipal = KeepAuthenticationMethods;
        });

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = SiteUrls.SignIn;
            options.AccessDeniedPath = SiteUrls.AccessDenied;
            options.Cookie.Name = AuthCookieName(plainHttp, prefixed);
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Secure everywhere but a developer's plain-http localhost.
            options.Cookie.SecurePolicy = plainHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.Events.OnSigningIn = context =>
            {
                context.Properties.Items[SignedInAtKey] = context.Options.TimeProvider!.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            };
            var validateStamp = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                var now = context.Options.TimeProvider!.GetUtcNow();
                if (!context.Properties.Items.TryGetValue(SignedInAtKey, out var text)
                    || !DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var signedInAt)
                    || now - signedInAt > AbsoluteTimeout)
                {
                    context.HttpContext.RequestServices.GetRequiredService<SecurityLog>().SessionExpired(SecurityLog.UserId(context.Principal));
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await validateStamp(context);
            };
            // The sign-in redirect stays relative: an absolute one is built from the request's Host header, which the client
            // chooses (a poisoned cache could otherwise send every visitor of an admin page to another site).
            var toSignIn = options.Events.OnRedirectToLogin;
            options.Events.OnRedirectToLogin = context =>
            {
                if (Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute))
                {
                    context.RedirectUri = absolute.PathAndQuery;
                }

                return toSignIn(context);
            };
            // A signed-in user without the right role gets a plain 403 (rendered as the Vietnamese error page), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<SecurityLog>().AccessDenied(context.HttpContext);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.Staff, p => p.RequireRole(PortalRoles.All.ToArray()))
            .AddPolicy(PortalPolicies.Editors, p => p.RequireRole(PortalRoles.Administrator, PortalRoles.Editor))
            .AddPolicy(PortalPolicies.Administrators, p => p.RequireRole(PortalRoles.Administrator));
        return services;
    }

    /// <summary>Copies the session's authentication methods (<c>amr</c>) onto the principal the stamp check rebuilt.</summary>
    public static Task KeepAuthenticationMethods(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            foreach (var method in current.FindAll(AuthenticationMethodClaim))
            {
                if (!identity.HasClaim(AuthenticationMethodClaim, method.Value))
                {
                    identity.AddClaim(new Claim(AuthenticationMethodClaim, method.Value));
                }
            }
        }

        return Task.CompletedTask;
    }
}
