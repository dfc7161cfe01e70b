using DoJ.Portal.Web.Navigation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DoJ.Portal.Web.TagHelpers;

/// <summary>
/// <c>&lt;a href="…" portal-external&gt;</c>: when the address is another site (absolute http or https),
/// the link opens in a new tab with <c>rel="noopener noreferrer"</c> and says so to screen readers.
/// </summary>
[HtmlTargetElement("a", Attributes = AttributeName)]
public sealed class ExternalLinkTagHelper : TagHelper
{
    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    private const string AttributeName = "portal-external";

    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    public static bool IsExternal(string? url) =>
        url is not null
        && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        // An internal address (a menu item to a page) carries the deployment's path prefix like every other link.
        output.Attributes.SetAttribute("href", Href is null || IsExternal(Href) ? Href : PathPrefix.Apply(ViewContext.HttpContext.Request.PathBase, Href));
        output.Attributes.RemoveAll(AttributeName);
        if (IsExternal(Href))
        {
            output.Attributes.SetAttribute("target", "_blank");
            output.Attributes.SetAttribute("rel", "noopener noreferrer");
            output.PostContent.AppendHtml("<span class=\"visually-hidden\"> (mở trong thẻ mới)</span>");
        }
    }
}
