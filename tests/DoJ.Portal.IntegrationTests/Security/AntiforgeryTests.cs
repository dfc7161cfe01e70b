using System.Net;
using DoJ.Portal.Domain;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Security;

public sealed class AntiforgeryTests
{
    /// <summary>Every POST endpoint the app maps, with its route values filled in (an id that exists where it matters).</summary>
    private static List<string> PostUrls(PortalWebApplicationFactory factory, string articleId)
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => Fill(e.RoutePattern, articleId))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string Fill(RoutePattern pattern, string id) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart p when p.ParameterPolicies.Any(c => c.Content == "guid") => Guid.Empty.ToString(),
            RoutePatternParameterPart => id,
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));

    [Fact]
    public async Task Every_post_action_refuses_a_request_without_an_antiforgery_token_and_changes_nothing()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var articleId = await factory.WithDbAsync(db => db.Articles.Select(a => a.Id).FirstAsync());
        var auditBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());
        var urls = PostUrls(factory, articleId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains("/tai-khoan/dang-nhap", urls);
        Assert.Contains($"/quan-tri/bai-viet/{articleId}/xuat-ban", urls);
        Assert.True(urls.Count >= 20, string.Join(", ", urls));
        foreach (var url in urls)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Title"] = "Giả mạo", ["Email"] = "x@example.vn" });
            using var response = await admin.Client.PostAsync(new Uri(url, UriKind.Relative), content);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} answered {(int)response.StatusCode}");
        }

        Assert.Equal(auditBefore, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }
}
