using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DoJ.Portal.Data.Seeding;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Admin;

public sealed class RedirectAdminTests
{
    private const string CreatePage = "/quan-tri/chuyen-huong/tao";
    private const string ImportPage = "/quan-tri/chuyen-huong/nhap";

    /// <summary>The seeded old category address and where it leads.</summary>
    private const string SeededFrom = DemoContentSeeder.LegacyCategoryUrl;
    private const string SeededTo = "/chuyen-muc/thi-dua-khen-thuong";

    private static Task<HttpResponseMessage> CreateAsync(StaffSession admin, string from, string to) =>
        admin.PostFormAsync(CreatePage, CreatePage, new Dictionary<string, string> { ["FromPath"] = from, ["ToUrl"] = to });

    private static async Task<string> AlertAsync(HttpResponseMessage response)
    {
        var page = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
        return page.QuerySelector("[role=alert]")?.TextContent.Trim() ?? "";
    }

    /// <summary>What the public site answers for an address, without following it: the status and the Location.</summary>
    private static async Task<(HttpStatusCode Status, string? Location)> VisitAsync(PortalWebApplicationFactory factory, string url)
    {
        using var response = await factory.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, response.Headers.Location?.OriginalString);
    }

    private static Task<int> CountAsync(PortalWebApplicationFactory factory) => factory.WithDbAsync(db => db.Redirects.CountAsync());

    private static async Task<HttpResponseMessage> UploadAsync(StaffSession admin, byte[] content, string fileName = "chuyen-huong.csv")
    {
        var token = await admin.TokenAsync(ImportPage);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(file, "file", fileName);
        return await admin.Client.PostAsync(new Uri(ImportPage, UriKind.Relative), form);
    }

    [Fact]
    public async Task A_new_redirect_answers_301_on_the_public_site_at_once()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await VisitAsync(factory, SeededFrom)).Status); // the table is now cached
        Assert.Equal(HttpStatusCode.OK, (await VisitAsync(factory, "/?cn=99&gd=3")).Status);

        using (var created = await CreateAsync(admin, "/?GD=3&cn=99", "/trang/lien-he"))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Equal("/quan-tri/chuyen-huong", created.Headers.Location!.OriginalString);
        }

        Assert.Equal((HttpStatusCode.MovedPermanently, "/trang/lien-he"), await VisitAsync(factory, "/?cn=99&gd=3"));
        var entry = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityType == nameof(Redirect)));
        Assert.Equal("Tạo", entry.Action);
        Assert.Equal("/?cn=99&gd=3 → /trang/lien-he", entry.Summary);
        var list = await admin.GetAsync("/quan-tri/chuyen-huong?tu-khoa=lien-he");
        Assert.Equal(["/?cn=99&gd=3"], list.QuerySelectorAll("tbody tr td:first-child code").Select(c => c.TextContent));
    }

    [Theory]
    [InlineData(SeededTo, SeededFrom, "vòng lặp")]
    [InlineData("/?cn=7", "/?CN=7", "lặp vô tận")]
    [InlineData("/chuyen-muc/cu", "/chuyen-muc/cu?trang=2", "lặp vô tận")]
    public async Task A_redirect_loop_is_refused_with_a_message_and_nothing_stored(string from, string to, string message)
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var before = await CountAsync(factory);

        using var response = await CreateAsync(admin, from, to);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await AlertAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(factory));
    }

    [Fact]
    public async Task A_chain_is_refused_either_way_and_the_message_names_the_other_redirect()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var before = await CountAsync(factory);

        using var toAnOldAddress = await CreateAsync(admin, "/?cn=1", SeededFrom);
        using var fromATarget = await CreateAsync(admin, SeededTo, "/trang/gioi-thieu");

        Assert.Contains($"“{SeededFrom}” → “{SeededTo}”", await AlertAsync(toAnOldAddress), StringComparison.Ordinal);
        Assert.Contains("nối tiếp", await AlertAsync(toAnOldAddress), StringComparison.Ordinal);
        Assert.Contains($"“{SeededFrom}” → “{SeededTo}”", await AlertAsync(fromATarget), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(factory));
    }

    [Theory]
    [InlineData("/quan-tri", "/")]
    [InlineData("/Quan-Tri/bai-viet", "/")]
    [InlineData("/tai-khoan/dang-nhap", "/")]
    [InlineData("/health", "/")]
    [InlineData("/css/site.css", "/")]
    [InlineData("/", "/trang/lien-he")]
    [InlineData("/?cn=1", "javascript:alert(1)")]
    [InlineData("/?cn=1", "//evil.example")]
    [InlineData("/?cn=1", "/\\evil.example")]
    [InlineData(SeededFrom, "/trang/lien-he")]
    [InlineData("", "/trang/lien-he")]
    [InlineData("/?cn=1", "")]
    public async Task Addresses_that_would_shadow_live_pages_or_lead_elsewhere_are_refused(string from, string to)
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var before = await CountAsync(factory);

        using var response = await CreateAsync(admin, from, to);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await AlertAsync(response));
        Assert.Equal(before, await CountAsync(factory));
        Assert.Equal(HttpStatusCode.OK, (await VisitAsync(factory, "/tai-khoan/dang-nhap")).Status);
    }

    [Fact]
    public async Task An_edited_redirect_leads_to_its_new_address_and_a_deleted_one_is_gone()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var id = await factory.WithDbAsync(db => db.Redirects.Where(r => r.FromPath == SeededFrom).Select(r => r.Id).SingleAsync());
        Assert.Equal((HttpStatusCode.MovedPermanently, SeededTo), await VisitAsync(factory, SeededFrom));

        using (var edited = await admin.PostFormAsync($"/quan-tri/chuyen-huong/{id}/sua", $"/quan-tri/chuyen-huong/{id}/sua",
            new Dictionary<string, string> { ["FromPath"] = SeededFrom, ["ToUrl"] = "https://moj.gov.vn/" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        Assert.Equal((HttpStatusCode.MovedPermanently, "https://moj.gov.vn/"), await VisitAsync(factory, SeededFrom));

        using (await admin.PostFormAsync("/quan-tri/chuyen-huong", $"/quan-tri/chuyen-huong/{id}/xoa", new Dictionary<string, string>()))
        {
        }

        Assert.Equal(HttpStatusCode.OK, (await VisitAsync(factory, SeededFrom)).Status);
        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(Redirect)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["Sửa", "Xóa"], actions);
        using var unknown = await admin.Client.GetAsync(new Uri($"/quan-tri/chuyen-huong/{id}/sua", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_CSV_import_previews_the_bad_rows_then_imports_exactly_the_good_ones()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await VisitAsync(factory, SeededFrom)).Status); // the table is now cached
        var csv = string.Join("\r\n",
            "old_url,new_url",
            "/?cn=50&gd=1,/chuyen-muc/thi-dua-khen-thuong",   // 2 good
            "/?cn=51&gd=1,javascript:alert(1)",              // 3 dangerous target
            "/quan-tri/dang-nhap,/",                         // 4 shadows the admin area
            "/?gd=1&cn=50,/trang/lien-he",                   // 5 duplicate of line 2
            "/?cn=52&gd=1,/?cn=50&gd=1",                     // 6 chain through line 2
            $"{SeededFrom},/trang/lien-he",                  // 7 duplicate of a stored redirect
            "\"/?cn=53&gd=1\",\"https://moj.gov.vn/\"",      // 8 good, quoted
            "/?cn=54",                                       // 9 one column
            "/?cn=55&gd=1,/trang/gioi-thieu",                // 10 good
            "/trang/gioi-thieu,/?cn=55&gd=1",                // 11 loop with line 10
            "");
        var before = await CountAsync(factory);

        using var preview = await UploadAsync(admin, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(csv)]);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await HtmlReader.ParseAsync(await preview.Content.ReadAsStringAsync());
        Assert.Equal("3", page.QuerySelector("[data-accepted-count]")!.GetAttribute("data-accepted-count"));
        var rejected = page.QuerySelectorAll("[data-rejected-rows] tbody tr")
            .ToDictionary(r => int.Parse(r.GetAttribute("data-line")!, System.Globalization.CultureInfo.InvariantCulture), r => r.Children[1].TextContent);
        Assert.Equal([3, 4, 5, 6, 7, 9, 11], rejected.Keys);
        Assert.Contains("http://", rejected[3], StringComparison.Ordinal);
        Assert.Contains("/quan-tri", rejected[4], StringComparison.Ordinal);
        Assert.Contains("dòng 2 của tệp", rejected[5], StringComparison.Ordinal);
        Assert.Contains("nối tiếp", rejected[6], StringComparison.Ordinal);
        Assert.Contains("đã có chuyển hướng", rejected[7], StringComparison.Ordinal);
        Assert.Contains("2 cột", rejected[9], StringComparison.Ordinal);
        Assert.Contains("vòng lặp", rejected[11], StringComparison.Ordinal);
        Assert.Equal([2, 8, 10], page.QuerySelectorAll("[data-accepted-rows] tbody tr").Select(r => int.Parse(r.GetAttribute("data-line")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(before, await CountAsync(factory));
        Assert.Equal(HttpStatusCode.OK, (await VisitAsync(factory, "/?cn=50&gd=1")).Status);

        var token = page.QuerySelector("input[name=ma]")!.GetAttribute("value")!;
        using var confirm = await admin.PostFormAsync(ImportPage, "/quan-tri/chuyen-huong/nhap/xac-nhan", new Dictionary<string, string> { ["ma"] = token });
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var location = confirm.Headers.Location!.OriginalString;
        Assert.StartsWith("/quan-tri/tac-vu/", location, StringComparison.Ordinal);
        var jobs = factory.Services.GetRequiredService<BackgroundJobs>();
        var jobId = Guid.Parse(location["/quan-tri/tac-vu/".Length..]);
        await jobs.WhenFinishedAsync(jobId).WaitAsync(TimeSpan.FromSeconds(30));

        var job = jobs.Find(jobId)!;
        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal((10L, 10L), (job.Done, job.Total));
        Assert.Contains("Đã nhập 3 chuyển hướng", job.Message, StringComparison.Ordinal);
        Assert.Equal(7, job.Details.Count);
        Assert.StartsWith("Dòng 3: ", job.Details[0], StringComparison.Ordinal);
        var jobPage = await admin.GetAsync(location);
        Assert.Contains("Đã nhập 3 chuyển hướng", jobPage.QuerySelector(".job-result [role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(job.Details, jobPage.QuerySelectorAll(".job-details li").Select(li => li.TextContent));
        Assert.Equal(before + 3, await CountAsync(factory));
        Assert.Equal((HttpStatusCode.MovedPermanently, "/chuyen-muc/thi-dua-khen-thuong"), await VisitAsync(factory, "/?gd=1&cn=50"));
        Assert.Equal((HttpStatusCode.MovedPermanently, "https://moj.gov.vn/"), await VisitAsync(factory, "/?cn=53&gd=1"));
        Assert.Equal((HttpStatusCode.MovedPermanently, "/trang/gioi-thieu"), await VisitAsync(factory, "/?cn=55&gd=1"));
        Assert.Equal(HttpStatusCode.OK, (await VisitAsync(factory, "/?cn=52&gd=1")).Status);
        Assert.Equal(HttpStatusCode.OK, (await VisitAsync(factory, "/trang/gioi-thieu")).Status);

        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(Redirect)).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal("Nhập từ tệp", entry.Action);
        Assert.Contains("3 chuyển hướng", entry.Summary, StringComparison.Ordinal);
        Assert.Contains("7 dòng bị từ chối", entry.Summary, StringComparison.Ordinal);

        // The preview is used up: confirming it again imports nothing more.
        using var again = await admin.PostFormAsync(ImportPage, "/quan-tri/chuyen-huong/nhap/xac-nhan", new Dictionary<string, string> { ["ma"] = token });
        Assert.Equal(ImportPage, again.Headers.Location!.OriginalString);
        Assert.Equal(before + 3, await CountAsync(factory));
    }

    [Fact]
    public async Task A_semicolon_file_without_header_imports_and_another_administrator_cannot_confirm_it()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var other = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);

        using var preview = await UploadAsync(admin, Encoding.UTF8.GetBytes("/?cn=60;/trang/lien-he\n/?cn=61;https://chinhphu.vn/\n"));
        var page = await HtmlReader.ParseAsync(await preview.Content.ReadAsStringAsync());
        Assert.Equal("2", page.QuerySelector("[data-accepted-count]")!.GetAttribute("data-accepted-count"));
        Assert.Null(page.QuerySelector("[data-rejected-rows]"));
        var token = page.QuerySelector("input[name=ma]")!.GetAttribute("value")!;

        using var stolen = await other.PostFormAsync(ImportPage, "/quan-tri/chuyen-huong/nhap/xac-nhan", new Dictionary<string, string> { ["ma"] = token });
        Assert.Equal(ImportPage, stolen.Headers.Location!.OriginalString);

        using var confirm = await admin.PostFormAsync(ImportPage, "/quan-tri/chuyen-huong/nhap/xac-nhan", new Dictionary<string, string> { ["ma"] = token });
        await factory.Services.GetRequiredService<BackgroundJobs>().WhenFinishedAsync(Guid.Parse(confirm.Headers.Location!.OriginalString.Split('/')[^1])).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((HttpStatusCode.MovedPermanently, "https://chinhphu.vn/"), await VisitAsync(factory, "/?cn=61"));
    }

    [Theory]
    [InlineData("toobig")]
    [InlineData("latin1")]
    [InlineData("empty")]
    public async Task A_file_that_cannot_be_imported_gets_a_clear_message(string kind)
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        byte[] content = kind switch
        {
            "toobig" => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("/?cn=1234567890,/trang/lien-he\n", (2 * 1024 * 1024 / 31) + 10))),
            "latin1" => Encoding.Latin1.GetBytes("/?q=café,/trang/lien-he\n"),
            _ => Encoding.UTF8.GetBytes("old_url,new_url\n"),
        };

        using var response = await UploadAsync(admin, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
        var message = page.QuerySelector("[data-import-error]")!.TextContent;
        Assert.Contains(kind switch { "toobig" => "2 MB", "latin1" => "UTF-8", _ => "không có dòng dữ liệu" }, message, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[name=ma]"));
    }

    [Fact]
    public async Task Every_redirect_screen_renders_with_a_label_for_each_control()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var id = await factory.WithDbAsync(db => db.Redirects.Where(r => r.FromPath == SeededFrom).Select(r => r.Id).SingleAsync());

        foreach (var page in new[] { "/quan-tri/chuyen-huong", "/quan-tri/chuyen-huong?tu-khoa=CN%3D28&trang=1", CreatePage, $"/quan-tri/chuyen-huong/{id}/sua", ImportPage })
        {
            using var response = await admin.Client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
            Assert.All(document.QuerySelectorAll("main input:not([type=hidden]), main select"), control =>
                Assert.NotNull(document.QuerySelector($"label[for='{control.Id}']")));
        }

        var search = await admin.GetAsync("/quan-tri/chuyen-huong?tu-khoa=CN%3D28");
        Assert.Equal(2, search.QuerySelectorAll("tbody tr").Length);
        using var badPage = await admin.Client.GetAsync(new Uri("/quan-tri/chuyen-huong?trang=abc", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
    }

    [Theory]
    [InlineData(PortalRoles.Editor)]
    [InlineData(PortalRoles.Contributor)]
    public async Task Only_administrators_reach_the_redirect_screens(string role)
    {
        using var factory = new PortalWebApplicationFactory();
        var session = await StaffSession.SignInAsync(factory, role);
        var before = await CountAsync(factory);

        using var list = await session.Client.GetAsync(new Uri("/quan-tri/chuyen-huong", UriKind.Relative));
        using var import = await session.Client.GetAsync(new Uri(ImportPage, UriKind.Relative));
        var token = await session.TokenAsync("/quan-tri");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["FromPath"] = "/?cn=70", ["ToUrl"] = "/" });
        using var create = await session.Client.PostAsync(new Uri(CreatePage, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(before, await CountAsync(factory));
    }
}
