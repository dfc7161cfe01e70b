using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DoJ.Portal.Testing.Web;

/// <summary>
/// The test server has no network peer; this start-up filter (tests only) takes the client address
/// from an <c>X-Test-Client-IP</c> header, as Kestrel would from the socket.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-IP";
    public const string BrowserUserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            await nextMiddleware(context);
        });
        next(app);
    };
}

public static class BrowserRequests
{
    /// <summary>A GET as a browser at <paramref name="address"/> sends it.</summary>
    public static async Task<HttpResponseMessage> BrowseAsync(this HttpClient client, string url, string address = "198.51.100.10", string userAgent = TestClientAddress.BrowserUserAgent, HttpMethod? method = null, params (string Name, string Value)[] headers)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        request.Headers.TryAddWithoutValidation(TestClientAddress.Header, address);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }
}
