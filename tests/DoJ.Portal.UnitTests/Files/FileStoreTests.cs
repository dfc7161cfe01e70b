using DoJ.Portal.Data;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Web.Files;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.UnitTests.Files;

public sealed class FileStoreTests : IDisposable
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "doj-portal-tests", "files-" + Guid.NewGuid().ToString("N"));

    private FileStore Store(long max = FileUploadOptions.DefaultMaxUploadBytes) =>
        new(Options.Create(new StorageOptions { DataPath = dataPath }), Options.Create(new FileUploadOptions { MaxUploadBytes = max }), TimeProvider.System);

    private string[] FilesOnDisk() =>
        Directory.Exists(Path.Combine(dataPath, FileStore.FolderName)) ? Directory.GetFiles(Path.Combine(dataPath, FileStore.FolderName), "*", SearchOption.AllDirectories) : [];

    public void Dispose()
    {
        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public async Task A_PDF_named_exe_is_accepted_as_a_PDF_and_stored_under_a_generated_pdf_name()
    {
        using var upload = new MemoryStream(DocumentBuilder.Pdf());

        var result = await Store().StoreAsync(upload, "bao-cao.exe", "user-1");

        var file = Assert.IsType<StoredFile>(result.File);
        Assert.Equal(FileKind.Pdf, file.Kind);
        Assert.Matches(@"^\d{4}/\d{2}/[0-9a-f]{32}\.pdf$", file.FileName);
        Assert.Equal("bao-cao.pdf", file.OriginalName);
        Assert.Equal(FileTextState.Pending, file.TextState);
        Assert.Equal(64, file.Sha256.Length);
        Assert.Equal(DocumentBuilder.Pdf(), await File.ReadAllBytesAsync(Path.Combine(dataPath, FileStore.FolderName, file.FileName)));
        Assert.Single(FilesOnDisk());
    }

    [Fact]
    public async Task A_spreadsheet_has_no_text_to_extract()
    {
        using var upload = new MemoryStream(DocumentBuilder.Xlsx());

        var result = await Store().StoreAsync(upload, "bang.xlsx", null);

        Assert.Equal(FileTextState.NotApplicable, result.File!.TextState);
    }

    [Fact]
    public async Task An_exe_named_pdf_is_refused_and_nothing_is_left_on_disk()
    {
        using var upload = new MemoryStream(DocumentBuilder.Executable());

        var result = await Store().StoreAsync(upload, "a.pdf", null);

        Assert.Null(result.File);
        Assert.Equal("Tệp «a.pdf» không phải PDF, Word, Excel, OpenDocument hay ZIP (nội dung thật: chương trình chạy được).", result.Error);
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_while_reading_and_nothing_is_left()
    {
        using var upload = new MemoryStream(new byte[(1024 * 1024) + 1]);

        var result = await Store(max: 1024 * 1024).StoreAsync(upload, "y.pdf", null);

        Assert.Equal("Tệp «y.pdf» lớn hơn 1 MB.", result.Error);
        Assert.Empty(FilesOnDisk());
    }

    [Theory]
    [InlineData("../../Quyết định khen thưởng.pdf", FileKind.Pdf, "Quyết định khen thưởng.pdf")]
    [InlineData("C:\\Users\\a\\Tài liệu\\Báo cáo.docx", FileKind.Docx, "Báo cáo.docx")]
    [InlineData("..", FileKind.Pdf, "tai-lieu.pdf")]
    [InlineData("bao\u0000cao<>.pdf", FileKind.Pdf, "baocao.pdf")]
    public void A_name_keeps_only_its_last_segment_without_control_characters(string uploaded, FileKind kind, string kept) =>
        Assert.Equal(kept, FileStore.CleanName(uploaded, kind));

    [Fact]
    public void A_decomposed_Vietnamese_name_is_kept_in_NFC() =>
        Assert.Equal("Quyết định.pdf".Normalize(System.Text.NormalizationForm.FormC), FileStore.CleanName("Quyết định.pdf".Normalize(System.Text.NormalizationForm.FormD), FileKind.Pdf));

    [Theory]
    [InlineData("2026/12/0123456789abcdef0123456789abcdef.pdf", true)]
    [InlineData("2026/12/../../portal.db", false)]
    [InlineData("2026/12/0123456789abcdef0123456789abcdef.exe", false)]
    public void Only_generated_names_are_ever_read_back(string name, bool stored) => Assert.Equal(stored, FileStore.IsStoredName(name));
}
