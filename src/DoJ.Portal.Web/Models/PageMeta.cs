using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace DoJ.Portal.Web.Models;

/// <summary>What the layout puts in &lt;head&gt; for a page: title, description, canonical path, language.</summary>
public sealed class PageMeta
{
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";

    /// <summary>Site-relative canonical path; made absolute on the configured base URL.</summary>
    public string? CanonicalPath { get; init; }

    public string Language { get; init; } = "vi";
    public string OpenGraphType { get; init; } = "website";
    /// <summary>The page's <c>og:image</c> (a raster image); null for the site's default card.</summary>
    public DoJ.Portal.Web.Media.OpenGraphImage? Image { get; init; }

    /// <summary>The <c>og:image:alt</c> of <see cref="Image"/>.</summary>
    public string? ImageAlt { get; init; }
    public DateTime? PublishedAtUtc { get; init; }
    public DateTime? ModifiedAtUtc { get; init; }
    public string? Author { get; init; }
    public string? Section { get; init; }
    public bool NoIndex { get; init; }
}

/// <summary>Typed access to the one <see cref="PageMeta"/> a view hands to the layout.</summary>
public static class PageMetaExtensions
{
    private const string Key = nameof(PageMeta);

    public static void SetMeta(this ViewDataDictionary viewData, PageMeta meta) => viewData[Key] = meta;

    public static PageMeta GetMeta(this ViewDataDictionary viewData) => viewData[Key] as PageMeta ?? new PageMeta();
}
