using DoJ.Portal.Web.Navigation;

namespace DoJ.Portal.UnitTests.Navigation;

public sealed class RedirectRulesTests
{
    private const string Site = "https://sotuphap.example.vn";

    private static RedirectRules Rules(params (int Id, string From, string To)[] rows) =>
        new(rows.Select(r => new RedirectRule(r.Id, r.From, r.To)), Site);

    [Theory]
    [InlineData("/?cn=28&gd=12&tc=5247", "/tin-tuc/12/bai", "/?cn=28&gd=12&tc=5247", "/tin-tuc/12/bai")]
    [InlineData("  /?TC=5247&cn=28  ", "https://chinhphu.vn/", "/?cn=28&tc=5247", "https://chinhphu.vn/")]
    [InlineData("http://stp.thuathienhue.gov.vn/?cn=28&gd=12#top", "/chuyen-muc/thi-dua", "/?cn=28&gd=12", "/chuyen-muc/thi-dua")]
    [InlineData("/Index.php/", "/chuyên-mục", "/index.php", "/chuy%C3%AAn-m%E1%BB%A5c")]
    public void A_good_pair_is_accepted_with_its_stored_form(string from, string to, string expectedFrom, string expectedTo)
    {
        var check = Rules().Check(from, to);
        Assert.True(check.IsValid, check.Error);
        Assert.Equal(expectedFrom, check.FromPath);
        Assert.Equal(expectedTo, check.ToUrl);
    }

