using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Web.Files;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace DoJ.Portal.Web.Controllers;

/// <summary>
/// Document downloads at <c>/tai-lieu/{id}/{name}</c> (the id decides, the name is for people): a file listed by public
/// content, or any file for signed-in staff; everything else, a missing file on disk included, is the 404 page.
/// Served as an attachment under its original name, with its kind's type, no sniffing and a sandbox policy; a PDF asked
/// for with <c>?xem=1</c> is served inline for the document page's preview frame.
/// </summary>
public sealed class FileDownloadController(AttachmentRepository files, FileStore store, IAuthorizationService authorization) : Controller
{
    [HttpGet(SiteUrls.Files + "/{id:int}/{name?}")]
    public async Task<IActionResult> Get(int id, CancellationToken cancellationToken)
    {
        var file = id > 0 ? await files.FindDownloadAsync(id, cancellationToken) : null;
        if (file is null || (!file.IsPublic && !(await authorization.AuthorizeAsync(User, PortalPolicies.Staff)).Succeeded))
        {
            return NotFound();
        }

        var path = store.PathOf(file.FileName);
        if (path is null || !System.IO.File.Exists(path))
        {
            return NotFound();
        }

        // A PDF may be shown inline in the document page's preview frame; anything else is always a download, under
        // the download's headers (the preview's are chosen before the file is known).
        var inline = DownloadHeaders.IsPreview(Request);
        if (inline && file.Kind != FileKind.Pdf)
        {
            return Redirect(SiteUrls.File(file.Id, file.OriginalName));
        }

        Response.Headers.ContentDisposition = inline ? DownloadHeaders.InlineDisposition(file.OriginalName) : DownloadHeaders.ContentDisposition(file.OriginalName);
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.ContentSecurityPolicy = inline ? DownloadHeaders.PreviewContentSecurityPolicy : DownloadHeaders.ContentSecurityPolicy;
        // Public files are checked again on every use (an unpublished article's files must stop being served at once);
        // files only staff may see are never kept by any cache.
        Response.Headers.CacheControl = file.IsPublic ? "public, no-cache" : "private, no-store";
        return PhysicalFile(path, file.Kind.ContentType(), new DateTimeOffset(file.UploadedAtUtc, TimeSpan.Zero),
            new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }
}
