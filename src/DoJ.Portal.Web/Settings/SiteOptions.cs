namespace DoJ.Portal.Web.Settings;

/// <summary>The <c>Site</c> section.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The public address of the portal; absolute URLs are built from it, never from the Host header.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";
}
