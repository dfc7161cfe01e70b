using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.UnitTests.Search;

/// <summary>The register's lookup (<see cref="SearchIndex.FindDocumentIds"/>) and the three kinds in one index.</summary>
public sealed class DocumentSearchTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 12, 10, 3, 0, 0, DateTimeKind.Utc);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "doj-portal-unit", "documents-" + Guid.NewGuid().ToString("N"));
    private readonly SearchIndex index;

    public DocumentSearchTests()
    {
        index = new SearchIndex(Options.Create(new SearchOptions { IndexPath = folder }), NullLogger<SearchIndex>.Instance);
        index.Load(
            [new ArticleIndexItem(1, "Kế hoạch phổ biến pháp luật năm 2026", "ke-hoach", "Tin", "<p>Bài viết</p>", "Tin tức", "tin-tuc", Now.AddDays(-1), Now.AddDays(-1))],
            [
                Document(1, "15/2025/QĐ-UBND", "Quyết định ban hành quy chế phối hợp", Now.AddDays(-30)),
                Document(2, "150/2025/QĐ-UBND", "Quyết định khác", Now.AddDays(-20)),
                Document(3, "15/KH-STP", "Kế hoạch phổ biến, giáo dục pháp luật năm 2026", Now.AddDays(-10)),
                Document(4, "20/2024/TT-BTP", "Thông tư hướng dẫn", Now.AddDays(-5), "Nội dung chỉ có trong tệp: sổ đăng ký khai sinh điện tử"),
                Document(5, "16/2025/QĐ-UBND", "Kế hoạch phổ biến sắp ban hành", Now.AddDays(1)),
                Document(6, "17/2025/QĐ-UBND", "Quyết định về kế hoạch và phổ biến", Now.AddDays(-2)),
            ],
            [new PageIndexItem(1, "Giới thiệu Sở Tư pháp", "gioi-thieu", "<p>Kế hoạch phổ biến pháp luật của Sở</p>", Now.AddDays(-3))]);
    }

    public void Dispose()
    {
        index.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static DocumentIndexItem Document(int id, string number, string @abstract, DateTime publishedAtUtc, params string[] fileTexts) =>
        new(id, number, "van-ban-" + id, @abstract, "Nguyễn Văn A", "Quyết định", "UBND tỉnh", "Hộ tịch", publishedAtUtc, publishedAtUtc, fileTexts);

    private IReadOnlyList<int> Find(string text) => index.FindDocumentIds(text, 20, Now);

    [Theory]
    [InlineData("15/2025/QĐ-UBND")]
    [InlineData("15/2025/qd-ubnd")]
    [InlineData("15 / 2025 / QĐ - UBND")]
    [InlineData("  15/2025/Qđ-Ubnd ")]
    public void A_full_number_in_any_case_or_spacing_finds_that_document_first_and_no_other_number(string query)
    {
        var found = Find(query);

        Assert.Equal(1, found[0]);
        Assert.DoesNotContain(2, found);
    }

    [Fact]
    public void Some_parts_of_a_number_find_every_number_having_them_newest_first()
    {
        Assert.Equal([1], Find("QĐ 15"));
        Assert.Equal([3, 1], Find("15"));
        Assert.Equal([6, 2, 1], Find("2025 QĐ UBND"));
    }

    [Fact]
    public void Folded_words_find_the_abstract_the_phrase_first_then_the_words_apart_and_never_a_scheduled_one()
    {
        Assert.Equal([3, 6], Find("ke hoach pho bien"));
        Assert.Equal([3, 6], Find("Kế hoạch phổ biến"));
        Assert.DoesNotContain(5, Find("ke hoach"));
    }

    [Fact]
    public void Words_found_only_in_the_text_of_a_file_find_the_document()
    {
        Assert.Equal([4], Find("khai sinh dien tu"));
        Assert.Equal([4], Find("sổ đăng ký khai sinh"));
    }

    [Fact]
    public void The_signer_type_issuing_body_and_field_are_searched_too()
    {
        Assert.Equal(5, Find("nguyen van a").Count);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("(15")]
    [InlineData("[QĐ]")]
    [InlineData("*")]
    [InlineData("15/*")]
    [InlineData("number:15")]
    [InlineData("-")]
    [InlineData(" - ")]
    [InlineData("AND OR NOT")]
    [InlineData("\\")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("~15^2")]
    public void Any_string_a_user_can_type_is_safe(string query)
    {
        var found = Find(query);

        Assert.All(found, id => Assert.InRange(id, 1, 6));
    }

    [Fact]
    public void An_overlong_query_is_safe()
    {
        Assert.NotNull(Find(string.Concat(Enumerable.Repeat("15/2025/QĐ-UBND ", 500))));
        Assert.NotNull(Find(new string('a', 10_000)));
        Assert.Empty(index.FindDocumentIds("15/2025/QĐ-UBND", 0, Now));
    }

    [Fact]
    public void Site_search_finds_every_kind_labelled_ranked_by_the_same_levels_then_newest()
    {
        var hits = index.Search("kế hoạch phổ biến", 1, 10, Now).Hits.Items;

        // The phrase in the title: the article (newest) then the document; then the page (phrase in its body),
        // then the document with the words apart; the scheduled document is left out.
        Assert.Equal(
            [(ContentKind.Article, 1), (ContentKind.Document, 3), (ContentKind.Page, 1), (ContentKind.Document, 6)],
            hits.Select(h => (h.Kind, h.Id)).ToList());
        Assert.Equal("15/KH-STP", hits[1].Number);
        Assert.Contains("<mark>", hits[2].TitleHtml + hits[2].ExcerptHtml, StringComparison.Ordinal);
    }
}
