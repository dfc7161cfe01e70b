namespace DoJ.Portal.Web.Caching;

/// <summary>Where an article is listed: its category and, once published or scheduled, its day.</summary>
public readonly record struct ArticlePlacement(int CategoryId, DateTime? PublishedAtUtc);
