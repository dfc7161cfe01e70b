using System.Net;
using System.Xml.Linq;

namespace DoJ.Portal.IntegrationTests.Infrastructure;

/// <summary>
/// What a search engine reads: <c>/sitemap.xml</c> (a sitemap index), then every file it lists. Files are asked
/// relative to the client's base address (the index names them on the base URL, the path prefix included).
/// </summary>
public static class SitemapReader
{
    public static readonly XNamespace Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The index's file addresses and, per file, its raw text and its page addresses in order.</summary>
    public sealed record Sitemap(IReadOnlyList<string> Files, IReadOnlyDictionary<string, string> Texts, IReadOnlyDictionary<string, IReadOnlyList<string>> Locations)
    {
        /// <summary>Every page address of every file, in index order.</summary>
        public IReadOnlyList<string> All => [.. Files.SelectMany(f => Locations[f])];

        /// <summary>Every file's text, one after the other (for "shows"/"does not show" checks).</summary>
        public string Text => string.Concat(Files.Select(f => Texts[f]));
    }

    public static async Task<Sitemap> ReadAsync(HttpClient client, string baseUrl = "https://portal.example.vn")
    {
        ArgumentNullException.ThrowIfNull(client);
        var index = XDocument.Parse(await GetAsync(client, "sitemap.xml"));
        Assert.Equal(Namespace + "sitemapindex", index.Root!.Name);
        var files = index.Root.Elements(Namespace + "sitemap").Select(s => s.Element(Namespace + "loc")!.Value).ToList();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var locations = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            Assert.StartsWith(baseUrl + "/sitemap-", file, StringComparison.Ordinal);
            var text = await GetAsync(client, file[(baseUrl.Length + 1)..]);
            var document = XDocument.Parse(text);
            Assert.Equal(Namespace + "urlset", document.Root!.Name);
            texts[file] = text;
            locations[file] = [.. document.Root.Elements(Namespace + "url").Select(u => u.Element(Namespace + "loc")!.Value)];
        }

        return new Sitemap(files, texts, locations);
    }

    private static async Task<string> GetAsync(HttpClient client, string relative)
    {
        using var response = await client.GetAsync(new Uri(relative, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{relative} answered {response.StatusCode}");
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsStringAsync();
    }
}
