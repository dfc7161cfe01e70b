using System.Net;
using System.Text;
using DoJ.Portal.Data.Identity;
using DoJ.Portal.Domain;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace DoJ.Portal.IntegrationTests.Security;

/// <summary>One portal for the class, with every log event captured; tests tell their events apart by account id.</summary>
public sealed class LoggedPortal : IDisposable
{
    public LoggedPortal()
    {
        var log = new CapturedLog();
        Log = log;
        Factory = new PortalWebApplicationFactory { ConfigureServices = services => services.AddSingleton<ILogEventSink>(log) }
            .With("Serilog:MinimumLevel:Default", "Information");
    }

    public CapturedLog Log { get; }

    public PortalWebApplicationFactory Factory { get; }

    public void Dispose() => Factory.Dispose();
}

public sealed class SecurityLogTests(LoggedPortal portal) : IClassFixture<LoggedPortal>
{
    private const string ClientAddress = "203.0.113.199";

    private PortalWebApplicationFactory Factory => portal.Factory;

    private Task<string> IdOfAsync(string email) =>
        Factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>The events with <paramref name="eventId"/> about <paramref name="userId"/>.</summary>
    private List<LogEvent> Events(int eventId, string userId) =>
        portal.Log.WithEventId(eventId).Where(e => CapturedLog.Property(e, "UserId") == userId).ToList();

    private LogEvent Single(int eventId, string userId)
    {
        var events = Events(eventId, userId);
        Assert.True(events.Count == 1, $"expected one event {eventId} for {userId}, found {events.Count}:\n{portal.Log.AllText()}");
        Assert.StartsWith("Security: ", events[0].MessageTemplate.Text, StringComparison.Ordinal);
        return events[0];
    }

    /// <summary>
    /// None of <paramref name="secrets"/> — nor the client address — is in any captured event or in the log
    /// file; long values are looked for by their first 24 characters too, in case a log cut them short.
    /// </summary>
    private async Task AssertNothingSecretIsLoggedAsync(IEnumerable<string> secrets)
    {
        var file = await LogFilesAsync();
        Assert.Contains("Security: ", file, StringComparison.Ordinal);
        var logs = portal.Log.AllText() + "\n" + file;
        foreach (var secret in secrets.Append(ClientAddress).Where(s => s.Length >= 6).Distinct())
        {
            Assert.False(logs.Contains(secret, StringComparison.Ordinal), $"the logs hold a secret value: {secret}");
            Assert.False(secret.Length > 24 && logs.Contains(secret[..24], StringComparison.Ordinal), $"the logs hold the start of a secret value: {secret}");
            Assert.False(logs.Contains(Uri.EscapeDataString(secret), StringComparison.Ordinal), $"the logs hold an encoded secret value: {secret}");
        }
    }

