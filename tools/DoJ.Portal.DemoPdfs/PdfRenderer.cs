using DoJ.Portal.Data.Seeding;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace DoJ.Portal.DemoPdfs;

/// <summary>
/// Lays lines out on A4 pages with PdfPig's <see cref="PdfDocumentBuilder"/>, which embeds only the glyphs a document
/// uses (a subset of the TrueType font) with a ToUnicode map, so text extraction reads the words back. (SkiaSharp's PDF
/// backend, tried first, embeds the whole font: 750 KB a file with DejaVu Sans.)
/// </summary>
internal sealed class PdfRenderer(byte[] regularFont, byte[] boldFont)
{
    private const double PageWidth = 595;   // A4 in points
    private const double PageHeight = 842;
    private const double Left = 85;         // 30 mm, as Nghị định 30/2020/NĐ-CP asks
    private const double Right = 57;        // 20 mm
    private const double Top = 57;
    private const double Bottom = 57;
    private const double BodySize = 11.5;
    private const double LineFactor = 1.45;

    public byte[] Render(IReadOnlyList<FileLine> lines, string title)
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = title;
        builder.DocumentInformation.Creator = "DoJ.Portal.DemoPdfs";
        var regular = builder.AddTrueTypeFont(regularFont);
        var bold = builder.AddTrueTypeFont(boldFont);
        var page = builder.AddPage(PageSize.A4);
        var y = PageHeight - Top;
        foreach (var line in lines)
        {
            var isBold = line.Style is FileLineStyle.Heading or FileLineStyle.Title or FileLineStyle.Signature;
            var font = isBold ? bold : regular;
            var size = line.Style == FileLineStyle.Title ? BodySize + 2.5 : BodySize;
            var height = size * LineFactor;
            if (line.Style is FileLineStyle.Title or FileLineStyle.Signature)
            {
                y -= height * 0.5;
            }

            var width = PageWidth - Left - Right;
            foreach (var piece in Wrap(line.Text, text => Measure(page, text, size, font), width))
            {
                if (y - height < Bottom)
                {
                    page = builder.AddPage(PageSize.A4);
                    y = PageHeight - Top;
                }

                y -= height;
                var measured = Measure(page, piece.TrimEnd(), size, font);
                var x = line.Style switch
                {
                    FileLineStyle.Heading or FileLineStyle.Title or FileLineStyle.Subtitle => Left + ((width - measured) / 2),
                    FileLineStyle.Signature => PageWidth - Right - measured - 20,
                    _ => Left,
                };
                // Each wrapped line keeps its trailing space, so extracted text never glues the last word of a line to the next.
                page.AddText(piece, size, new PdfPoint(x, y), font);
            }

            y -= line.Style == FileLineStyle.Body ? size * 0.5 : 0;
        }

        return builder.Build();
    }

    private static double Measure(PdfPageBuilder page, string text, double size, PdfDocumentBuilder.AddedFont font)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var letters = page.MeasureText(text, size, new PdfPoint(0, 0), font);
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
    }

    /// <summary>Greedy word wrap.</summary>
    private static List<string> Wrap(string text, Func<string, double> measure, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && measure(candidate) > width)
            {
                lines.Add(current + " ");
                current = word;
            }
            else
            {
                current = candidate;
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        return lines;
    }
}
