using DoJ.Portal.Domain.Content;
using DoJ.Portal.Search;
using DoJ.Portal.Web.Navigation;

namespace DoJ.Portal.Web.Models;

/// <summary>The search page: the cleaned query, the results when there are any, or a message.</summary>
public sealed record SearchViewModel(string Query, SearchResults? Results, string? Message)
{
    /// <summary>The lead images of the articles among the hits (by article id; a missing id has none).</summary>
    public IReadOnlyDictionary<int, DoJ.Portal.Data.Repositories.ArticleLeadImage?> LeadImages { get; init; } = new Dictionary<int, DoJ.Portal.Data.Repositories.ArticleLeadImage?>();

    public static SearchViewModel Empty(string query) =>
        new(query, null, "Nhập từ khóa để tìm tin bài, văn bản, trang thông tin và hỏi đáp, có dấu hoặc không dấu, ví dụ: bình đẳng giới, hộ tịch, 15/2025/QĐ-UBND.");

    public static SearchViewModel Unavailable(string query) =>
        new(query, null, "Chức năng tìm kiếm đang được chuẩn bị. Xin vui lòng thử lại sau ít phút.");
}

/// <summary>How a result of each kind is labelled and addressed.</summary>
public static class SearchHitDisplay
{
    /// <summary>The label shown before the title: Tin tức, Văn bản, Trang or Hỏi đáp.</summary>
    public static string Label(this SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return hit.Kind switch
        {
            ContentKind.Document => "Văn bản",
            ContentKind.Page => "Trang",
            ContentKind.Question => "Hỏi đáp",
            _ => "Tin tức",
        };
    }

    public static string Url(this SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return hit.Kind switch
        {
            ContentKind.Document => SiteUrls.Document(hit.Id, hit.Slug),
            ContentKind.Page => SiteUrls.Page(hit.Slug),
            ContentKind.Question => SiteUrls.Question(hit.Id, hit.Slug),
            _ => SiteUrls.Article(hit.Id, hit.Slug),
        };
    }
}
