using DoJ.Portal.Search;

namespace DoJ.Portal.UnitTests.Search;

public sealed class ChangeCursorTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public void Contiguous_changes_move_the_position_to_the_last_one()
    {
        var cursor = new ChangeCursor(10);
        Assert.True(cursor.Advance([11, 12, 13], Now, Timeout));
        Assert.Equal(13, cursor.Position);
        Assert.False(cursor.IsNew(12));
        Assert.True(cursor.IsNew(14));
    }

    [Fact]
    public void A_change_that_commits_late_behind_a_later_one_is_waited_for_and_then_applied()
    {
        var cursor = new ChangeCursor(10);
        cursor.Advance([11, 13], Now, Timeout);
        Assert.Equal(11, cursor.Position);
        Assert.False(cursor.IsNew(13)); // applied, remembered beyond the gap
        Assert.True(cursor.IsNew(12));

        cursor.Advance([12], Now.AddSeconds(2), Timeout);
        Assert.Equal(13, cursor.Position);
    }

    [Fact]
    public void A_gap_that_never_fills_is_given_up_after_the_timeout()
    {
        var cursor = new ChangeCursor(10);
        cursor.Advance([12], Now, Timeout);
        cursor.Advance([], Now.AddSeconds(59), Timeout);
        Assert.Equal(10, cursor.Position);

        Assert.True(cursor.Advance([], Now.AddSeconds(60), Timeout));
        Assert.Equal(12, cursor.Position);
    }

    [Fact]
    public void A_reset_forgets_the_changes_beyond_a_gap()
    {
        var cursor = new ChangeCursor(10);
        cursor.Advance([12], Now, Timeout);
        cursor.Reset(20);
        Assert.Equal(20, cursor.Position);
        Assert.False(cursor.IsNew(12));
        Assert.True(cursor.IsNew(21));
    }
}
