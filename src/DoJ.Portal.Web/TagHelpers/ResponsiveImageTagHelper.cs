using System.Globalization;
using System.Text;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Web.Media;
using DoJ.Portal.Web.Navigation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DoJ.Portal.Web.TagHelpers;

/// <summary>
/// <c>&lt;responsive-image image="…" alt="…" sizes="…" lazy="true" class="…" /&gt;</c>: an image of the library as a
/// <c>&lt;picture&gt;</c> with WebP and JPEG <c>srcset</c>s of its variants, <c>width</c>/<c>height</c> (no layout
/// shift) and <c>loading="lazy"</c> below the fold. Before the image is converted, the stored image alone.
/// Alt text is required: an empty one is only for a decorative image whose meaning the text beside it carries.
/// </summary>
[HtmlTargetElement("responsive-image", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ResponsiveImageTagHelper : TagHelper
{
    /// <summary>Vietnamese alt text stays readable in the page source.</summary>
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public ImageRef? Image { get; set; }

    public string Alt { get; set; } = "";

    /// <summary>The <c>sizes</c> attribute: how wide the image is shown (default: the full width of a phone, a column on wider screens).</summary>
    public string Sizes { get; set; } = "(max-width: 768px) 100vw, 640px";

    /// <summary>True below the fold: the browser loads it when it comes near.</summary>
    public bool Lazy { get; set; }

    public string? Class { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Image is null)
        {
            output.SuppressOutput();
            return;
        }

        var pathBase = ViewContext.HttpContext.Request.PathBase;
        output.TagName = null;
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Content.SetHtmlContent(Render(Image, Alt, Sizes, Lazy, Class, url => PathPrefix.Apply(pathBase, url)));
    }

    /// <summary>The markup, for the tag helper and for HTML written outside a view (the editor's inserted images).</summary>
    public static string Render(ImageRef image, string alt, string sizes, bool lazy, string? cssClass, Func<string, string> link)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(link);
        var encoder = Encoder;
        var widths = image.Widths;
        var html = new StringBuilder();
        var largest = widths.Count > 0 ? widths[^1] : image.Width;
        var width = largest;
        var height = image.HeightAt(largest);
        if (widths.Count > 0)
        {
            html.Append("<picture><source type=\"image/webp\" srcset=\"").Append(encoder.Encode(SrcSet(image, widths, "webp", link)))
                .Append("\" sizes=\"").Append(encoder.Encode(sizes)).Append("\">");
        }

        var src = widths.Count > 0 ? link(MediaStore.Url(image.VariantName(Middle(widths), "jpg"))) : link(MediaStore.Url(image.FileName));
        html.Append("<img src=\"").Append(encoder.Encode(src)).Append('"');
        if (widths.Count > 0)
        {
            html.Append(" srcset=\"").Append(encoder.Encode(SrcSet(image, widths, "jpg", link))).Append("\" sizes=\"").Append(encoder.Encode(sizes)).Append('"');
        }

        html.Append(CultureInfo.InvariantCulture, $" width=\"{width}\" height=\"{height}\"")
            .Append(" alt=\"").Append(encoder.Encode(alt)).Append('"');
        if (!string.IsNullOrEmpty(cssClass))
        {
            html.Append(" class=\"").Append(encoder.Encode(cssClass)).Append('"');
        }

        html.Append(lazy ? " loading=\"lazy\" decoding=\"async\">" : " decoding=\"async\">");
        if (widths.Count > 0)
        {
            html.Append("</picture>");
        }

        return html.ToString();
    }

    private static string SrcSet(ImageRef image, IReadOnlyList<int> widths, string extension, Func<string, string> link) =>
        string.Join(", ", widths.Select(w => link(MediaStore.Url(image.VariantName(w, extension))) + " " + w.ToString(CultureInfo.InvariantCulture) + "w"));

    /// <summary>The fallback for browsers without srcset: a middle width, sharp enough in a column.</summary>
    private static int Middle(IReadOnlyList<int> widths) => widths[widths.Count / 2];
}
