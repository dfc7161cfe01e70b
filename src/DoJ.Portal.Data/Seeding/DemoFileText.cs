namespace DoJ.Portal.Data.Seeding;

/// <summary>How a line of a demo file is laid out: centred capitals for the header, body text, the signature block.</summary>
public enum FileLineStyle
{
    Heading = 0,
    Title = 1,
    Subtitle = 2,
    Body = 3,
    Signature = 4,
}

public sealed record FileLine(string Text, FileLineStyle Style);

/// <summary>
/// The text of a demo document's file, laid out as a Vietnamese administrative document (header, national motto,
/// number and date, title, body, signature). One composer for the DOCX written at seed time and the PDFs made once by
/// tools/DoJ.Portal.DemoPdfs, so both carry the same words.
/// </summary>
public static class DemoFileText
{
    private const string OfficialLetterType = "cong-van";

    /// <param name="typeName">The document type's name ("Quyết định"), the title of a main file.</param>
    /// <param name="today">The seeding day: only documents dated from it depend on it.</param>
    public static IReadOnlyList<FileLine> Compose(DemoDocuments all, DemoDocument document, DemoDocumentFile file, string typeName, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(file);
        var dates = document.DatesOn(today);
        var lines = new List<FileLine>();
        lines.AddRange(document.Heading.Select(h => new FileLine(h, FileLineStyle.Heading)));
        lines.Add(new FileLine("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", FileLineStyle.Heading));
        lines.Add(new FileLine("Độc lập – Tự do – Hạnh phúc", FileLineStyle.Heading));
        lines.Add(new FileLine("Số: " + DemoDocument.Fill(document.Number, dates), FileLineStyle.Subtitle));
        lines.Add(new FileLine($"{all.Place}, {DemoDocument.LongDate(dates.IssuedOn)}", FileLineStyle.Subtitle));
        var isMain = file.Title is null;
        if (!isMain)
        {
            lines.Add(new FileLine(file.Title!, FileLineStyle.Title));
        }
        else if (document.Type != OfficialLetterType)
        {
            lines.Add(new FileLine(typeName.ToUpperInvariant(), FileLineStyle.Title));
            lines.Add(new FileLine(document.Abstract, FileLineStyle.Subtitle));
        }
        else
        {
            lines.Add(new FileLine(document.Abstract, FileLineStyle.Subtitle));
        }

        lines.AddRange(file.Paragraphs.Select(p => new FileLine(DemoDocument.Fill(p, dates), FileLineStyle.Body)));
        if (isMain)
        {
            lines.AddRange(document.SignerTitle.Select(t => new FileLine(t, FileLineStyle.Signature)));
            lines.Add(new FileLine("(Đã ký)", FileLineStyle.Signature));
            lines.Add(new FileLine(document.Signer, FileLineStyle.Signature));
        }

        return lines;
    }

    /// <summary>The words of the file as plain text, a line each.</summary>
    public static string PlainText(IEnumerable<FileLine> lines) => string.Join('\n', lines.Select(l => l.Text));
}
