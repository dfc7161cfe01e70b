using System.Globalization;
using DoJ.Portal.Web.Media;
using DoJ.Portal.Web.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

namespace DoJ.Portal.Web.Controllers;

/// <summary>
/// Serves uploaded images: only names the store generates (stored image, thumbnail, WebP and JPEG variants; never
/// the kept originals), with a policy under which nothing can run. Names never change content, so the cache may
/// keep them a year; ETag and Last-Modified still answer a revalidation with 304.
/// </summary>
public sealed class MediaFileController(MediaStore store, SiteSettingsCache settings, IMemoryCache cache) : Controller
{
    /// <summary>The default <c>og:image</c> (a PNG drawn from the site's name), for pages without a lead image.</summary>
    [HttpGet(OpenGraphImage.DefaultPath)]
    public async Task<IActionResult> OpenGraphDefault()
    {
        var name = (await settings.GetAsync()).SiteName;
        var bytes = await cache.GetOrCreateAsync(("og-image", name), entry =>
        {
            entry.SetPriority(CacheItemPriority.NeverRemove);
            return Task.FromResult(OpenGraphImage.DrawDefault(name));
        });
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "public, max-age=86400";
        return File(bytes!, "image/png");
    }

    [HttpGet("/media/{year}/{month}/{file}")]
    public IActionResult Get(string year, string month, string file)
    {
        var name = $"{year}/{month}/{file}";
        if (!MediaStore.IsStoredName(name))
        {
            return NotFound();
        }

        var path = Path.Combine(store.Root, year, month, file);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; sandbox";
        var modified = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
        var tag = new EntityTagHeaderValue(string.Create(CultureInfo.InvariantCulture, $"\"{info.Length:x}-{modified.ToUnixTimeSeconds():x}\""));
        return PhysicalFile(path, ContentTypeOf(file), modified, tag);
    }

    private static string ContentTypeOf(string file) => Path.GetExtension(file) switch
    {
        ".webp" => "image/webp",
        ".png" => "image/png",
        _ => "image/jpeg",
    };
}
