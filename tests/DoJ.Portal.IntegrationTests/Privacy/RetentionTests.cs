using System.Net;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.IntegrationTests.Documents;
using DoJ.Portal.Web.Operations;
using DoJ.Portal.Web.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Privacy;

/// <summary>The personal-data retention job on the fake clock: what is erased when, once across two hosts, and its screen.</summary>
public sealed class RetentionTests
{
    private static PortalWebApplicationFactory Factory() => new PortalWebApplicationFactory()
        .With("Mail:BackgroundSending", "false")
        .With("Privacy:BackgroundRetention", "false");

    private static async Task<RetentionCounts?> RunIfDueAsync(PortalWebApplicationFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PersonalDataRetention>().RunIfDueAsync();
    }

    private static Task<Question> QuestionAsync(PortalWebApplicationFactory factory, int id) =>
        factory.WithDbAsync(db => db.Questions.AsNoTracking().SingleAsync(q => q.Id == id));

    private static Task<DocumentComment> CommentAsync(PortalWebApplicationFactory factory, int id) =>
        factory.WithDbAsync(db => db.DocumentComments.AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task Contact_details_are_erased_twelve_months_after_the_answer_and_sent_mail_after_thirty_days()
    {
        using var factory = Factory();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var terms = await factory.AddTermsAsync();
        var kept = await factory.AddQuestionAsync(terms.Field.Id, QuestionStatus.Published, now.AddMonths(-11), "giu.lai@example.vn", "0912345678");
        var erased = await factory.AddQuestionAsync(terms.Field.Id, QuestionStatus.Published, now.AddMonths(-13), "xoa.di@example.vn", "0912345679");
        var declined = await factory.AddQuestionAsync(terms.Field.Id, QuestionStatus.Declined, now.AddMonths(-13), "tu.choi@example.vn");
        var merged = await factory.AddQuestionAsync(terms.Field.Id, QuestionStatus.Merged, now.AddMonths(-11), "gop@example.vn");
        var waiting = await factory.AddQuestionAsync(terms.Field.Id, QuestionStatus.Received, now.AddMonths(-24), "cho.xu.ly@example.vn");
        var today = DoJ.Portal.Domain.Time.VietnamTime.DayOf(now);
        var closedLongAgo = await factory.AddDraftAsync(terms, today.AddMonths(-14), today.AddMonths(-13));
        var closedRecently = await factory.AddDraftAsync(terms, today.AddMonths(-12), today.AddMonths(-11));
        var noPeriod = await factory.AddDraftAsync(terms, null, null);
        var oldComment = await factory.AddCommentAsync(closedLongAgo.Id, now.AddMonths(-13).AddDays(-5), "gop.y.cu@example.vn");
        // Received long ago, but the period closed only 11 months ago: kept.
        var recentComment = await factory.AddCommentAsync(closedRecently.Id, now.AddMonths(-12), "gop.y.moi@example.vn");
        var oldNoPeriod = await factory.AddCommentAsync(noPeriod.Id, now.AddMonths(-13), null, "0987654321");
        var newNoPeriod = await factory.AddCommentAsync(noPeriod.Id, now.AddMonths(-11), null, "0987654322");
        var sentOld = await factory.AddMailAsync("a@example.vn", now.AddDays(-32), sentAtUtc: now.AddDays(-31));
        var sentRecent = await factory.AddMailAsync("b@example.vn", now.AddDays(-30), sentAtUtc: now.AddDays(-29));
        var gaveUpOld = await factory.AddMailAsync("c@example.vn", now.AddDays(-32), gaveUpAtUtc: now.AddDays(-31));
        var waitingOld = await factory.AddMailAsync("d@example.vn", now.AddDays(-31));

        var counts = await RunIfDueAsync(factory);

        Assert.NotNull(counts);
        Assert.Equal("giu.lai@example.vn", (await QuestionAsync(factory, kept.Id)).AskerEmail);
        var gone = await QuestionAsync(factory, erased.Id);
        Assert.Null(gone.AskerEmail);
        Assert.Null(gone.AskerPhone);
        Assert.Null(gone.AskerName);
        Assert.Equal(now, gone.PersonalDataErasedAtUtc);
        Assert.Equal("N.V.A.", gone.PublicAskerName);
        Assert.Equal(QuestionStatus.Published, gone.Status);
        Assert.Null((await QuestionAsync(factory, declined.Id)).AskerEmail);
        Assert.Equal("gop@example.vn", (await QuestionAsync(factory, merged.Id)).AskerEmail);
        Assert.Equal("cho.xu.ly@example.vn", (await QuestionAsync(factory, waiting.Id)).AskerEmail);
        Assert.Null((await CommentAsync(factory, oldComment.Id)).CommenterEmail);
        Assert.Null((await CommentAsync(factory, oldComment.Id)).CommenterName);
        Assert.Equal("gop.y.moi@example.vn", (await CommentAsync(factory, recentComment.Id)).CommenterEmail);
        Assert.Null((await CommentAsync(factory, oldNoPeriod.Id)).CommenterPhone);
        Assert.Equal("0987654322", (await CommentAsync(factory, newNoPeriod.Id)).CommenterPhone);
        var mails = await factory.WithDbAsync(db => db.OutgoingMails.Select(m => m.Id).ToListAsync());
        Assert.DoesNotContain(sentOld.Id, mails);
        Assert.DoesNotContain(gaveUpOld.Id, mails);
        Assert.Contains(sentRecent.Id, mails);
        Assert.Contains(waitingOld.Id, mails);
        // Counts include demo records the retention also reached; ours are among them.
        Assert.True(counts.Questions >= 2 && counts.Comments >= 2 && counts.Mails >= 2, counts.Describe());

        // Daily: a second look on the same day does nothing; the next day it runs again.
        Assert.Null(await RunIfDueAsync(factory));
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.NotNull(await RunIfDueAsync(factory));
        Assert.Equal("gop@example.vn", (await QuestionAsync(factory, merged.Id)).AskerEmail);
    }

    [Fact]
    public async Task Two_hosts_on_one_database_running_the_job_at_the_same_moment_run_it_once()
    {
        var shared = Path.Combine(Path.GetTempPath(), "doj-portal-tests", "retention-" + Guid.NewGuid().ToString("N"));
        PortalWebApplicationFactory Host(string name)
        {
            var host = Factory().With("Storage:DataPath", shared).With("Search:IndexPath", Path.Combine(shared, "index-" + name));
            _ = host.Server;
            return host;
        }

        using var a = Host("a");
        using var b = Host("b");
        var now = a.Clock.GetUtcNow().UtcDateTime;
        var terms = await a.AddTermsAsync();
        var question = await a.AddQuestionAsync(terms.Field.Id, QuestionStatus.Published, now.AddMonths(-13), "hai.may@example.vn");

        var results = await Task.WhenAll(Task.Run(() => RunIfDueAsync(a)), Task.Run(() => RunIfDueAsync(b)), Task.Run(() => RunIfDueAsync(a)), Task.Run(() => RunIfDueAsync(b)));

        Assert.Single(results, r => r is not null);
        Assert.Equal(1, await b.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == PersonalDataRetention.AuditAction && e.AtUtc == now)));
        Assert.Null((await QuestionAsync(b, question.Id)).AskerEmail);
        var lease = await a.WithDbAsync(db => db.JobLeases.AsNoTracking().SingleAsync(j => j.Name == PersonalDataRetention.JobName));
        Assert.Equal(now, lease.LastRunAtUtc);
        Assert.Null(lease.LeasedUntilUtc);
    }

    [Fact]
    public async Task A_held_lease_keeps_other_hosts_out_until_it_expires()
    {
        using var factory = Factory();
        await using var scope = factory.Services.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        await using var other = factory.Services.CreateAsyncScope();
        var otherLeases = other.ServiceProvider.GetRequiredService<JobLeases>();

        var ticket = await leases.TryTakeAsync("test-job", TimeSpan.FromMinutes(10), every: null);

        Assert.NotNull(ticket);
        Assert.Null(await otherLeases.TryTakeAsync("test-job", TimeSpan.FromMinutes(10), every: null));
        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        var taken = await otherLeases.TryTakeAsync("test-job", TimeSpan.FromMinutes(10), every: null);
        Assert.NotNull(taken);
        // The first holder's lease was taken over: its completion is refused and records nothing.
        Assert.False(await leases.CompleteAsync(ticket, "trễ"));
        Assert.True(await otherLeases.CompleteAsync(taken, "xong"));
        Assert.Equal("xong", (await leases.FindAsync("test-job"))!.LastOutcome);
    }

    [Fact]
    public async Task The_jobs_screen_shows_the_last_run_and_runs_it_now_for_administrators_only()
    {
        using var factory = Factory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var before = await admin.GetAsync("/quan-tri/tac-vu");
        Assert.Equal("Chưa chạy lần nào", before.QuerySelector("[data-retention=last-run]")!.TextContent);

        using var started = await admin.PostFormAsync("/quan-tri/tac-vu", "/quan-tri/tac-vu/du-lieu-ca-nhan", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var location = started.Headers.Location!.OriginalString;
        await factory.Services.GetRequiredService<BackgroundJobs>().WhenFinishedAsync(Guid.Parse(location[^36..]));

        var job = await admin.GetAsync(location);
        Assert.Contains("Đã xóa thông tin liên hệ của", job.QuerySelector(".job-result")!.TextContent, StringComparison.Ordinal);
        var after = await admin.GetAsync("/quan-tri/tac-vu");
        Assert.Equal("10:00 27/11/2026", after.QuerySelector("[data-retention=last-run]")!.TextContent);
        Assert.Contains("câu hỏi", after.QuerySelector("[data-retention=outcome]")!.TextContent, StringComparison.Ordinal);
        var entry = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == PersonalDataRetention.AuditAction));
        Assert.DoesNotContain("@", entry.Summary + entry.Changes, StringComparison.Ordinal);
        Assert.NotEqual("hệ thống", entry.UserName);

        using var refused = await editor.Client.PostAsync(new Uri("/quan-tri/tac-vu/du-lieu-ca-nhan", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, refused.StatusCode.ToString());
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == PersonalDataRetention.AuditAction)));
    }
}
