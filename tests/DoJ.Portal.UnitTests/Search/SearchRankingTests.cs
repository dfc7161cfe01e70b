using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.UnitTests.Search;

/// <summary>
/// The index against a plain reference: every article's flags computed from its folded words, ordered
/// lexicographically, then newest first, then by id (the order articles were indexed).
/// </summary>
public sealed class SearchRankingTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Vocabulary = ["hộ", "tịch", "luật", "pháp", "bình", "đẳng", "giới", "lụt"];
    private static readonly string[] Categories = ["Tin tức", "Pháp luật", "Thông báo"];

    private readonly string folder = Path.Combine(Path.GetTempPath(), "doj-portal-unit", "search-" + Guid.NewGuid().ToString("N"));
    private readonly List<SearchIndex> indexes = [];
    private readonly VietnameseAnalyzer analyzer = new();

    public void Dispose()
    {
        foreach (var index in indexes)
        {
            index.Dispose();
        }

        analyzer.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <param name="countCap">
    /// Where counting stops: past it a query's levels are read in windows of time (the last week, 28 days…).
    /// 1 makes every query with more matches than a reader can page through use the windows.
    /// </param>
    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1)]
    public void Random_articles_and_queries_rank_as_the_reference_on_every_page(int countCap)
    {
        var random = new Random(20261127);
        var articles = Enumerable.Range(1, 300).Select(id => RandomArticle(random, id)).ToList();
        var index = Build(articles);
        index.CountCap = countCap;
        var queries = new List<string> { "hộ", "lụt", "hộ tịch", "tịch hộ", "pháp luật", "bình đẳng giới", "luật luật", "hộ xyz", "xyz", "tin", "pháp tin" };
        for (var i = 0; i < 120; i++)
        {
            var words = Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(10) == 0 ? "xyz" : Vocabulary[random.Next(Vocabulary.Length)]);
            queries.Add(string.Join(' ', words));
        }

        foreach (var query in queries)
        {
            foreach (var pageSize in new[] { 10, 7, 3 })
            {
                var expected = Reference(articles, query);
                var last = Math.Max(1, (Math.Min(expected.Ids.Count, SearchIndex.MaxPage * pageSize) + pageSize - 1) / pageSize);
                foreach (var page in new[] { 1, 2, last, last + 1, SearchIndex.MaxPage, SearchIndex.MaxPage + 1 }.Distinct())
                {
                    AssertPage(index, articles, query, page, pageSize);
                }
            }
        }
    }

    [Fact]
    public void A_level_boundary_inside_a_page_continues_with_the_next_level_newest_first()
    {
        var articles = new List<ArticleIndexItem>
        {
            Article(1, "Hộ tịch điện tử", "", "", 1),
            Article(2, "Tin khác", "", "Đăng ký hộ tịch tại xã", 5),
            Article(3, "Hộ tịch và chứng thực", "", "", 2),
            Article(4, "Tin khác nữa", "Tịch thu hộ", "", 9),
            Article(5, "Tin mới", "", "Khai hộ tịch", 7),
        };
        var index = Build(articles);

        // Phrase in the title (1, 3), phrase in the body (2, 5), the words close in the summary (4).
        Assert.Equal([1, 3, 2], Page(index, "hộ tịch", 1, 3));
        Assert.Equal([5, 4], Page(index, "hộ tịch", 2, 3));
        Assert.Equal(5, index.Search("hộ tịch", 1, 3, Now).TotalMatches);
    }

    [Fact]
    public void A_scheduled_article_is_neither_listed_nor_counted_until_its_time()
    {
        var articles = new List<ArticleIndexItem>
        {
            Article(1, "Phòng chống lụt bão", "", "", 1),
            Article(2, "Lụt bão sắp tới", "", "", 0) with { PublishedAtUtc = Now.AddHours(2) },
        };
        var index = Build(articles);

        var results = index.Search("lụt", 1, 10, Now);
        Assert.Equal([1], results.Hits.Items.Select(h => h.Id));
        Assert.Equal(1, results.TotalMatches);
        Assert.Equal([2, 1], index.Search("lụt", 1, 10, Now.AddHours(2)).Hits.Items.Select(h => h.Id));
    }

    [Fact]
    public void A_kept_answer_is_not_used_at_a_time_when_it_would_differ()
    {
        var articles = new List<ArticleIndexItem>
        {
            Article(1, "Phòng chống lụt bão", "", "", 1),
            Article(2, "Lụt bão sắp tới", "", "", 0) with { PublishedAtUtc = Now.AddHours(2) },
        };
        var index = Build(articles);

        // Asked again and again, then after the scheduled one came due, then (a clock set back) before it.
        Assert.Equal([1], index.Search("lụt", 1, 10, Now).Hits.Items.Select(h => h.Id));
        Assert.Equal([1], index.Search("LUT", 1, 10, Now.AddHours(1)).Hits.Items.Select(h => h.Id));
        Assert.Equal([2, 1], index.Search("lụt", 1, 10, Now.AddHours(2)).Hits.Items.Select(h => h.Id));
        Assert.Equal([2, 1], index.Search("lụt", 1, 10, Now.AddHours(3)).Hits.Items.Select(h => h.Id));
        Assert.Equal([1], index.Search("lụt", 1, 10, Now).Hits.Items.Select(h => h.Id));
    }

    [Fact]
    public void Without_an_article_holding_every_word_those_with_more_words_come_first_then_the_newest()
    {
        var articles = new List<ArticleIndexItem>
        {
            Article(1, "Bình đẳng", "", "", 1),
            Article(2, "Giới trẻ", "", "", 3),
            Article(3, "Bình an", "", "", 2),
            Article(4, "Không liên quan", "", "", 4),
            Article(5, "Đẳng cấp", "", "bình", 0),
        };
        var index = Build(articles);

        var results = index.Search("bình đẳng xyz", 1, 10, Now);

        Assert.True(results.AnyWordMatch);
        Assert.Equal([5, 1, 3], results.Hits.Items.Select(h => h.Id));
        Assert.Equal(3, results.TotalMatches);
    }

    [Fact]
    public void A_three_word_phrase_ranks_first_and_no_phrase_spans_the_summary_and_the_body()
    {
        var articles = new List<ArticleIndexItem>
        {
            Article(1, "Tin một", "Bàn về bình", "đẳng giới", 9),
            Article(2, "Tin hai", "", "Thực hiện bình đẳng giới ở xã", 1),
            Article(3, "Tin ba", "", "Giới thiệu bình đẳng", 8),
            Article(4, "Bình đẳng giới", "", "", 0),
        };
        var index = Build(articles);

        Assert.Equal([4, 2, 3, 1], Page(index, "Bình đẳng giới", 1, 10));
        Assert.Equal(Reference(articles, "Bình đẳng giới").Ids, Page(index, "Bình đẳng giới", 1, 10));
    }

    [Fact]
    public void A_common_query_past_the_count_cap_says_more_than_and_keeps_a_page_at_its_last_update_among_the_articles()
    {
        // 61 entries with the word in the title only, one level; a page of 1 can reach 50, so counting stops at 50.
        var articles = Enumerable.Range(1, 60).Select(i => Article(i, "Tin lụt " + i, "", "", i * 9)).ToList();
        var updated = new PageIndexItem(1000, "Lụt bão", "lut-bao", "<p>Trang giới thiệu</p>", Now.AddDays(-100));
        var index = Build(articles, [updated]);
        index.CountCap = 1;

        var results = index.Search("lụt", 1, 1, Now);
        Assert.True(results.MoreMatches);
        Assert.Equal(50, results.TotalMatches);
        var expected = articles.Select(a => (a.Id, At: a.PublishedAtUtc)).Append((updated.Id, At: updated.UpdatedAtUtc))
            .OrderByDescending(e => e.At).ThenBy(e => e.Id).Select(e => e.Id).Take(50).ToList();
        var shown = Enumerable.Range(1, 50).Select(page => Assert.Single(index.Search("lụt", page, 1, Now).Hits.Items).Id).ToList();
        Assert.Equal(expected, shown);
        Assert.Contains(1000, shown);
    }

    [Fact]
    public void A_long_body_is_highlighted_near_its_start_only()
    {
        var body = "Hộ tịch " + string.Concat(Enumerable.Repeat("chữ ", 20_000)) + " lụt";
        var index = Build([Article(1, "Tin dài", "Tóm tắt", body, 1)]);

        var hit = Assert.Single(index.Search("hộ tịch", 1, 10, Now).Hits.Items);
        Assert.Contains("<mark>Hộ</mark>", hit.ExcerptHtml, StringComparison.Ordinal);
        var late = Assert.Single(index.Search("lụt", 1, 10, Now).Hits.Items);
        Assert.DoesNotContain("<mark>", late.ExcerptHtml, StringComparison.Ordinal);
    }

    private SearchIndex Build(IReadOnlyCollection<ArticleIndexItem> articles, IReadOnlyCollection<PageIndexItem>? pages = null)
    {
        var options = Options.Create(new SearchOptions { IndexPath = Path.Combine(folder, indexes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
        var index = new SearchIndex(options, NullLogger<SearchIndex>.Instance);
        indexes.Add(index);
        index.Load(articles, [], pages ?? []);
        return index;
    }

    private static List<int> Page(SearchIndex index, string query, int page, int pageSize) =>
        index.Search(query, page, pageSize, Now).Hits.Items.Select(h => h.Id).ToList();

    private void AssertPage(SearchIndex index, IReadOnlyList<ArticleIndexItem> articles, string query, int page, int pageSize)
    {
        var expected = Reference(articles, query);
        var actual = index.Search(query, page, pageSize, Now);
        var expectedIds = page > SearchIndex.MaxPage ? [] : expected.Ids.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var context = $"q={query} page={page} size={pageSize}";
        Assert.True(expectedIds.SequenceEqual(actual.Hits.Items.Select(h => h.Id)), $"{context}: expected [{string.Join(',', expectedIds)}] got [{string.Join(',', actual.Hits.Items.Select(h => h.Id))}]");
        var cap = Math.Max(index.CountCap, SearchIndex.MaxPage * pageSize);
        Assert.True(Math.Min(expected.Ids.Count, cap) == actual.TotalMatches, $"{context}: total {expected.Ids.Count} (cap {cap}) != {actual.TotalMatches}");
        Assert.True(expected.Ids.Count > cap == actual.MoreMatches, $"{context}: more than {cap}?");
        Assert.True(Math.Min(expected.Ids.Count, SearchIndex.MaxPage * pageSize) == actual.Hits.TotalCount, context);
        Assert.True(expected.AnyWord == actual.AnyWordMatch, context);
    }

    /// <summary>The ranking rule written plainly over the articles' folded words.</summary>
    private (List<int> Ids, bool AnyWord) Reference(IReadOnlyList<ArticleIndexItem> articles, string query)
    {
        var terms = analyzer.Terms(SearchQueryBuilder.Body, query, SearchIndex.MaxTerms);
        if (terms.Count == 0)
        {
            return ([], false);
        }

        var distinct = terms.Distinct(StringComparer.Ordinal).ToList();
        var visible = articles.Where(a => a.PublishedAtUtc <= Now).Select(a => new
        {
            Article = a,
            Title = Words(a.Title),
            Summary = Words(a.Summary),
            Body = Words(HtmlText.From(a.Body)),
            Category = Words(a.CategoryName),
        }).ToList();
        var all = visible.Where(v => distinct.TrueForAll(t => v.Title.Contains(t) || v.Summary.Contains(t) || v.Body.Contains(t) || v.Category.Contains(t))).ToList();
        if (all.Count > 0 || distinct.Count == 1)
        {
            var ranked = all.Select(v =>
            {
                var t1 = Adjacent(v.Title, terms);
                var t2 = Adjacent(v.Summary, terms) || Adjacent(v.Body, terms);
                var t3 = terms.Count > 1 && (t1 || t2 || Close(v.Title, terms) || Close(v.Summary, terms));
                var t4 = distinct.TrueForAll(v.Title.Contains);
                return (v.Article, Key: (t1 ? 8 : 0) + (t2 ? 4 : 0) + (t3 ? 2 : 0) + (t4 ? 1 : 0));
            });
            return (ranked.OrderByDescending(r => r.Key).ThenByDescending(r => r.Article.PublishedAtUtc).ThenBy(r => r.Article.Id).Select(r => r.Article.Id).ToList(), false);
        }

        var any = visible
            .Select(v => (v.Article, Count: distinct.Count(t => v.Title.Contains(t) || v.Summary.Contains(t) || v.Body.Contains(t) || v.Category.Contains(t))))
            .Where(r => r.Count > 0);
        return (any.OrderByDescending(r => r.Count).ThenByDescending(r => r.Article.PublishedAtUtc).ThenBy(r => r.Article.Id).Select(r => r.Article.Id).ToList(), true);
    }

    private List<string> Words(string text) => analyzer.Terms(SearchQueryBuilder.Body, text, int.MaxValue).ToList();

    private static bool Adjacent(List<string> words, IReadOnlyList<string> terms) =>
        Enumerable.Range(0, Math.Max(0, words.Count - terms.Count + 1)).Any(i => terms.Select((t, k) => words[i + k] == t).All(x => x));

    /// <summary>Some choice of distinct positions, one per term, whose offsets from the phrase spread at most <see cref="SearchQueryBuilder.CloseSlop"/>.</summary>
    private static bool Close(List<string> words, IReadOnlyList<string> terms)
    {
        var chosen = new int[terms.Count];
        return Choose(0);

        bool Choose(int k)
        {
            if (k == terms.Count)
            {
                var shifted = chosen.Select((p, i) => p - i).ToList();
                return shifted.Max() - shifted.Min() <= SearchQueryBuilder.CloseSlop;
            }

            for (var p = 0; p < words.Count; p++)
            {
                if (words[p] == terms[k] && !chosen.Take(k).Contains(p))
                {
                    chosen[k] = p;
                    if (Choose(k + 1))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    private static ArticleIndexItem RandomArticle(Random random, int id)
    {
        string Text(int min, int max) => string.Join(' ', Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => random.Next(6) == 0 ? "tin" : Vocabulary[random.Next(Vocabulary.Length)]));
        // Ages from hours to ten years, so a level spans every window of time a common query is read in.
        var daysAgo = random.Next(3) switch { 0 => random.Next(7), 1 => random.Next(400), _ => random.Next(4000) };
        var article = Article(id, Text(1, 5), Text(0, 8), Text(0, 25), daysAgo);
        article = article with { CategoryName = Categories[random.Next(Categories.Length)] };
        return random.Next(25) == 0 ? article with { PublishedAtUtc = Now.AddDays(random.Next(1, 5)) } : article;
    }

    private static ArticleIndexItem Article(int id, string title, string summary, string body, int daysAgo) =>
        new(id, title, "bai-" + id, summary, "<p>" + System.Net.WebUtility.HtmlEncode(body) + "</p>", "Thông báo", "thong-bao", Now.AddDays(-daysAgo), Now);
}
