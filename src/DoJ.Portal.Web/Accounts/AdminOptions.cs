namespace DoJ.Portal.Web.Accounts;

/// <summary>The <c>Admin</c> configuration section (environment <c>Admin__Email</c>, user secrets…).</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";
    public string? Email { get; set; }
    public string? Password { get; set; }

    /// <summary>The first administrator's name, shown as the default byline; <see cref="AdminBootstrapper.DefaultDisplayName"/> when unset.</summary>
    public string? DisplayName { get; set; }
}
