using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Agency;
using DoJ.Portal.Web.Models;

namespace DoJ.Portal.UnitTests.Agency;

public sealed class ProcedureSearchTests
{
    private static ProcedureItem Item(string name, string description = "", string code = "2.000488") =>
        new(1, name, "x", code, 1, "Lý lịch tư pháp", "ly-lich-tu-phap", ProcedureLevel.Province, description, "Sở Tư pháp", NationalPortal.SearchUrl(code), DateTime.UnixEpoch);

    [Theory]
    [InlineData("ly lich tu phap")]
    [InlineData("LÝ LỊCH TƯ PHÁP")]
    [InlineData("phiếu lý lịch")]
    [InlineData("2.000488")]
    [InlineData("cong dan")]
    public void Folded_words_match_the_name_the_description_or_the_code(string words) =>
        Assert.True(AgencyRepository.Matches(Item("Cấp Phiếu lý lịch tư pháp", "Dành cho công dân Việt Nam."), AgencyRepository.Terms(words)));

    [Theory]
    [InlineData("ho tich")]
    [InlineData("ly lich khai sinh")]
    [InlineData("1.001193")]
    public void Every_word_must_be_found(string words) =>
        Assert.False(AgencyRepository.Matches(Item("Cấp Phiếu lý lịch tư pháp"), AgencyRepository.Terms(words)));

    [Fact]
    public void Decomposed_input_folds_as_composed() =>
        Assert.True(AgencyRepository.Matches(Item("Đăng ký kết hôn"), AgencyRepository.Terms("ke\u0302\u0301t ho\u0302n")));

    [Fact]
    public void Blank_or_whitespace_search_has_no_terms() =>
        Assert.Empty(AgencyRepository.Terms("   "));

    [Fact]
    public void Share_links_encode_the_address_and_title()
    {
        var links = new ShareLinks("https://portal.example.vn/tin-tuc/5/a-b?x=1&y=2", "Hội nghị & tập huấn");

        Assert.Equal("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fportal.example.vn%2Ftin-tuc%2F5%2Fa-b%3Fx%3D1%26y%3D2", links.Facebook);
        Assert.Equal("mailto:?subject=H%E1%BB%99i%20ngh%E1%BB%8B%20%26%20t%E1%BA%ADp%20hu%E1%BA%A5n&body=H%E1%BB%99i%20ngh%E1%BB%8B%20%26%20t%E1%BA%ADp%20hu%E1%BA%A5n%0D%0Ahttps%3A%2F%2Fportal.example.vn%2Ftin-tuc%2F5%2Fa-b%3Fx%3D1%26y%3D2", links.Email);
    }
}
