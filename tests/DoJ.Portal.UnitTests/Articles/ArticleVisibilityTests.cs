using DoJ.Portal.Domain.Articles;

namespace DoJ.Portal.UnitTests.Articles;

public sealed class ArticleVisibilityTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_published_article_whose_time_has_come_is_public() =>
        Assert.True(new ArticleBuilder().Published(Now.AddMinutes(-1)).Build().IsPublic(Now));

    [Fact]
    public void A_published_article_whose_time_has_not_come_is_scheduled_and_not_public()
    {
        var article = new ArticleBuilder().Published(Now.AddMinutes(1)).Build();
        Assert.False(article.IsPublic(Now));
        Assert.Equal(ArticleState.Scheduled, article.StateAt(Now));
        Assert.Equal("Hẹn giờ", article.StateAt(Now).ToVietnamese());
        Assert.True(article.IsPublic(Now.AddMinutes(1)));
    }

    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Submitted)]
    [InlineData(ArticleStatus.Unpublished)]
    public void Articles_outside_the_published_state_are_never_public(ArticleStatus status)
    {
        var article = new ArticleBuilder().Published(Now.AddDays(-1)).WithStatus(status).Build();
        Assert.False(article.IsPublic(Now));
        Assert.False(Article.IsPublicAt(Now).Compile()(article));
    }

    [Fact]
    public void A_deleted_article_is_not_public_and_shows_as_in_the_recycle_bin()
    {
        var article = new ArticleBuilder().Published(Now.AddDays(-1)).Deleted().Build();
        Assert.False(article.IsPublic(Now));
        Assert.Equal(ArticleState.Deleted, article.StateAt(Now));
    }
}
