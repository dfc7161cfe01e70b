using System.Net;
using DoJ.Portal.Web.Citizens;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DoJ.Portal.UnitTests.Citizens;

public sealed class CitizenFormGuardTests
{
    private const string Form = "hoi-dap";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));
    private readonly CitizenFormOptions settings = new() { MinSecondsToFill = 5, MaxFormAgeMinutes = 60, MaxPerClient = 3, WindowMinutes = 60, MaxLinks = 2 };
    private readonly CitizenFormGuard guard;

    public CitizenFormGuardTests() => guard = new CitizenFormGuard(new EphemeralDataProtectionProvider(), clock, Options.Create(settings));

    private static DefaultHttpContext Client(string address = "203.0.113.7") =>
        new() { Connection = { RemoteIpAddress = IPAddress.Parse(address) } };

    [Fact]
    public void A_form_filled_by_a_person_passes()
    {
        var token = guard.IssueToken(Form);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Null(guard.Check(Client(), Form, "", token, "Tôi muốn hỏi về thủ tục đăng ký khai sinh.", "https://example.vn/a"));
    }

    [Fact]
    public void A_filled_honeypot_is_refused()
    {
        var token = guard.IssueToken(Form);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("honeypot", guard.Check(Client(), Form, "http://spam.example", token, "Nội dung")?.Reason);
    }

    [Fact]
    public void A_form_sent_too_fast_is_refused_and_the_same_token_passes_later()
    {
        var token = guard.IssueToken(Form);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("too-fast", guard.Check(Client(), Form, null, token, "Nội dung")?.Reason);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(guard.Check(Client(), Form, null, token, "Nội dung"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("CfDJ8-khong-hop-le")]
    public void A_missing_or_forged_token_is_refused(string? token) =>
        Assert.Equal("expired", guard.Check(Client(), Form, null, token, "Nội dung")?.Reason);

    [Fact]
    public void A_token_older_than_the_limit_is_refused()
    {
        var token = guard.IssueToken(Form);
        clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal("expired", guard.Check(Client(), Form, null, token, "Nội dung")?.Reason);
    }

    [Fact]
    public void A_token_of_another_form_is_refused()
    {
        var token = guard.IssueToken("gop-y-du-thao");
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("expired", guard.Check(Client(), Form, null, token, "Nội dung")?.Reason);
    }

    [Fact]
    public void Too_many_links_are_refused()
    {
        var token = guard.IssueToken(Form);
        clock.Advance(TimeSpan.FromSeconds(30));
        var refusal = guard.Check(Client(), Form, null, token, "xem http://a.vn và https://b.vn", "www.c.vn");
        Assert.Equal("links", refusal?.Reason);
        Assert.Contains("tối đa 2", refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forgiven_send_does_not_count_but_a_refused_spam_send_does()
    {
        var token = guard.IssueToken(Form);
        clock.Advance(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 10; i++)
        {
            Assert.Null(guard.Check(Client(), Form, null, token, "Nội dung"));
            guard.Forgive(Client(), Form);
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Null(guard.Check(Client(), Form, null, token, "Nội dung"));
        }

        Assert.Equal("rate", guard.Check(Client(), Form, null, token, "Nội dung")?.Reason);

        // A robot filling the honeypot is counted: after three tries even a clean send is refused.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("honeypot", guard.Check(Client("198.51.100.9"), Form, "http://spam.example", token, "Nội dung")?.Reason);
        }

        Assert.Equal("rate", guard.Check(Client("198.51.100.9"), Form, null, token, "Nội dung")?.Reason);
    }

    [Fact]
    public void A_client_is_limited_per_window_other_clients_are_not_and_the_limit_passes_with_time()
    {
        var token = guard.IssueToken(Form);
        clock.Advance(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(guard.Check(Client(), Form, null, token, "Nội dung"));
        }

        var refusal = guard.Check(Client(), Form, null, token, "Nội dung");
        Assert.Equal("rate", refusal?.Reason);
        Assert.Contains("60 phút", refusal!.Message, StringComparison.Ordinal);
        Assert.Null(guard.Check(Client("198.51.100.20"), Form, null, token, "Nội dung"));
        // Another form counts on its own.
        Assert.NotEqual("rate", guard.Check(Client(), "gop-y-du-thao", null, token, "Nội dung")?.Reason);

        clock.Advance(TimeSpan.FromMinutes(60));
        var fresh = guard.IssueToken(Form);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Null(guard.Check(Client(), Form, null, fresh, "Nội dung"));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("không có liên kết", 0)]
    [InlineData("HTTP://A.VN https://b.vn WWW.c.vn", 3)]
    [InlineData("tawww.vn", 0)]
    public void Links_are_counted_in_every_form(string text, int expected) =>
        Assert.Equal(expected, CitizenFormGuard.CountLinks(text));
}
