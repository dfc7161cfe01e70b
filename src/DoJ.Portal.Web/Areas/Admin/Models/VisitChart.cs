using System.Globalization;
using DoJ.Portal.Domain.Counting;

namespace DoJ.Portal.Web.Areas.Admin.Models;

/// <summary>One day of the chart: its numbers and where they are drawn.</summary>
public sealed record ChartDay(DateOnly Day, long Visits, long PageViews, double BarX, double BarY, double BarHeight, double PointX, double PointY);

/// <summary>
/// The dashboard's chart of visits (bars) and page views (line) per Vietnam day, laid out on the server as
/// SVG coordinates: no chart library, no script, and the same numbers go into a table for screen readers.
/// </summary>
public sealed class VisitChart
{
    public const double Width = 720;
    public const double Height = 240;
    public const double Left = 56;
    public const double Right = 12;
    public const double Top = 12;
    public const double Bottom = 28;

    private VisitChart(IReadOnlyList<ChartDay> days, long scaleMax, IReadOnlyList<long> ticks, double barWidth)
    {
        Days = days;
        ScaleMax = scaleMax;
        Ticks = ticks;
        BarWidth = barWidth;
    }

    /// <summary>Every day of the period, oldest first; a day without counts is a zero, not a gap.</summary>
    public IReadOnlyList<ChartDay> Days { get; }

    /// <summary>The top of the vertical axis: a round number at or above the largest value.</summary>
    public long ScaleMax { get; }

    public IReadOnlyList<long> Ticks { get; }

    public double BarWidth { get; }

    public long TotalVisits => Days.Sum(d => d.Visits);

    public long TotalPageViews => Days.Sum(d => d.PageViews);

    public static double PlotHeight => Height - Top - Bottom;

    public double YOf(long value) => Top + PlotHeight - (PlotHeight * value / ScaleMax);

    /// <summary>The page-view line as SVG <c>points</c>.</summary>
    public string LinePoints => string.Join(' ', Days.Select(d => F(d.PointX) + "," + F(d.PointY)));

    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static VisitChart Build(IEnumerable<DailyStat> stats, DateOnly lastDay, int dayCount = 30)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentOutOfRangeException.ThrowIfLessThan(dayCount, 1);
        var byDay = stats.ToDictionary(s => s.Day);
        var first = lastDay.AddDays(1 - dayCount);
        var max = Math.Max(1, byDay.Values.Where(s => s.Day >= first && s.Day <= lastDay).Select(s => Math.Max(s.Visits, s.PageViews)).DefaultIfEmpty(0).Max());
        var scaleMax = NiceCeiling(max);
        var slot = (Width - Left - Right) / dayCount;
        var barWidth = Math.Max(1, slot * 0.6);
        var days = new List<ChartDay>(dayCount);
        for (var i = 0; i < dayCount; i++)
        {
            var day = first.AddDays(i);
            var stat = byDay.GetValueOrDefault(day);
            var visits = stat?.Visits ?? 0;
            var views = stat?.PageViews ?? 0;
            var barHeight = PlotHeight * visits / scaleMax;
            var x = Left + (slot * i);
            days.Add(new ChartDay(day, visits, views,
                x + ((slot - barWidth) / 2), Top + PlotHeight - barHeight, barHeight,
                x + (slot / 2), Top + PlotHeight - (PlotHeight * views / scaleMax)));
        }

        var ticks = Enumerable.Range(0, 5).Select(i => scaleMax * i / 4).ToList();
        return new VisitChart(days, scaleMax, ticks, barWidth);
    }

    /// <summary>The smallest of 1, 2, 2.5, 5 or 10 times a power of ten that is at least <paramref name="value"/>.</summary>
    public static long NiceCeiling(long value)
    {
        if (value <= 4)
        {
            return 4;
        }

        var power = 1L;
        while (power * 10 <= value)
        {
            power *= 10;
        }

        foreach (var step in new[] { 1.0, 2.0, 2.5, 5.0, 10.0 })
        {
            var candidate = (long)Math.Ceiling(step * power);
            if (candidate >= value)
            {
                return candidate;
            }
        }

        return power * 10;
    }
}
