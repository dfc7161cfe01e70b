using DoJ.Portal.Domain.Auditing;
using DoJ.Portal.Domain.Paging;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Repositories;

/// <summary>What the audit log viewer filters on; every part optional. Times are UTC, <c>ToUtc</c> exclusive.</summary>
public sealed record AuditFilter(string? UserName, string? EntityType, string? Action, string? EntityId, DateTime? FromUtc, DateTime? ToUtc);

/// <summary>Reading the audit log. Entries are only ever added (by <c>AuditLog</c>); nothing here changes them.</summary>
public sealed class AuditRepository(PortalDbContext db)
{
    public async Task<PagedList<AuditEntry>> ListAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = Apply(filter);
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderByDescending(e => e.Id)
            .Skip(PageNumber.Offset(page, pageSize)).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new PagedList<AuditEntry>(items, page, pageSize, total);
    }

    /// <summary>Newest first, streamed: an export of a long log never sits in memory whole.</summary>
    public IAsyncEnumerable<AuditEntry> StreamAsync(AuditFilter filter) =>
        Apply(filter).OrderByDescending(e => e.Id).AsAsyncEnumerable();

    /// <summary>The values the filter drop-downs offer: user names, kinds of record and actions seen in the log.</summary>
    public async Task<AuditFilterChoices> ChoicesAsync(CancellationToken cancellationToken = default) => new(
        await db.AuditEntries.Select(e => e.UserName).Distinct().OrderBy(n => n).ToListAsync(cancellationToken),
        await db.AuditEntries.Select(e => e.EntityType).Distinct().OrderBy(n => n).ToListAsync(cancellationToken),
        await db.AuditEntries.Select(e => e.Action).Distinct().OrderBy(n => n).ToListAsync(cancellationToken));

    private IQueryable<AuditEntry> Apply(AuditFilter f)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(f.UserName))
        {
            query = query.Where(e => e.UserName == f.UserName);
        }

        if (!string.IsNullOrEmpty(f.EntityType))
        {
            query = query.Where(e => e.EntityType == f.EntityType);
        }

        if (!string.IsNullOrEmpty(f.Action))
        {
            query = query.Where(e => e.Action == f.Action);
        }

        if (!string.IsNullOrEmpty(f.EntityId))
        {
            query = query.Where(e => e.EntityId == f.EntityId);
        }

        if (f.FromUtc is { } from)
        {
            query = query.Where(e => e.AtUtc >= from);
        }

        if (f.ToUtc is { } to)
        {
            query = query.Where(e => e.AtUtc < to);
        }

        return query;
    }
}

public sealed record AuditFilterChoices(IReadOnlyList<string> UserNames, IReadOnlyList<string> EntityTypes, IReadOnlyList<string> Actions);
