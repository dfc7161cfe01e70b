using DoJ.Portal.Domain.Articles;

namespace DoJ.Portal.UnitTests.Articles;

/// <summary>
/// Nháp → Chờ duyệt → Đã xuất bản (or Hẹn giờ until its time comes) → Gỡ xuống, and to the recycle bin and back:
/// each allowed move, and each refused one, which returns false and leaves the article as it was.
/// </summary>
public sealed class ArticleWorkflowTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Yesterday = Now.AddDays(-1);
    private static readonly DateTime Tomorrow = Now.AddDays(1);

    [Fact]
    public void A_new_article_is_a_draft_with_no_publish_time()
    {
        var article = new ArticleBuilder().Build();

        Assert.Equal(ArticleState.Draft, article.StateAt(Now));
        Assert.Equal("Nháp", article.StateAt(Now).ToVietnamese());
        Assert.Null(article.PublishedAtUtc);
        Assert.False(article.IsPublic(Now));
    }

    [Theory]
    [InlineData(ArticleState.Draft)]
    [InlineData(ArticleState.Unpublished)]
    public void A_draft_or_an_unpublished_article_can_be_submitted_for_review(ArticleState state)
    {
        var article = ArticleIn(state);
        var publishedAt = article.PublishedAtUtc;

        Assert.True(article.Submit());

        Assert.Equal(ArticleStatus.Submitted, article.Status);
        Assert.Equal(ArticleState.Submitted, article.StateAt(Now));
        Assert.Equal("Chờ duyệt", article.StateAt(Now).ToVietnamese());
        Assert.Equal(publishedAt, article.PublishedAtUtc);
        Assert.False(article.IsPublic(Now));
    }

    [Theory]
    [InlineData(ArticleState.Submitted)]
    [InlineData(ArticleState.Scheduled)]
    [InlineData(ArticleState.Published)]
    public void Submitting_is_refused_for_an_article_already_submitted_scheduled_or_published(ArticleState state)
    {
        var article = ArticleIn(state);
        var before = Snapshot(article);

        Assert.False(article.Submit());

        Assert.Equal(before, Snapshot(article));
    }

    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Unpublished)]
    public void A_draft_or_an_unpublished_article_in_the_recycle_bin_cannot_be_submitted(ArticleStatus status)
    {
        var article = new ArticleBuilder().WithStatus(status).Deleted().Build();
        var before = Snapshot(article);

        Assert.False(article.Submit());

        Assert.Equal(before, Snapshot(article));
        Assert.Equal(ArticleState.Deleted, article.StateAt(Now));
    }

    [Theory]
    [InlineData(ArticleState.Draft)]
    [InlineData(ArticleState.Submitted)]
    [InlineData(ArticleState.Scheduled)]
    [InlineData(ArticleState.Published)]
    [InlineData(ArticleState.Unpublished)]
    public void Publishing_at_a_time_that_has_come_makes_any_article_outside_the_bin_public(ArticleState state)
    {
        var article = ArticleIn(state);

        Assert.True(article.Publish(Now));

        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(Now, article.PublishedAtUtc);
        Assert.Equal(ArticleState.Published, article.StateAt(Now));
        Assert.Equal("Đã xuất bản", article.StateAt(Now).ToVietnamese());
        Assert.True(article.IsPublic(Now));
    }

    [Fact]
    public void Publishing_at_a_later_time_schedules_the_article_and_it_appears_when_its_time_comes()
    {
        var article = ArticleIn(ArticleState.Submitted);

        Assert.True(article.Publish(Tomorrow));

        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(Tomorrow, article.PublishedAtUtc);
        Assert.Equal(ArticleState.Scheduled, article.StateAt(Now));
        Assert.Equal("Hẹn giờ", article.StateAt(Now).ToVietnamese());
        Assert.False(article.IsPublic(Now));
        Assert.Equal(ArticleState.Scheduled, article.StateAt(Tomorrow.AddTicks(-1)));
        Assert.False(article.IsPublic(Tomorrow.AddTicks(-1)));
        Assert.Equal(ArticleState.Published, article.StateAt(Tomorrow));
        Assert.True(article.IsPublic(Tomorrow));
        Assert.Equal(ArticleState.Published, article.StateAt(Tomorrow.AddDays(30)));
    }

    [Fact]
    public void Publishing_a_published_article_again_replaces_its_publish_time()
    {
        var article = ArticleIn(ArticleState.Published);

        Assert.True(article.Publish(Tomorrow));

        Assert.Equal(Tomorrow, article.PublishedAtUtc);
        Assert.Equal(ArticleState.Scheduled, article.StateAt(Now));
    }

    [Fact]
    public void The_publish_time_is_kept_as_UTC_without_shifting_it()
    {
        var article = ArticleIn(ArticleState.Submitted);
        var unspecified = new DateTime(2026, 11, 27, 3, 0, 0, DateTimeKind.Unspecified);

        Assert.True(article.Publish(unspecified));

        Assert.Equal(DateTimeKind.Utc, article.PublishedAtUtc!.Value.Kind);
        Assert.Equal(unspecified.Ticks, article.PublishedAtUtc.Value.Ticks);
    }

    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Submitted)]
    [InlineData(ArticleStatus.Published)]
    [InlineData(ArticleStatus.Unpublished)]
    public void An_article_in_the_recycle_bin_cannot_be_published(ArticleStatus status)
    {
        var article = new ArticleBuilder().Published(Yesterday).WithStatus(status).Deleted().Build();
        var before = Snapshot(article);

        Assert.False(article.Publish(Now));

        Assert.Equal(before, Snapshot(article));
        Assert.False(article.IsPublic(Now));
    }

    [Theory]
    [InlineData(ArticleState.Published)]
    [InlineData(ArticleState.Scheduled)]
    public void A_published_or_scheduled_article_can_be_taken_down_and_keeps_its_publish_time(ArticleState state)
    {
        var article = ArticleIn(state);
        var publishedAt = article.PublishedAtUtc;

        Assert.True(article.Unpublish());

        Assert.Equal(ArticleStatus.Unpublished, article.Status);
        Assert.Equal(ArticleState.Unpublished, article.StateAt(Now));
        Assert.Equal("Gỡ xuống", article.StateAt(Now).ToVietnamese());
        Assert.Equal(publishedAt, article.PublishedAtUtc);
        Assert.False(article.IsPublic(Now));
        Assert.False(article.IsPublic(Tomorrow.AddDays(30)));
    }

    [Theory]
    [InlineData(ArticleState.Draft)]
    [InlineData(ArticleState.Submitted)]
    [InlineData(ArticleState.Unpublished)]
    [InlineData(ArticleState.Deleted)]
    public void Taking_down_is_refused_for_an_article_that_is_not_published_or_is_in_the_bin(ArticleState state)
    {
        var article = ArticleIn(state);
        var before = Snapshot(article);

        Assert.False(article.Unpublish());

        Assert.Equal(before, Snapshot(article));
    }

    [Theory]
    [InlineData(ArticleState.Draft)]
    [InlineData(ArticleState.Submitted)]
    [InlineData(ArticleState.Scheduled)]
    [InlineData(ArticleState.Published)]
    [InlineData(ArticleState.Unpublished)]
    public void Moving_to_the_recycle_bin_records_who_and_when_and_hides_the_article(ArticleState state)
    {
        var article = ArticleIn(state);
        var (status, publishedAt) = (article.Status, article.PublishedAtUtc);

        Assert.True(article.MoveToBin("editor-1", Now));

        Assert.True(article.IsDeleted);
        Assert.Equal("editor-1", article.DeletedById);
        Assert.Equal(Now, article.DeletedAtUtc);
        Assert.Equal(ArticleState.Deleted, article.StateAt(Now));
        Assert.Equal("Thùng rác", article.StateAt(Now).ToVietnamese());
        Assert.Equal(ArticleState.Deleted, article.StateAt(Tomorrow.AddDays(30)));
        Assert.Equal(status, article.Status);
        Assert.Equal(publishedAt, article.PublishedAtUtc);
        Assert.False(article.IsPublic(Now));
        Assert.False(article.IsPublic(Tomorrow.AddDays(30)));
    }

    [Fact]
    public void An_article_already_in_the_recycle_bin_cannot_be_moved_there_again()
    {
        var article = ArticleIn(ArticleState.Published);
        Assert.True(article.MoveToBin("editor-1", Now));
        var before = Snapshot(article);

        Assert.False(article.MoveToBin("editor-2", Tomorrow));

        Assert.Equal(before, Snapshot(article));
        Assert.Equal("editor-1", article.DeletedById);
        Assert.Equal(Now, article.DeletedAtUtc);
    }

    [Theory]
    [InlineData(ArticleState.Draft)]
    [InlineData(ArticleState.Submitted)]
    [InlineData(ArticleState.Scheduled)]
    [InlineData(ArticleState.Published)]
    [InlineData(ArticleState.Unpublished)]
    public void Restoring_from_the_recycle_bin_returns_the_article_to_the_state_it_had(ArticleState state)
    {
        var article = ArticleIn(state);
        var (status, publishedAt) = (article.Status, article.PublishedAtUtc);
        Assert.True(article.MoveToBin("editor-1", Now));

        Assert.True(article.RestoreFromBin());

        Assert.False(article.IsDeleted);
        Assert.Null(article.DeletedById);
        Assert.Null(article.DeletedAtUtc);
        Assert.Equal(status, article.Status);
        Assert.Equal(publishedAt, article.PublishedAtUtc);
        Assert.Equal(state, article.StateAt(Now));
        Assert.Equal(state == ArticleState.Published, article.IsPublic(Now));
    }

    [Theory]
    [InlineData(ArticleState.Draft)]
    [InlineData(ArticleState.Submitted)]
    [InlineData(ArticleState.Scheduled)]
    [InlineData(ArticleState.Published)]
    [InlineData(ArticleState.Unpublished)]
    public void An_article_outside_the_recycle_bin_cannot_be_restored(ArticleState state)
    {
        var article = ArticleIn(state);
        var before = Snapshot(article);

        Assert.False(article.RestoreFromBin());

        Assert.Equal(before, Snapshot(article));
    }

    [Fact]
    public void An_article_goes_the_whole_way_from_draft_to_the_bin_and_back()
    {
        var article = new ArticleBuilder().Build();

        Assert.True(article.Submit());
        Assert.True(article.Publish(Tomorrow));
        Assert.Equal(ArticleState.Scheduled, article.StateAt(Now));
        Assert.Equal(ArticleState.Published, article.StateAt(Tomorrow));
        Assert.True(article.Unpublish());
        Assert.True(article.Submit());
        Assert.True(article.Publish(Tomorrow.AddHours(2)));
        Assert.True(article.MoveToBin("editor-1", Tomorrow.AddHours(3)));
        Assert.False(article.IsPublic(Tomorrow.AddHours(3)));
        Assert.True(article.RestoreFromBin());

        Assert.Equal(ArticleState.Published, article.StateAt(Tomorrow.AddHours(3)));
        Assert.Equal(Tomorrow.AddHours(2), article.PublishedAtUtc);
        Assert.True(article.IsPublic(Tomorrow.AddHours(3)));
    }

    /// <summary>An article in <paramref name="state"/> as it stands at <see cref="Now"/>.</summary>
    private static Article ArticleIn(ArticleState state)
    {
        var article = state switch
        {
            ArticleState.Draft => new ArticleBuilder().Build(),
            ArticleState.Submitted => new ArticleBuilder().WithStatus(ArticleStatus.Submitted).Build(),
            ArticleState.Scheduled => new ArticleBuilder().Published(Tomorrow).Build(),
            ArticleState.Published => new ArticleBuilder().Published(Yesterday).Build(),
            ArticleState.Unpublished => new ArticleBuilder().Published(Yesterday).WithStatus(ArticleStatus.Unpublished).Build(),
            ArticleState.Deleted => new ArticleBuilder().Published(Yesterday).Deleted().Build(),
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
        };
        Assert.Equal(state, article.StateAt(Now));
        return article;
    }

    /// <summary>Everything a workflow method may change.</summary>
    private static (ArticleStatus Status, DateTime? PublishedAtUtc, bool IsDeleted, DateTime? DeletedAtUtc, string? DeletedById) Snapshot(Article article) =>
        (article.Status, article.PublishedAtUtc, article.IsDeleted, article.DeletedAtUtc, article.DeletedById);
}