    [Theory]
    [InlineData("", "/a", "Vui lòng nhập địa chỉ cũ")]
    [InlineData(null, "/a", "Vui lòng nhập địa chỉ cũ")]
    [InlineData("/", "/a", "trang chủ")]
    [InlineData("/quan-tri", "/a", "/quan-tri")]
    [InlineData("/QUAN-TRI/bai-viet", "/a", "/quan-tri")]
    [InlineData("/%71uan-tri", "/a", "/quan-tri")]
    [InlineData("/tai-khoan/dang-nhap?x=1", "/a", "/tai-khoan")]
    [InlineData("/health", "/a", "/health")]
    [InlineData("/loi/404", "/a", "/loi")]
    [InlineData("/css/site.css", "/a", "/css")]
    [InlineData("/js/admin.js", "/a", "/js")]
    [InlineData("/lib/bootstrap/x.js", "/a", "/lib")]
    [InlineData("/img/emblem.svg", "/a", "/img")]
    [InlineData("/media/anh.jpg", "/a", "/media")]
    [InlineData("/lien-ket?id=1", "/a", "/lien-ket")]
    [InlineData("/robots.txt", "/a", "/robots.txt")]
    [InlineData("/sitemap.xml", "/a", "/sitemap.xml")]
    [InlineData("/sitemap-tin-tuc-3.xml", "/a", "/sitemap.xml")]
    [InlineData("/sitemap-trang.xml?x=1", "/a", "/sitemap.xml")]
    [InlineData("//evil.example/x", "/a", "bắt đầu bằng một dấu /")]
    [InlineData("index.php?id=5", "/a", "bắt đầu bằng một dấu /")]
    [InlineData("javascript:alert(1)", "/a", "bắt đầu bằng một dấu /")]
    [InlineData("/a b", "/a", "khoảng trắng")]
    [InlineData("/a\\b", "/a", "gạch ngược")]
    [InlineData("/?x=%00", "/a", "ký tự điều khiển")]
    [InlineData("http://user:pass@old.vn/?cn=1", "/a", "tên đăng nhập")]
    public void A_bad_old_address_is_refused_with_a_reason(string? from, string to, string reason)
    {
        var check = Rules().Check(from, to);
        Assert.False(check.IsValid);
        Assert.Equal(RedirectCheck.FromField, check.Field);
        Assert.Contains(reason, check.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Vui lòng nhập địa chỉ mới")]
    [InlineData("javascript:alert(1)", "đường dẫn trong trang")]
    [InlineData("data:text/html,x", "đường dẫn trong trang")]
    [InlineData("vbscript:msgbox(1)", "đường dẫn trong trang")]
    [InlineData("//evil.example", "đường dẫn trong trang")]
    [InlineData("/\\evil.example", "gạch ngược")]
    [InlineData("tin-tuc/12", "đường dẫn trong trang")]
    [InlineData("http:/x", "đường dẫn trong trang")]
    [InlineData("https://a@evil.example", "tên đăng nhập")]
    [InlineData("/tin tuc", "khoảng trắng")]
    [InlineData("/a\r\nSet-Cookie: x=1", "khoảng trắng")]
    public void A_bad_new_address_is_refused_with_a_reason(string to, string reason)
    {
        var check = Rules().Check("/?cn=1", to);
        Assert.False(check.IsValid);
        Assert.Equal(RedirectCheck.ToField, check.Field);
        Assert.Contains(reason, check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlong_values_are_refused()
    {
        var rules = Rules();
        Assert.Contains("dài quá", rules.Check("/?q=" + new string('a', 600), "/a").Error, StringComparison.Ordinal);
        Assert.Contains("dài quá", rules.Check("/?q=1", "/" + new string('a', 600)).Error, StringComparison.Ordinal);
        Assert.Contains("dài quá", rules.Check(new string('/', 1) + new string('x', 5000), "/a").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_old_address_is_refused_even_written_differently()
    {
        var check = Rules((1, "/?cn=28&gd=12", "/chuyen-muc/a")).Check("/?GD=12&cn=28", "/chuyen-muc/b");
        Assert.False(check.IsValid);
        Assert.Contains("đã có chuyển hướng", check.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/cu", "/cu")]
    [InlineData("/cu", "/CU/")]
    [InlineData("/?cn=1&gd=2", "/?gd=2&cn=1")]
    [InlineData("/cu", "/cu?trang=2")]
    [InlineData("/cu", "https://sotuphap.example.vn/cu")]
    public void A_redirect_to_itself_is_a_loop(string from, string to)
    {
        var check = Rules().Check(from, to);
        Assert.False(check.IsValid);
        Assert.Contains("lặp", check.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/b", "/a")]
    [InlineData("/b", "/a?trang=2")]
    [InlineData("/b", "https://sotuphap.example.vn/a")]
    public void A_redirect_back_to_an_old_address_that_leads_here_is_a_loop(string from, string to)
    {
        var check = Rules((1, "/a", "/b")).Check(from, to);
        Assert.False(check.IsValid);
        Assert.Contains("vòng lặp", check.Error, StringComparison.Ordinal);
        Assert.Contains("“/a” → “/b”", check.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?cn=9", "/b")]
    [InlineData("/?cn=9", "/b?trang=3")]
    [InlineData("/?cn=9", "https://sotuphap.example.vn/B")]
    public void A_new_address_that_is_itself_redirected_is_a_chain(string from, string to)
    {
        var check = Rules((1, "/b", "/c")).Check(from, to);
        Assert.False(check.IsValid);
        Assert.Equal(RedirectCheck.ToField, check.Field);
        Assert.Contains("nối tiếp", check.Error, StringComparison.Ordinal);
        Assert.Contains("“/c”", check.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/b")]
    [InlineData("/B/")]
    public void An_old_address_that_other_redirects_lead_to_is_a_chain_naming_them(string from)
    {
        var check = Rules((1, "/a", "/b?trang=2")).Check(from, "/c");
        Assert.False(check.IsValid);
        Assert.Equal(RedirectCheck.FromField, check.Field);
        Assert.Contains("“/a” → “/b?trang=2”", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_on_another_site_never_chains()
    {
        var rules = Rules((1, "/b", "/c"));
        Assert.True(rules.Check("/a", "https://other.example.vn/b").IsValid);
    }

    [Fact]
    public void A_query_address_does_not_chain_into_a_different_query_address()
    {
        // The middleware tries the exact address, then the path alone: "/x?a=1" is never reached from "/x?a=1&b=2".
        var rules = Rules((1, "/x?a=1", "/c"));
        Assert.True(rules.Check("/?cn=5", "/x?a=1&b=2").IsValid);
    }

    [Fact]
    public void Editing_a_row_does_not_count_against_itself()
    {
        var rules = Rules((1, "/a", "/b"), (2, "/c", "/d"));
        Assert.True(rules.Check("/a", "/e", editingId: 1).IsValid);
        // Turning /a → /b into /b → /a is no loop once the old row is replaced.
        Assert.True(rules.Check("/b", "/a", editingId: 1).IsValid);
        Assert.False(rules.Check("/c", "/e", editingId: 1).IsValid);
    }

    [Fact]
    public void Rows_added_from_a_file_are_checked_against_each_other_and_named_by_line()
    {
        var rules = Rules();
        var first = rules.Check("/a", "/b");
        Assert.True(first.IsValid);
        rules.Add(new RedirectRule(0, first.FromPath, first.ToUrl, "dòng 2"));

        var duplicate = rules.Check("/A", "/z");
        var loop = rules.Check("/b", "/a");
        var chain = rules.Check("/c", "/a");
        Assert.Contains("dòng 2 của tệp", duplicate.Error, StringComparison.Ordinal);
        Assert.Contains("vòng lặp", loop.Error, StringComparison.Ordinal);
        Assert.Contains("nối tiếp", chain.Error, StringComparison.Ordinal);
    }
}
