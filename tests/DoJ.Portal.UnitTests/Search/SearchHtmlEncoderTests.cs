using DoJ.Portal.Search;

namespace DoJ.Portal.UnitTests.Search;

public sealed class SearchHtmlEncoderTests
{
    [Fact]
    public void Markup_characters_are_escaped()
    {
        Assert.Equal(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; &lt;img src=x onerror=alert(1)&gt;",
            SearchHtmlEncoder.Encode("<script>alert('x')</script> & \"q\" <img src=x onerror=alert(1)>"));
    }

    [Theory]
    [InlineData("Bình đẳng giới")]
    [InlineData("BÌNH ĐẲNG GIỚI – Nghị định số 08/2020/NĐ-CP")]
    [InlineData("Thượng tôn Hiến pháp, pháp luật “Ngày Pháp luật” ½ ©")]
    public void Letters_and_other_text_stay_as_they_are(string text) =>
        Assert.Same(text, SearchHtmlEncoder.Encode(text));

    [Fact]
    public void A_hostile_title_is_escaped_and_its_words_are_still_marked_in_UTF_8()
    {
        using var analyzer = new VietnameseAnalyzer();
        var highlighter = new SearchHighlighter(analyzer);

        var html = highlighter.Title("<script>alert(1)</script> Bình đẳng giới & \"trẻ em\"", ["binh", "dang", "gioi"]);

        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Bình</mark> <mark>đẳng</mark> <mark>giới</mark> &amp; &quot;trẻ em&quot;", html);
    }

    [Fact]
    public void An_unmarked_summary_is_escaped_the_same_way()
    {
        using var analyzer = new VietnameseAnalyzer();
        var highlighter = new SearchHighlighter(analyzer);

        Assert.Equal("Tóm tắt &lt;b&gt;đậm&lt;/b&gt;", highlighter.Excerpt("", "Tóm tắt <b>đậm</b>", ["khong"]));
    }
}
