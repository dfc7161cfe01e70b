
using DoJ.Portal.Web.Counting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace DoJ.Portal.UnitTests.Counting;

/// <summary>Which responses count as a page view (docs/visit-counter.md, "Definitions").</summary>
public sealed class PageResponseTests
{
    private static DefaultHttpContext Response(int status, string contentType, Endpoint? endpoint)
    {
        var context = new DefaultHttpContext();
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.SetEndpoint(endpoint);
        return context;
    }

    private static Endpoint Action() =>
        new(_ => Task.CompletedTask, new EndpointMetadataCollection(new ControllerActionDescriptor()), "page");

    [Fact]
    public void Html_rendered_by_a_controller_is_a_page_view() =>
        Assert.True(VisitCountingMiddleware.IsPageResponse(Response(200, "text/html; charset=utf-8", Action())));

    [Fact]
    public void An_html_file_served_from_wwwroot_is_not_a_page_view() =>
        Assert.False(VisitCountingMiddleware.IsPageResponse(Response(200, "text/html", endpoint: null)));

    [Theory]
    [InlineData(200, "application/rss+xml")]
    [InlineData(200, "text/css")]
    [InlineData(404, "text/html")]
    [InlineData(500, "text/html")]
    [InlineData(302, "text/html")]
    public void Feeds_assets_errors_and_redirects_are_not_page_views(int status, string contentType) =>
        Assert.False(VisitCountingMiddleware.IsPageResponse(Response(status, contentType, Action())));
}
