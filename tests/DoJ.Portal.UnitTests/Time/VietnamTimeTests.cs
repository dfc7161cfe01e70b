using DoJ.Portal.Domain.Time;
using Microsoft.Extensions.Time.Testing;

namespace DoJ.Portal.UnitTests.Time;

public sealed class VietnamTimeTests
{
    [Fact]
    public void An_article_published_at_23_30_UTC_belongs_to_the_next_Vietnam_day()
    {
        var utc = new DateTime(2021, 1, 21, 23, 30, 0, DateTimeKind.Utc);
        Assert.Equal(new DateOnly(2021, 1, 22), VietnamTime.DayOf(utc));
        Assert.Equal("22/01/2021", VietnamTime.FormatDate(utc));
        Assert.Equal("06:30 22/01/2021", VietnamTime.FormatDateTime(utc));
    }

    [Fact]
    public void A_Vietnam_day_spans_17_00_UTC_to_17_00_UTC()
    {
        var (start, end) = VietnamTime.UtcRangeOf(new DateOnly(2021, 1, 22));
        Assert.Equal(new DateTime(2021, 1, 21, 17, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2021, 1, 22, 17, 0, 0, DateTimeKind.Utc), end);
        Assert.Equal(DateTimeKind.Utc, start.Kind);
    }

    [Fact]
    public void Today_follows_the_injected_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 17, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 11, 27), VietnamTime.Today(clock));
        var earlier = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 16, 59, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 11, 26), VietnamTime.Today(earlier));
    }

    [Theory]
    [InlineData("22/01/2021", true)]
    [InlineData("31/02/2021", false)]
    [InlineData("2021-01-22", false)]
    [InlineData("22/01/99999", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_real_dd_MM_yyyy_dates_parse(string? text, bool ok) => Assert.Equal(ok, VietnamTime.TryParseDate(text, out _));
}
