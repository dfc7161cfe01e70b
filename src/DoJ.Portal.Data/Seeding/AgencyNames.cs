using DoJ.Portal.Domain.Settings;

namespace DoJ.Portal.Data.Seeding;

/// <summary>
/// The province or city the department serves, read from the site settings rather than written in code: agency names
/// change (tỉnh Thừa Thiên Huế became thành phố Huế in 2025), and the settings are where administrators change them.
/// </summary>
public static class AgencyNames
{
    private const string PeoplesCommittee = "Ủy ban nhân dân ";
    private const string Department = "Sở Tư pháp ";
    private const string Fallback = "tỉnh";

    /// <summary>"thành phố Huế" from "Ủy ban nhân dân thành phố Huế" (the parent agency), else from "Sở Tư pháp thành phố Huế".</summary>
    public static string Locality(SiteSettings? settings)
    {
        if (settings is null)
        {
            return Fallback;
        }

        foreach (var (name, prefix) in new[] { (settings.ParentAgency, PeoplesCommittee), (settings.SiteName, Department) })
        {
            if (name?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == true && name.Length > prefix.Length)
            {
                return name[prefix.Length..].Trim();
            }
        }

        return Fallback;
    }

    public static string Fill(string name, string locality) =>
        name.Replace("{locality}", locality, StringComparison.Ordinal);
}
