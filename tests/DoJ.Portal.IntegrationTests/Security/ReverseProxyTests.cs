using System.Net;
using DoJ.Portal.IntegrationTests.Infrastructure;

namespace DoJ.Portal.IntegrationTests.Security;

public sealed class ReverseProxyTests
{
    private static async Task<HttpStatusCode> SearchAsync(HttpClient client, string peer, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tim-kiem?q=phap+luat");
        request.Headers.Add(TestClientAddress.Header, peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Behind_a_known_proxy_each_visitor_is_told_apart_by_x_forwarded_for()
    {
        using var factory = new PortalWebApplicationFactory()
            .With("RateLimits:SearchPerMinute", "1")
            .With("ReverseProxy:KnownNetworks:0", "10.0.0.0/8");
        var client = factory.CreatePlainClient();

        Assert.Equal(HttpStatusCode.OK, await SearchAsync(client, "10.0.0.5", "198.51.100.20"));
        Assert.Equal(HttpStatusCode.OK, await SearchAsync(client, "10.0.0.5", "198.51.100.21"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SearchAsync(client, "10.0.0.5", "198.51.100.20"));
    }

    [Fact]
    public async Task X_forwarded_for_from_anyone_else_is_ignored()
    {
        using var factory = new PortalWebApplicationFactory()
            .With("RateLimits:SearchPerMinute", "1")
            .With("ReverseProxy:KnownNetworks:0", "10.0.0.0/8");
        var client = factory.CreatePlainClient();

        Assert.Equal(HttpStatusCode.OK, await SearchAsync(client, "203.0.113.9", "198.51.100.30"));
        // A spoofed header from an untrusted peer does not buy a fresh bucket.
        Assert.Equal(HttpStatusCode.TooManyRequests, await SearchAsync(client, "203.0.113.9", "198.51.100.31"));
    }

    [Fact]
    public async Task Without_configured_proxies_forwarded_headers_are_not_believed()
    {
        using var factory = new PortalWebApplicationFactory().With("RateLimits:SearchPerMinute", "1");
        var client = factory.CreatePlainClient();

        Assert.Equal(HttpStatusCode.OK, await SearchAsync(client, "10.0.0.5", "198.51.100.40"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SearchAsync(client, "10.0.0.5", "198.51.100.41"));
    }

    private static async Task<HttpStatusCode> SignInAttemptAsync(HttpClient client, string peer, string forwardedFor)
    {
        var token = await new StaffSession(client).TokenAsync("/tai-khoan/dang-nhap");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tai-khoan/dang-nhap")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "khong-ton-tai@stp.example.vn",
                ["Password"] = "mat-khau-sai-hoan-toan",
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add(TestClientAddress.Header, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Behind_the_one_known_proxy_each_client_has_its_own_sign_in_budget()
    {
        // The compose file's shape: one proxy address trusted (nginx), the default limit of 10 a minute.
        using var factory = new PortalWebApplicationFactory()
            .With("RateLimits:SignInPerMinute", "10")
            .With("ReverseProxy:KnownProxies:0", "127.0.0.1");
        var client = StaffSession.NewClient(factory);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await SignInAttemptAsync(client, "127.0.0.1", "198.51.100.50"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAttemptAsync(client, "127.0.0.1", "198.51.100.50"));
        // Another citizen behind the same proxy is not locked out by the first.
        Assert.Equal(HttpStatusCode.OK, await SignInAttemptAsync(client, "127.0.0.1", "198.51.100.51"));
    }

    [Fact]
    public async Task Only_the_configured_proxies_are_believed_not_loopback_by_default()
    {
        using var factory = new PortalWebApplicationFactory()
            .With("RateLimits:SearchPerMinute", "1")
            .With("ReverseProxy:KnownProxies:0", "172.30.88.10");
        var client = factory.CreatePlainClient();

        Assert.Equal(HttpStatusCode.OK, await SearchAsync(client, "127.0.0.1", "198.51.100.60"));
        // Loopback is not the configured proxy: its header buys no fresh bucket.
        Assert.Equal(HttpStatusCode.TooManyRequests, await SearchAsync(client, "127.0.0.1", "198.51.100.61"));
        // The configured proxy's is believed.
        Assert.Equal(HttpStatusCode.OK, await SearchAsync(client, "172.30.88.10", "198.51.100.62"));
    }
}
