namespace DoJ.Portal.Web.Settings;

/// <summary>The <c>Sitemap</c> section: how the sitemap splits each kind of content into files.</summary>
public sealed class SitemapOptions
{
    public const string Section = "Sitemap";

    /// <summary>The protocol's limit of addresses in one sitemap file.</summary>
    public const int MaxIdsPerFile = 50_000;

    /// <summary>
    /// K: file n of a kind lists its public items with ids in [n·K, (n+1)·K), so a file holds at most K addresses and
    /// is one primary-key range read. 2,000 keeps a full article file near 360 KB: the output cache hands a cached file
    /// to every reader whole, so a crawler's 32 connections on 1.8 MB files (K = 10,000) held 42 MiB more memory
    /// (measured at 1,000,000 articles in <c>docs/perf-sitemap.md</c>, "Session 15"); tests set it small.
    /// </summary>
    public int IdsPerFile { get; set; } = DefaultIdsPerFile;

    /// <summary>The default K: a full article file is ~360 KB, and 1,000,000 articles make 500 files.</summary>
    public const int DefaultIdsPerFile = 2_000;
}
