using System.Globalization;
using System.Security.Claims;
using DoJ.Portal.Data;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Privacy;

/// <summary>What one retention run did: the counts, never whose data.</summary>
public sealed record RetentionCounts(int Questions, int Comments, int Mails)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"Đã xóa thông tin liên hệ của {VietnameseNumber.Format(Questions)} câu hỏi, {VietnameseNumber.Format(Comments)} ý kiến góp ý và {VietnameseNumber.Format(Mails)} thư đã gửi hoặc đã bỏ.");
}

/// <summary>
/// The personal-data retention job (Luật 91/2025, Nghị định 13/2023: data kept no longer than its purpose needs).
/// It erases the contact details of questions answered, declined or merged more than <see cref="PrivacyOptions.RetentionMonths"/>
/// ago, of comments on drafts whose comment period closed that long ago (or received that long ago when the
/// document has no period), and deletes sent or given-up mail older than <see cref="PrivacyOptions.MailRetentionDays"/>.
/// A run takes the job's lease first (<see cref="JobLeases"/>), so across several instances it runs once.
/// </summary>
public sealed class PersonalDataRetention(PortalDbContext db, JobLeases leases, OutgoingMailRepository mail, AuditLog audit,
    IOptions<PrivacyOptions> options)
{
    public const string JobName = "personal-data-retention";
    public const string AuditType = "PersonalDataRetention";
    public const string AuditAction = "retention-run";

    /// <summary>The daily schedule: a run is due when the last one is at least this old.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>Longer than any run; a host that dies mid-run frees the job after this.</summary>
    public static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(30);

    private const int Batch = 200;

    /// <summary>Runs when the daily run is due and no other instance is running it; null when it did not run here.</summary>
    public Task<RetentionCounts?> RunIfDueAsync(CancellationToken cancellationToken = default) =>
        RunAsync(new ClaimsPrincipal(new ClaimsIdentity()), Interval, cancellationToken);

    /// <summary>Runs now (an administrator's "Chạy ngay"), unless another instance is running it; null then.</summary>
    public Task<RetentionCounts?> RunNowAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        RunAsync(user, null, cancellationToken);

    private async Task<RetentionCounts?> RunAsync(ClaimsPrincipal user, TimeSpan? every, CancellationToken cancellationToken)
    {
        var ticket = await leases.TryTakeAsync(JobName, LeaseLength, every, cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        RetentionCounts counts;
        try
        {
            counts = await EraseExpiredAsync(ticket.StartedAtUtc, cancellationToken);
            db.ChangeTracker.Clear();
            audit.Record(user, AuditAction, AuditType, JobName, counts.Describe(), new Dictionary<string, (object?, object?)>
            {
                ["Questions"] = (null, counts.Questions),
                ["Comments"] = (null, counts.Comments),
                ["Mails"] = (null, counts.Mails),
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await leases.AbandonAsync(ticket, CancellationToken.None);
            throw;
        }

        await leases.CompleteAsync(ticket, counts.Describe(), CancellationToken.None);
        return counts;
    }

    private async Task<RetentionCounts> EraseExpiredAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var months = Math.Max(1, options.Value.RetentionMonths);
        var cutoff = nowUtc.AddMonths(-months);
        var cutoffDay = VietnamTime.DayOf(cutoff);
        var questions = await EraseInBatchesAsync(
            db.Questions.Where(q => q.PersonalDataErasedAtUtc == null
                && ((q.Status == QuestionStatus.Published && q.PublishedAtUtc != null && q.PublishedAtUtc <= cutoff)
                    || ((q.Status == QuestionStatus.Declined || q.Status == QuestionStatus.Merged) && q.UpdatedAtUtc <= cutoff)))
                .OrderBy(q => q.Id),
            q => q.ErasePersonalData(nowUtc), cancellationToken);
        var comments = await EraseInBatchesAsync(
            db.DocumentComments.Where(c => c.PersonalDataErasedAtUtc == null
                && ((c.LegalDocument!.CommentsCloseOn != null && c.LegalDocument.CommentsCloseOn < cutoffDay)
                    || (c.LegalDocument.CommentsCloseOn == null && c.ReceivedAtUtc <= cutoff)))
                .OrderBy(c => c.Id),
            c => c.ErasePersonalData(nowUtc), cancellationToken);
        var mails = await mail.DeleteFinishedBeforeAsync(nowUtc.AddDays(-Math.Max(1, options.Value.MailRetentionDays)), cancellationToken);
        return new RetentionCounts(questions, comments, mails);
    }

    /// <summary>
    /// Erases a batch at a time, so a first run over years of data never loads it all. A row changed by an editor
    /// meanwhile (a concurrency conflict) is left for the next run.
    /// </summary>
    private async Task<int> EraseInBatchesAsync<T>(IQueryable<T> due, Func<T, bool> erase, CancellationToken cancellationToken)
        where T : class
    {
        var erased = 0;
        var skip = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            var batch = await due.Skip(skip).Take(Batch).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return erased;
            }

            var changed = batch.Count(erase);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                erased += changed;
            }
            catch (DbUpdateConcurrencyException)
            {
                skip += batch.Count;
            }
        }
    }
}
