using System.Data.Common;
using DoJ.Portal.Data;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Startup;

/// <summary>
/// Opens the request's database connection once, before the action, and closes it after the result (view components
/// included): EF Core otherwise opens and closes it around every command, and on SQLite each opening registers the
/// provider's functions on the connection again (8 % of a home page miss's CPU in the profile, docs/perf-misses.md).
/// Nothing is held between commands but the open handle: no transaction, no lock.
/// </summary>
public sealed class HeldConnectionFilter(PortalDbContext db) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await db.Database.OpenConnectionAsync();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            // The database is unreachable: the action (an error page needs none) fails, or not, as it would have.
            await next();
            return;
        }

        try
        {
            await next();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
