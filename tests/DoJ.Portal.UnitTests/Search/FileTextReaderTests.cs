using System.Text;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Search.Extraction;
using DoJ.Portal.Testing.Files;

namespace DoJ.Portal.UnitTests.Search;

public sealed class FileTextReaderTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "doj-portal-unit", "files-" + Guid.NewGuid().ToString("N"));
    private static readonly FileTextOptions Limits = new();

    public FileTextReaderTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task The_text_of_every_page_of_a_pdf_is_read()
    {
        var path = Write("a.pdf", TestFiles.Pdf("Quyet dinh ve cong tac ho tich nam 2025", "Trang hai: chung thuc ban sao"));

        var result = await FileTextReader.ReadAsync(path, FileKind.Pdf, Limits, CancellationToken.None);

        Assert.Equal(FileTextState.Extracted, result.State);
        Assert.Contains("cong tac ho tich", result.Text, StringComparison.Ordinal);
        Assert.Contains("chung thuc ban sao", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_docx_is_read_paragraph_by_paragraph_as_nfc_whether_typed_composed_or_decomposed()
    {
        var composed = "Kế hoạch phổ biến giáo dục pháp luật";
        var decomposed = "Đăng ký hộ tịch trực tuyến".Normalize(NormalizationForm.FormD);
        var path = Write("a.docx", TestFiles.Docx(composed, decomposed));

        var result = await FileTextReader.ReadAsync(path, FileKind.Docx, Limits, CancellationToken.None);

        Assert.Equal(FileTextState.Extracted, result.State);
        Assert.Equal(composed + "\n" + "Đăng ký hộ tịch trực tuyến", result.Text);
        Assert.True(result.Text!.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public async Task A_damaged_pdf_is_unreadable_with_a_note_and_no_exception()
    {
        var pdf = TestFiles.Pdf("Noi dung");
        var path = Write("broken.pdf", [.. pdf.Take(40), .. Enumerable.Repeat((byte)0x5A, 200)]);

        var result = await FileTextReader.ReadAsync(path, FileKind.Pdf, Limits, CancellationToken.None);

        Assert.Equal(FileTextState.Unreadable, result.State);
        Assert.Equal(FileTextReader.DamagedNote, result.Note);
    }

    [Fact]
    public async Task Random_bytes_named_docx_are_unreadable_with_a_note_and_no_exception()
    {
        var bytes = new byte[4096];
        new Random(19).NextBytes(bytes);
        var path = Write("random.docx", bytes);

        var result = await FileTextReader.ReadAsync(path, FileKind.Docx, Limits, CancellationToken.None);

        Assert.Equal(FileTextState.Unreadable, result.State);
        Assert.Equal(FileTextReader.DamagedNote, result.Note);
    }

    [Fact]
    public async Task A_file_read_with_no_time_left_is_unreadable_and_a_cancelled_read_leaves_it_waiting()
    {
        var path = Write("a.pdf", TestFiles.Pdf("Noi dung"));

        var timedOut = await FileTextReader.ReadAsync(path, FileKind.Pdf, new FileTextOptions { TimeBudget = TimeSpan.Zero }, CancellationToken.None);
        var cancelled = await FileTextReader.ReadAsync(path, FileKind.Pdf, Limits, new CancellationToken(canceled: true));

        Assert.Equal(FileTextState.Unreadable, timedOut.State);
        Assert.StartsWith("Đọc tệp quá thời gian", timedOut.Note, StringComparison.Ordinal);
        Assert.Equal(FileTextState.Pending, cancelled.State);
    }

    [Fact]
    public async Task A_file_over_the_size_bound_or_missing_is_unreadable_without_being_opened()
    {
        var path = Write("big.pdf", TestFiles.Pdf("Noi dung"));

        var tooLarge = await FileTextReader.ReadAsync(path, FileKind.Pdf, new FileTextOptions { MaxFileBytes = 10 }, CancellationToken.None);
        var missing = await FileTextReader.ReadAsync(Path.Combine(folder, "none.pdf"), FileKind.Pdf, Limits, CancellationToken.None);

        Assert.Equal(FileTextState.Unreadable, tooLarge.State);
        Assert.StartsWith("Tệp lớn hơn giới hạn", tooLarge.Note, StringComparison.Ordinal);
        Assert.Equal(FileTextReader.MissingNote, missing.Note);
    }
}
