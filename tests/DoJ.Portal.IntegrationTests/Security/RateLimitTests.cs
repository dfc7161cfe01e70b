using System.Net;
using DoJ.Portal.IntegrationTests.Infrastructure;

namespace DoJ.Portal.IntegrationTests.Security;

public sealed class RateLimitTests
{
    private static async Task<HttpResponseMessage> SignInAttemptAsync(HttpClient client, string address)
    {
        var session = new StaffSession(client);
        var token = await session.TokenAsync("/tai-khoan/dang-nhap");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tai-khoan/dang-nhap")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "khong-ton-tai@stp.example.vn",
                ["Password"] = "mat-khau-sai-hoan-toan",
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add(TestClientAddress.Header, address);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_a_vietnamese_429_with_retry_after()
    {
        using var factory = new PortalWebApplicationFactory().With("RateLimits:SignInPerMinute", "3");
        var client = StaffSession.NewClient(factory);

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await SignInAttemptAsync(client, "198.51.100.7");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await SignInAttemptAsync(client, "198.51.100.7");
        using var otherAddress = await SignInAttemptAsync(client, "198.51.100.8");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        var page = await HtmlReader.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Quá nhiều yêu cầu", page.Body!.TextContent);
        Assert.Equal(HttpStatusCode.OK, otherAddress.StatusCode);
    }

    [Fact]
    public async Task Search_is_limited_per_address_but_the_rest_of_the_site_is_not()
    {
        using var factory = new PortalWebApplicationFactory().With("RateLimits:SearchPerMinute", "2");
        var client = factory.CreatePlainClient();

        using var first = await client.BrowseAsync("/tim-kiem?q=phap+luat", "203.0.113.5");
        using var second = await client.BrowseAsync("/tim-kiem?q=hoi+nghi", "203.0.113.5");
        using var third = await client.BrowseAsync("/tim-kiem?q=tien+an", "203.0.113.5");
        using var home = await client.BrowseAsync("/", "203.0.113.5");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}
