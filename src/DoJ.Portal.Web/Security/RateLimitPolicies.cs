namespace DoJ.Portal.Web.Security;

/// <summary>Named rate-limit policies, applied with <c>[EnableRateLimiting]</c>.</summary>
public static class RateLimitPolicies
{
    public const string SignIn = "sign-in";
    public const string Search = "search";
    public const string Upload = "upload";
    public const string PasswordReset = "password-reset";
    public const string EditorSave = "editor-save";
}
