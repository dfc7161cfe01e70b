using System.Net;
using System.Text.Json;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Counting;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Admin;

public sealed class DashboardAndJobsTests
{
    [Fact]
    public async Task The_dashboard_charts_thirty_days_of_visits_with_the_same_numbers_in_a_table()
    {
        using var factory = new PortalWebApplicationFactory();
        await factory.WithDbAsync(async db =>
        {
            db.DailyStats.AddRange(
                new DailyStat { Day = new DateOnly(2026, 11, 27), Visits = 1234, PageViews = 5678 },
                new DailyStat { Day = new DateOnly(2026, 11, 20), Visits = 40, PageViews = 90 },
                new DailyStat { Day = new DateOnly(2026, 10, 1), Visits = 99999, PageViews = 99999 });
            await db.SaveChangesAsync();
        });
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);

        var page = await admin.GetAsync("/quan-tri");

        var chart = page.QuerySelector("svg.chart-visits")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        var bars = chart.QuerySelectorAll("rect.bar");
        Assert.Equal(30, bars.Length);
        Assert.Equal("2026-10-29", bars[0].GetAttribute("data-day"));
        Assert.Equal("1234", bars[^1].GetAttribute("data-visits"));
        var today = double.Parse(bars[^1].GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture);
        var weekAgo = double.Parse(bars[^8].GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(today > weekAgo * 20, $"{today} vs {weekAgo}");
        Assert.Contains("1.274 lượt truy cập", chart.QuerySelector("desc")!.TextContent);
        var rows = page.QuerySelectorAll("table.visit-table tbody tr");
        Assert.Equal(30, rows.Length);
        Assert.Equal(["27/11/2026", "1.234", "5.678"], rows[0].Children.Select(c => c.TextContent).ToArray());
        Assert.DoesNotContain("99.999", page.QuerySelector("table.visit-table")!.TextContent);
    }

    [Fact]
    public async Task A_search_reindex_runs_in_the_background_and_reports_its_progress()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);

        using var started = await admin.PostFormAsync("/quan-tri/tac-vu", "/quan-tri/tac-vu/chi-muc-tim-kiem", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var location = started.Headers.Location!.OriginalString;
        Assert.Matches("^/quan-tri/tac-vu/[0-9a-f-]{36}$", location);
        await factory.Services.GetRequiredService<BackgroundJobs>().WhenFinishedAsync(Guid.Parse(location[^36..]));

        using var status = JsonDocument.Parse(await admin.Client.GetStringAsync(new Uri(location + "/trang-thai", UriKind.Relative)));
        Assert.Equal("Succeeded", status.RootElement.GetProperty("state").GetString());
        Assert.Equal(100, status.RootElement.GetProperty("percent").GetInt32());
        var total = status.RootElement.GetProperty("total").GetInt64();
        // About 30 demo articles, 15 demo documents and the published static pages.
        Assert.InRange(total, 45, 60);
        Assert.Equal(total, status.RootElement.GetProperty("done").GetInt64());
        var page = await admin.GetAsync(location);
        Assert.Equal("100", page.QuerySelector("progress")!.GetAttribute("value"));
        Assert.Contains($"{total} mục (tin bài, văn bản, trang)", page.QuerySelector(".job-result")!.TextContent);
        Assert.Contains("Xây dựng lại chỉ mục tìm kiếm", (await admin.GetAsync("/quan-tri/tac-vu")).QuerySelector("table")!.TextContent);
        var search = await factory.CreatePlainClient().GetDocumentAsync("/tim-kiem?q=tien+an");
        Assert.NotEmpty(search.QuerySelectorAll(".search-results li, .search-result"));
    }

    [Fact]
    public async Task An_unknown_job_is_a_404_and_editors_cannot_start_jobs()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);

        using var unknown = await admin.Client.GetAsync(new Uri($"/quan-tri/tac-vu/{Guid.NewGuid()}", UriKind.Relative));
        using var notAGuid = await admin.Client.GetAsync(new Uri("/quan-tri/tac-vu/khong-phai-ma", UriKind.Relative));
        using var forbidden = await editor.Client.GetAsync(new Uri("/quan-tri/tac-vu", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAGuid.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task A_second_reindex_request_while_one_is_pending_joins_it()
    {
        using var factory = new PortalWebApplicationFactory();
        var jobs = factory.Services.GetRequiredService<BackgroundJobs>();
        var gate = new TaskCompletionSource();

        var first = jobs.Enqueue("test-kind", "Việc thử", "a", async (_, progress, _) =>
        {
            progress.SetTotal(2);
            progress.Advance();
            await gate.Task;
            return new JobOutcome("xong");
        });
        var second = jobs.Enqueue("test-kind", "Việc thử", "b", (_, _, _) => Task.FromResult(new JobOutcome("không được chạy")));
        gate.SetResult();
        await jobs.WhenFinishedAsync(first.Id);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("xong", jobs.Find(first.Id)!.Message);
    }
}
