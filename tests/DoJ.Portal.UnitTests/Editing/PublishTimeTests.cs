using DoJ.Portal.Web.Editing;

namespace DoJ.Portal.UnitTests.Editing;

public sealed class PublishTimeTests
{
    [Theory]
    [InlineData("22/01/2021 09:00")]
    [InlineData("22/1/2021 9:00")]
    [InlineData(" 22/01/2021  09:00 ")]
    [InlineData("2021-01-22T09:00")]
    public void A_Vietnam_time_is_read_as_UTC_seven_hours_earlier(string text)
    {
        Assert.True(PublishTime.TryParse(text, out var utc));
        Assert.Equal(new DateTime(2021, 1, 22, 2, 0, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc!.Value.Kind);
    }

    [Fact]
    public void Late_evening_in_Vietnam_is_the_previous_day_in_UTC()
    {
        Assert.True(PublishTime.TryParse("01/03/2026 05:30", out var utc));
        Assert.Equal(new DateTime(2026, 2, 28, 22, 30, 0, DateTimeKind.Utc), utc);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_field_means_now(string? text)
    {
        Assert.True(PublishTime.TryParse(text, out var utc));
        Assert.Null(utc);
    }

    [Theory]
    [InlineData("31/02/2021 09:00")]
    [InlineData("22/01/2021 25:61")]
    [InlineData("01/22/2021 09:00")]
    [InlineData("01/22/2021, 09:00 AM")]
    [InlineData("22/01/2021")]
    [InlineData("22/01/99999 09:00")]
    [InlineData("22/01/1999 09:00")]
    [InlineData("hôm nay")]
    [InlineData("22/01/2021 09:00<script>")]
    public void A_malformed_or_impossible_time_is_refused(string text) =>
        Assert.False(PublishTime.TryParse(text, out _));

    [Fact]
    public void A_stored_time_is_shown_day_first_in_Vietnam_time() =>
        Assert.Equal("22/01/2021 09:00", PublishTime.Show(new DateTime(2021, 1, 22, 2, 0, 0, DateTimeKind.Utc)));

    [Fact]
    public void What_is_shown_reads_back_to_the_same_time()
    {
        var utc = new DateTime(2026, 12, 2, 17, 45, 0, DateTimeKind.Utc);
        Assert.True(PublishTime.TryParse(PublishTime.Show(utc), out var back));
        Assert.Equal(utc, back);
    }
}
