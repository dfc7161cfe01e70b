using System.Globalization;
using System.Text.Encodings.Web;
using DoJ.Portal.Domain.Paging;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DoJ.Portal.Web.TagHelpers;

/// <summary>
/// <c>&lt;pager page-number="…" page-count="…" /&gt;</c>: an accessible page navigation (first, previous, a
/// window of numbers, next, last). Links keep the request's other query values and change only
/// <c>trang</c>; page 1 is the bare URL so it matches the canonical one.
/// </summary>
[HtmlTargetElement("pager", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PagerTagHelper(HtmlEncoder encoder) : TagHelper
{
    public const string QueryKey = "trang";

    public int PageNumber { get; set; } = 1;
    public int PageCount { get; set; } = 1;

    /// <summary>Accessible name of the navigation landmark.</summary>
    public string Label { get; set; } = "Phân trang";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (PageCount <= 1 && PageNumber <= 1)
        {
            output.SuppressOutput();
            return;
        }

        var request = ViewContext.HttpContext.Request;
        var current = Math.Min(PageNumber, PageCount);
        var window = new PagedList<int>([], Math.Max(1, current), 1, PageCount).Window();

        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "pager");
        output.Attributes.SetAttribute("aria-label", Label);

        var html = new System.Text.StringBuilder("<ul class=\"pagination flex-wrap\">");
        void Item(int page, string text, string? srLabel, bool isCurrent = false, bool disabled = false)
        {
            var label = srLabel is null ? "" : $" aria-label=\"{encoder.Encode(srLabel)}\"";
            if (isCurrent)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li class=\"page-item active\"><a class=\"page-link\" href=\"{encoder.Encode(Url(request, page))}\" aria-current=\"page\"{label}>{encoder.Encode(text)}</a></li>");
            }
            else if (disabled)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li class=\"page-item disabled\"><span class=\"page-link\"{label}>{encoder.Encode(text)}</span></li>");
            }
            else
            {
                html.Append(CultureInfo.InvariantCulture, $"<li class=\"page-item\"><a class=\"page-link\" href=\"{encoder.Encode(Url(request, page))}\"{label}>{encoder.Encode(text)}</a></li>");
            }
        }

        var first = current <= 1;
        var last = current >= PageCount;
        Item(1, "«", "Trang đầu", disabled: first);
        Item(current - 1, "‹", "Trang trước", disabled: first);
        foreach (var page in window)
        {
            Item(page, page.ToString(CultureInfo.InvariantCulture), $"Trang {page}", isCurrent: page == PageNumber);
        }

        Item(current + 1, "›", "Trang sau", disabled: last);
        Item(PageCount, "»", $"Trang cuối ({PageCount})", disabled: last);
        html.Append("</ul>");
        output.Content.SetHtmlContent(html.ToString());
    }

    /// <summary>The current path and query with <c>trang</c> replaced (or dropped for page 1).</summary>
    public static string Url(HttpRequest request, int page)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new QueryBuilder();
        foreach (var (key, values) in request.Query)
        {
            if (!string.Equals(key, QueryKey, StringComparison.OrdinalIgnoreCase))
            {
                foreach (var value in values)
                {
                    query.Add(key, value ?? "");
                }
            }
        }

        if (page > 1)
        {
            query.Add(QueryKey, page.ToString(CultureInfo.InvariantCulture));
        }

        return request.PathBase + request.Path + query.ToQueryString();
    }
}
