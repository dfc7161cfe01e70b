using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DoJ.Portal.Web.Security;

namespace DoJ.Portal.UnitTests.Security;

public sealed class HtmlLimitsTests
{
    private static readonly HtmlParser Parser = new();

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    /// <summary>How deep the real parser nests the body's elements (measured without recursion).</summary>
    private static int ParsedDepth(string html)
    {
        var body = Parser.ParseDocument(html).Body!;
        var deepest = 0;
        var stack = new Stack<(IElement Element, int Depth)>();
        stack.Push((body, 0));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            foreach (var child in element.Children)
            {
                stack.Push((child, depth + 1));
            }
        }

        return deepest;
    }

    /// <summary>Bodies built to look shallow to a naive tag count while the parser nests them deeper than the limit.</summary>
    public static readonly TheoryData<string, string> DeepInDisguise = new()
    {
        { "plain nesting", Repeat("<div>", 150) },
        { "stray end tags of elements not open", Repeat("<div></span>", 150) },
        { "end tags of unknown elements", Repeat("<div></x-y>", 150) },
        { "end tags that cannot reach past a table cell", "<div><table><tr><td>" + Repeat("<div></div></div>", 1) + Repeat("<section></div>", 150) },
        { "a comment closed by --!>", "<!-- a --!>" + Repeat("<div>", 150) + "-->" },
        { "an abrupt empty comment", "<!-->" + Repeat("<div>", 150) + "-->" },
        { "a quote that opens no attribute value", "<b =\">" + Repeat("<div>", 150) + "\">" },
        { "a quote inside an attribute name", "<b a\"b=1>" + Repeat("<div>", 150) },
        { "formatting elements the parser reopens", Repeat("<div>" + string.Concat(Enumerable.Range(0, 40).Select(k => $"<b title=\"{k}\">")) + "</div>x", 6) },
        { "nested tables with implied rows", Repeat("<table><td>", 60) },
        { "a script ended by its first end tag", "<script>" + Repeat("<div>", 10) + "</script>" + Repeat("<div>", 150) },
    };

    [Theory]
    [MemberData(nameof(DeepInDisguise))]
    public void Bodies_nested_deeper_than_the_limit_in_disguise_are_refused(string label, string html)
    {
        Assert.True(ParsedDepth(html) > HtmlLimits.MaxDepth, $"{label}: the case itself is not deep enough");
        Assert.Equal(HtmlLimits.TooDeep, HtmlLimits.Check(html));
    }

    /// <summary>Long but shallow: what editors and old pasted documents really hold.</summary>
    public static readonly TheoryData<string, string> ShallowBodies = new()
    {
        { "Quill paragraphs", Repeat("<p>Sở Tư pháp <strong>tổ chức</strong> hội nghị <em><a href=\"https://stp.example.vn\">tập huấn</a></em>.</p>", 2000) },
        { "unclosed paragraphs", Repeat("<p>đoạn văn", 500) },
        { "unclosed list items", "<ul>" + Repeat("<li>mục", 500) + "</ul>" },
        { "a table without end tags", "<table>" + Repeat("<tr><td>a<td>b", 500) + "</table>" },
        { "bold never closed across paragraphs", Repeat("<p><b>đậm</p>", 500) },
        { "markup inside a comment", "<!--" + Repeat("<div>", 500) + "-->" },
        { "markup inside a textarea", "<textarea>" + Repeat("<div>", 500) + "</textarea>" },
        { "markup inside an attribute value", "<a title=\"" + Repeat("<div>", 500) + "\">x</a>" },
        { "a table in a list in a table", Repeat("<table><tbody><tr><td><ul><li><p><strong>ô</strong></p></li></ul></td></tr></tbody></table>", 100) },
        { "headings that close each other", Repeat("<h2>tiêu đề<h3>mục", 300) },
    };

    [Theory]
    [MemberData(nameof(ShallowBodies))]
    public void Long_but_shallow_bodies_pass(string label, string html)
    {
        Assert.True(ParsedDepth(html) <= HtmlLimits.MaxDepth, $"{label}: the case itself is too deep");
        Assert.Null(HtmlLimits.Check(html));
    }

    [Fact]
    public void A_body_nested_exactly_to_the_limit_passes_and_one_level_more_is_refused()
    {
        Assert.Null(HtmlLimits.Check(Repeat("<div>", HtmlLimits.MaxDepth) + "x" + Repeat("</div>", HtmlLimits.MaxDepth)));
        Assert.Equal(HtmlLimits.TooDeep, HtmlLimits.Check(Repeat("<div>", HtmlLimits.MaxDepth + 1)));
    }

    [Fact]
    public void A_million_levels_are_refused_without_reading_further()
    {
        Assert.Equal(HtmlLimits.TooDeep, HtmlLimits.Check(Repeat("<div>", 1_000_000)));
    }

    [Fact]
    public void More_elements_than_the_limit_are_refused_even_when_flat()
    {
        Assert.Null(HtmlLimits.Check(Repeat("<br>", HtmlLimits.MaxElements)));
        Assert.Equal(HtmlLimits.TooManyElements, HtmlLimits.Check(Repeat("<br>", HtmlLimits.MaxElements + 1)));
    }

    [Fact]
    public void Empty_and_plain_text_bodies_pass()
    {
        Assert.Null(HtmlLimits.Check(null));
        Assert.Null(HtmlLimits.Check(""));
        Assert.Null(HtmlLimits.Check("chỉ có chữ, 1 < 2 và 3 > 2"));
        Assert.Null(HtmlLimits.Check("<p>unfinished <a href=\"x"));
    }

    [Fact]
    public void The_messages_are_vietnamese_and_composed()
    {
        Assert.True(HtmlLimits.TooDeep.IsNormalized(System.Text.NormalizationForm.FormC));
        Assert.True(HtmlLimits.TooManyElements.IsNormalized(System.Text.NormalizationForm.FormC));
        Assert.Contains("lồng nhau quá sâu", HtmlLimits.TooDeep, StringComparison.Ordinal);
    }
}
