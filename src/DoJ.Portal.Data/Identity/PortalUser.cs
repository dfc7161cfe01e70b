using Microsoft.AspNetCore.Identity;

namespace DoJ.Portal.Data.Identity;

/// <summary>A staff account of the admin area (there is no public registration).</summary>
public class PortalUser : IdentityUser
{
    public const int DisplayNameMaxLength = 200;

    public string DisplayName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}
