using System.IO.Compression;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Web.Files;

namespace DoJ.Portal.UnitTests.Files;

public sealed class FileInspectorTests
{
    private static FileInspection Inspect(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return FileInspector.Inspect(stream);
    }

    [Fact]
    public void A_real_minimal_PDF_is_a_PDF() => Assert.Equal(FileKind.Pdf, Inspect(DocumentBuilder.Pdf()).Kind);

    [Fact]
    public void A_DOCX_is_recognised_by_its_content_types() => Assert.Equal(FileKind.Docx, Inspect(DocumentBuilder.Docx()).Kind);

    [Fact]
    public void An_XLSX_is_recognised_by_its_content_types() => Assert.Equal(FileKind.Xlsx, Inspect(DocumentBuilder.Xlsx()).Kind);

    [Fact]
    public void An_ODT_is_recognised_by_its_mimetype_entry() => Assert.Equal(FileKind.Odt, Inspect(DocumentBuilder.Odt()).Kind);

    [Fact]
    public void An_ODT_with_Basic_macros_is_refused_as_a_macro() =>
        Assert.Equal(FileRefusal.Macro, Inspect(DocumentBuilder.Odt(withBasicMacro: true)).Refusal);

    [Fact]
    public void A_macro_enabled_DOCM_is_refused_with_the_macro_message()
    {
        var inspection = Inspect(DocumentBuilder.Docm());

        Assert.Null(inspection.Kind);
        Assert.Equal(FileRefusal.Macro, inspection.Refusal);
        Assert.Equal("Tệp «x.docm» chứa macro nên không được nhận.", inspection.Message("x.docm", "20 MB"));
    }

    [Fact]
    public void A_DOCX_whose_content_types_declare_no_macro_but_which_carries_a_VBA_project_is_refused() =>
        Assert.Equal(FileRefusal.Macro, Inspect(DocumentBuilder.Zip(
            ("[Content_Types].xml", "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"u8.ToArray()),
            ("word/document.xml", "<w/>"u8.ToArray()),
            ("word/vbaProject.bin", [1, 2, 3]))).Refusal);

    [Fact]
    public void An_OLE2_file_with_a_WordDocument_stream_is_a_DOC() =>
        Assert.Equal(FileKind.Doc, Inspect(DocumentBuilder.Ole2(["WordDocument", "1Table"])).Kind);

    [Fact]
    public void An_OLE2_file_with_a_Workbook_stream_is_an_XLS() =>
        Assert.Equal(FileKind.Xls, Inspect(DocumentBuilder.Ole2(["Workbook"])).Kind);

    [Theory]
    [InlineData("Macros")]
    [InlineData("_VBA_PROJECT_CUR")]
    [InlineData("VBA")]
    public void An_OLE2_file_with_a_VBA_storage_is_refused_as_a_macro(string storage) =>
        Assert.Equal(FileRefusal.Macro, Inspect(DocumentBuilder.Ole2(["WordDocument"], storage)).Refusal);

    [Fact]
    public void An_OLE2_file_that_is_neither_Word_nor_Excel_is_not_accepted() =>
        Assert.Equal(FileRefusal.NotAccepted, Inspect(DocumentBuilder.Ole2(["PowerPoint Document"])).Refusal);

    [Fact]
    public void A_truncated_OLE2_header_is_damaged() =>
        Assert.Equal(FileRefusal.Damaged, Inspect(DocumentBuilder.Ole2(["WordDocument"])[..600]).Refusal);

    [Fact]
    public void An_executable_is_refused_whatever_it_is_called_with_the_real_content_named()
    {
        var inspection = Inspect(DocumentBuilder.Executable());

        Assert.Equal(FileRefusal.Executable, inspection.Refusal);
        Assert.Equal("Tệp «a.pdf» không phải PDF, Word, Excel, OpenDocument hay ZIP (nội dung thật: chương trình chạy được).", inspection.Message("a.pdf", "20 MB"));
    }

