using System.Security.Claims;
using System.Security.Cryptography;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Operations;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Caching.Memory;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>Addresses of the replaced portal answered with a 301 (administrators only): list, add, edit, delete, CSV import.</summary>
[Authorize(Policy = PortalPolicies.Administrators)]
[Route(AdminUrls.Redirects)]
public sealed class RedirectsController(RedirectEditor editor, BackgroundJobs jobs, IMemoryCache memory) : AdminControllerBase
{
    public const int PageSize = 50;

    /// <summary>Well over the 2 MB file limit, so a file somewhat too big gets the precise message rather than a bare 413.</summary>
    public const long UploadRequestLimit = 8L * 1024 * 1024;

    /// <summary>How long a preview waits for its confirmation.</summary>
    public static readonly TimeSpan PreviewLifetime = TimeSpan.FromMinutes(30);

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "tu-khoa")] string? words, [FromQuery] string? trang, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryParse(trang, out var page))
        {
            return BadRequest();
        }

        words = words is { Length: > 200 } ? words[..200] : words;
        return View(new RedirectListViewModel(await editor.ListAsync(words, page, PageSize, cancellationToken), words));
    }

    [HttpGet(AdminUrls.Routes.New)]
    public IActionResult Create() => View("Edit", new RedirectFormViewModel(null, new RedirectEditModel()));

    [HttpPost(AdminUrls.Routes.New)]
    public Task<IActionResult> Create(RedirectEditModel model, CancellationToken cancellationToken) =>
        SaveAsync(() => editor.CreateAsync(model, User, cancellationToken), _ => AdminUrls.Redirects, "Đã thêm chuyển hướng.", () => FormAsync(null, model));

    [HttpGet(AdminUrls.Routes.Edit)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await ShowAsync(await editor.LoadAsync(id, cancellationToken), form => FormAsync(id, form));

    [HttpPost(AdminUrls.Routes.Edit)]
    public Task<IActionResult> Edit(int id, RedirectEditModel model, CancellationToken cancellationToken) =>
        SaveAsync(() => editor.UpdateAsync(id, model, User, cancellationToken), _ => AdminUrls.Redirects, "Đã lưu chuyển hướng.", () => FormAsync(id, model));

    [HttpPost(AdminUrls.Routes.Delete)]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.DeleteAsync(id, User, cancellationToken), AdminUrls.Redirects, "Đã xóa chuyển hướng.");

    [HttpGet(AdminUrls.Segments.Import)]
    public IActionResult Import() => View(new RedirectImportViewModel(null));

    /// <summary>Step 1: reads and checks the file, changes nothing, and keeps the rows for this administrator's confirmation.</summary>
    [HttpPost(AdminUrls.Segments.Import)]
    [EnableRateLimiting(RateLimitPolicies.Upload)]
    [RequestSizeLimit(UploadRequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadRequestLimit)]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return View(new RedirectImportViewModel("Vui lòng chọn một tệp CSV có nội dung."));
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var parsed = RedirectCsv.Parse(buffer.ToArray());
        if (parsed.Error is { } error)
        {
            return View(new RedirectImportViewModel(error));
        }

        var name = FileNameOf(file);
        var plan = await editor.PlanAsync(parsed, cancellationToken: cancellationToken);
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        memory.Set(PreviewKey(), new PendingImport(token, name, parsed), PreviewLifetime);
        return View("ImportPreview", new RedirectImportPreviewViewModel(
            token, name, parsed.Rows.Count + parsed.Rejected.Count, plan.Accepted.Count, plan.Accepted.Take(20).ToList(), plan.Rejected));
    }

    /// <summary>Step 2: runs the import in the background (checked again against the table as it is then) and shows its progress.</summary>
    [HttpPost(AdminUrls.Segments.Import + "/" + AdminUrls.Segments.Confirm)]
    public IActionResult ConfirmImport([FromForm(Name = "ma")] string? token)
    {
        if (!memory.TryGetValue(PreviewKey(), out PendingImport? pending) || pending is null || token is null
            || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(token), System.Text.Encoding.ASCII.GetBytes(pending.Token)))
        {
            Flash("Bản xem trước đã hết hạn hoặc đã được dùng. Vui lòng tải tệp lên lại.");
            return LocalRedirect(AdminUrls.RedirectImport);
        }

        // The runner returns the running job of the same kind instead of queueing a second one: never let this file be dropped silently.
        if (jobs.Recent().FirstOrDefault(j => j.Kind == RedirectEditor.ImportJobKind && !j.IsFinished) is { } running)
        {
            Flash($"Đang có một lần nhập chuyển hướng khác chạy ({running.Title}). Vui lòng đợi nó hoàn tất rồi tải tệp lên lại.");
            return LocalRedirect(AdminUrls.RedirectImport);
        }

        memory.Remove(PreviewKey());
        var user = User;
        var job = jobs.Enqueue(RedirectEditor.ImportJobKind, $"Nhập chuyển hướng từ tệp “{pending.FileName}”", user.Identity?.Name ?? "",
            (services, progress, cancellationToken) => services.GetRequiredService<RedirectEditor>().ImportAsync(pending.File, pending.FileName, user, progress, cancellationToken));
        return LocalRedirect(AdminUrls.Job(job.Id));
    }

    private Task<IActionResult> FormAsync(int? id, RedirectEditModel model) =>
        Task.FromResult<IActionResult>(View("Edit", new RedirectFormViewModel(id, model)));

    /// <summary>One pending preview per administrator: a new upload replaces the last, so memory stays bounded.</summary>
    private string PreviewKey() => "redirect-import:" + (User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");

    private static string FileNameOf(IFormFile file)
    {
        var name = new string(Path.GetFileName(file.FileName).Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? "tệp CSV" : name.Length > 100 ? name[..100] : name;
    }

    private sealed record PendingImport(string Token, string FileName, CsvRedirectFile File);
}
