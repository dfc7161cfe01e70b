using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Media;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>The image library: upload (form or editor) and a list to pick from.</summary>
[Route(AdminUrls.Media)]
[Authorize(Policy = PortalPolicies.Staff)]
public sealed class MediaController(MediaStore store, MediaLibrary library) : AdminControllerBase
{
    public const int PageSize = 24;

    /// <summary>A page of the picker dialog.</summary>
    public const int PickerPageSize = 12;

    /// <summary>Somewhat over the 5 MB image limit, for the multipart envelope; far larger requests are cut off early.</summary>
    public const long RequestLimit = MediaStore.MaxBytes + (512 * 1024);

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? trang, CancellationToken cancellationToken) =>
        PageNumber.TryParse(trang, out var page)
            ? View(new MediaListViewModel(await store.ListAsync(page, PageSize, cancellationToken)))
            : BadRequest();

    /// <summary>
    /// The library as JSON for the pickers (the article's lead image, the editor's image button): newest first, searched by
    /// file name or alt text, one page. Addresses carry the path prefix, as the editor shows them.
    /// </summary>
    [HttpGet(AdminUrls.Segments.Library)]
    public async Task<IActionResult> Library([FromQuery(Name = "q")] string? words, [FromQuery] string? trang, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryParse(trang, out var page))
        {
            return BadRequest(new { error = "Số trang không hợp lệ." });
        }

        var found = await library.SearchAsync(words, page, PickerPageSize, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return Json(new
        {
            page = found.PageNumber,
            pages = found.PageCount,
            total = found.TotalCount,
            items = found.Items.Select(Prefixed),
        });
    }

    [EnableRateLimiting(RateLimitPolicies.Upload)]
    [HttpPost("")]
    [RequestSizeLimit(RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> Upload(IFormFile? file, [FromForm(Name = "mo-ta")] string? altText, CancellationToken cancellationToken)
    {
        var result = await store.UploadAsync(file, altText, User, cancellationToken);
        Flash(result.Succeeded ? $"Đã tải lên ảnh “{result.Media!.OriginalName}”." : result.Error!);
        return LocalRedirect(AdminUrls.Media);
    }

    /// <summary>For the editor's image button: JSON with the new image's address, or the reason it was refused.</summary>
    [EnableRateLimiting(RateLimitPolicies.Upload)]
    [HttpPost(AdminUrls.Segments.Upload)]
    [RequestSizeLimit(RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> UploadFromEditor(IFormFile? file, [FromForm(Name = "mo-ta")] string? altText, CancellationToken cancellationToken)
    {
        var result = await store.UploadAsync(file, altText, User, cancellationToken);
        return result.Succeeded
            // Stored in the body as written: under a path prefix the image's address carries it.
            ? Json(Prefixed(MediaChoice.Of(result.Media!)))
            : BadRequest(new { error = result.Error });
    }

    /// <summary>An image for the dialog; <c>url</c> and <c>thumbnail</c> stay for callers of the first editor.</summary>
    private object Prefixed(MediaChoice m)
    {
        string P(string url) => PathPrefix.Apply(Request.PathBase, url);
        return new
        {
            id = m.Id,
            name = m.Name,
            alt = m.Alt,
            width = m.Width,
            height = m.Height,
            url = P(m.Url),
            thumbnail = P(m.Thumbnail),
            src = P(m.Src),
            srcset = string.Join(", ", m.SrcSet.Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(P)),
            sizes = MediaChoice.BodySizes,
        };
    }
}
