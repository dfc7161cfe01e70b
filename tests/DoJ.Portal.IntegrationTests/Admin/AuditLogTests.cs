using System.Net;
using System.Text;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Auditing;
using DoJ.Portal.IntegrationTests.Infrastructure;

namespace DoJ.Portal.IntegrationTests.Admin;

public sealed class AuditLogTests
{
    private static readonly DateTime Morning = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    private static async Task SeedAsync(PortalWebApplicationFactory factory)
    {
        await factory.WithDbAsync(async db =>
        {
            db.AuditEntries.AddRange(
                new AuditEntry { AtUtc = Morning, UserName = "bientap@stp.example.vn", Action = "Sửa", EntityType = "Article", EntityId = "7", Summary = "Hội nghị tổng kết", Changes = """{"Tiêu đề": {"old": "Hội nghị", "new": "Hội nghị tổng kết"}}""" },
                new AuditEntry { AtUtc = Morning.AddDays(2), UserName = "quantri@stp.example.vn", Action = "Tạo", EntityType = "LinkGroup", EntityId = "5", Summary = "Các huyện" },
                new AuditEntry { AtUtc = Morning.AddDays(4), UserName = "quantri@stp.example.vn", Action = "Sửa", EntityType = "SiteSettings", EntityId = "1", Summary = "=HYPERLINK(\"http://evil.example\")", Changes = """{"Điện thoại": {"old": "1", "new": "2"}}""" });
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Entries_are_filtered_by_user_kind_action_and_vietnam_days()
    {
        using var factory = new PortalWebApplicationFactory();
        await SeedAsync(factory);
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);

        var byUser = await admin.GetAsync("/quan-tri/nhat-ky?nguoi-dung=quantri%40stp.example.vn");
        var byKind = await admin.GetAsync("/quan-tri/nhat-ky?doi-tuong=Article");
        var byDays = await admin.GetAsync("/quan-tri/nhat-ky?tu-ngay=2026-11-22&den-ngay=22/11/2026");
        var byAction = await admin.GetAsync("/quan-tri/nhat-ky?thao-tac=T%E1%BA%A1o&nguoi-dung=quantri%40stp.example.vn");

        Assert.Equal(2, byUser.QuerySelectorAll("table.audit-log > tbody > tr").Length);
        var article = Assert.Single(byKind.QuerySelectorAll("table.audit-log > tbody > tr"));
        Assert.Contains("Bài viết", article.TextContent);
        Assert.Contains("Hội nghị tổng kết", article.QuerySelector("details")!.TextContent);
        Assert.Contains("Các huyện", Assert.Single(byDays.QuerySelectorAll("table.audit-log > tbody > tr")).TextContent);
        Assert.Contains("Nhóm liên kết", Assert.Single(byAction.QuerySelectorAll("table.audit-log > tbody > tr")).TextContent);
    }

    [Theory]
    [InlineData("tu-ngay=31/02/2021", "không phải là một ngày hợp lệ")]
    [InlineData("tu-ngay=99999-01-01", "không phải là một ngày hợp lệ")]
    [InlineData("tu-ngay=2026-11-25&den-ngay=2026-11-01", "phải sau hoặc trùng")]
    public async Task Impossible_dates_get_a_message_not_an_error(string query, string message)
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);

        using var response = await admin.Client.GetAsync(new Uri("/quan-tri/nhat-ky?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("trang=0")]
    [InlineData("trang=abc")]
    public async Task A_bad_page_number_is_a_400(string query)
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);

        using var response = await admin.Client.GetAsync(new Uri("/quan-tri/nhat-ky?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_csv_export_opens_in_excel_in_vietnamese_and_cannot_run_formulas()
    {
        using var factory = new PortalWebApplicationFactory();
        await SeedAsync(factory);
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);

        using var response = await admin.Client.GetAsync(new Uri("/quan-tri/nhat-ky/xuat-csv?nguoi-dung=quantri%40stp.example.vn", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Thời gian,Người thực hiện,Thao tác", lines[0]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", lines[1]);
        Assert.Contains("Điện thoại: 1 → 2", lines[1]);
        Assert.Contains("Nhóm liên kết", lines[2]);
    }

    [Fact]
    public async Task Real_changes_are_logged_and_the_log_offers_no_way_to_edit_or_delete_them()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var articleId = await factory.WithDbAsync(db => Task.FromResult(db.Articles.First(a => a.Status == Domain.Articles.ArticleStatus.Published && a.PublishedAtUtc < PortalWebApplicationFactory.DefaultNow.UtcDateTime).Id));
        using (await admin.PostFormAsync("/quan-tri/bai-viet", $"/quan-tri/bai-viet/{articleId}/go-xuong", new Dictionary<string, string>()))
        {
        }

        var page = await admin.GetAsync("/quan-tri/nhat-ky");
        var row = page.QuerySelector("table.audit-log > tbody > tr")!;
        Assert.Contains("Gỡ xuống", row.TextContent);
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
        using var delete = await admin.Client.PostAsync(new Uri("/quan-tri/nhat-ky", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.True(delete.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.BadRequest or HttpStatusCode.NotFound, delete.StatusCode.ToString());
    }

    [Theory]
    [InlineData(PortalRoles.Editor)]
    [InlineData(PortalRoles.Contributor)]
    public async Task Only_administrators_see_the_log_and_its_export(string role)
    {
        using var factory = new PortalWebApplicationFactory();
        var staff = await StaffSession.SignInAsync(factory, role);

        using var log = await staff.Client.GetAsync(new Uri("/quan-tri/nhat-ky", UriKind.Relative));
        using var export = await staff.Client.GetAsync(new Uri("/quan-tri/nhat-ky/xuat-csv", UriKind.Relative));
        using var dashboard = await staff.Client.GetAsync(new Uri("/quan-tri", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, log.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.DoesNotContain("Thay đổi gần đây", await dashboard.Content.ReadAsStringAsync());
    }
}
