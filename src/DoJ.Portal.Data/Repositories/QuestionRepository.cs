using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Paging;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Repositories;

/// <summary>A field of law (Lĩnh vực) a question can be asked in.</summary>
public sealed record QuestionField(int Id, string Name, string Slug);

/// <summary>A public question in a list or a feed: never the asker's contact details, only the public name.</summary>
public sealed record QuestionListItem(int Id, string Title, string Slug, string Body, string FieldName, string FieldSlug, string? PublicAskerName, DateTime PublishedAtUtc, DateTime UpdatedAtUtc);

/// <summary>A public question with its answer (sanitized HTML).</summary>
public sealed record QuestionDetails(
    int Id,
    string Title,
    string Slug,
    string Body,
    string FieldName,
    string FieldSlug,
    string? PublicAskerName,
    DateTime ReceivedAtUtc,
    string Answer,
    string? AnsweredByName,
    DateTime PublishedAtUtc,
    DateTime UpdatedAtUtc);

/// <summary>What the tracking page may show: no personal data at all.</summary>
public sealed record QuestionTracking(
    string Title,
    DateTime ReceivedAtUtc,
    QuestionStatus Status,
    bool IsPublic,
    int Id,
    string Slug,
    string? DeclineReason,
    QuestionLink? MergedInto);

/// <summary>A link to another question, when it is public.</summary>
public sealed record QuestionLink(int Id, string Slug, string Title);

/// <summary>
/// Intention-named queries over citizens' questions for the public side: the one definition of "public" is
/// <see cref="Question.IsPublicAt"/>, and no projection here carries the asker's name, e-mail or phone.
/// </summary>
public sealed class QuestionRepository(PortalDbContext db, TimeProvider clock)
{
    /// <summary>The most ids a word search keeps (deeper pages of a word search are not useful).</summary>
    public const int MatchingIdsMax = 1000;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<Question> Public() => db.Questions.AsNoTracking().Where(Question.IsPublicAt(Now));

    private static IQueryable<QuestionListItem> Project(IQueryable<Question> query) =>
        query.Select(q => new QuestionListItem(q.Id, q.Title, q.Slug, q.Body, q.Field!.Name, q.Field.Slug, q.PublicAskerName, q.PublishedAtUtc!.Value, q.UpdatedAtUtc));

    private static IQueryable<Question> NewestFirst(IQueryable<Question> query) =>
        query.OrderByDescending(q => q.PublishedAtUtc).ThenByDescending(q => q.Id);

    /// <summary>The fields of law, in the administrators' order.</summary>
    public Task<List<QuestionField>> ListFieldsAsync(CancellationToken cancellationToken = default) =>
        db.RegisterTerms.AsNoTracking().Where(t => t.Kind == RegisterTermKind.Field)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new QuestionField(t.Id, t.Name, t.Slug))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// One page of the public questions, newest answered first, optionally in one field; when <paramref name="matchingIds"/>
    /// is given (a word search, best first), only those, in that order.
    /// </summary>
    public async Task<PagedList<QuestionListItem>> ListPublicAsync(int? fieldId, IReadOnlyList<int>? matchingIds, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = Public();
        if (fieldId is int field)
        {
            query = query.Where(q => q.FieldId == field);
        }

        if (matchingIds is null)
        {
            var total = await query.LongCountAsync(cancellationToken);
            var items = await Project(NewestFirst(query).Skip(PageNumber.Offset(page, pageSize)).Take(pageSize)).ToListAsync(cancellationToken);
            return new PagedList<QuestionListItem>(items, page, pageSize, total);
        }

        if (matchingIds.Count == 0)
        {
            return new PagedList<QuestionListItem>([], page, pageSize, 0);
        }

        var ids = matchingIds.Take(MatchingIdsMax).ToList();
        var found = (await query.Where(q => ids.Contains(q.Id)).Select(q => q.Id).ToListAsync(cancellationToken)).ToHashSet();
        var ordered = ids.Where(found.Contains).ToList();
        var pageIds = ordered.Skip(PageNumber.Offset(page, pageSize)).Take(pageSize).ToList();
        var rows = pageIds.Count == 0 ? [] : await Project(db.Questions.AsNoTracking().Where(q => pageIds.Contains(q.Id))).ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => r.Id);
        return new PagedList<QuestionListItem>(pageIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList(), page, pageSize, ordered.Count);
    }

    public Task<QuestionDetails?> GetPublicAsync(int id, CancellationToken cancellationToken = default) =>
        Public().Where(q => q.Id == id)
            .Select(q => new QuestionDetails(q.Id, q.Title, q.Slug, q.Body, q.Field!.Name, q.Field.Slug, q.PublicAskerName, q.ReceivedAtUtc,
                q.Answer ?? "", q.AnsweredByName, q.PublishedAtUtc!.Value, q.UpdatedAtUtc))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The newest public questions (the RSS feed, the sitemap).</summary>
    public Task<List<QuestionListItem>> ListLatestAsync(int count, CancellationToken cancellationToken = default) =>
        Project(NewestFirst(Public()).Take(count)).ToListAsync(cancellationToken);

    /// <summary>The status of the question with this (normalized) tracking code; null when there is none.</summary>
    public async Task<QuestionTracking?> TrackAsync(string trackingCode, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var row = await db.Questions.AsNoTracking().Where(q => q.TrackingCode == trackingCode)
            .Select(q => new
            {
                q.Title,
                q.ReceivedAtUtc,
                q.Status,
                IsPublic = q.Status == QuestionStatus.Published && q.PublishedAtUtc <= now,
                q.Id,
                q.Slug,
                q.DeclineReason,
                Merged = q.MergedInto == null ? null : new
                {
                    q.MergedInto.Id,
                    q.MergedInto.Slug,
                    q.MergedInto.Title,
                    IsPublic = q.MergedInto.Status == QuestionStatus.Published && q.MergedInto.PublishedAtUtc <= now,
                },
            })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new QuestionTracking(row.Title, row.ReceivedAtUtc, row.Status, row.IsPublic, row.Id, row.Slug, row.DeclineReason,
                row.Merged is { IsPublic: true } m ? new QuestionLink(m.Id, m.Slug, m.Title) : null);
    }

    public Task<bool> TrackingCodeExistsAsync(string trackingCode, CancellationToken cancellationToken = default) =>
        db.Questions.AnyAsync(q => q.TrackingCode == trackingCode, cancellationToken);

    /// <summary>The e-mail addresses of the accounts that moderate questions (editors and administrators), not locked out.</summary>
    public async Task<List<string>> ListModeratorEmailsAsync(CancellationToken cancellationToken = default)
    {
        var now = new DateTimeOffset(Now, TimeSpan.Zero);
        string[] roles = [PortalRoles.Editor, PortalRoles.Administrator];
        var emails = await (from user in db.Users
                            join userRole in db.UserRoles on user.Id equals userRole.UserId
                            join role in db.Roles on userRole.RoleId equals role.Id
                            where roles.Contains(role.Name!) && user.Email != null
                            select new { user.Email, user.LockoutEnd })
            .ToListAsync(cancellationToken);
        // Lockout is compared here: SQLite cannot compare DateTimeOffset values.
        return emails.Where(e => e.LockoutEnd is null || e.LockoutEnd <= now)
            .Select(e => e.Email!).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
    }
}
