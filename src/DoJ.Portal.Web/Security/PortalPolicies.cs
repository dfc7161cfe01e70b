using DoJ.Portal.Domain;

namespace DoJ.Portal.Web.Security;

/// <summary>Authorization policy names, built from <see cref="PortalRoles"/>.</summary>
public static class PortalPolicies
{
    public const string Staff = "Staff";
    public const string Editors = "Editors";
    public const string Administrators = "Administrators";
}
