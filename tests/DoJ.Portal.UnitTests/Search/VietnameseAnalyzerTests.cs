using System.Text;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;

namespace DoJ.Portal.UnitTests.Search;

public sealed class VietnameseAnalyzerTests
{
    private static IReadOnlyList<string> Terms(string text)
    {
        using var analyzer = new VietnameseAnalyzer();
        return analyzer.Terms("body", text, 100);
    }

    [Theory]
    [InlineData("a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ", "a")]
    [InlineData("e è é ẻ ẽ ẹ ê ề ế ể ễ ệ", "e")]
    [InlineData("i ì í ỉ ĩ ị", "i")]
    [InlineData("o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ", "o")]
    [InlineData("u ù ú ủ ũ ụ ư ừ ứ ử ữ ự", "u")]
    [InlineData("y ỳ ý ỷ ỹ ỵ", "y")]
    [InlineData("Ầ Ấ Ẩ Ẫ Ậ Ờ Ớ Ở Ỡ Ợ", null)]
    public void Every_vowel_with_every_tone_is_indexed_as_its_base_letter(string text, string? expected)
    {
        var terms = Terms(text);
        Assert.NotEmpty(terms);
        if (expected is null)
        {
            Assert.All(terms, t => Assert.True(t is "a" or "o", t));
        }
        else
        {
            Assert.All(terms, t => Assert.Equal(expected, t));
        }
    }

    [Theory]
    [InlineData("Bình đẳng giới")]
    [InlineData("binh dang gioi")]
    [InlineData("BÌNH ĐẲNG GIỚI")]
    [InlineData("bình đăng giới")]
    public void Case_diacritics_and_d_bar_do_not_matter(string text) =>
        Assert.Equal(["binh", "dang", "gioi"], Terms(text));

    [Fact]
    public void Decomposed_text_is_analyzed_like_composed_text()
    {
        var nfd = "Đẩy mạnh bảo vệ, chăm sóc trẻ em".Normalize(NormalizationForm.FormD);
        Assert.Equal(["day", "manh", "bao", "ve", "cham", "soc", "tre", "em"], Terms(nfd));
        Assert.Equal(Terms("Đẩy mạnh bảo vệ, chăm sóc trẻ em"), Terms(nfd));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("[*:-")]
    [InlineData("- ~ ? ( ) { } ^ \\ / !")]
    [InlineData("AND OR NOT")]
    public void Query_syntax_characters_are_only_text(string text)
    {
        var terms = Terms(text);
        Assert.DoesNotContain(terms, t => t.Any(c => "\"[]*:-~?(){}^\\/!".Contains(c, StringComparison.Ordinal)));
        var plan = SearchQueryBuilder.Plan(terms.Count > 0 ? terms : ["x"], requireAll: true);
        Assert.NotEmpty(plan.Levels);
    }
}

public sealed class SearchTextTests
{
    [Fact]
    public void Control_characters_are_removed_and_long_text_is_cut_to_200_characters()
    {
        var cleaned = SearchText.Clean("bình\u0000\u0007 đẳng\r\n" + new string('a', 10_000));
        Assert.Equal(200, cleaned.Length);
        Assert.StartsWith("bình   đẳng", cleaned, StringComparison.Ordinal);
        Assert.DoesNotContain(cleaned, char.IsControl);
    }

    [Fact]
    public void Decomposed_text_is_composed()
    {
        var nfd = "Bình đẳng".Normalize(NormalizationForm.FormD);
        Assert.Equal("Bình đẳng", SearchText.Clean(nfd));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t ")]
    public void Blank_text_is_empty(string? text) => Assert.Equal("", SearchText.Clean(text));
}

public sealed class HtmlTextTests
{
    [Fact]
    public void Tags_are_removed_entities_decoded_and_blocks_separated()
    {
        Assert.Equal("Tiêu đề Đoạn một & hai", HtmlText.From("<h2>Tiêu đề</h2><p>Đoạn <strong>một</strong> &amp; hai</p>"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("không thẻ, không thực thể")]
    [InlineData("<p></p>")]
    [InlineData(" <p> a </p>\n\t<p>b</p> ")]
    [InlineData("a < b và c > d")]
    [InlineData("mở <b không đóng")]
    [InlineData("<a<b>c</a>")]
    [InlineData("&lt;p&gt; là chữ &amp;&nbsp;cách&#160;không ngắt")]
    [InlineData("a\u2028b\u00a0\u00a0c\u3000d\u0085e")]
    [InlineData("<p>Kết thúc</p>>")]
    [InlineData("<")]
    [InlineData(">")]
    public void The_text_is_the_one_the_regular_expressions_gave(string? html)
    {
        html = html is null ? null : System.Text.RegularExpressions.Regex.Unescape(html);
        Assert.Equal(ByRegularExpressions(html), HtmlText.From(html));
    }

    [Fact]
    public void Generated_article_bodies_give_the_text_the_regular_expressions_gave()
    {
        var pools = DoJ.Portal.DatasetGenerator.PhrasePools.Load();
        var categories = pools.Topics.Keys.Select((slug, i) => new DoJ.Portal.Domain.Articles.Category { Id = i + 1, Slug = slug, Name = slug }).ToList();
        var composer = new DoJ.Portal.DatasetGenerator.ArticleComposer(pools, new Random(3), categories, 200, new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc));
        for (var number = 1; number <= 200; number++)
        {
            var body = composer.Next(number).Body;
            Assert.Equal(ByRegularExpressions(body), HtmlText.From(body));
        }
    }

    /// <summary>What <see cref="HtmlText"/> did before its single scans: tags, then entities, then white space.</summary>
    private static string ByRegularExpressions(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var withoutTags = System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", " ", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        var decoded = System.Net.WebUtility.HtmlDecode(withoutTags);
        return System.Text.RegularExpressions.Regex.Replace(decoded, @"\s+", " ", System.Text.RegularExpressions.RegexOptions.CultureInvariant).Trim();
    }
}

public sealed class VietnameseFoldingFilterTests
{
    private sealed class KeywordFolding : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new KeywordTokenizer(reader);
            return new TokenStreamComponents(tokenizer, new VietnameseFoldingFilter(tokenizer));
        }
    }

    [Fact]
    public void The_character_table_folds_every_text_exactly_as_lower_case_then_the_domain_rule()
    {
        var random = new Random(7);
        var pool = Enumerable.Range(0x20, 0x230).Concat(Enumerable.Range(0x0300, 0x70)).Concat(Enumerable.Range(0x1E00, 0x100))
            .Concat([0x0391, 0x03B1, 0x0410, 0x212B, 0xAC00, 0x1100, 0x1161, 0x4E2D])
            .Select(c => (char)c).ToArray();
        using var analyzer = new KeywordFolding();
        for (var i = 0; i < 20_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 8)).Select(_ => pool[random.Next(pool.Length)]).ToArray());
            if (random.Next(2) == 0)
            {
                text = text.Normalize(NormalizationForm.FormD);
            }

            using var stream = analyzer.GetTokenStream("f", text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            Assert.True(stream.IncrementToken());
            Assert.Equal(VietnameseText.Fold(text.ToLowerInvariant()), term.ToString());
            stream.End();
        }
    }
}
