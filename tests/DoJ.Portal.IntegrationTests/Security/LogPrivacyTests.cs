using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DoJ.Portal.Domain;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace DoJ.Portal.IntegrationTests.Security;

/// <summary>Staff e-mail addresses are personal data: the logs name accounts by id only (docs/security.md §6.4).</summary>
public sealed partial class LogPrivacyTests
{
    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", RegexOptions.None, 1000)]
    private static partial Regex EmailAddress();

    [Fact]
    public async Task No_log_line_holds_an_email_address_from_the_first_administrator_to_account_changes()
    {
        var log = new CapturedLog();
        var adminEmail = $"quantri-{Guid.NewGuid():N}@stp.example.vn";
        var adminPassword = AdminBootstrapper.GeneratePassword();
        using var factory = new PortalWebApplicationFactory { ConfigureServices = services => services.AddSingleton<ILogEventSink>(log) }
            .With("Serilog:MinimumLevel:Default", "Debug")
            .With("Admin:Email", adminEmail)
            .With("Admin:Password", adminPassword);

        var admin = new StaffSession(StaffSession.NewClient(factory));
        (await admin.TrySignInAsync(adminEmail, "Sai-mat-khau-" + Guid.NewGuid().ToString("N"))).Dispose();
        (await admin.TrySignInAsync($"khong-ton-tai-{Guid.NewGuid():N}@stp.example.vn", adminPassword)).Dispose();
        using (var signedIn = await admin.TrySignInAsync(adminEmail, adminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var email = $"moi-{Guid.NewGuid():N}@stp.example.vn";
        (await admin.PostFormAsync("/quan-tri/nguoi-dung/tao", "/quan-tri/nguoi-dung/tao", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["DisplayName"] = "Cán bộ mới",
            ["Role"] = PortalRoles.Contributor,
        })).Dispose();
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        (await admin.PostFormAsync("/quan-tri/nguoi-dung", $"/quan-tri/nguoi-dung/{id}/vai-tro", new Dictionary<string, string> { ["vai-tro"] = PortalRoles.Editor })).Dispose();
        (await admin.PostFormAsync("/quan-tri/nguoi-dung", $"/quan-tri/nguoi-dung/{id}/khoa", new Dictionary<string, string>())).Dispose();

        // Every step left its events: the first administrator, both failures, the sign-in, the account's creation, role and lock.
        foreach (var eventId in new[] { 1001, 1002, 1003, 1101, 1102, 1103 })
        {
            Assert.NotEmpty(log.WithEventId(eventId));
        }

        Assert.Contains(log.Events, e => e.MessageTemplate.Text.StartsWith("Created the first administrator", StringComparison.Ordinal));
        var text = log.AllText() + "\n" + await LogFilesAsync(factory);
        var found = EmailAddress().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(found.Count == 0, "the logs hold e-mail addresses: " + string.Join(", ", found));
    }

    private static async Task<string> LogFilesAsync(PortalWebApplicationFactory factory)
    {
        var folder = Path.Combine(factory.DataPath, "logs");
        var text = new StringBuilder();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder) : [])
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text.Append(await reader.ReadToEndAsync());
        }

        return text.ToString();
    }
}
