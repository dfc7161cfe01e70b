using System.Text;

namespace DoJ.Portal.Web.Auditing;

/// <summary>
/// Writes RFC 4180 CSV that Excel opens in Vietnamese without mojibake (UTF-8 with a byte-order mark) and
/// that cannot run formulas: a cell starting with <c>= + - @</c>, tab or carriage return gets a leading
/// apostrophe (OWASP "CSV injection").
/// </summary>
public sealed class CsvWriter(TextWriter writer)
{
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public Task WriteRowAsync(params string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return writer.WriteAsync(string.Join(',', cells.Select(Cell)) + "\r\n");
    }

    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny(['"', ',', '\r', '\n', ';']) >= 0 || text.StartsWith(' ') || text.EndsWith(' ')
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }
}
