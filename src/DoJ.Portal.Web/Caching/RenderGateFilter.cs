using Microsoft.AspNetCore.Mvc.Filters;

namespace DoJ.Portal.Web.Caching;

/// <summary>
/// Holds an action to one <see cref="RenderGate"/> slot, from before its database connection is opened
/// (<see cref="Startup.HeldConnectionFilter"/>, a later filter) until its response is complete: a waiting request holds
/// neither a buffer nor a connection, whose SQLite page cache would otherwise stay filled in the pool.
/// </summary>
public sealed class RenderGateFilter(RenderGate gate) : IAsyncResourceFilter
{
    /// <summary>Before the global filters (order 0), so before the connection is opened.</summary>
    public const int Order = -1000;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var slot = await gate.EnterAsync(context.HttpContext.RequestAborted);
        // Given back when the response is complete: the page validator writes the held body out after the action.
        context.HttpContext.Response.RegisterForDispose(slot);
        await next();
    }
}
