using DoJ.Portal.Search;

namespace DoJ.Portal.Web.Models;

/// <summary>The search page: the cleaned query, the results when there are any, or a message.</summary>
public sealed record SearchViewModel(string Query, SearchResults? Results, string? Message)
{
    public static SearchViewModel Empty(string query) =>
        new(query, null, "Nhập từ khóa để tìm tin bài, có dấu hoặc không dấu, ví dụ: bình đẳng giới, hộ tịch, trợ giúp pháp lý.");

    public static SearchViewModel Unavailable(string query) =>
        new(query, null, "Chức năng tìm kiếm đang được chuẩn bị. Xin vui lòng thử lại sau ít phút.");
}
