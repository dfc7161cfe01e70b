using System.Globalization;
using DoJ.Portal.Domain.Time;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// The publish-time field of the article and document forms: Vietnam time written <c>dd/MM/yyyy HH:mm</c>, a plain text
/// field, so it reads the same whatever the browser's language (a <c>datetime-local</c> field shows the browser's format).
/// </summary>
public static class PublishTime
{
    public const string Format = "dd/MM/yyyy HH:mm";

    /// <summary>The field's <c>pattern</c>: day/month/year and hour:minute, leading zeros optional.</summary>
    public const string Pattern = @"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}";

    public const string Placeholder = "dd/mm/yyyy hh:mm";

    public const string Invalid = "Thời điểm xuất bản không hợp lệ: hãy viết theo dạng ngày/tháng/năm giờ:phút, ví dụ 22/01/2021 09:00.";

    private static readonly string[] Formats =
    [
        "dd/MM/yyyy HH:mm", "d/M/yyyy H:mm", "d/M/yyyy HH:mm", "dd/MM/yyyy H:mm",
        // What a datetime-local field sent before (a form open in a tab across the upgrade, scripts of the old form).
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss",
    ];

    /// <summary>A stored UTC time as the field shows it.</summary>
    public static string Show(DateTime utc) => VietnamTime.ToVietnam(utc).ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Parses the field in Vietnam time; true with null when empty, false when malformed or out of range.</summary>
    public static bool TryParse(string? text, out DateTime? utc)
    {
        utc = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (trimmed.Length <= 32
            && DateTime.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && local.Year is >= 2000 and <= 2100)
        {
            utc = VietnamTime.ToUtc(local);
            return true;
        }

        return false;
    }
}
