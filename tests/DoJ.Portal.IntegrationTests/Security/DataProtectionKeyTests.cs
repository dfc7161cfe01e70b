using System.Net;
using DoJ.Portal.Domain;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Security;

public sealed class DataProtectionKeyTests
{
    [Fact]
    public async Task A_sign_in_is_honoured_by_another_host_because_the_keys_live_in_the_database()
    {
        using var first = new PortalWebApplicationFactory();
        var (email, password) = await StaffSession.CreateUserAsync(first, PortalRoles.Editor);
        using var signIn = await new StaffSession(StaffSession.NewClient(first)).TrySignInAsync(email, password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-doj.auth=", StringComparison.Ordinal)).Split(';')[0];
        Assert.True(await first.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));

        // A second host on the same database: a restart, or another instance behind the load balancer.
        using var second = new PortalWebApplicationFactory().With("Storage:DataPath", first.DataPath);
        var client = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/quan-tri");
        request.Headers.Add("Cookie", cookie);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
