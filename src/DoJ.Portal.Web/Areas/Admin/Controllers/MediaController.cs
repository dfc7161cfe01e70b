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
public sealed class MediaController(MediaStore store) : AdminControllerBase
{
    public const int PageSize = 24;

    /// <summary>Somewhat over the 5 MB image limit, for the multipart envelope; far larger requests are cut off early.</summary>
    public const long RequestLimit = MediaStore.MaxBytes + (512 * 1024);

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? trang, CancellationToken cancellationToken) =>
        PageNumber.TryParse(trang, out var page)
            ? View(new MediaListViewModel(await store.ListAsync(page, PageSize, cancellationToken)))
            : BadRequest();

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
    public async Task<IActionResult> UploadFromEditor(IFormFile? file, CancellationToken cancellationToken)
    {
        var result = await store.UploadAsync(file, null, User, cancellationToken);
        return result.Succeeded
            // Stored in the body as written: under a path prefix the image's address carries it.
            ? Json(new
            {
                url = PathPrefix.Apply(Request.PathBase, MediaStore.Url(result.Media!.FileName)),
                thumbnail = PathPrefix.Apply(Request.PathBase, MediaStore.Url(result.Media.ThumbnailFileName!)),
            })
            : BadRequest(new { error = result.Error });
    }
}
