using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Operations;
using DoJ.Portal.Web.Security;
using DoJ.Portal.Search;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>Background work (search reindex, redirect import) and its progress (Administrators).</summary>
[Route(AdminUrls.Jobs)]
[Authorize(Policy = PortalPolicies.Administrators)]
public sealed class JobsController(BackgroundJobs jobs) : AdminControllerBase
{
    public const string ReindexKind = "search-reindex";

    [HttpGet("")]
    public IActionResult Index() => View(jobs.Recent());

    [HttpPost(AdminUrls.Segments.Reindex)]
    public IActionResult Reindex()
    {
        var job = jobs.Enqueue(ReindexKind, "Xây dựng lại chỉ mục tìm kiếm", User.Identity?.Name ?? "", static async (services, progress, cancellationToken) =>
        {
            var articles = services.GetRequiredService<ArticleRepository>();
            progress.SetTotal(await articles.CountIndexableAsync(cancellationToken));
            var count = await services.GetRequiredService<SearchIndex>()
                .RebuildAsync(articles, new Progress(progress), cancellationToken);
            return new JobOutcome($"Đã xây dựng lại chỉ mục tìm kiếm: {Domain.Text.VietnameseNumber.Format(count)} bài viết.");
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

    /// <summary>Adapts the index's "articles done" reports to the job's counters.</summary>
    private sealed class Progress(JobProgress progress) : IProgress<int>
    {
        public void Report(int value) => progress.Report(value);
    }
}
