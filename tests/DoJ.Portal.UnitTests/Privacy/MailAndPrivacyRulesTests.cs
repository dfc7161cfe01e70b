using DoJ.Portal.Web.Mail;
using DoJ.Portal.Web.Privacy;

namespace DoJ.Portal.UnitTests.Privacy;

public sealed class MailAndPrivacyRulesTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(7, 64)]
    [InlineData(8, 120)]
    [InlineData(30, 120)]
    public void Retries_wait_one_minute_then_twice_as_long_each_time_up_to_two_hours(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), MailRetry.WaitAfter(attempts));

    [Fact]
    public void A_failure_is_kept_without_any_address_the_server_quoted()
    {
        var error = new InvalidOperationException("5.1.1 <nguyen.van.an@example.vn>: Recipient address rejected\r\nfrom thongbao@stp.example.vn");

        var text = MailRetry.Describe(error);

        Assert.StartsWith("InvalidOperationException: 5.1.1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
        Assert.Contains("Recipient address rejected", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nguyen.van.an@gmail.com", "ng***@gmail.com")]
    [InlineData("a@b.vn", "a***@b.vn")]
    [InlineData("không-có-a-còng", "***")]
    public void The_mail_list_masks_the_recipient(string address, string shown) =>
        Assert.Equal(shown, MailText.Mask(address));

    [Theory]
    [InlineData(" An@Example.VN ", "An@example.vn", null)]
    [InlineData("+84 912 345 678", null, "0912345678")]
    [InlineData("0912.345.678", null, "0912345678")]
    public void An_erasure_request_is_read_as_the_stored_form_of_the_address(string typed, string? email, string? phone)
    {
        var key = ContactKey.Parse(typed)!;
        Assert.Equal(email, key.Email);
        Assert.Equal(phone, key.Phone);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ai đó")]
    [InlineData("123")]
    [InlineData("a@b")]
    public void Anything_else_is_not_an_address(string typed) => Assert.Null(ContactKey.Parse(typed));

    [Fact]
    public void The_fingerprint_is_stable_short_and_does_not_contain_the_address()
    {
        var one = ContactKey.Parse("an@example.vn")!.Fingerprint;

        Assert.Equal(one, ContactKey.Parse(" an@EXAMPLE.vn")!.Fingerprint);
        Assert.NotEqual(one, ContactKey.Parse("binh@example.vn")!.Fingerprint);
        Assert.Matches("^[0-9a-f]{12}$", one);
    }
}
