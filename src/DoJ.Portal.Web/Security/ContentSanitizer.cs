using System.Text;
using AngleSharp.Css.Dom;
using Ganss.Xss;

namespace DoJ.Portal.Web.Security;

/// <summary>
/// The one sanitizer every saved HTML body goes through (articles and static pages), on write.
/// An allow-list: text formatting, headings, lists, tables (header cells included), quotes, links (http, https,
/// mailto or relative) and images of the site's own library: <c>src</c> and every <c>srcset</c> candidate must be a
/// <c>/media/…</c> image, with <c>sizes</c>, <c>width</c>, <c>height</c>, <c>alt</c>, <c>loading</c> and
/// <c>decoding</c> (the editor's responsive images). Everything else — script, style, event handlers,
/// forms, frames, SVG and MathML, id/name (DOM clobbering), class and style (page-covering overlays),
/// srcdoc, formaction, data: and javascript: URLs in any encoding — is dropped.
/// </summary>
public sealed partial class ContentSanitizer
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
        "srcset", "sizes", "loading", "decoding",
    };

    /// <summary>Attributes an <c>img</c> alone may carry; on any other element they are dropped.</summary>
    private static readonly HashSet<string> ImageOnly = new(StringComparer.OrdinalIgnoreCase) { "src", "srcset", "sizes", "loading", "decoding" };

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
            if (e.Node is AngleSharp.Dom.IElement element)
            {
                KeepOwnImagesOnly(element);
            }

            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link
                && link.GetAttribute("href") is { } href
                && (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                link.SetAttribute("rel", "noopener noreferrer");
            }
        };
    }

    /// <summary>
    /// Images load only from the site's own library: an <c>img</c> whose <c>src</c> is not a <c>/media/</c> image goes;
    /// a <c>srcset</c> with any other candidate, a <c>sizes</c>, <c>loading</c>, <c>decoding</c>, <c>width</c> or
    /// <c>height</c> that is not plainly what it says is dropped.
    /// </summary>
    private static void KeepOwnImagesOnly(AngleSharp.Dom.IElement element)
    {
        if (element.LocalName != "img")
        {
            foreach (var name in ImageOnly.Where(element.HasAttribute).ToList())
            {
                element.RemoveAttribute(name);
            }

            return;
        }

        if (element.GetAttribute("src") is not { } src || !OwnImage().IsMatch(src.Trim()))
        {
            element.Remove();
            return;
        }

        Keep(element, "srcset", value => value.Split(',').All(candidate => SrcSetCandidate().Match(candidate.Trim()) is { Success: true } m
            && OwnImage().IsMatch(m.Groups["url"].Value)));
        Keep(element, "sizes", value => value.Length <= 200 && Sizes().IsMatch(value));
        Keep(element, "loading", value => value is "lazy" or "eager");
        Keep(element, "decoding", value => value is "async" or "sync" or "auto");
        Keep(element, "width", value => Dimension().IsMatch(value));
        Keep(element, "height", value => Dimension().IsMatch(value));
    }

    private static void Keep(AngleSharp.Dom.IElement element, string name, Func<string, bool> valid)
    {
        if (element.GetAttribute(name) is { } value && !valid(value.Trim()))
        {
            element.RemoveAttribute(name);
        }
    }

    /// <summary>An image of the library, as bodies store it (without a path prefix): no scheme, host, "..", query or quote.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^/media/(?!.*\.\.)[A-Za-z0-9_\-/\.]+\.(jpg|jpeg|png|gif|webp)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial System.Text.RegularExpressions.Regex OwnImage();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<url>\S+)(\s+\d{1,5}(w|(\.\d{1,2})?x))?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial System.Text.RegularExpressions.Regex SrcSetCandidate();

    /// <summary>Media conditions and lengths: <c>(max-width: 768px) 100vw, 720px</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[a-z0-9()\s:,.%-]+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial System.Text.RegularExpressions.Regex Sizes();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,5}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial System.Text.RegularExpressions.Regex Dimension();

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
