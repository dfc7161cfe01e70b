using DoJ.Portal.Data.Identity;
using DoJ.Portal.Domain;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace DoJ.Portal.IntegrationTests.Foundation;

public sealed class AdminBootstrapTests
{
    /// <summary>Passwords that default installs and tutorials use; none may open the portal.</summary>
    public static readonly TheoryData<string> DefaultPasswords =
    [
        "admin", "Admin@123", "Admin@123456", "Pass@word1", "P@ssw0rd", "password", "123456", "123456789012",
        "admin123456789", "Abc@123456789", "doj.portal", "changeme",
    ];

    [Fact]
    public async Task The_first_administrator_comes_from_configuration()
    {
        var password = AdminBootstrapper.GeneratePassword();
        using var factory = new PortalWebApplicationFactory()
            .With("Admin:Email", "quantri@stp.example.vn")
            .With("Admin:Password", password);
        _ = factory.Server;

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var admin = await users.FindByEmailAsync("quantri@stp.example.vn");

        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, PortalRoles.Administrator));
        Assert.True(await users.CheckPasswordAsync(admin, password));
        Assert.Equal(AdminBootstrapper.DefaultDisplayName, admin.DisplayName);
    }

    [Fact]
    public async Task The_create_admin_command_names_the_account_for_its_bylines()
    {
        using var factory = new PortalWebApplicationFactory();
        _ = factory.Server;
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Storage:DataPath"] = factory.DataPath,
            ["Database:Provider"] = "Sqlite",
            ["Serilog:File:Enabled"] = "false",
            ["Admin:Password"] = AdminBootstrapper.GeneratePassword(),
        };

        var named = await PortalCommandRunner.RunAsync(settings, "create-admin", "--email", "quantri@stp.example.vn", "--display-name", "Nguyễn Văn Quản Trị");
        var unnamed = await PortalCommandRunner.RunAsync(settings, "create-admin", "--email", "quantri2@stp.example.vn");

        Assert.Equal(0, named.Code);
        Assert.Equal(0, unnamed.Code);
        var names = await factory.WithDbAsync(db => Task.FromResult(db.Users.ToDictionary(u => u.Email!, u => u.DisplayName)));
        Assert.Equal("Nguyễn Văn Quản Trị", names["quantri@stp.example.vn"]);
        Assert.Equal(AdminBootstrapper.DefaultDisplayName, names["quantri2@stp.example.vn"]);
    }

    [Fact]
    public async Task Without_configuration_outside_Development_no_account_is_created()
    {
        using var factory = new PortalWebApplicationFactory { EnvironmentName = "Production" };
        _ = factory.Server;

        Assert.Equal(0, await factory.WithDbAsync(db => Task.FromResult(db.Users.Count())));
    }

    [Fact]
    public async Task In_Development_a_random_password_is_printed_once_and_no_default_password_works()
    {
        using var factory = new PortalWebApplicationFactory();
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var console = new StringWriter();

        await DevelopmentBootstrapper(scope.ServiceProvider).EnsureAdministratorAsync(console);
        await DevelopmentBootstrapper(scope.ServiceProvider).EnsureAdministratorAsync(console);

        var printed = console.ToString();
        var password = printed.Split('\n').Single(l => l.StartsWith("Password:", StringComparison.Ordinal))["Password:".Length..].Trim();
        var admin = await users.FindByEmailAsync(AdminBootstrapper.DevelopmentEmail);
        Assert.NotNull(admin);
        Assert.True(password.Length >= 16);
        Assert.True(await users.CheckPasswordAsync(admin, password));
        foreach (var guess in DefaultPasswords)
        {
            Assert.False(await users.CheckPasswordAsync(admin, guess), $"default password '{guess}' works");
        }
    }

    [Theory]
    [MemberData(nameof(DefaultPasswords))]
    public async Task A_short_or_default_password_is_refused_for_the_first_administrator(string password)
    {
        using var factory = new PortalWebApplicationFactory();
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().CreateOrResetAsync("a@stp.example.vn", password);

        Assert.False(result.Succeeded);
    }

    private static AdminBootstrapper DevelopmentBootstrapper(IServiceProvider services) => new(
        services.GetRequiredService<UserManager<PortalUser>>(),
        new ConfigurationBuilder().Build(),
        new DevelopmentEnvironment(),
        TimeProvider.System,
        NullLogger<AdminBootstrapper>.Instance);

    private sealed class DevelopmentEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;
        public string ApplicationName { get; set; } = "DoJ.Portal.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
