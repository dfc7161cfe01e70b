using System.Security.Claims;
using System.Security.Cryptography;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Operations;
using DoJ.Portal.Web.Security;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Caching.Memory;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>Addresses of the replaced portal answered with a 301 (administrators only): list, add, edit, delete, CSV import.</summary>
[Authorize(Policy = PortalPolicies.Administrators)]
[Route("quan-tri/chuyen-huong")]
public sealed class RedirectsController(RedirectEditor editor, BackgroundJobs jobs, IMemoryCache memory) : AdminControllerBase
{
    public const int PageSize = 50;

    /// <summary>Well over the 2 MB file limit, so a file somewhat too big gets the precise message rather than a bare 413.</summary>
    public const long UploadRequestLimit = 8L * 1024 * 1024;

    /// <summary>How long a preview waits for its confirmation.</summary>
    public static readonly TimeSpan PreviewLifetime = TimeSpan.FromMinutes(30);

    private const string ListPath = "/quan-tri/chuyen-huong";
    private const string ImportPath = ListPath + "/nhap";

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

    [HttpGet("tao")]
    public IActionResult Create() => View("Edit", new RedirectFormViewModel(null, new RedirectEditModel()));

    [HttpPost("tao")]
    public async Task<IActionResult> Create(RedirectEditModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var result = ModelState.IsValid ? await editor.CreateAsync(model.FromPath, model.ToUrl, User, cancellationToken) : null;
        return Saved(result, null, model);
    }

    [HttpGet("{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await editor.FindAsync(id, cancellationToken) is { } redirect
            ? View(new RedirectFormViewModel(id, new RedirectEditModel { FromPath = redirect.FromPath, ToUrl = redirect.ToUrl }))
            : NotFound();

    [HttpPost("{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, RedirectEditModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var result = ModelState.IsValid ? await editor.UpdateAsync(id, model.FromPath, model.ToUrl, User, cancellationToken) : null;
        return Saved(result, id, model);
    }

    [HttpPost("{id:int}/xoa")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var redirect = await editor.DeleteAsync(id, User, cancellationToken);
        if (redirect is null)
        {
            return NotFound();
        }

        Flash($"Đã xóa chuyển hướng “{redirect.FromPath}”.");
        return LocalRedirect(ListPath);
    }

    [HttpGet("nhap")]
    public IActionResult Import() => View(new RedirectImportViewModel(null));

    /// <summary>Step 1: reads and checks the file, changes nothing, and keeps the rows for this administrator's confirmation.</summary>
    [HttpPost("nhap")]
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
    [HttpPost("nhap/xac-nhan")]
    public IActionResult ConfirmImport([FromForm(Name = "ma")] string? token)
    {
        if (!memory.TryGetValue(PreviewKey(), out PendingImport? pending) || pending is null || token is null
            || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(token), System.Text.Encoding.ASCII.GetBytes(pending.Token)))
        {
            Flash("Bản xem trước đã hết hạn hoặc đã được dùng. Vui lòng tải tệp lên lại.");
            return LocalRedirect(ImportPath);
        }

        // The runner returns the running job of the same kind instead of queueing a second one: never let this file be dropped silently.
        if (jobs.Recent().FirstOrDefault(j => j.Kind == RedirectEditor.ImportJobKind && !j.IsFinished) is { } running)
        {
            Flash($"Đang có một lần nhập chuyển hướng khác chạy ({running.Title}). Vui lòng đợi nó hoàn tất rồi tải tệp lên lại.");
            return LocalRedirect(ImportPath);
        }

        memory.Remove(PreviewKey());
        var user = User;
        var job = jobs.Enqueue(RedirectEditor.ImportJobKind, $"Nhập chuyển hướng từ tệp “{pending.FileName}”", user.Identity?.Name ?? "",
            (services, progress, cancellationToken) => services.GetRequiredService<RedirectEditor>().ImportAsync(pending.File, pending.FileName, user, progress, cancellationToken));
        return LocalRedirect($"/quan-tri/tac-vu/{job.Id}");
    }

    private IActionResult Saved(EditResult? result, int? id, RedirectEditModel model)
    {
        switch (result?.Outcome)
        {
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Saved:
                Flash(id is null ? "Đã thêm chuyển hướng." : "Đã lưu chuyển hướng.");
                return LocalRedirect(ListPath);
            default:
                ShowError(result);
                break;
        }

        return View("Edit", new RedirectFormViewModel(id, model));
    }

    /// <summary>One pending preview per administrator: a new upload replaces the last, so memory stays bounded.</summary>
    private string PreviewKey() => "redirect-import:" + (User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");

    private static string FileNameOf(IFormFile file)
    {
        var name = new string(Path.GetFileName(file.FileName).Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? "tệp CSV" : name.Length > 100 ? name[..100] : name;
    }

    private sealed record PendingImport(string Token, string FileName, CsvRedirectFile File);
}
