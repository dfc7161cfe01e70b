using System.Net;
using DoJ.Portal.Data.Identity;
using DoJ.Portal.Domain;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Admin;

public sealed class UserManagementTests
{
    private static StaffSession Anonymous(PortalWebApplicationFactory factory) =>
        new(StaffSession.NewClient(factory));

    private static async Task<string> IdOfAsync(PortalWebApplicationFactory factory, string email) =>
        await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task An_administrator_creates_an_account_whose_one_time_password_works_once_shown()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);

        using var created = await admin.PostFormAsync("/quan-tri/nguoi-dung/tao", "/quan-tri/nguoi-dung/tao", new Dictionary<string, string>
        {
            ["Email"] = "bientap.moi@stp.example.vn",
            ["DisplayName"] = "Nguyễn Thị Biên Tập",
            ["Role"] = PortalRoles.Editor,
        });
        var page = await HtmlReader.ParseAsync(await created.Content.ReadAsStringAsync());
        var password = page.QuerySelector("[data-one-time-password]")!.TextContent.Trim();

        Assert.True(password.Length >= 16);
        using var signIn = await Anonymous(factory).TrySignInAsync("bientap.moi@stp.example.vn", password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var list = await admin.GetAsync("/quan-tri/nguoi-dung");
        Assert.Null(list.QuerySelector("[data-one-time-password]"));
        Assert.Contains("Tạo tài khoản", await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "User").Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task A_locked_user_cannot_sign_in_and_an_unlocked_one_can()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var (email, password) = await StaffSession.CreateUserAsync(factory, PortalRoles.Editor);
        var id = await IdOfAsync(factory, email);

        using (var locked = await admin.PostFormAsync("/quan-tri/nguoi-dung", $"/quan-tri/nguoi-dung/{id}/khoa", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        }

        using (var refused = await Anonymous(factory).TrySignInAsync(email, password))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        using (await admin.PostFormAsync("/quan-tri/nguoi-dung", $"/quan-tri/nguoi-dung/{id}/mo-khoa", new Dictionary<string, string>()))
        {
        }

        using var accepted = await Anonymous(factory).TrySignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task The_last_administrator_can_be_neither_locked_nor_demoted()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var adminId = await factory.WithDbAsync(db => db.Users.Select(u => u.Id).SingleAsync());

        using (await admin.PostFormAsync("/quan-tri/nguoi-dung", $"/quan-tri/nguoi-dung/{adminId}/khoa", new Dictionary<string, string>()))
        {
        }

        using (await admin.PostFormAsync("/quan-tri/nguoi-dung", $"/quan-tri/nguoi-dung/{adminId}/vai-tro", new Dictionary<string, string> { ["vai-tro"] = PortalRoles.Editor }))
        {
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByIdAsync(adminId))!;
        Assert.True(await users.IsInRoleAsync(user, PortalRoles.Administrator));
        Assert.False(await users.IsLockedOutAsync(user));
    }

    [Theory]
    [InlineData(PortalRoles.Editor)]
    [InlineData(PortalRoles.Contributor)]
    public async Task Only_administrators_reach_user_management(string role)
    {
        using var factory = new PortalWebApplicationFactory();
        var session = await StaffSession.SignInAsync(factory, role);
        using var list = await session.Client.GetAsync(new Uri("/quan-tri/nguoi-dung", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        var page = await HtmlReader.ParseAsync(await list.Content.ReadAsStringAsync());
        Assert.Equal("Không có quyền truy cập", page.QuerySelector("main h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var (email, oldPassword) = await StaffSession.CreateUserAsync(factory, PortalRoles.Contributor);
        var id = await IdOfAsync(factory, email);

        using var reset = await admin.PostFormAsync("/quan-tri/nguoi-dung", $"/quan-tri/nguoi-dung/{id}/dat-lai-mat-khau", new Dictionary<string, string>());
        var newPassword = (await HtmlReader.ParseAsync(await reset.Content.ReadAsStringAsync())).QuerySelector("[data-one-time-password]")!.TextContent.Trim();

        using (var old = await Anonymous(factory).TrySignInAsync(email, oldPassword))
        {
            Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        }

        using var fresh = await Anonymous(factory).TrySignInAsync(email, newPassword);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
    }

    [Fact]
    public async Task A_user_locked_while_signed_in_is_signed_out_within_minutes()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var (email, password) = await StaffSession.CreateUserAsync(factory, PortalRoles.Editor);
        var editor = new StaffSession(StaffSession.NewClient(factory));
        using (await editor.TrySignInAsync(email, password))
        {
        }

        using (var before = await editor.Client.GetAsync(new Uri("/quan-tri", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (await admin.PostFormAsync("/quan-tri/nguoi-dung", $"/quan-tri/nguoi-dung/{await IdOfAsync(factory, email)}/khoa", new Dictionary<string, string>()))
        {
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        using var after = await editor.Client.GetAsync(new Uri("/quan-tri", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/tai-khoan/dang-nhap", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
