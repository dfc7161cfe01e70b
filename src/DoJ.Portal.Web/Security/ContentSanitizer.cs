using System.Text;
using AngleSharp.Css.Dom;
using Ganss.Xss;

namespace DoJ.Portal.Web.Security;

/// <summary>
/// The one sanitizer every saved HTML body goes through (articles and static pages), on write.
/// An allow-list: text formatting, headings, lists, tables, quotes, links (http, https, mailto or
/// relative) and images (http, https or relative). Everything else — script, style, event handlers,
/// forms, frames, SVG and MathML, id/name (DOM clobbering), class and style (page-covering overlays),
/// srcdoc, formaction, data: and javascript: URLs in any encoding — is dropped.
/// </summary>
public sealed class ContentSanitizer
{
    public static readonly IReadOnlySet<string> Tags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark",
        "blockquote", "ul", "ol", "li", "a", "img", "figure", "figcaption",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "span", "div", "pre", "code",
    };

    public static readonly IReadOnlySet<string> Attributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "alt", "title", "width", "height", "colspan", "rowspan", "scope", "start", "reversed", "lang",
    };

    public static readonly IReadOnlySet<string> Schemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" };

    private readonly HtmlSanitizer sanitizer;

    public ContentSanitizer()
    {
        sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(Schemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<CssRuleType>(),
        })
        {
            AllowDataAttributes = false,
            // A removed element goes with its content: the text of a <script> or <template> is no reading matter.
            KeepChildNodes = false,
        };
        // Images load only over http(s) or from this site: no mailto:, no data:.
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.Tag.NodeName.Equals("IMG", StringComparison.OrdinalIgnoreCase)
                && e.SanitizedUrl is { } url
                && url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            {
                e.SanitizedUrl = null;
            }
        };
        // Links to other sites never get a handle on this page.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link
                && link.GetAttribute("href") is { } href
                && (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                link.SetAttribute("rel", "noopener noreferrer");
            }
        };
    }

    /// <summary>
    /// Sanitized, NFC-normalized HTML; sanitizing the result again changes nothing. A body over
    /// <see cref="HtmlLimits"/> is refused (<see cref="ArgumentException"/>) rather than parsed: the editors
    /// check it first and answer the form, so only a caller that forgot would meet the exception.
    /// </summary>
    public string Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        if (HtmlLimits.Check(html) is { } reason)
        {
            throw new ArgumentException(reason, nameof(html));
        }

        var normalized = html.IsNormalized(NormalizationForm.FormC) ? html : html.Normalize(NormalizationForm.FormC);
        return sanitizer.Sanitize(normalized).Trim();
    }
}
