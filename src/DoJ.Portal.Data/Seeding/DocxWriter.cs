using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DoJ.Portal.Data.Seeding;

/// <summary>
/// Writes lines of text as a small Word document (DOCX, Open XML): what the demo documents' DOCX files are. No
/// font is embedded: Word and LibreOffice substitute one, and the text is Unicode (NFC) either way.
/// </summary>
public static class DocxWriter
{
    private const string FontName = "Times New Roman";

    public static byte[] Write(IEnumerable<FileLine> lines, string title)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = title;
            document.PackageProperties.Language = "vi-VN";
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var line in lines)
            {
                body.Append(Paragraph(line));
            }

            // A4 with the margins of Nghị định 30/2020/NĐ-CP (left 30 mm, others 20 mm), in twentieths of a point.
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 1134U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(FileLine line)
    {
        var centred = line.Style is FileLineStyle.Heading or FileLineStyle.Title or FileLineStyle.Subtitle;
        var runProperties = new RunProperties(
            new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName },
            new FontSize { Val = line.Style == FileLineStyle.Title ? "28" : "26" },
            new Languages { Val = "vi-VN" });
        if (line.Style is FileLineStyle.Heading or FileLineStyle.Title or FileLineStyle.Signature)
        {
            runProperties.Append(new Bold());
        }

        var paragraphProperties = new ParagraphProperties(
            new SpacingBetweenLines { After = line.Style == FileLineStyle.Body ? "120" : "0" },
            new Justification
            {
                Val = centred ? JustificationValues.Center
                    : line.Style == FileLineStyle.Signature ? JustificationValues.Right
                    : JustificationValues.Both,
            });
        return new Paragraph(paragraphProperties, new Run(runProperties, new Text(line.Text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
