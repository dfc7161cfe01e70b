using System.Net;
using DoJ.Portal.Data.Identity;
using DoJ.Portal.Domain;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Admin;

public sealed class SignInTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private StaffSession Anonymous() => new(StaffSession.NewClient(factory));

    [Fact]
    public async Task The_admin_area_sends_anonymous_visitors_to_the_sign_in_page()
    {
        using var response = await Anonymous().Client.GetAsync(new Uri("/quan-tri/bai-viet", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/tai-khoan/dang-nhap?ReturnUrl=%2Fquan-tri%2Fbai-viet", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_member_signs_in_and_reaches_the_dashboard()
    {
        var session = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var dashboard = await session.GetAsync("/quan-tri");
        Assert.Equal("Tổng quan", dashboard.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal("vi", dashboard.DocumentElement.GetAttribute("lang"));
    }

    private static async Task<string> AlertAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
            return page.QuerySelector("[role=alert]")!.TextContent.Trim();
        }
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes()
    {
        var (email, password) = await StaffSession.CreateUserAsync(factory, PortalRoles.Editor);
        var session = Anonymous();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await session.TrySignInAsync(email, "sai-mat-khau-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await session.TrySignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var end = await users.GetLockoutEndDateAsync((await users.FindByEmailAsync(email))!);
        Assert.NotNull(end);
        // Identity measures lockouts on the system clock, not the portal's TimeProvider.
        Assert.InRange(end!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(16));
    }

    [Fact]
    public async Task A_locked_account_an_unknown_email_and_a_wrong_password_get_the_same_message()
    {
        var (email, password) = await StaffSession.CreateUserAsync(factory, PortalRoles.Editor);
        var session = Anonymous();
        var wrong = await AlertAsync(await session.TrySignInAsync(email, "sai-mat-khau-0"));
        for (var i = 1; i < 5; i++)
        {
            (await session.TrySignInAsync(email, "sai-mat-khau-" + i)).Dispose();
        }

        var locked = await AlertAsync(await session.TrySignInAsync(email, password));
        var unknown = await AlertAsync(await session.TrySignInAsync($"khong-ton-tai-{Guid.NewGuid():N}@stp.example.vn", password));

        Assert.Contains("Email hoặc mật khẩu không đúng", unknown, StringComparison.Ordinal);
        Assert.Equal(unknown, locked);
        Assert.Equal(unknown, wrong);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!));
    }

    [Fact]
    public async Task An_unknown_email_or_a_locked_account_costs_a_password_hash_like_a_wrong_password()
    {
        var hasher = new CountingPasswordHasher();
        using var own = new PortalWebApplicationFactory { ConfigureServices = hasher.Register };
        var (email, password) = await StaffSession.CreateUserAsync(own, PortalRoles.Editor);
        var session = new StaffSession(StaffSession.NewClient(own));
        var token = await session.TokenAsync("/tai-khoan/dang-nhap");

        async Task<int> HashesForAsync(string typedEmail, string typedPassword)
        {
            hasher.Reset();
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = typedEmail,
                ["Password"] = typedPassword,
                ["__RequestVerificationToken"] = token,
            });
            using var response = await session.Client.PostAsync(new Uri("/tai-khoan/dang-nhap", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return hasher.Calls;
        }

        Assert.Equal(1, await HashesForAsync(email, "sai-mat-khau-0"));
        Assert.Equal(1, await HashesForAsync($"khong-ton-tai-{Guid.NewGuid():N}@stp.example.vn", "sai-mat-khau-0"));
        for (var i = 1; i < 5; i++)
        {
            await HashesForAsync(email, "sai-mat-khau-" + i);
        }

        // Locked out: Identity refuses before looking at the password; the portal hashes anyway.
        Assert.Equal(1, await HashesForAsync(email, password));
    }

    [Fact]
    public async Task A_wrong_password_says_so_in_Vietnamese_without_telling_which_part_was_wrong()
    {
        using var response = await Anonymous().TrySignInAsync("khong-ton-tai@stp.example.vn", "mot-mat-khau-bat-ky");
        var page = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("Email hoặc mật khẩu không đúng", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task The_return_address_after_sign_in_is_always_on_this_site(string returnUrl)
    {
        var (email, password) = await StaffSession.CreateUserAsync(factory, PortalRoles.Editor);
        var session = Anonymous();

        using var response = await session.PostFormAsync("/tai-khoan/dang-nhap", "/tai-khoan/dang-nhap",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = password, ["ReturnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/quan-tri", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var session = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Title"] = "Không có token", ["CategoryId"] = "1", ["Author"] = "X" });

        using var response = await session.Client.PostAsync(new Uri("/quan-tri/bai-viet/tao", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var session = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        using var signOut = await session.PostFormAsync("/quan-tri", "/tai-khoan/dang-xuat", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        using var after = await session.Client.GetAsync(new Uri("/quan-tri", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task A_session_ends_after_an_hour_without_requests()
    {
        using var own = new PortalWebApplicationFactory();
        var session = await StaffSession.SignInAsync(own, PortalRoles.Editor);
        own.Clock.Advance(TimeSpan.FromMinutes(50));
        using (var active = await session.Client.GetAsync(new Uri("/quan-tri", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }

        own.Clock.Advance(TimeSpan.FromMinutes(61));
        using var idle = await session.Client.GetAsync(new Uri("/quan-tri", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
    }

    [Fact]
    public async Task A_session_ends_after_ten_hours_however_active()
    {
        using var own = new PortalWebApplicationFactory();
        var session = await StaffSession.SignInAsync(own, PortalRoles.Editor);
        for (var i = 0; i < 19; i++)
        {
            own.Clock.Advance(TimeSpan.FromMinutes(31));
            using var active = await session.Client.GetAsync(new Uri("/quan-tri", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }

        own.Clock.Advance(TimeSpan.FromMinutes(31));
        using var expired = await session.Client.GetAsync(new Uri("/quan-tri", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_secure_and_same_site()
    {
        var (email, password) = await StaffSession.CreateUserAsync(factory, PortalRoles.Editor);
        using var response = await Anonymous().TrySignInAsync(email, password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-doj.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
