using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DoJ.Portal.Data.Seeding;
using DoJ.Portal.Domain.Files;
using UglyToad.PdfPig;

namespace DoJ.Portal.UnitTests.Seeding;

/// <summary>
/// The files of the demo documents (docs/demo-content.md): the committed PDFs give their Vietnamese text back to a
/// text extractor, the DOCX written at seed time hold theirs, and each file's search phrase is in that file only.
/// </summary>
public sealed class DemoDocumentFilesTests
{
    private static readonly DemoDocuments Demo = DemoDocuments.Load();
    private static readonly Dictionary<string, string> TypeNames = RegisterTermLists.Load().DocumentTypes.ToDictionary(t => t.Slug, t => t.Name, StringComparer.Ordinal);
    private static readonly DateOnly Today = new(2026, 11, 27);

    public static TheoryData<string> PdfFiles() => [.. Files(FileKind.Pdf)];

    public static TheoryData<string> DocxFiles() => [.. Files(FileKind.Docx)];

    [Theory]
    [MemberData(nameof(PdfFiles))]
    public void A_committed_PDF_gives_back_its_phrase_and_number_through_PdfPig(string name)
    {
        var (document, file) = Find(name);
        var bytes = DemoDocuments.ReadCommittedFile(name);
        Assert.NotNull(bytes);
        Assert.InRange(bytes.Length, 1_000, 100_000);

        var text = PdfText(bytes);

        Assert.Contains(file.Phrase.Normalize(NormalizationForm.FormC), text, StringComparison.Ordinal);
        Assert.Contains(document.Number, text, StringComparison.Ordinal);
        // Every paragraph, not just the phrase: the PDF was regenerated after its text last changed.
        Assert.All(file.Paragraphs, p => Assert.Contains(Words(p), text, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DocxFiles))]
    public void A_generated_DOCX_holds_its_text_and_phrase(string name)
    {
        var (document, file) = Find(name);
        var lines = DemoFileText.Compose(Demo, document, file, TypeNames[document.Type], Today);

        var bytes = DocxWriter.Write(lines, file.DisplayName);

        using var stream = new MemoryStream(bytes);
        using var docx = WordprocessingDocument.Open(stream, false);
        var paragraphs = docx.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => p.InnerText).ToList();
        Assert.Equal(lines.Select(l => l.Text), paragraphs);
        Assert.Contains(paragraphs, p => p.Contains(file.Phrase, StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.Contains('{', StringComparison.Ordinal));
    }

    [Fact]
    public void Each_phrase_is_in_its_own_file_only_and_in_no_title_abstract_or_article()
    {
        var articles = DemoContentText();
        foreach (var document in Demo.Documents)
        {
            foreach (var file in document.Files)
            {
                Assert.True(file.Phrase.IsNormalized(NormalizationForm.FormC), file.Name);
                Assert.Single(Demo.Documents.SelectMany(d => d.Files), f => f.Paragraphs.Any(p => p.Contains(file.Phrase, StringComparison.Ordinal)));
                Assert.DoesNotContain(file.Phrase, document.Abstract, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(file.Phrase, articles, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void Every_PDF_of_the_demo_documents_is_committed_and_every_committed_PDF_is_used()
    {
        var committed = typeof(DemoDocuments).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(DemoDocuments.FileResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[DemoDocuments.FileResourcePrefix.Length..]);

        Assert.Equal(Files(FileKind.Pdf).Order(StringComparer.Ordinal), committed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_demo_documents_text_is_NFC()
    {
        using var stream = typeof(DemoDocuments).Assembly.GetManifestResourceStream(DemoDocuments.ResourceName)!;
        using var reader = new StreamReader(stream);
        var json = reader.ReadToEnd();

        Assert.True(json.IsNormalized(NormalizationForm.FormC));
    }

    private static IEnumerable<string> Files(FileKind kind) =>
        DemoDocuments.Load().Documents.SelectMany(d => d.Files).Where(f => f.Kind == kind).Select(f => f.Name);

    private static (DemoDocument Document, DemoDocumentFile File) Find(string name) =>
        Demo.Documents.SelectMany(d => d.Files.Select(f => (d, f))).Single(x => x.f.Name == name);

    /// <summary>The words of every page, one space between them (line ends included), in NFC.</summary>
    private static string PdfText(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).Normalize(NormalizationForm.FormC);
    }

    private static string Words(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string DemoContentText()
    {
        using var stream = typeof(DemoDocuments).Assembly.GetManifestResourceStream("DoJ.Portal.Data.Seeding.demo-content.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
