namespace DoJ.Portal.Search;

/// <summary>A search result, its title and excerpt already HTML (encoded text plus &lt;mark&gt;).</summary>
public sealed record SearchHit(int Id, string Slug, string TitleHtml, string ExcerptHtml, DateTime PublishedAtUtc, string CategoryName, string CategorySlug);
