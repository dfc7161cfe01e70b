using System.Net;
using DoJ.Portal.IntegrationTests.Infrastructure;

namespace DoJ.Portal.IntegrationTests.Foundation;

public sealed class HealthTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_answers_503_when_the_database_cannot_be_reached()
    {
        using var broken = new PortalWebApplicationFactory()
            .With("Database:MigrateOnStartup", "false")
            .With("ConnectionStrings:Portal", "Data Source=/nonexistent-folder/portal.db;Mode=ReadOnly");

        using var response = await broken.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.DoesNotContain("nonexistent", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_database_is_down_pages_answer_a_Vietnamese_error_page_without_details()
    {
        using var broken = new PortalWebApplicationFactory()
            .With("Database:MigrateOnStartup", "false")
            .With("ConnectionStrings:Portal", "Data Source=/nonexistent-folder/portal.db;Mode=ReadOnly");

        using var response = await broken.CreateClient().GetAsync(new Uri("/chuyen-muc/thong-bao", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Hệ thống đang gặp sự cố", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sqlite", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("nonexistent", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", html, StringComparison.Ordinal);
    }
}
