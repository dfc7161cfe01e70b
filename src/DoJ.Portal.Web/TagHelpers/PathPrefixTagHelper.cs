using System.Text.Encodings.Web;
using DoJ.Portal.Web.Navigation;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DoJ.Portal.Web.TagHelpers;

/// <summary>
/// Puts the deployment's path prefix (<see cref="PathPrefix"/>) before every site-relative address a view writes
/// (<c>href</c>, <c>src</c>, <c>action</c>, <c>formaction</c>, and the addresses the scripts fetch), so that views keep
/// using <see cref="SiteUrls"/> and <see cref="AdminUrls"/> as they are. It runs before the built-in <c>~/</c> resolution,
/// which adds the prefix itself. Without a prefix it changes nothing.
/// </summary>
[HtmlTargetElement("*", Attributes = "href")]
[HtmlTargetElement("*", Attributes = "src")]
[HtmlTargetElement("*", Attributes = "action")]
[HtmlTargetElement("*", Attributes = "formaction")]
[HtmlTargetElement("*", Attributes = "data-refresh")]
[HtmlTargetElement("*", Attributes = "data-rich-text")]
[HtmlTargetElement("*", Attributes = "data-job-status")]
public sealed class PathPrefixTagHelper(HtmlEncoder encoder) : TagHelper
{
    private static readonly string[] Addresses = ["href", "src", "action", "formaction", "data-refresh", "data-rich-text", "data-job-status"];

    /// <summary>Before <c>UrlResolutionTagHelper</c> (which turns <c>~/</c> into the prefixed address).</summary>
    public override int Order => -2000;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var pathBase = ViewContext.HttpContext.Request.PathBase;
        if (!pathBase.HasValue)
        {
            return;
        }

        foreach (var name in Addresses)
        {
            if (!output.Attributes.TryGetAttribute(name, out var attribute))
            {
                continue;
            }

            object? value = attribute.Value switch
            {
                string text when PathPrefix.IsSiteRelative(text) => PathPrefix.Apply(pathBase, text),
                IHtmlContent html when Encoded(html) is { } encoded && PathPrefix.IsSiteRelative(encoded) =>
                    new HtmlString(encoder.Encode(pathBase.Value!) + encoded),
                _ => null,
            };
            if (value is not null)
            {
                output.Attributes.SetAttribute(new TagHelperAttribute(name, value, attribute.ValueStyle));
            }
        }
    }

    private string Encoded(IHtmlContent html)
    {
        using var writer = new StringWriter();
        html.WriteTo(writer, encoder);
        return writer.ToString();
    }
}
