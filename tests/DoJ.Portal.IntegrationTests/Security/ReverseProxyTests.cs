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
}
