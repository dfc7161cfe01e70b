namespace DoJ.Portal.Web.Security;

/// <summary>The <c>RateLimits</c> section: requests a minute per client (address or signed-in user).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in, two-factor codes and password changes, per client address.</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Search pages, per client address (a person reads far fewer).</summary>
    public int SearchPerMinute { get; set; } = 60;

    /// <summary>Image uploads, per signed-in user.</summary>
    public int UploadsPerMinute { get; set; } = 30;

    /// <summary>Password resets by an administrator, per signed-in user.</summary>
    public int PasswordResetsPerMinute { get; set; } = 10;

    /// <summary>Saves of articles and static pages (create, edit, revision restore), per signed-in user: each sanitizes a body of up to 5 MB.</summary>
    public int EditorSavesPerMinute { get; set; } = 30;
}
