using System.Globalization;

namespace DoJ.Portal.Domain.Text;

/// <summary>File sizes as Vietnamese readers write them: <c>350 KB</c>, <c>1,2 MB</c> (decimal comma, binary units).</summary>
public static class VietnameseByteSize
{
    private static readonly NumberFormatInfo Info = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        NegativeSign = "-",
    };

    public static string Format(long bytes)
    {
        const double Kilo = 1024;
        if (bytes < 1024)
        {
            return VietnameseNumber.Format(Math.Max(0, bytes)) + " B";
        }

        if (bytes < 1024 * 1024)
        {
            // Whole kilobytes, at least 1: "350 KB".
            return VietnameseNumber.Format((long)Math.Round(bytes / Kilo, MidpointRounding.AwayFromZero)) + " KB";
        }

        var (value, unit) = bytes < 1024L * 1024 * 1024 ? (bytes / (Kilo * Kilo), "MB") : (bytes / (Kilo * Kilo * Kilo), "GB");
        // One decimal below 100 ("1,2 MB", "20 MB"), none above ("350 MB").
        var rounded = Math.Round(value, value < 100 ? 1 : 0, MidpointRounding.AwayFromZero);
        return rounded.ToString(value < 100 ? "#,0.#" : "#,0", Info) + " " + unit;
    }
}
