using DoJ.Portal.Domain.Agency;

namespace DoJ.Portal.UnitTests.Agency;

public sealed class NationalPortalTests
{
    [Theory]
    [InlineData("https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=123")]
    [InlineData("http://dichvucong.gov.vn/")]
    [InlineData("https://DichVuCong.gov.vn/p/home/dvc-tim-kiem-thu-tuc.html?key=1.001193")]
    [InlineData("https://thutuc.dichvucong.gov.vn/p/home/dvc-trang-chu.html")]
    public void Addresses_on_the_national_portal_are_accepted(string url) =>
        Assert.True(NationalPortal.IsAcceptable(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("dichvucong.gov.vn/p/home")]
    [InlineData("/thu-tuc-hanh-chinh")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://dichvucong.gov.vn/")]
    [InlineData("https://evil.example/?u=https://dichvucong.gov.vn")]
    [InlineData("https://dichvucong.gov.vn.evil.example/")]
    [InlineData("https://xdichvucong.gov.vn/")]
    [InlineData("https://dichvucong.moj.gov.vn/x")]
    [InlineData("https://user:pass@dichvucong.gov.vn/")]
    [InlineData("https://dichvucong.gov.vn:8443/")]
    [InlineData("https://dichvucong.gov.vn/ a")]
    public void Anything_else_is_refused(string? url) =>
        Assert.False(NationalPortal.IsAcceptable(url));

    [Fact]
    public void An_address_longer_than_the_column_is_refused() =>
        Assert.False(NationalPortal.IsAcceptable("https://dichvucong.gov.vn/?q=" + new string('a', Procedure.UrlMaxLength)));

    [Fact]
    public void The_search_for_a_code_is_on_the_portal_with_the_code_encoded()
    {
        Assert.Equal("https://dichvucong.gov.vn/p/home/dvc-tim-kiem-thu-tuc.html?key=1.001193", NationalPortal.SearchUrl(" 1.001193 "));
        Assert.True(NationalPortal.IsAcceptable(NationalPortal.SearchUrl("2.000908")));
        Assert.EndsWith("?key=a%26b", NationalPortal.SearchUrl("a&b"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.001193", true)]
    [InlineData("2.000908", true)]
    [InlineData("123", true)]
    [InlineData("", false)]
    [InlineData(".123", false)]
    [InlineData("1.", false)]
    [InlineData("1..2", false)]
    [InlineData("1.00a193", false)]
    [InlineData("1 001193", false)]
    public void A_national_code_is_digits_and_dots(string code, bool wellFormed) =>
        Assert.Equal(wellFormed, NationalPortal.IsWellFormedCode(code));

    [Fact]
    public void Levels_and_roles_have_Vietnamese_labels()
    {
        Assert.Equal("Cấp tỉnh", ProcedureLevel.Province.ToVietnamese());
        Assert.Equal("Cấp xã", ProcedureLevel.Commune.ToVietnamese());
        Assert.Equal("Lãnh đạo Sở", OfficialRole.Leadership.ToVietnamese());
        Assert.Equal("Đầu mối liên hệ", OfficialRole.ContactOfficial.ToVietnamese());
    }
}
