using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DoJ.Portal.Web.Security;

/// <summary>Logs every request MVC turned away for a missing or invalid antiforgery token.</summary>
public sealed class AntiforgeryFailureLogging(SecurityLog security) : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            security.AntiforgeryFailed(context.HttpContext);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
