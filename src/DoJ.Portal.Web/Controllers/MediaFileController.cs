
using DoJ.Portal.Web.Media;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Controllers;

/// <summary>Serves uploaded images: only names the store generates, with a policy under which nothing can run.</summary>
public sealed class MediaFileController(MediaStore store) : Controller
{
    [HttpGet("/media/{year}/{month}/{file}")]
    public IActionResult Get(string year, string month, string file)
    {
        var name = $"{year}/{month}/{file}";
        if (!MediaStore.IsStoredName(name))
        {
            return NotFound();
        }

        var path = Path.Combine(store.Root, year, month, file);
        if (!System.IO.File.Exists(path))
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; sandbox";
        return PhysicalFile(path, file.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg");
    }
}
