using System.Net;
using AngleSharp.Html.Dom;
using DoJ.Portal.Data.Identity;
using DoJ.Portal.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.Testing.Web;

/// <summary>A signed-in staff member's browser: cookies kept, forms posted with their antiforgery token.</summary>
public sealed class StaffSession(HttpClient client)
{
    public HttpClient Client { get; } = client;

    /// <summary>Creates an account in <paramref name="role"/> with a generated password.</summary>
    public static async Task<(string Email, string Password)> CreateUserAsync(PortalWebApplicationFactory factory, string role, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@stp.example.vn";
        var password = AdminBootstrapper.GeneratePassword();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return (email, password);
    }

    public static async Task<StaffSession> SignInAsync(PortalWebApplicationFactory factory, string role)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (email, password) = await CreateUserAsync(factory, role);
        var session = new StaffSession(NewClient(factory));
        using var response = await session.TrySignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    /// <summary>A browser on https, as staff use the portal: the sign-in cookie is Secure outside Development.</summary>
    public static HttpClient NewClient(PortalWebApplicationFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
    }

    public async Task<HttpResponseMessage> TrySignInAsync(string email, string password) =>
        await PostFormAsync("/tai-khoan/dang-nhap", "/tai-khoan/dang-nhap", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>Loads <paramref name="formPage"/>, takes its antiforgery token, and posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var token = await TokenAsync(formPage);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(values);
        return await Client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public async Task<string> TokenAsync(string page)
    {
        var document = await GetAsync(page);
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{page} has no antiforgery token");
    }

    public async Task<IHtmlDocument> GetAsync(string page)
    {
        using var response = await Client.GetAsync(new Uri(page, UriKind.Relative));
        return await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
    }
}
