using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Media;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Operations;
using DoJ.Portal.Web.Security;
using DoJ.Portal.Search;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>Background work (search reindex, redirect import, reading files' text) and its progress (Administrators).</summary>
[Route(AdminUrls.Jobs)]
[Authorize(Policy = PortalPolicies.Administrators)]
public sealed class JobsController(BackgroundJobs jobs, FileTextRepository fileTexts, ImageConversion images) : AdminControllerBase
{
    public const string ReindexKind = "search-reindex";
    public const string FileTextKind = "file-text-requeue";
    public const string ImageVariantsKind = "image-variants";
    public const string RetentionKind = Privacy.PersonalDataRetention.JobName;

    /// <summary>How many of the latest unreadable files the screen lists.</summary>
    private const int LastErrors = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new JobsViewModel(jobs.Recent(), await fileTexts.StatusAsync(LastErrors, cancellationToken), await images.CountWaitingAsync(cancellationToken)));

    /// <summary>Makes the responsive variants of every image still waiting for them (uploaded before they existed).</summary>
    [HttpPost(AdminUrls.Segments.ImageVariants)]
    public IActionResult ConvertImages()
    {
        var job = jobs.Enqueue(ImageVariantsKind, "Tạo các cỡ ảnh cho ảnh đã tải lên", User.Identity?.Name ?? "", static async (services, progress, cancellationToken) =>
        {
            var count = await services.GetRequiredService<ImageConversion>().ConvertWaitingAsync(progress, cancellationToken);
            return new JobOutcome($"Đã tạo các cỡ ảnh (WebP, JPEG) cho {Domain.Text.VietnameseNumber.Format(count)} ảnh.");
        });
        return Redirect(AdminUrls.Job(job.Id));
    }

    /// <summary>Puts the files that could not be read back in the queue (after fixing a bound, or a new version of the reader).</summary>
    [HttpPost(AdminUrls.Segments.FileTextRetry)]
    public IActionResult RetryUnreadable() => Requeue(all: false, "Đọc lại các tệp chưa đọc được nội dung");

    /// <summary>Reads the text of every PDF and DOCX file again.</summary>
    [HttpPost(AdminUrls.Segments.FileTextReread)]
    public IActionResult RereadAll() => Requeue(all: true, "Đọc lại nội dung mọi tệp PDF, DOCX");

    private RedirectResult Requeue(bool all, string title)
    {
        var job = jobs.Enqueue(FileTextKind, title, User.Identity?.Name ?? "", async (services, progress, cancellationToken) =>
        {
            var count = await services.GetRequiredService<FileTextRepository>().RequeueAsync(all, cancellationToken);
            progress.SetTotal(count);
            progress.Report(count);
            return new JobOutcome($"Đã đưa {Domain.Text.VietnameseNumber.Format(count)} tệp vào hàng chờ đọc nội dung; tiến độ xem ở mục “Nội dung tệp đính kèm” của trang Tác vụ nền.");
        });
        return Redirect(AdminUrls.Job(job.Id));
    }

    /// <summary>Runs the personal-data retention now (it also runs daily by itself; the job's lease keeps it to one instance).</summary>
    [HttpPost("du-lieu-ca-nhan")]
    public IActionResult RunRetention()
    {
        var user = User;
        var job = jobs.Enqueue(RetentionKind, "Xóa dữ liệu cá nhân hết thời hạn lưu giữ", User.Identity?.Name ?? "", async (services, progress, cancellationToken) =>
        {
            var counts = await services.GetRequiredService<Privacy.PersonalDataRetention>().RunNowAsync(user, cancellationToken);
            return new JobOutcome(counts?.Describe() ?? "Một máy chủ khác đang chạy tác vụ này; hãy xem kết quả sau ít phút.");
        });
        return Redirect(AdminUrls.Job(job.Id));
    }

    [HttpPost(AdminUrls.Segments.Reindex)]
    public IActionResult Reindex()
    {
        var job = jobs.Enqueue(ReindexKind, "Xây dựng lại chỉ mục tìm kiếm", User.Identity?.Name ?? "", static async (services, progress, cancellationToken) =>
        {
            var content = services.GetRequiredService<SearchContentRepository>();
            progress.SetTotal(await content.CountIndexableAsync(cancellationToken));
            var count = await services.GetRequiredService<SearchIndex>()
                .RebuildAsync(content, new Progress(progress), cancellationToken);
            return new JobOutcome($"Đã xây dựng lại chỉ mục tìm kiếm: {Domain.Text.VietnameseNumber.Format(count)} mục (tin bài, văn bản, trang).");
        });
        return Redirect(AdminUrls.Job(job.Id));
    }

    [HttpGet("{id:guid}")]
    public IActionResult Details(Guid id) => jobs.Find(id) is { } job ? View(job) : NotFound();

    /// <summary>The progress bar's data, polled by admin.js while the job runs.</summary>
    [HttpGet("{id:guid}/" + AdminUrls.Segments.Status)]
    public IActionResult Status(Guid id) => jobs.Find(id) is { } job
        ? Json(new
        {
            state = job.State.ToString(),
            finished = job.IsFinished,
            percent = job.Percent,
            done = job.Done,
            total = job.Total,
            label = Label(job),
            message = job.Message,
            details = job.Details,
        })
        : NotFound();

    public static string Label(JobSnapshot job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.State switch
        {
            JobState.Queued => "Đang chờ đến lượt",
            JobState.Running when job.Total > 0 => $"Đang chạy: {Domain.Text.VietnameseNumber.Format(job.Done)} / {Domain.Text.VietnameseNumber.Format(job.Total)} ({job.Percent}%)",
            JobState.Running => $"Đang chạy: {Domain.Text.VietnameseNumber.Format(job.Done)}",
            JobState.Succeeded => "Hoàn thành",
            _ => "Thất bại",
        };
    }

    /// <summary>Adapts the index's "entries done" reports to the job's counters.</summary>
    private sealed class Progress(JobProgress progress) : IProgress<int>
    {
        public void Report(int value) => progress.Report(value);
    }
}
