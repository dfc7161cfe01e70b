using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;

namespace DoJ.Portal.Web.Navigation;

/// <summary>
/// Every GET action outside the admin area answers HEAD too, as HTTP expects: uptime monitors, link checkers
/// and some crawlers ask with HEAD. The body is dropped by <see cref="HeadResponseMiddleware"/>; the admin
/// area keeps GET only.
/// </summary>
public sealed class HeadAsGetConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.Controller.RouteValues.ContainsKey("area"))
        {
            return;
        }

        foreach (var selector in action.Selectors)
        {
            var constraint = selector.ActionConstraints.OfType<HttpMethodActionConstraint>().FirstOrDefault();
            if (constraint is null
                || !constraint.HttpMethods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase)
                || constraint.HttpMethods.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            string[] methods = [.. constraint.HttpMethods, HttpMethods.Head];
            selector.ActionConstraints.Remove(constraint);
            selector.ActionConstraints.Add(new HttpMethodActionConstraint(methods));
            for (var i = selector.EndpointMetadata.Count - 1; i >= 0; i--)
            {
                if (selector.EndpointMetadata[i] is HttpMethodMetadata)
                {
                    selector.EndpointMetadata.RemoveAt(i);
                }
            }

            selector.EndpointMetadata.Add(new HttpMethodMetadata(methods));
        }
    }
}
