using DoJ.Portal.Domain.Counting;
using DoJ.Portal.Web.Areas.Admin.Models;

namespace DoJ.Portal.UnitTests.Admin;

public sealed class VisitChartTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Fact]
    public void Every_day_of_the_period_is_present_and_days_without_counts_are_zero()
    {
        var chart = VisitChart.Build([new DailyStat { Day = Today.AddDays(-3), Visits = 10, PageViews = 20 }], Today);

        Assert.Equal(30, chart.Days.Count);
        Assert.Equal(Today.AddDays(-29), chart.Days[0].Day);
        Assert.Equal(Today, chart.Days[^1].Day);
        Assert.Equal(10, chart.Days[^4].Visits);
        Assert.All(chart.Days.Where(d => d.Day != Today.AddDays(-3)), d => Assert.Equal(0, d.BarHeight));
    }

    [Fact]
    public void The_tallest_value_fits_under_a_round_top_and_bars_are_proportional()
    {
        var chart = VisitChart.Build(
            [new DailyStat { Day = Today, Visits = 730, PageViews = 1460 }, new DailyStat { Day = Today.AddDays(-1), Visits = 365, PageViews = 0 }],
            Today);

        Assert.Equal(2000, chart.ScaleMax);
        Assert.Equal(chart.Days[^1].BarHeight, chart.Days[^2].BarHeight * 2, 6);
        Assert.True(chart.Days[^1].PointY >= VisitChart.Top);
        Assert.Equal(VisitChart.Top + VisitChart.PlotHeight, chart.Days[^2].PointY, 6);
    }

    [Fact]
    public void Stats_outside_the_period_neither_show_nor_stretch_the_scale()
    {
        var chart = VisitChart.Build([new DailyStat { Day = Today.AddDays(-30), Visits = 1_000_000, PageViews = 1_000_000 }], Today);

        Assert.Equal(4, chart.ScaleMax);
        Assert.Equal(0, chart.TotalVisits);
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(7, 10)]
    [InlineData(11, 20)]
    [InlineData(21, 25)]
    [InlineData(26, 50)]
    [InlineData(100, 100)]
    [InlineData(359_289, 500_000)]
    public void The_top_of_the_scale_is_a_round_number(long max, long top) =>
        Assert.Equal(top, VisitChart.NiceCeiling(max));
}
