namespace DoJ.Portal.Web.Counting;

/// <summary>The <c>Counting</c> section: the windows of a visit and of "visitors now" (docs/visit-counter.md), and the flush interval.</summary>
public sealed class CountingOptions
{
    public const string Section = "Counting";

    /// <summary>A gap this long or longer between two page views starts a new visit.</summary>
    public TimeSpan VisitGap { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>"Truy cập hiện tại": visitors with a page view within this window.</summary>
    public TimeSpan NowWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often counts are written; a crash loses at most this much counting.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the widget's stored figures (total visits, visitors now) are shared between pages before
    /// they are read again; 0 reads them for every page. A flush by this instance drops them at once.
    /// </summary>
    public double WidgetSeconds { get; set; } = 1;

    /// <summary>Visitors remembered in memory for the visit gap; past this, the oldest are forgotten at the next flush.</summary>
    public int MaxTrackedVisitors { get; set; } = 200_000;
}
