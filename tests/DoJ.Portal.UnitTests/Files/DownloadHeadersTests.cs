using DoJ.Portal.Domain.Text;
using DoJ.Portal.Web.Files;

namespace DoJ.Portal.UnitTests.Files;

public sealed class DownloadHeadersTests
{
    [Fact]
    public void The_original_Vietnamese_name_goes_out_as_UTF_8_with_an_ASCII_fallback() =>
        Assert.Equal(
            "attachment; filename=\"Quyet dinh khen thuong.pdf\"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20khen%20th%C6%B0%E1%BB%9Fng.pdf",
            DownloadHeaders.ContentDisposition("Quyết định khen thưởng.pdf"));

    [Fact]
    public void Quotes_and_backslashes_cannot_break_out_of_the_fallback()
    {
        var header = DownloadHeaders.ContentDisposition("a\"b\\c; filename=x.exe.pdf");

        Assert.StartsWith("attachment; filename=\"a_b_c; filename=x.exe.pdf\"; filename*=UTF-8''a%22b%5Cc%3B%20filename%3Dx.exe.pdf", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Capital_Vietnamese_letters_fold_to_capitals() => Assert.Equal("DE AN.docx", DownloadHeaders.AsciiFallback("ĐỀ ÁN.docx"));

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(900, "900 B")]
    [InlineData(350 * 1024, "350 KB")]
    [InlineData(1_258_291, "1,2 MB")]
    [InlineData(20 * 1024 * 1024, "20 MB")]
    [InlineData(350L * 1024 * 1024, "350 MB")]
    [InlineData(1536L * 1024 * 1024, "1,5 GB")]
    public void Sizes_are_written_the_Vietnamese_way(long bytes, string text) => Assert.Equal(text, VietnameseByteSize.Format(bytes));
}
