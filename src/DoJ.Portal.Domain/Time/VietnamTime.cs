using System.Globalization;

namespace DoJ.Portal.Domain.Time;

/// <summary>
/// Vietnam time (Asia/Ho_Chi_Minh). Vietnam has kept UTC+7 without daylight saving since 1975, so a
/// fixed offset is exact and does not depend on the server having time-zone data installed.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public const string DateFormat = "dd/MM/yyyy";
    public const string TimeFormat = "HH:mm";
    public const string IsoDateFormat = "yyyy-MM-dd";

    public static DateTime ToVietnam(DateTime utc) =>
        DateTime.SpecifyKind(EnsureUtc(utc) + Offset, DateTimeKind.Unspecified);

    public static DateTime ToUtc(DateTime vietnamLocal) =>
        DateTime.SpecifyKind(vietnamLocal - Offset, DateTimeKind.Utc);

    /// <summary>The Vietnam calendar day a UTC instant falls on (23:30 UTC on 21/01 is 22/01).</summary>
    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(ToVietnam(utc));

    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>The UTC half-open range [start, end) covering a Vietnam calendar day.</summary>
    public static (DateTime StartUtc, DateTime EndUtc) UtcRangeOf(DateOnly day)
    {
        var start = ToUtc(day.ToDateTime(TimeOnly.MinValue));
        return (start, start.AddDays(1));
    }

    public static string FormatDate(DateTime utc) =>
        ToVietnam(utc).ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string FormatDateTime(DateTime utc) =>
        ToVietnam(utc).ToString(TimeFormat + " " + DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses a <c>dd/MM/yyyy</c> date as typed in the archive picker; impossible dates fail.</summary>
    public static bool TryParseDate(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public static bool TryParseIsoDate(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), IsoDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static DateTime EnsureUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
