using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DoJ.Portal.Web.Security;

/// <summary>
/// Security events, all in one place with stable event ids and message templates starting with
/// "Security:", under this class's log category (<c>DoJ.Portal.Web.Security.SecurityLog</c>) so that
/// they can be filtered or shipped apart. They name accounts by their id only: never a password, code,
/// token, cookie, e-mail address typed at sign-in, or client address. Ids: 10xx sign-in and sessions,
/// 11xx account administration, 12xx access control. The list is in docs/security.md.
/// </summary>
public sealed partial class SecurityLog(ILogger<SecurityLog> logger)
{
    public const string Anonymous = "anonymous";

    private const int MaxPathLength = 200;

    // Sign-in and sessions.
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Security: sign-in succeeded for {UserId}")]
    public partial void SignInSucceeded(string userId);

    /// <summary>The account exists; which check failed is not said (only the password can fail here).</summary>
    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Security: sign-in failed for {UserId}")]
    public partial void SignInFailed(string userId);

    /// <summary>Nothing of what was typed is logged: people type their password into the e-mail field.</summary>
    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Security: sign-in failed for an unknown account")]
    public partial void SignInFailedUnknownAccount();

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Security: sign-in refused for {UserId}: the account is locked out")]
    public partial void SignInRefusedLockedOut(string userId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Security: account {UserId} locked out after repeated failed sign-ins")]
    public partial void LockedOut(string userId);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Security: password accepted for {UserId}, second factor required")]
    public partial void SecondFactorRequired(string userId);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Security: two-factor sign-in succeeded for {UserId} with {Method}")]
    public partial void TwoFactorSucceeded(string userId, string method);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Security: two-factor sign-in failed for {UserId}")]
    public partial void TwoFactorFailed(string userId);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information, Message = "Security: two-factor sign-in enabled for {UserId}")]
    public partial void TwoFactorEnabled(string userId);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Security: {UserId} signed out")]
    public partial void SignedOut(string userId);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Security: session of {UserId} ended by the absolute time limit")]
    public partial void SessionExpired(string userId);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "Security: password changed by {UserId}")]
    public partial void PasswordChanged(string userId);

    /// <summary><paramref name="reasons"/> are Identity's error codes (e.g. PasswordMismatch), never the values.</summary>
    [LoggerMessage(EventId = 1013, Level = LogLevel.Warning, Message = "Security: password change refused for {UserId} ({Reasons})")]
    public partial void PasswordChangeFailed(string userId, string reasons);

    // Account administration: who did it, to whom.
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Security: account {UserId} created with role {Role} by {ActorId}")]
    public partial void AccountCreated(string actorId, string userId, string role);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Security: role of {UserId} changed from {OldRoles} to {Role} by {ActorId}")]
    public partial void RoleChanged(string actorId, string userId, string oldRoles, string role);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Security: account {UserId} locked by {ActorId}")]
    public partial void AccountLocked(string actorId, string userId);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Security: account {UserId} unlocked by {ActorId}")]
    public partial void AccountUnlocked(string actorId, string userId);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Security: password of {UserId} reset by {ActorId}")]
    public partial void PasswordReset(string actorId, string userId);

    // Access control.
    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Security: access denied to {Path} for {UserId}")]
    private partial void AccessDenied(string path, string userId);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Security: antiforgery validation failed for {Method} {Path} by {UserId}")]
    private partial void AntiforgeryFailed(string method, string path, string userId);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Security: rate limit reached for {Method} {Path} by {UserId}")]
    private partial void RateLimited(string method, string path, string userId);

    /// <summary>
    /// A failed sign-in step (password or second factor): failed; failed and locked out by this very attempt;
    /// or refused because the account was already locked out.
    /// </summary>
    public void SignInStepFailed(string userId, bool secondFactor, bool lockedOut, bool wasLockedOut)
    {
        if (lockedOut && wasLockedOut)
        {
            SignInRefusedLockedOut(userId);
            return;
        }

        if (secondFactor)
        {
            TwoFactorFailed(userId);
        }
        else
        {
            SignInFailed(userId);
        }

        if (lockedOut)
        {
            LockedOut(userId);
        }
    }

    public void AccessDenied(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        AccessDenied(SafePath(context.Request.Path), UserId(context.User));
    }

    public void AntiforgeryFailed(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        AntiforgeryFailed(context.Request.Method, SafePath(context.Request.Path), UserId(context.User));
    }

    public void RateLimited(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RateLimited(context.Request.Method, SafePath(context.Request.Path), UserId(context.User));
    }

    public static string UserId(ClaimsPrincipal? user) => user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? Anonymous;

    /// <summary>
    /// The path only (a query string may carry anything), cut short. Control characters are replaced for
    /// every log event by PortalLogging's guard.
    /// </summary>
    public static string SafePath(PathString path)
    {
        var text = path.HasValue ? path.Value! : "/";
        return text.Length <= MaxPathLength ? text : text[..MaxPathLength] + "…";
    }
}

