using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using DoJ.Portal.Data;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Caching;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Privacy;

/// <summary>An e-mail address or a phone number in its stored form: what an erasure request names.</summary>
public sealed record ContactKey(string? Email, string? Phone)
{
    /// <summary>The address as stored (<see cref="ContactDetails"/>), or null when <paramref name="text"/> is neither.</summary>
    public static ContactKey? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Contains('@', StringComparison.Ordinal))
        {
            return ContactDetails.NormalizeEmail(text) is { } email ? new ContactKey(email, null) : null;
        }

        return ContactDetails.NormalizePhone(text) is { } phone ? new ContactKey(null, phone) : null;
    }

    public string Value => Email ?? Phone ?? "";

    /// <summary>
    /// What the audit log keeps instead of the address: the first 12 hex digits of its SHA-256. Given the address, a
    /// later reader can confirm that an entry was about it; the log alone names nobody.
    /// </summary>
    public string Fingerprint =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("doj-portal-contact:" + Value)))[..12];
}

public sealed record FoundQuestion(int Id, string Title, QuestionStatus Status, DateTime ReceivedAtUtc, string? Name, string? Email, string? Phone);

public sealed record FoundComment(int Id, int DocumentId, string DocumentNumber, DateTime ReceivedAtUtc, string? Name, string? Organisation, string? Email, string? Phone);

/// <summary>Everything the portal holds under one address: questions, comments, queued or kept mail.</summary>
public sealed record PersonalDataFindings(IReadOnlyList<FoundQuestion> Questions, IReadOnlyList<FoundComment> Comments, int Mails)
{
    public bool IsEmpty => Questions.Count == 0 && Comments.Count == 0 && Mails == 0;
}

/// <summary>
/// An administrator's erasure of one person's data on request: found by the exact e-mail address or phone number
/// (in their stored form), erased from questions and comments, and mail to the address deleted. The audit entry
/// holds the counts and the address's fingerprint, never the address.
/// </summary>
public sealed class PersonalDataErasure(PortalDbContext db, OutgoingMailRepository mail, AuditLog audit, PublicCache publicCache, TimeProvider clock)
{
    public const string AuditType = "PersonalData";
    public const string AuditAction = "erase-on-request";

    public async Task<PersonalDataFindings> FindAsync(ContactKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var questions = await Questions(key).AsNoTracking().OrderBy(q => q.Id)
            .Select(q => new FoundQuestion(q.Id, q.Title, q.Status, q.ReceivedAtUtc, q.AskerName, q.AskerEmail, q.AskerPhone))
            .ToListAsync(cancellationToken);
        var comments = await Comments(key).AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new FoundComment(c.Id, c.LegalDocumentId, c.LegalDocument!.Number, c.ReceivedAtUtc, c.CommenterName, c.Organisation, c.CommenterEmail, c.CommenterPhone))
            .ToListAsync(cancellationToken);
        var mails = key.Email is { } email ? await mail.CountToAsync(email, cancellationToken) : 0;
        return new PersonalDataFindings(questions, comments, mails);
    }

    /// <summary>Erases everything found under <paramref name="key"/>; returns the counts.</summary>
    public async Task<RetentionCounts> EraseAsync(ContactKey key, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = clock.GetUtcNow().UtcDateTime;
        var questions = await Questions(key).ToListAsync(cancellationToken);
        var publicNameChanged = false;
        foreach (var question in questions)
        {
            // A published full name goes too: the person asked to be forgotten, so the answer keeps only initials.
            if (question.ShowFullName)
            {
                question.PublicAskerName = question.PublicAskerName is null ? null : ContactDetails.Initials(question.AskerName ?? question.PublicAskerName);
                question.ShowFullName = false;
                publicNameChanged |= question.PublicAskerName is not null;
            }

            question.ErasePersonalData(now);
            question.ConcurrencyStamp = Guid.NewGuid();
        }

        var comments = await Comments(key).ToListAsync(cancellationToken);
        foreach (var comment in comments)
        {
            comment.ErasePersonalData(now);
        }

        var mails = key.Email is { } email ? await mail.DeleteToAsync(email, cancellationToken) : 0;
        var counts = new RetentionCounts(questions.Count, comments.Count, mails);
        audit.Record(user, AuditAction, AuditType, key.Fingerprint,
            string.Create(CultureInfo.InvariantCulture,
                $"Xóa dữ liệu cá nhân theo yêu cầu (dấu vết {key.Fingerprint}): {VietnameseNumber.Format(counts.Questions)} câu hỏi, {VietnameseNumber.Format(counts.Comments)} ý kiến góp ý, {VietnameseNumber.Format(counts.Mails)} thư."),
            new Dictionary<string, (object?, object?)>
            {
                ["Questions"] = (null, counts.Questions),
                ["Comments"] = (null, counts.Comments),
                ["Mails"] = (null, counts.Mails),
            });
        await db.SaveChangesAsync(cancellationToken);
        if (publicNameChanged)
        {
            await publicCache.QuestionsChangedAsync();
        }

        return counts;
    }

    private IQueryable<Question> Questions(ContactKey key) => key.Email is { } email
        ? db.Questions.Where(q => q.AskerEmail == email)
        : db.Questions.Where(q => q.AskerPhone == key.Phone);

    private IQueryable<DocumentComment> Comments(ContactKey key) => key.Email is { } email
        ? db.DocumentComments.Where(c => c.CommenterEmail == email)
        : db.DocumentComments.Where(c => c.CommenterPhone == key.Phone);
}
