using DoJ.Portal.Domain.Citizens;

namespace DoJ.Portal.UnitTests.Citizens;

public sealed class ContactDetailsTests
{
    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("0912.345.678", "0912345678")]
    [InlineData("+84 912 345 678", "0912345678")]
    [InlineData("(0234) 3822 123", "02343822123")]
    [InlineData(" 091-234-5678 ", "0912345678")]
    public void Vietnamese_phone_numbers_are_stored_as_digits(string text, string expected) =>
        Assert.Equal(expected, ContactDetails.NormalizePhone(text));

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("091234567")]
    [InlineData("091234567890")]
    [InlineData("+1 202 555 0100")]
    [InlineData("0912a45678")]
    [InlineData("0012345678")]
    [InlineData("0912345678; DROP TABLE")]
    public void Other_text_is_not_a_phone_number(string text) => Assert.Null(ContactDetails.NormalizePhone(text));

    [Theory]
    [InlineData("an.nguyen@Example.VN", "an.nguyen@example.vn")]
    [InlineData("  lan@sotuphap.gov.vn ", "lan@sotuphap.gov.vn")]
    public void E_mail_addresses_are_trimmed_with_the_domain_in_lower_case(string text, string expected) =>
        Assert.Equal(expected, ContactDetails.NormalizeEmail(text));

    [Theory]
    [InlineData("khong-co-a-cong")]
    [InlineData("a@b")]
    [InlineData("a@@b.vn")]
    [InlineData("Tên <a@b.vn>")]
    [InlineData("a@b.vn, c@d.vn")]
    [InlineData("a b@c.vn")]
    [InlineData("a@b..vn")]
    [InlineData("a@b.vn\r\nBcc: x@y.vn")]
    public void Other_text_is_not_an_e_mail_address(string text) => Assert.Null(ContactDetails.NormalizeEmail(text));

    [Theory]
    [InlineData("Nguyễn Văn An", "N.V.A.")]
    [InlineData("  lê   thị   hồng ", "L.T.H.")]
    [InlineData("Đặng Ánh", "Đ.Á.")]
    [InlineData("", "Bạn đọc")]
    [InlineData(null, "Bạn đọc")]
    public void A_name_is_shortened_to_its_initials(string? name, string expected) =>
        Assert.Equal(expected, ContactDetails.Initials(name));

    [Fact]
    public void Initials_of_a_decomposed_name_come_out_composed()
    {
        var nfd = "Đặng Ánh".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal("Đ.Á.", ContactDetails.Initials(nfd));
    }
}
