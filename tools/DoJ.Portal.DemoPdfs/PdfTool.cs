using DoJ.Portal.Data.Seeding;
using DoJ.Portal.Domain.Files;

namespace DoJ.Portal.DemoPdfs;

/// <summary>
/// <c>DoJ.Portal.DemoPdfs [--font PATH] [--bold-font PATH] [--out DIR]</c>: renders every PDF file of
/// <c>demo-documents.json</c> from the same text the seeder writes into DOCX files, with an embedded (subset) font, so
/// that a machine without fonts still shows and extracts the Vietnamese text. Run it after editing a PDF's text, then
/// commit the files it writes into <c>src/DoJ.Portal.Data/Seeding/Files</c>.
/// </summary>
public static class PdfTool
{
    /// <summary>DejaVu Sans as Debian and Ubuntu install it (package fonts-dejavu-core); any TrueType font with Vietnamese glyphs will do.</summary>
    public const string DefaultFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    public const string DefaultBoldFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    public const string DefaultOutput = "src/DoJ.Portal.Data/Seeding/Files";

    public const string Usage = """
        Usage: DoJ.Portal.DemoPdfs [--font PATH] [--bold-font PATH] [--out DIR]
          Writes the PDF files of src/DoJ.Portal.Data/Seeding/demo-documents.json into DIR (default
          src/DoJ.Portal.Data/Seeding/Files, relative to the current directory: run it from the repository root).
          Fonts default to DejaVu Sans (/usr/share/fonts/truetype/dejavu/, Debian package fonts-dejavu-core).
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        string font = DefaultFont, bold = DefaultBoldFont, target = DefaultOutput;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--font" when value is not null:
                    font = value;
                    i++;
                    break;
                case "--bold-font" when value is not null:
                    bold = value;
                    i++;
                    break;
                case "--out" when value is not null:
                    target = value;
                    i++;
                    break;
                default:
                    output.WriteLine(Usage);
                    return args[i] is "--help" or "-h" ? 0 : 2;
            }
        }

        foreach (var path in new[] { font, bold })
        {
            if (!File.Exists(path))
            {
                output.WriteLine($"Font file not found: {path}. Give one with --font/--bold-font.");
                return 1;
            }
        }

        Directory.CreateDirectory(target);
        var demo = DemoDocuments.Load();
        var types = RegisterTermLists.Load().DocumentTypes.ToDictionary(t => t.Slug, t => t.Name, StringComparer.Ordinal);
        var renderer = new PdfRenderer(File.ReadAllBytes(font), File.ReadAllBytes(bold));
        var count = 0;
        foreach (var document in demo.Documents)
        {
            foreach (var file in document.Files.Where(f => f.Kind == FileKind.Pdf))
            {
                // Committed files cannot follow the seeding day: a PDF belongs to a document with fixed dates.
                if (document.IssuedOn is null)
                {
                    output.WriteLine($"{document.Key}: a document dated from the seeding day cannot have a PDF; make its file a DOCX.");
                    return 1;
                }

                var lines = DemoFileText.Compose(demo, document, file, types[document.Type], document.IssuedOn.Value);
                var bytes = renderer.Render(lines, file.DisplayName);
                File.WriteAllBytes(Path.Combine(target, file.Name), bytes);
                output.WriteLine($"{file.Name}: {bytes.Length:N0} bytes");
                count++;
            }
        }

        output.WriteLine($"{count} PDF files written to {Path.GetFullPath(target)}.");
        return 0;
    }
}
