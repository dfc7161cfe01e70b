using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Repositories;

/// <summary>
/// The largest value among the rows that pass a rule, read from the top of an index in that value's order (the newest
/// <see cref="Window"/> rows, with whether each passes) rather than as a <c>MAX</c> over the rule: without statistics
/// SQLite answers such a <c>MAX</c> from an index on the rule's columns and reads every row that passes. Exact: when
/// none of the top rows passes and there are more, the aggregate itself is asked.
/// </summary>
internal static class IndexTop
{
    public const int Window = 50;

    /// <summary>A row's value and whether it passes the rule.</summary>
    public sealed record Row<T>(T Value, bool Passes) where T : struct;

    public static async Task<T?> FirstAsync<T>(IQueryable<Row<T>> newestFirst, Func<Task<T?>> aggregate, CancellationToken cancellationToken)
        where T : struct
    {
        var top = await newestFirst.Take(Window).ToListAsync(cancellationToken);
        if (top.Find(r => r.Passes) is { } first)
        {
            return first.Value;
        }

        return top.Count < Window ? null : await aggregate();
    }
}