    private async Task<string> LogFilesAsync()
    {
        var folder = Path.Combine(Factory.DataPath, "logs");
        var text = new StringBuilder();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder) : [])
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text.Append(await reader.ReadToEndAsync());
        }

        return text.ToString();
    }

    private Browser NewBrowser() => new(Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = false,
        BaseAddress = new Uri("https://localhost"),
    }));

    private async Task<Browser> SignedInAsync(string role)
    {
        var (email, password) = await StaffSession.CreateUserAsync(Factory, role);
        var browser = NewBrowser();
        browser.Secrets.Add(password);
        using var response = await browser.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        browser.UserId = await IdOfAsync(email);
        return browser;
    }

    [Fact]
    public async Task Sign_in_success_failure_lockout_password_change_and_sign_out_are_logged_by_account_id_only()
    {
        var (email, password) = await StaffSession.CreateUserAsync(Factory, PortalRoles.Editor);
        var id = await IdOfAsync(email);
        var wrongPassword = "Sai-mat-khau-" + Guid.NewGuid().ToString("N");
        var unknownEmail = $"khong-ton-tai-{Guid.NewGuid():N}@stp.example.vn";
        var newPassword = "Mat-khau-moi-" + Guid.NewGuid().ToString("N");
        var browser = NewBrowser();

        (await browser.SignInAsync(email, wrongPassword)).Dispose();
        var unknownBefore = portal.Log.WithEventId(1003).Count;
        (await browser.SignInAsync(unknownEmail, wrongPassword)).Dispose();
        using (var signedIn = await browser.SignInAsync(email, password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var change = new Dictionary<string, string> { ["CurrentPassword"] = wrongPassword, ["NewPassword"] = newPassword, ["ConfirmPassword"] = newPassword };
        (await browser.PostFormAsync("/tai-khoan/doi-mat-khau", "/tai-khoan/doi-mat-khau", change)).Dispose();
        change["CurrentPassword"] = password;
        using (var changed = await browser.PostFormAsync("/tai-khoan/doi-mat-khau", "/tai-khoan/doi-mat-khau", change))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        (await browser.PostFormAsync("/quan-tri", "/tai-khoan/dang-xuat", [])).Dispose();

        // Five wrong passwords lock the account; the right one is then refused.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await browser.SignInAsync(email, wrongPassword)).Dispose();
        }

        (await browser.SignInAsync(email, newPassword)).Dispose();

        Assert.Equal(6, Events(1002, id).Count);
        Assert.Equal(LogEventLevel.Warning, Events(1002, id)[0].Level);
        Assert.Equal(unknownBefore + 1, portal.Log.WithEventId(1003).Count);
        Assert.Equal(LogEventLevel.Information, Single(1001, id).Level);
        Assert.Equal("PasswordMismatch", CapturedLog.Property(Single(1013, id), "Reasons"));
        Single(1012, id);
        Single(1010, id);
        Single(1005, id);
        Single(1004, id);
        await AssertNothingSecretIsLoggedAsync([.. browser.Secrets, password, wrongPassword, newPassword, unknownEmail, email]);
    }

    [Fact]
    public async Task Two_factor_steps_are_logged_without_the_codes()
    {
        var (email, password) = await StaffSession.CreateUserAsync(Factory, PortalRoles.Administrator);
        var id = await IdOfAsync(email);
        string recoveryCode;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByIdAsync(id))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            recoveryCode = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 2))!.First();
        }

        var browser = NewBrowser();
        using (var first = await browser.SignInAsync(email, password))
        {
            Assert.StartsWith("/tai-khoan/xac-thuc-hai-buoc", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        (await browser.PostFormAsync("/tai-khoan/xac-thuc-hai-buoc", "/tai-khoan/xac-thuc-hai-buoc", new() { ["Code"] = "482913" })).Dispose();
        using (var second = await browser.PostFormAsync("/tai-khoan/xac-thuc-hai-buoc", "/tai-khoan/xac-thuc-hai-buoc", new() { ["Code"] = recoveryCode, ["UseRecoveryCode"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        Single(1006, id);
        Single(1008, id);
        Assert.Equal("a recovery code", CapturedLog.Property(Single(1007, id), "Method"));
        Assert.Empty(Events(1001, id));
        await AssertNothingSecretIsLoggedAsync([.. browser.Secrets, password, recoveryCode]);
    }

    [Fact]
    public async Task Account_changes_by_an_administrator_are_logged_with_who_did_them()
    {
        var admin = await SignedInAsync(PortalRoles.Administrator);
        var email = $"moi-{Guid.NewGuid():N}@stp.example.vn";
        using var created = await admin.PostFormAsync("/quan-tri/nguoi-dung/tao", "/quan-tri/nguoi-dung/tao", new()
        {
            ["Email"] = email,
            ["DisplayName"] = "Cán bộ mới",
            ["Role"] = PortalRoles.Contributor,
        });
        var firstPassword = await OneTimePasswordAsync(created);
        var id = await IdOfAsync(email);

        (await admin.PostFormAsync("/quan-tri/nguoi-dung", $"/quan-tri/nguoi-dung/{id}/vai-tro", new() { ["vai-tro"] = PortalRoles.Editor })).Dispose();
        (await admin.PostFormAsync("/quan-tri/nguoi-dung", $"/quan-tri/nguoi-dung/{id}/khoa", [])).Dispose();
        (await admin.PostFormAsync("/quan-tri/nguoi-dung", $"/quan-tri/nguoi-dung/{id}/mo-khoa", [])).Dispose();
        using var reset = await admin.PostFormAsync("/quan-tri/nguoi-dung", $"/quan-tri/nguoi-dung/{id}/dat-lai-mat-khau", []);
        var secondPassword = await OneTimePasswordAsync(reset);

        foreach (var eventId in new[] { 1101, 1102, 1103, 1104, 1105 })
        {
            Assert.Equal(admin.UserId, CapturedLog.Property(Single(eventId, id), "ActorId"));
        }

        Assert.Equal(PortalRoles.Contributor, CapturedLog.Property(Single(1101, id), "Role"));
        Assert.Equal(PortalRoles.Contributor, CapturedLog.Property(Single(1102, id), "OldRoles"));
        Assert.Equal(PortalRoles.Editor, CapturedLog.Property(Single(1102, id), "Role"));
        await AssertNothingSecretIsLoggedAsync([.. admin.Secrets, firstPassword, secondPassword]);
    }

    [Fact]
    public async Task Forbidden_pages_and_forged_posts_are_logged_with_path_and_user_but_no_token_or_cookie()
    {
        var contributor = await SignedInAsync(PortalRoles.Contributor);
        var forged = "CfDJ8" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");

        using (var denied = await contributor.SendAsync(HttpMethod.Get, "/quan-tri/nguoi-dung?secret=query-value-123"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        using (var post = await contributor.SendAsync(HttpMethod.Post, "/tai-khoan/dang-xuat", new() { ["__RequestVerificationToken"] = forged }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        }

        var anonymous = NewBrowser();
        var anonymousBefore = portal.Log.WithEventId(1202).Count(e => CapturedLog.Property(e, "UserId") == SecurityLog.Anonymous);
        using (var noToken = await anonymous.SendAsync(HttpMethod.Post, "/tai-khoan/dang-nhap", new() { ["Email"] = "a@stp.example.vn", ["Password"] = "Khong-co-token-" + forged[..10] }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }

        var denial = Single(1201, contributor.UserId);
        Assert.Equal("/quan-tri/nguoi-dung", CapturedLog.Property(denial, "Path"));
        var forgery = Single(1202, contributor.UserId);
        Assert.Equal("/tai-khoan/dang-xuat", CapturedLog.Property(forgery, "Path"));
        Assert.Equal("POST", CapturedLog.Property(forgery, "Method"));
        Assert.Equal(anonymousBefore + 1, portal.Log.WithEventId(1202).Count(e => CapturedLog.Property(e, "UserId") == SecurityLog.Anonymous));
        await AssertNothingSecretIsLoggedAsync([.. contributor.Secrets, .. anonymous.Secrets, forged, "query-value-123", "Khong-co-token-" + forged[..10]]);
    }

    [Fact]
    public async Task A_path_cannot_forge_a_line_in_the_log()
    {
        var contributor = await SignedInAsync(PortalRoles.Contributor);

        // An administrators-only route with a free-text segment: refused with 403, so its path is logged.
        using var denied = await contributor.SendAsync(HttpMethod.Post, "/quan-tri/nguoi-dung/x%0D%0A2026-01-01%20[INF]%20Security:%20sign-in%20succeeded%20for%20admin/khoa", []);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var path = CapturedLog.Property(Single(1201, contributor.UserId), "Path")!;
        Assert.StartsWith("/quan-tri/nguoi-dung/x??2026-01-01 [INF]", path, StringComparison.Ordinal);
        Assert.DoesNotContain("\n2026-01-01 [INF] Security: sign-in succeeded for admin", await LogFilesAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_limited_request_is_logged_without_the_address()
    {
        var log = new CapturedLog();
        using var limited = new PortalWebApplicationFactory { ConfigureServices = services => services.AddSingleton<ILogEventSink>(log) }
            .With("RateLimits:SignInPerMinute", "2");
        var client = limited.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@stp.example.vn" });
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/tai-khoan/dang-nhap", UriKind.Relative)) { Content = content };
            request.Headers.TryAddWithoutValidation(TestClientAddress.Header, ClientAddress);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var limitedEvent = Assert.Single(log.WithEventId(1203));
        Assert.Equal("/tai-khoan/dang-nhap", CapturedLog.Property(limitedEvent, "Path"));
        Assert.Equal(SecurityLog.Anonymous, CapturedLog.Property(limitedEvent, "UserId"));
        Assert.DoesNotContain(ClientAddress, log.AllText(), StringComparison.Ordinal);
    }

    private static async Task<string> OneTimePasswordAsync(HttpResponseMessage response)
    {
        var page = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
        return page.QuerySelector("[data-one-time-password]")?.TextContent.Trim()
            ?? throw new InvalidOperationException("no one-time password shown");
    }

    /// <summary>
    /// A browser that keeps its cookies itself, so the test knows every cookie value and antiforgery token it
    /// sent (to look for them in the logs), and that always comes from <see cref="ClientAddress"/>.
    /// </summary>
    private sealed class Browser(HttpClient client)
    {
        private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

        public HashSet<string> Secrets { get; } = new(StringComparer.Ordinal);

        public string UserId { get; set; } = "";

        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, Dictionary<string, string>? form = null)
        {
            using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
            request.Headers.TryAddWithoutValidation(TestClientAddress.Header, ClientAddress);
            request.Headers.TryAddWithoutValidation("User-Agent", TestClientAddress.BrowserUserAgent);
            if (cookies.Count > 0)
            {
                request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            if (form is not null)
            {
                request.Content = new FormUrlEncodedContent(form);
            }

            var response = await client.SendAsync(request);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0];
                var (name, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    cookies.Remove(name);
                }
                else
                {
                    cookies[name] = value;
                    Secrets.Add(value);
                }
            }

            return response;
        }

        public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
        {
            string token;
            using (var page = await SendAsync(HttpMethod.Get, formPage))
            {
                var document = await HtmlReader.ParseAsync(await page.Content.ReadAsStringAsync());
                token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                    ?? throw new InvalidOperationException($"{formPage} has no antiforgery token");
            }

            Secrets.Add(token);
            return await SendAsync(HttpMethod.Post, action, new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });
        }

        public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
            PostFormAsync("/tai-khoan/dang-nhap", "/tai-khoan/dang-nhap", new() { ["Email"] = email, ["Password"] = password });
    }
}
