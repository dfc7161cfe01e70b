using System.Net;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Navigation;

namespace DoJ.Portal.IntegrationTests.Security;

/// <summary>
/// The built portal in Production, reached over plain http as a browser would reach a misconfigured deployment: the
/// sign-in path and the citizens' forms never answer 500 (the antiforgery system refuses to work without https), they
/// redirect to the https base URL or explain in Vietnamese that they need HTTPS.
/// </summary>
public sealed class PlainHttpProductionTests
{
    private static Dictionary<string, string> Settings(string baseUrl) => new(StringComparer.Ordinal)
    {
        ["Site__BaseUrl"] = baseUrl,
        ["Admin__Email"] = "quan-tri@stp.example.vn",
        // Generated for this run only: no password is written in the source.
        ["Admin__Password"] = "Kt-" + Guid.NewGuid().ToString("N"),
    };

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>Every request of the sign-in path, with what it answered.</summary>
    private static async Task<List<(string Request, HttpResponseMessage Response)>> WalkTheSignInPathAsync(HttpClient client)
    {
        var credentials = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Email"] = "quan-tri@stp.example.vn",
            ["Password"] = "mat-khau-sai-hoan-toan",
        };
        var withToken = new Dictionary<string, string>(credentials, StringComparer.Ordinal) { ["__RequestVerificationToken"] = "CfDJ8-token-from-an-earlier-page" };
        return
        [
            ("GET sign-in", await client.GetAsync(new Uri(SiteUrls.SignIn, UriKind.Relative))),
            ("POST sign-in with a token", await PostFormAsync(client, SiteUrls.SignIn, withToken)),
            ("POST sign-in without a token", await PostFormAsync(client, SiteUrls.SignIn, credentials)),
            ("GET /quan-tri", await client.GetAsync(new Uri(AdminUrls.Home, UriKind.Relative))),
            ("GET two-factor", await client.GetAsync(new Uri(SiteUrls.TwoFactorSignIn, UriKind.Relative))),
            ("POST sign-out", await PostFormAsync(client, SiteUrls.SignOut, [])),
        ];
    }

    [Fact]
    public async Task Without_an_https_address_the_sign_in_path_explains_that_https_is_needed_and_never_answers_500()
    {
        // With the demo content: its draft open for comment gives the comment form's address.
        var settings = Settings("http://127.0.0.1");
        settings["Database__SeedDemoContent"] = "true";
        await using var portal = await PortalProcess.StartAsync("Production", settings);
        using var client = portal.CreateClient();

        var answers = await WalkTheSignInPathAsync(client);
        try
        {
            foreach (var (request, response) in answers)
            {
                Assert.True((int)response.StatusCode < 500, $"{request}: {(int)response.StatusCode}\n{portal.Output}");
            }

            var (_, signIn) = answers[0];
            Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
            var page = await HtmlReader.ParseAsync(await signIn.Content.ReadAsStringAsync());
            Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
            Assert.Contains("HTTPS", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.All(answers.Skip(1), a => Assert.Equal(HttpStatusCode.Forbidden, a.Response.StatusCode));

            // The citizens' forms carry an antiforgery token too: the same page, never a 500.
            using var list = await client.GetAsync(new Uri(SiteUrls.DocumentsOpenForComment, UriKind.Relative));
            var commentForm = (await HtmlReader.ParseAsync(await list.Content.ReadAsStringAsync()))
                .QuerySelectorAll("a[href$='/" + SiteUrls.CommentFormSegment + "']").Select(l => l.GetAttribute("href")!).FirstOrDefault()
                ?? throw new InvalidOperationException("No draft open for comment is listed.");
            foreach (var form in new[] { SiteUrls.AskQuestion, commentForm })
            {
                using var refused = await client.GetAsync(new Uri(form, UriKind.Relative));
                Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{form}: {(int)refused.StatusCode}\n{portal.Output}");
                Assert.Contains("HTTPS", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            // Citizens can still read the public site and the health check answers.
            using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
            using var health = await client.GetAsync(new Uri(SiteUrls.Health, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            answers.ForEach(a => a.Response.Dispose());
        }
    }

    [Fact]
    public async Task With_an_https_base_url_pages_asked_over_plain_http_are_redirected_there_and_posts_refused()
    {
        await using var portal = await PortalProcess.StartAsync("Production", Settings("https://portal.example.vn"));
        using var client = portal.CreateClient();

        var answers = await WalkTheSignInPathAsync(client);
        try
        {
            foreach (var (request, response) in answers)
            {
                Assert.True((int)response.StatusCode < 500, $"{request}: {(int)response.StatusCode}\n{portal.Output}");
                if (request.StartsWith("GET", StringComparison.Ordinal))
                {
                    Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
                    Assert.StartsWith("https://portal.example.vn/", response.Headers.Location!.ToString(), StringComparison.Ordinal);
                }
                else
                {
                    // A form sent over plain http is not sent again: the password has crossed the network in clear already.
                    Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                }
            }

            Assert.Equal(new Uri("https://portal.example.vn/tai-khoan/dang-nhap"), answers[0].Response.Headers.Location);
            using var search = await client.GetAsync(new Uri("/tim-kiem?q=phap+luat", UriKind.Relative));
            Assert.Equal(new Uri("https://portal.example.vn/tim-kiem?q=phap+luat"), search.Headers.Location);
            using var health = await client.GetAsync(new Uri(SiteUrls.Health, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            answers.ForEach(a => a.Response.Dispose());
        }
    }
}
