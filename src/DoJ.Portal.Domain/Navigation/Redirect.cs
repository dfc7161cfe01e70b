namespace DoJ.Portal.Domain.Navigation;

/// <summary>An address of the replaced portal (path and query) answered with a 301 to its new address.</summary>
public class Redirect : IAuditable
{
    public const int FromMaxLength = 500;
    public const int ToMaxLength = 500;

    public int Id { get; set; }

    /// <summary>Normalized old path and query, e.g. <c>/?cn=28&amp;gd=12&amp;tc=5247</c>; see <see cref="Normalize"/>.</summary>
    public string FromPath { get; set; } = "";

    public string ToUrl { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// The lookup key of an old address: lower-case path without a trailing slash (but "/"),
    /// query parameters sorted by name, so <c>/?tc=5247&amp;cn=28</c> and <c>/?cn=28&amp;tc=5247</c> match.
    /// </summary>
    public static string Normalize(string pathAndQuery)
    {
        var text = Uri.UnescapeDataString(pathAndQuery.Trim());
        var q = text.IndexOf('?', StringComparison.Ordinal);
        var path = (q < 0 ? text : text[..q]).ToLowerInvariant();
        var query = q < 0 ? "" : text[(q + 1)..];
        if (!path.StartsWith('/'))
        {
            path = "/" + path;
        }

        if (path.Length > 1)
        {
            path = path.TrimEnd('/');
        }

        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.ToLowerInvariant())
            .Order(StringComparer.Ordinal)
            .ToArray();
        return pairs.Length == 0 ? path : path + "?" + string.Join('&', pairs);
    }
}
