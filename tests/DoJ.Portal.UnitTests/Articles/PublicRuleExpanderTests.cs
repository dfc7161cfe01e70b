using System.Linq.Expressions;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Articles;

namespace DoJ.Portal.UnitTests.Articles;

/// <summary>
/// The compiled queries of the hot pages use each kind's one "public" rule through <see cref="PublicRuleExpander"/>:
/// the expanded query must hold exactly the rule, at the time passed when it runs.
/// </summary>
public sealed class PublicRuleExpanderTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 3, 0, 0, DateTimeKind.Utc);

    private static readonly Article[] Articles =
    [
        new ArticleBuilder().Titled("Đã đăng").Published(Now.AddHours(-1)).Build(),
        new ArticleBuilder().Titled("Hẹn giờ").Published(Now.AddHours(1)).Build(),
        new ArticleBuilder().Titled("Nháp").Build(),
    ];

    [Fact]
    public void The_expanded_query_holds_the_rule_at_the_time_it_is_given()
    {
        var query = PublicRuleExpander.Expand<Func<IQueryable<Article>, DateTime, IQueryable<string>>>(
            (articles, now) => articles.Where(Article.IsPublicAt(now)).Select(a => a.Title)).Compile();

        foreach (var time in new[] { Now, Now.AddHours(2), Now.AddHours(-2) })
        {
            var expected = Articles.Where(a => a.IsPublic(time)).Select(a => a.Title).ToList();
            Assert.Equal(expected, query(Articles.AsQueryable(), time).ToList());
        }

        Assert.Equal(["Đã đăng"], query(Articles.AsQueryable(), Now).ToList());
        Assert.Equal(["Đã đăng", "Hẹn giờ"], query(Articles.AsQueryable(), Now.AddHours(2)).ToList());
    }

    [Fact]
    public void The_rule_call_is_gone_from_the_expanded_query()
    {
        var expanded = PublicRuleExpander.Expand<Func<IQueryable<Article>, DateTime, IQueryable<Article>>>(
            (articles, now) => articles.Where(Article.IsPublicAt(now)));

        Assert.DoesNotContain(nameof(Article.IsPublicAt), expanded.ToString(), StringComparison.Ordinal);
        Assert.Contains("now", expanded.Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_that_ignores_its_time_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => PublicRuleExpander.Expand<Func<IQueryable<Article>, DateTime, IQueryable<Article>>>(
            (articles, now) => articles.Where(IgnoresTime(now))));

    private static Expression<Func<Article, bool>> IgnoresTime(DateTime nowUtc) => a => a.Status == ArticleStatus.Published;
}
