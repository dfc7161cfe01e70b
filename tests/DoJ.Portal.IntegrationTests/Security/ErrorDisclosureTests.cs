using System.Data.Common;
using System.Net;
using DoJ.Portal.Data;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace DoJ.Portal.IntegrationTests.Security;

public sealed class ErrorDisclosureTests
{
    private const string SecretPath = "/srv/doj-portal/secret-data/portal.db";

    [Theory]
    [InlineData("Production", "/chuyen-muc/thong-bao")]
    [InlineData("Staging", "/tim-kiem?q=h%E1%BB%99+t%E1%BB%8Bch")]
    [InlineData("Production", "/")]
    public async Task A_failure_outside_Development_shows_no_stack_trace_SQL_or_path_but_the_log_has_it(string environment, string url)
    {
        var fault = new OneFailingQuery();
        var log = new CapturedLog();
        using var factory = new PortalWebApplicationFactory
        {
            EnvironmentName = environment,
            ConfigureServices = services =>
            {
                services.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(fault));
                services.AddSingleton<ILogEventSink>(log);
                services.AddHttpContextAccessor();
            },
        };
        _ = factory.Server;
        // Only a request's query fails: background work (reading the demo files' text, the index) queries too.
        fault.Requests = factory.Services.GetRequiredService<IHttpContextAccessor>();
        fault.Armed = true;

        using var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.False(fault.Armed, "the failing query never ran");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Hệ thống đang gặp sự cố", body, StringComparison.Ordinal);
        foreach (var leak in new[] { SecretPath, "secret-data", "SELECT", "Articles\"", "InvalidOperationException", "Exception", " at DoJ.", ".cs:line", "Microsoft.EntityFrameworkCore", "Simulated" })
        {
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
        }

        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            Assert.DoesNotContain("Simulated", string.Join(",", header.Value), StringComparison.Ordinal);
        }

        // Developers read it in the log instead.
        Assert.Contains(log.Events, e => e.Exception?.Message.Contains(SecretPath, StringComparison.Ordinal) == true);
    }

    /// <summary>Fails the next query on articles once, with a message full of what must not leak.</summary>
    private sealed class OneFailingQuery : DbCommandInterceptor
    {
        public volatile bool Armed;

        public IHttpContextAccessor? Requests { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Armed && Requests?.HttpContext is not null && command.CommandText.Contains("\"Articles\"", StringComparison.Ordinal))
            {
                Armed = false;
                throw new InvalidOperationException($"Simulated failure reading {SecretPath}: {command.CommandText}");
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
