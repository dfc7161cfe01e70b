using DoJ.Portal.Domain.Text;

namespace DoJ.Portal.UnitTests.Text;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Bình đẳng giới", "binh-dang-gioi")]
    [InlineData("ĐẢNG ỦY Đơn vị", "dang-uy-don-vi")]
    [InlineData("Thi đua – Khen thưởng", "thi-dua-khen-thuong")]
    [InlineData("  Hỏi đáp:  pháp luật?! ", "hoi-dap-phap-luat")]
    [InlineData("Nghị định 42/2022/NĐ-CP", "nghi-dinh-42-2022-nd-cp")]
    [InlineData("Người dân tộc thiểu số được trợ giúp pháp lý", "nguoi-dan-toc-thieu-so-duoc-tro-giup-phap-ly")]
    public void A_Vietnamese_title_becomes_a_lower_case_ascii_slug(string title, string expected) =>
        Assert.Equal(expected, Slug.From(title));

    [Fact]
    public void Decomposed_text_gives_the_same_slug_as_composed_text()
    {
        var nfd = "Bình đẳng giới".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal("binh-dang-gioi", Slug.From(nfd));
    }

    [Fact]
    public void A_long_title_is_cut_at_a_word_boundary_within_the_limit()
    {
        var title = "01 tập thể, 01 cá nhân cơ quan Sở Tư pháp được Chủ tịch UBND tỉnh tặng Bằng khen về thành tích trong thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2011 – 2020";
        var slug = Slug.From(title);
        Assert.True(slug.Length <= Slug.DefaultMaxLength);
        Assert.StartsWith("01-tap-the-01-ca-nhan-co-quan-so-tu-phap", slug, StringComparison.Ordinal);
        Assert.False(slug.EndsWith('-'));
        Assert.Contains(slug, Slug.From(title, 500), StringComparison.Ordinal);
        Assert.Equal('-', Slug.From(title, 500)[slug.Length]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ??? –")]
    [InlineData(null)]
    public void Text_without_letters_or_digits_gives_an_empty_slug(string? title) => Assert.Equal("", Slug.From(title));

    [Theory]
    [InlineData("binh-dang-gioi", true)]
    [InlineData("a1-b2", true)]
    [InlineData("Binh-dang", false)]
    [InlineData("-binh", false)]
    [InlineData("binh--dang", false)]
    [InlineData("bình", false)]
    [InlineData("../etc", false)]
    [InlineData("", false)]
    public void Well_formed_slugs_are_recognised(string slug, bool expected) => Assert.Equal(expected, Slug.IsWellFormed(slug));
}
