using System.Text;
using DoJ.Portal.Domain.Text;

namespace DoJ.Portal.Web.Navigation;

/// <summary>One data row of an import file: its (first) line number and its two values as written.</summary>
public sealed record CsvRedirectRow(int Line, string OldUrl, string NewUrl);

/// <summary>A row left out, with the reason in Vietnamese.</summary>
public sealed record CsvRejection(int Line, string Reason)
{
    public override string ToString() => $"Dòng {Line}: {Reason}";
}

/// <summary>The rows of a file, the rows that could not be read, or why the whole file was refused.</summary>
public sealed record CsvRedirectFile(IReadOnlyList<CsvRedirectRow> Rows, IReadOnlyList<CsvRejection> Rejected, string? Error)
{
    public static CsvRedirectFile Refused(string error) => new([], [], error);
}

/// <summary>
/// Reads a redirect import file: UTF-8 (with or without a byte order mark), an optional
/// <c>old_url,new_url</c> header, comma- or semicolon-separated (as Excel writes it where the decimal
/// separator is a comma), fields optionally quoted RFC 4180 style. Blank lines are skipped; a row that is
/// not exactly two values (trailing empty values aside) is rejected with its line number.
/// </summary>
public static class RedirectCsv
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 20_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static CsvRedirectFile Parse(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > MaxBytes)
        {
            return CsvRedirectFile.Refused($"Tệp lớn hơn {MaxBytes / 1024 / 1024} MB. Hãy chia thành nhiều tệp nhỏ hơn.");
        }

        var start = content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(content, start, content.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return CsvRedirectFile.Refused("Tệp không phải văn bản mã UTF-8. Hãy lưu lại tệp dạng “CSV UTF-8” rồi tải lên lại.");
        }

        return Parse(text);
    }

    public static CsvRedirectFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var separator = DetectSeparator(text);
        var rows = new List<CsvRedirectRow>();
        var rejected = new List<CsvRejection>();
        var first = true;
        foreach (var record in Records(text, separator))
        {
            if (record.Error is not null)
            {
                rejected.Add(new CsvRejection(record.Line, record.Error));
                continue;
            }

            var fields = record.Fields;
            while (fields.Count > 2 && fields[^1].Trim().Length == 0)
            {
                fields.RemoveAt(fields.Count - 1);
            }

            if (fields.All(f => f.Trim().Length == 0))
            {
                continue;
            }

            var isHeader = first && fields.Count == 2
                && string.Equals(fields[0].Trim(), "old_url", StringComparison.OrdinalIgnoreCase)
                && string.Equals(fields[1].Trim(), "new_url", StringComparison.OrdinalIgnoreCase);
            first = false;
            if (isHeader)
            {
                continue;
            }

            if (rows.Count + rejected.Count >= MaxRows)
            {
                return CsvRedirectFile.Refused($"Tệp có hơn {VietnameseNumber.Format(MaxRows)} dòng dữ liệu. Hãy chia thành nhiều tệp, mỗi tệp tối đa {VietnameseNumber.Format(MaxRows)} dòng.");
            }

            if (fields.Count != 2)
            {
                rejected.Add(new CsvRejection(record.Line, $"Dòng có {fields.Count} cột; cần đúng 2 cột: địa chỉ cũ và địa chỉ mới."));
                continue;
            }

            rows.Add(new CsvRedirectRow(record.Line, fields[0].Trim(), fields[1].Trim()));
        }

        return rows.Count == 0 && rejected.Count == 0
            ? CsvRedirectFile.Refused("Tệp không có dòng dữ liệu nào.")
            : new CsvRedirectFile(rows, rejected, null);
    }

    /// <summary>A semicolon when the first line has semicolons and no commas outside quotes, or exactly one semicolon and not exactly one comma.</summary>
    private static char DetectSeparator(string text)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                if (commas + semicolons > 0)
                {
                    break;
                }
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
        }

        return semicolons > 0 && (commas == 0 || (semicolons == 1 && commas != 1)) ? ';' : ',';
    }

    private sealed record CsvRecord(int Line, List<string> Fields, string? Error);

    private static IEnumerable<CsvRecord> Records(string text, char separator)
    {
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var startLine = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var wasQuoted = false;
            string? error = null;
            while (true)
            {
                if (i >= text.Length)
                {
                    if (quoted)
                    {
                        error = "Dấu ngoặc kép (\") mở mà không đóng; các dòng sau đó không đọc được.";
                    }

                    break;
                }

                var c = text[i++];
                if (quoted)
                {
                    if (c == '"' && i < text.Length && text[i] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        line += c == '\n' ? 1 : 0;
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.ToString().Trim().Length == 0 && !wasQuoted)
                {
                    field.Clear();
                    quoted = wasQuoted = true;
                }
                else if (c == separator)
                {
                    fields.Add(wasQuoted ? field.ToString() : field.ToString().Trim());
                    field.Clear();
                    wasQuoted = false;
                }
                else if (c is '\r' or '\n')
                {
                    if (c == '\r' && i < text.Length && text[i] == '\n')
                    {
                        i++;
                    }

                    line++;
                    break;
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(wasQuoted ? field.ToString() : field.ToString().Trim());
            yield return new CsvRecord(startLine, fields, error);
        }
    }
}
