using System.Text;
using DoJ.Portal.Web.Navigation;

namespace DoJ.Portal.UnitTests.Navigation;

public sealed class RedirectCsvTests
{
    private static CsvRedirectFile Parse(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return RedirectCsv.Parse(bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_header_and_a_byte_order_mark_are_skipped(bool bom)
    {
        var file = Parse("old_url,new_url\n/?cn=1,/a\n/?cn=2,/b\n", bom);
        Assert.Null(file.Error);
        Assert.Equal([new CsvRedirectRow(2, "/?cn=1", "/a"), new CsvRedirectRow(3, "/?cn=2", "/b")], file.Rows);
        Assert.Empty(file.Rejected);
    }

    [Fact]
    public void A_file_without_header_starts_at_line_one()
    {
        var file = Parse("/?cn=1,/a\r\n/?cn=2,/b");
        Assert.Equal([1, 2], file.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Semicolons_separate_when_the_first_line_uses_them()
    {
        var file = Parse("OLD_URL;NEW_URL\r\n/?cn=1&gd=2;/a\r\n/?x=1,2;/b\r\n");
        Assert.Equal([new CsvRedirectRow(2, "/?cn=1&gd=2", "/a"), new CsvRedirectRow(3, "/?x=1,2", "/b")], file.Rows);
    }

    [Fact]
    public void Quoted_fields_may_hold_separators_and_doubled_quotes()
    {
        var file = Parse("\"/?q=a,b\",\"/tim-kiem?q=\"\"x\"\"\"\n  /?cn=3 , /c \n");
        Assert.Equal([new CsvRedirectRow(1, "/?q=a,b", "/tim-kiem?q=\"x\""), new CsvRedirectRow(2, "/?cn=3", "/c")], file.Rows);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_line_numbers_stay_true()
    {
        var file = Parse("old_url,new_url\n\n/?cn=1,/a\n   \n,\n/?cn=2,/b\n");
        Assert.Equal([3, 6], file.Rows.Select(r => r.Line));
    }

    [Fact]
    public void A_row_without_exactly_two_values_is_rejected_with_its_line()
    {
        var file = Parse("/?cn=1,/a\n/?cn=2\n/?cn=3,/c,/d\n/?cn=4,/e,,\n");
        Assert.Equal([1, 4], file.Rows.Select(r => r.Line));
        Assert.Equal([2, 3], file.Rejected.Select(r => r.Line));
        Assert.All(file.Rejected, r => Assert.Contains("cần đúng 2 cột", r.Reason, StringComparison.Ordinal));
        Assert.Equal("Dòng 2: Dòng có 1 cột; cần đúng 2 cột: địa chỉ cũ và địa chỉ mới.", file.Rejected[0].ToString());
    }

    [Fact]
    public void A_quoted_value_across_lines_keeps_the_line_where_it_starts()
    {
        var file = Parse("/?cn=1,\"/a\nb\"\n/?cn=2,/b\n");
        Assert.Equal([new CsvRedirectRow(1, "/?cn=1", "/a\nb"), new CsvRedirectRow(3, "/?cn=2", "/b")], file.Rows);
    }

    [Fact]
    public void An_unclosed_quote_rejects_the_rest_of_the_file()
    {
        var file = Parse("/?cn=1,/a\n\"/?cn=2,/b\n/?cn=3,/c\n");
        Assert.Single(file.Rows);
        Assert.Equal(2, Assert.Single(file.Rejected).Line);
        Assert.Contains("ngoặc kép", file.Rejected[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_UTF8_is_refused_as_a_whole()
    {
        // "Thừa Thiên Huế" in Windows-1258 bytes, roughly: invalid as UTF-8.
        var file = RedirectCsv.Parse([0x2F, 0x3F, 0x71, 0x3D, 0xD9, 0xE0, 0x2C, 0x2F, 0x61]);
        Assert.NotNull(file.Error);
        Assert.Contains("UTF-8", file.Error, StringComparison.Ordinal);
        Assert.Empty(file.Rows);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Contains("không có dòng dữ liệu", Parse("").Error, StringComparison.Ordinal);
        Assert.Contains("không có dòng dữ liệu", Parse("old_url,new_url\n\n").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_rows_are_refused_with_the_limit_in_Vietnamese_format()
    {
        var text = new StringBuilder();
        for (var i = 0; i <= RedirectCsv.MaxRows; i++)
        {
            text.Append("/?cn=").Append(i).Append(",/a\n");
        }

        var file = Parse(text.ToString());
        Assert.Contains("20.000", file.Error, StringComparison.Ordinal);
        Assert.Empty(file.Rows);
    }

    [Fact]
    public void Exactly_the_row_limit_is_accepted() =>
        Assert.Equal(RedirectCsv.MaxRows, Parse(string.Concat(Enumerable.Range(0, RedirectCsv.MaxRows).Select(i => $"/?cn={i},/a\n"))).Rows.Count);

    [Fact]
    public void A_file_over_the_size_limit_is_refused()
    {
        var file = RedirectCsv.Parse(new byte[RedirectCsv.MaxBytes + 1]);
        Assert.Contains("2 MB", file.Error, StringComparison.Ordinal);
    }
}
