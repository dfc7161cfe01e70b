using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using DoJ.Portal.Data.Identity;
using DoJ.Portal.Domain;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Admin;

public sealed class TwoFactorTests
{
    /// <summary>RFC 6238 TOTP (SHA-1, 30 s, 6 digits), as authenticator apps compute it.</summary>
    private static string Totp(string base32Key, int stepOffset = 0)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        var counter = BitConverter.GetBytes((DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30) + stepOffset);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; this reproduces what the phone computes.
        var hash = HMACSHA1.HashData(bytes.ToArray(), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task An_administrator_enrols_an_authenticator_app_and_then_needs_its_code_to_sign_in()
    {
        using var factory = new PortalWebApplicationFactory().With("Security:RequireTwoFactorForAdministrators", "true");
        var (email, password) = await StaffSession.CreateUserAsync(factory, PortalRoles.Administrator);
        var session = new StaffSession(StaffSession.NewClient(factory));
        using (var signIn = await session.TrySignInAsync(email, password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        // Required by configuration: the admin area sends the administrator to enrol first.
        using (var gate = await session.Client.GetAsync(new Uri("/quan-tri", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, gate.StatusCode);
            Assert.Equal("/tai-khoan/bao-mat-hai-lop", gate.Headers.Location!.OriginalString);
        }

        var enrolment = await session.GetAsync("/tai-khoan/bao-mat-hai-lop");
        Assert.NotNull(enrolment.QuerySelector(".qr-code svg"));
        var key = enrolment.QuerySelector("[data-shared-key]")!.TextContent;
        using var enabled = await session.PostFormAsync("/tai-khoan/bao-mat-hai-lop", "/tai-khoan/bao-mat-hai-lop/bat", new Dictionary<string, string> { ["ma"] = Totp(key) });
        var codes = (await HtmlReader.ParseAsync(await enabled.Content.ReadAsStringAsync())).QuerySelectorAll("[data-recovery-codes] code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Count);

        // Password alone no longer signs in.
        var next = new StaffSession(StaffSession.NewClient(factory));
        using (var step1 = await next.TrySignInAsync(email, password))
        {
            Assert.StartsWith("/tai-khoan/xac-thuc-hai-buoc", step1.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using (var wrong = await next.PostFormAsync("/tai-khoan/xac-thuc-hai-buoc", "/tai-khoan/xac-thuc-hai-buoc", new Dictionary<string, string> { ["Code"] = "000000" }))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        // A code is accepted once: the app's next code (Identity allows a little clock drift) signs in.
        using (var step2 = await next.PostFormAsync("/tai-khoan/xac-thuc-hai-buoc", "/tai-khoan/xac-thuc-hai-buoc", new Dictionary<string, string> { ["Code"] = Totp(key, stepOffset: 1) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, step2.StatusCode);
        }

        using var dashboard = await next.Client.GetAsync(new Uri("/quan-tri", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);

        // A recovery code works once.
        var third = new StaffSession(StaffSession.NewClient(factory));
        using (await third.TrySignInAsync(email, password))
        {
        }

        using var recovered = await third.PostFormAsync("/tai-khoan/xac-thuc-hai-buoc", "/tai-khoan/xac-thuc-hai-buoc",
            new Dictionary<string, string> { ["Code"] = codes[0], ["UseRecoveryCode"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
    }

    [Fact]
    public async Task A_two_factor_sign_in_still_counts_after_the_security_stamp_is_checked_again()
    {
        using var factory = new PortalWebApplicationFactory().With("Security:RequireTwoFactorForAdministrators", "true");
        var (email, password) = await StaffSession.CreateUserAsync(factory, PortalRoles.Administrator);
        string recoveryCode;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            recoveryCode = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 1))!.Single();
        }

        var session = new StaffSession(StaffSession.NewClient(factory));
        using (await session.TrySignInAsync(email, password))
        {
        }

        using (var second = await session.PostFormAsync("/tai-khoan/xac-thuc-hai-buoc", "/tai-khoan/xac-thuc-hai-buoc",
            new Dictionary<string, string> { ["Code"] = recoveryCode, ["UseRecoveryCode"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        using (var before = await session.Client.GetAsync(new Uri("/quan-tri", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // Past the one-minute stamp check, twice: the principal rebuilt from the database keeps the second-factor mark.
        for (var check = 0; check < 2; check++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(2));
            using var after = await session.Client.GetAsync(new Uri("/quan-tri", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }
    }

    [Fact]
    public async Task Without_the_setting_an_administrator_without_two_factor_works_as_before()
    {
        using var factory = new PortalWebApplicationFactory();
        var session = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        using var dashboard = await session.Client.GetAsync(new Uri("/quan-tri", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }
}