    [Theory]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0 })]
    [InlineData(new byte[] { 0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1 })]
    [InlineData(new byte[] { 0x23, 0x21, 0x2F, 0x62, 0x69, 0x6E, 0x2F, 0x73 })]
    public void ELF_Mach_O_and_scripts_are_executables(byte[] head) => Assert.Equal(FileRefusal.Executable, Inspect(head).Refusal);

    [Fact]
    public void A_ZIP_holding_a_program_is_refused_and_names_it()
    {
        var inspection = Inspect(DocumentBuilder.Zip(("bao-cao.pdf", DocumentBuilder.Pdf()), ("cai-dat.exe", DocumentBuilder.Executable())));

        Assert.Equal(FileRefusal.Executable, inspection.Refusal);
        Assert.Contains("cai-dat.exe", inspection.Message("a.zip", "20 MB"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_ZIP_hiding_a_program_under_a_harmless_name_is_refused_by_its_bytes() =>
        Assert.Equal(FileRefusal.Executable, Inspect(DocumentBuilder.Zip(("ghi-chu.txt", DocumentBuilder.Executable()))).Refusal);

    [Theory]
    [InlineData("chay.bat")]
    [InlineData("macro.xlsm")]
    [InlineData("script.js")]
    public void A_ZIP_with_a_dangerous_entry_name_is_refused(string name) =>
        Assert.NotNull(Inspect(DocumentBuilder.Zip((name, "echo"u8.ToArray()))).Refusal);

    [Fact]
    public void A_plain_ZIP_of_documents_is_a_ZIP() =>
        Assert.Equal(FileKind.Zip, Inspect(DocumentBuilder.Zip(("bao-cao.pdf", DocumentBuilder.Pdf()), ("bang.xlsx", DocumentBuilder.Xlsx()))).Kind);

    [Fact]
    public void A_ZIP_inside_a_ZIP_is_refused() =>
        Assert.Equal(FileRefusal.NestedArchive, Inspect(DocumentBuilder.Zip(("trong.zip", DocumentBuilder.Zip(("a.pdf", DocumentBuilder.Pdf()))))).Refusal);

    [Fact]
    public void A_ZIP_bomb_of_300_MB_of_zeros_is_refused_without_reading_it_all()
    {
        var path = Path.Combine(Path.GetTempPath(), $"doj-bomb-{Guid.NewGuid():N}.zip");
        try
        {
            // Written streaming: 300 MB of zeros never exist in memory.
            using (var file = File.Create(path))
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            using (var entry = zip.CreateEntry("zeros.pdf", CompressionLevel.Optimal).Open())
            {
                var zeros = new byte[1024 * 1024];
                for (var i = 0; i < 300; i++)
                {
                    entry.Write(zeros);
                }
            }

            Assert.True(new FileInfo(path).Length < 4 * 1024 * 1024, $"{new FileInfo(path).Length} bytes");
            using var stream = File.OpenRead(path);
            var started = System.Diagnostics.Stopwatch.StartNew();

            var inspection = FileInspector.Inspect(stream);

            Assert.Equal(FileRefusal.Bomb, inspection.Refusal);
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_ZIP_with_too_many_entries_is_a_bomb()
    {
        var entries = Enumerable.Range(0, 30).Select(i => ($"{i}.txt", new byte[] { 1 })).ToArray();
        using var stream = new MemoryStream(DocumentBuilder.Zip(entries));

        Assert.Equal(FileRefusal.Bomb, FileInspector.Inspect(stream, new ArchiveLimits(MaxEntries: 20)).Refusal);
    }

    [Fact]
    public void A_ZIP_whose_entries_decompress_past_the_total_bound_is_a_bomb()
    {
        using var stream = new MemoryStream(DocumentBuilder.Zip(("a.txt", new byte[600]), ("b.txt", new byte[600])));

        Assert.Equal(FileRefusal.Bomb, FileInspector.Inspect(stream, new ArchiveLimits(MaxTotalBytes: 1000)).Refusal);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })]
    [InlineData(new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E })]
    public void Images_and_text_are_not_accepted(byte[] bytes) => Assert.Equal(FileRefusal.NotAccepted, Inspect(bytes).Refusal);

    [Fact]
    public void An_empty_file_is_refused() => Assert.Equal(FileRefusal.Empty, Inspect([]).Refusal);

    [Fact]
    public void A_broken_ZIP_is_damaged() => Assert.Equal(FileRefusal.Damaged, Inspect([.. "PK\u0003\u0004"u8, .. new byte[40]]).Refusal);
}
