namespace DoJ.Portal.Web.Settings;

/// <summary>The <c>Sitemap</c> section: how the sitemap splits each kind of content into files.</summary>
public sealed class SitemapOptions
{
    public const string Section = "Sitemap";

    /// <summary>The protocol's limit of addresses in one sitemap file.</summary>
    public const int MaxIdsPerFile = 50_000;

    /// <summary>
    /// K: file n of a kind lists its public items with ids in [n·K, (n+1)·K), so a file holds at most K addresses and
    /// is one primary-key range read. Measured at 1,000,000 articles in <c>docs/perf-sitemap.md</c>; tests set it small.
    /// </summary>
    public int IdsPerFile { get; set; } = 10_000;
}
