using System.Net;
using DoJ.Portal.Domain;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DoJ.Portal.IntegrationTests.Security;

public sealed class SecurityHeaderTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private static string Csp(HttpResponseMessage response) =>
        string.Join(' ', response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values : []);

    private static string Directive(string csp, string name) =>
        csp.Split(';', StringSplitOptions.TrimEntries).FirstOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal)) ?? "";

    [Theory]
    [InlineData("/")]
    [InlineData("/chuyen-muc/tin-hoat-dong")]
    [InlineData("/tim-kiem?q=tien+an")]
    [InlineData("/khong-co-trang-nay")]
    [InlineData("/tai-khoan/dang-nhap")]
    public async Task Every_page_forbids_inline_script_framing_and_sniffing(string url)
    {
        using var response = await factory.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));

        var csp = Csp(response);
        Assert.Equal("script-src 'self'", Directive(csp, "script-src"));
        Assert.Equal("style-src 'self'", Directive(csp, "style-src"));
        Assert.Equal("object-src 'none'", Directive(csp, "object-src"));
        Assert.Equal("frame-ancestors 'none'", Directive(csp, "frame-ancestors"));
        Assert.Equal("base-uri 'none'", Directive(csp, "base-uri"));
        Assert.Equal("form-action 'self'", Directive(csp, "form-action"));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
        Assert.Contains("geolocation=()", response.Headers.GetValues("Permissions-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Pages_hold_no_inline_script_or_event_handler_the_policy_would_block()
    {
        var client = factory.CreatePlainClient();
        foreach (var url in new[] { "/", "/chuyen-muc/thi-dua-khen-thuong", "/tin-theo-ngay/2021-01-22", "/trang/gioi-thieu", "/tai-khoan/dang-nhap" })
        {
            var page = await client.GetDocumentAsync(url);
            Assert.All(page.QuerySelectorAll("script:not([src])"), s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
            var inline = page.All.Where(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)) || e.HasAttribute("style")).Select(e => url + ": " + e.OuterHtml[..Math.Min(200, e.OuterHtml.Length)]);
            Assert.Empty(inline);
        }
    }

    [Fact]
    public async Task Uploaded_files_are_served_under_a_policy_that_runs_nothing()
    {
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(png), "file", "anh.png" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/quan-tri/thu-vien-anh/tai-len") { Content = form };
        request.Headers.Add("RequestVerificationToken", await admin.TokenAsync("/quan-tri/bai-viet/tao"));
        using var uploaded = await admin.Client.SendAsync(request);
        var url = System.Text.Json.JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync()).RootElement.GetProperty("url").GetString()!;

        using var image = await factory.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        var csp = Csp(image);
        Assert.Equal("default-src 'none'", Directive(csp, "default-src"));
        Assert.Contains("sandbox", csp);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Outside_development_https_responses_carry_hsts_and_the_sign_in_cookie_is_host_only_and_secure()
    {
        using var production = new PortalWebApplicationFactory { EnvironmentName = "Production" };
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.example.vn"), AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
        var session = new StaffSession(client);
        var (email, password) = await StaffSession.CreateUserAsync(production, PortalRoles.Editor);
        using var signIn = await session.TrySignInAsync(email, password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-doj.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
