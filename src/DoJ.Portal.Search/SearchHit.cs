using DoJ.Portal.Domain.Content;

namespace DoJ.Portal.Search;

/// <summary>A search result, its title and excerpt already HTML (encoded text plus &lt;mark&gt;).</summary>
/// <param name="Kind">Article, document of the register or static page: the label and the address depend on it.</param>
/// <param name="PublishedAtUtc">The date shown: the publish time, or a page's last update.</param>
/// <param name="CategoryName">An article's category, a document's type; empty for a page.</param>
/// <param name="Number">A document's number and symbol; empty for the other kinds.</param>
public sealed record SearchHit(
    int Id,
    string Slug,
    string TitleHtml,
    string ExcerptHtml,
    DateTime PublishedAtUtc,
    string CategoryName,
    string CategorySlug,
    ContentKind Kind = ContentKind.Article,
    string Number = "");
