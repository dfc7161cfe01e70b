using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Security;

/// <summary>
/// The hostile-input suite for requests: overlong and malformed values, invalid UTF-8, path traversal, huge bodies,
/// method confusion, header injection, open redirects and SQL or Lucene syntax, to public and admin addresses.
/// Every one gets a deliberate answer (never a 500, never an error's details) and changes nothing.
/// </summary>
public sealed class HostileRequestTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;
    private static readonly string Long = new('a', 10_000);
    private static readonly string LongDigits = new('9', 10_000);

    /// <summary>Label → (method, path and query as sent, expected status). Sent without any canonicalization of the path.</summary>
    private static readonly Dictionary<string, (string Method, string Url, HttpStatusCode Status)> PublicRequests = new()
    {
        // Overlong values
        ["10,000-character category slug"] = ("GET", "/chuyen-muc/" + Long, HttpStatusCode.NotFound),
        ["10,000-character page slug"] = ("GET", "/trang/" + Long, HttpStatusCode.NotFound),
        ["10,000-character article slug"] = ("GET", "/tin-tuc/999999/" + Long, HttpStatusCode.NotFound),
        ["10,000-character feed slug"] = ("GET", "/rss/" + Long, HttpStatusCode.NotFound),
        ["10,000-character search query"] = ("GET", "/tim-kiem?q=" + Long, HttpStatusCode.OK),
        ["10,000-digit page number"] = ("GET", "/chuyen-muc/tin-hoat-dong?trang=" + LongDigits, HttpStatusCode.BadRequest),
        ["10,000-digit day in the archive form"] = ("GET", "/tin-theo-ngay?ngay=" + LongDigits, HttpStatusCode.BadRequest),
        ["10,000-character day in the archive path"] = ("GET", "/tin-theo-ngay/" + Long, HttpStatusCode.BadRequest),
        ["10,000-digit link id"] = ("GET", "/lien-ket?id=" + LongDigits, HttpStatusCode.BadRequest),

        // Malformed values
        ["page number 1e9"] = ("GET", "/chuyen-muc/tin-hoat-dong?trang=1e9", HttpStatusCode.BadRequest),
        ["page number %00"] = ("GET", "/chuyen-muc/tin-hoat-dong?trang=%00", HttpStatusCode.BadRequest),
        ["page number -1"] = ("GET", "/tim-kiem?q=luat&trang=-1", HttpStatusCode.BadRequest),
        ["page number 0"] = ("GET", "/tin-theo-ngay/2026-11-27?trang=0", HttpStatusCode.BadRequest),
        ["page number 2147483648"] = ("GET", "/chuyen-muc/tin-hoat-dong?trang=2147483648", HttpStatusCode.BadRequest),
        ["page number 0x10"] = ("GET", "/chuyen-muc/tin-hoat-dong?trang=0x10", HttpStatusCode.BadRequest),
        ["day 31/02/2021"] = ("GET", "/tin-theo-ngay?ngay=31/02/2021", HttpStatusCode.BadRequest),
        ["day 2021-02-31"] = ("GET", "/tin-theo-ngay/2021-02-31", HttpStatusCode.BadRequest),
        ["year 99999"] = ("GET", "/tin-theo-ngay/99999-01-01", HttpStatusCode.BadRequest),
        ["year 99999 in the form"] = ("GET", "/tin-theo-ngay?ngay=01/01/99999", HttpStatusCode.BadRequest),
        ["the first day of year 1"] = ("GET", "/tin-theo-ngay/0001-01-01", HttpStatusCode.BadRequest),
        ["the last day of year 9999"] = ("GET", "/tin-theo-ngay/9999-12-31", HttpStatusCode.BadRequest),
        ["negative article id"] = ("GET", "/tin-tuc/-5/bai-viet", HttpStatusCode.NotFound),
        ["article id 0"] = ("GET", "/tin-tuc/0", HttpStatusCode.NotFound),
        ["article id 2147483648"] = ("GET", "/tin-tuc/2147483648/bai-viet", HttpStatusCode.NotFound),
        ["negative link id"] = ("GET", "/lien-ket?id=-1", HttpStatusCode.BadRequest),
        ["link id 2147483648"] = ("GET", "/lien-ket?id=2147483648", HttpStatusCode.BadRequest),
        ["link id that is text"] = ("GET", "/lien-ket?id=abc", HttpStatusCode.BadRequest),

        // Invalid UTF-8
        ["overlong UTF-8 slash in a search"] = ("GET", "/tim-kiem?q=%C0%AF", HttpStatusCode.OK),
        ["bytes FF FE in a search"] = ("GET", "/tim-kiem?q=%FF%FE%00", HttpStatusCode.OK),
        ["overlong UTF-8 in a category slug"] = ("GET", "/chuyen-muc/%C0%AF", HttpStatusCode.NotFound),
        ["byte FF in a page slug"] = ("GET", "/trang/%FF", HttpStatusCode.NotFound),
        ["overlong UTF-8 in a day"] = ("GET", "/tin-theo-ngay?ngay=%C0%AF", HttpStatusCode.BadRequest),
        ["overlong UTF-8 dots before a file name"] = ("GET", "/%C0%AE%C0%AE/appsettings.json", HttpStatusCode.NotFound),

        // Path traversal
        ["raw ../ out of /media"] = ("GET", "/media/../../etc/passwd", HttpStatusCode.NotFound),
        ["encoded dots out of /media"] = ("GET", "/media/%2e%2e/%2e%2e/appsettings.json", HttpStatusCode.NotFound),
        ["encoded slashes out of /media"] = ("GET", "/media/2026/11/..%2f..%2f..%2fappsettings.json", HttpStatusCode.NotFound),
        ["encoded backslashes out of /media"] = ("GET", "/media/2026/11/..%5c..%5c..%5cappsettings.json", HttpStatusCode.NotFound),
        ["double-encoded slashes out of /media"] = ("GET", "/media/2026/11/..%252f..%252fappsettings.json", HttpStatusCode.NotFound),
        ["an encoded null byte in a media name"] = ("GET", "/media/2026/11/00000000000000000000000000000000.jpg%2500.png", HttpStatusCode.NotFound),
        ["a well-formed media name that does not exist"] = ("GET", "/media/2026/11/00000000000000000000000000000000.jpg", HttpStatusCode.NotFound),
        ["the configuration file"] = ("GET", "/appsettings.json", HttpStatusCode.NotFound),
        ["the uploads folder directly"] = ("GET", "/uploads/", HttpStatusCode.NotFound),

        // SQL and Lucene syntax
        ["SQL quote in a search"] = ("GET", "/tim-kiem?q=" + Uri.EscapeDataString("' OR '1'='1"), HttpStatusCode.OK),
        ["SQL statement in a search"] = ("GET", "/tim-kiem?q=" + Uri.EscapeDataString("\"; DROP TABLE Articles; --"), HttpStatusCode.OK),
        ["SQL union in a search"] = ("GET", "/tim-kiem?q=" + Uri.EscapeDataString("x' UNION SELECT PasswordHash FROM AspNetUsers --"), HttpStatusCode.OK),
        ["Lucene field query"] = ("GET", "/tim-kiem?q=" + Uri.EscapeDataString("title:* OR body:a*"), HttpStatusCode.OK),
        ["Lucene match-all"] = ("GET", "/tim-kiem?q=" + Uri.EscapeDataString("*:*"), HttpStatusCode.OK),
        ["Lucene fuzzy and boost"] = ("GET", "/tim-kiem?q=" + Uri.EscapeDataString("luat~2 AND hoi^999"), HttpStatusCode.OK),
        ["Lucene range"] = ("GET", "/tim-kiem?q=" + Uri.EscapeDataString("[a TO z] {0 TO 9}"), HttpStatusCode.OK),
        ["Lucene regular expression"] = ("GET", "/tim-kiem?q=" + Uri.EscapeDataString("/.*(a+)+b/"), HttpStatusCode.OK),
        ["unbalanced brackets and quotes"] = ("GET", "/tim-kiem?q=" + Uri.EscapeDataString("((((((((((\"a \\"), HttpStatusCode.OK),
        ["SQL in a category slug"] = ("GET", "/chuyen-muc/" + Uri.EscapeDataString("tin-hoat-dong' OR 1=1--"), HttpStatusCode.NotFound),
        ["SQL in a link id"] = ("GET", "/lien-ket?id=" + Uri.EscapeDataString("1 OR 1=1"), HttpStatusCode.BadRequest),

        // Method confusion
        ["PUT on a category page"] = ("PUT", "/chuyen-muc/tin-hoat-dong", HttpStatusCode.MethodNotAllowed),
        ["DELETE on the home page"] = ("DELETE", "/", HttpStatusCode.MethodNotAllowed),
        ["PATCH on search"] = ("PATCH", "/tim-kiem", HttpStatusCode.MethodNotAllowed),
        ["POST to the home page"] = ("POST", "/", HttpStatusCode.MethodNotAllowed),
        ["POST to search"] = ("POST", "/tim-kiem?q=luat", HttpStatusCode.MethodNotAllowed),
        ["POST to the feed"] = ("POST", "/rss", HttpStatusCode.MethodNotAllowed),
        ["OPTIONS on the home page"] = ("OPTIONS", "/", HttpStatusCode.MethodNotAllowed),
        ["TRACE on the home page"] = ("TRACE", "/", HttpStatusCode.MethodNotAllowed),
        ["PROPFIND on the home page"] = ("PROPFIND", "/", HttpStatusCode.MethodNotAllowed),
        // GET to a POST-only address: 405 when published; under the test host, the static-asset fallback of a build
        // (not publish) manifest takes every GET and HEAD first and answers 404. Either way the action never runs.
        ["GET on sign-out"] = ("GET", "/tai-khoan/dang-xuat", HttpStatusCode.NotFound),
        ["GET on an admin publish action"] = ("GET", "/quan-tri/bai-viet/1/xuat-ban", HttpStatusCode.NotFound),
        ["DELETE on an admin article"] = ("DELETE", "/quan-tri/bai-viet/1/sua", HttpStatusCode.MethodNotAllowed),
    };

    private static readonly string[] HostileReturnUrls =
    [
        "//evil.example",
        "https://evil.example/quan-tri",
        "/\\evil.example",
        "\\\\evil.example",
        "/%09/evil.example",
        "/\t/evil.example",
        "///evil.example",
        "http:evil.example",
        " //evil.example",
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
    ];

    public static TheoryData<string> PublicRequestLabels { get; } = [.. PublicRequests.Keys];

    public static TheoryData<string> ReturnUrls { get; } = [.. HostileReturnUrls];

    [Theory]
    [MemberData(nameof(PublicRequestLabels))]
    public async Task A_hostile_public_request_gets_its_deliberate_answer_and_changes_nothing(string label)
    {
        var (method, url, expected) = PublicRequests[label];
        var before = await CountAsync();

        var response = await SendRawAsync(method, url);

        Assert.Equal(expected, response.Status);
        AssertNothingLeaks(response, url);
        Assert.Equal(before, await CountAsync());
    }

    /// <summary>
    /// MVC's [HttpGet] does not take HEAD: the answer is a refusal (405, or 404 under the test host, see above) with the
    /// security headers. (Kestrel drops the body of any HEAD answer; the test host does not.)
    /// </summary>
    [Fact]
    public async Task A_head_request_is_refused_with_the_security_headers()
    {
        var response = await SendRawAsync("HEAD", "/");

        Assert.Contains(response.Status, new[] { HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        AssertNothingLeaks(response, "/");
        Assert.Contains("frame-ancestors 'none'", response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_admin_requests_get_their_deliberate_answers_and_change_nothing()
    {
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var articleId = await factory.WithDbAsync(db => db.Articles.Where(a => !a.IsDeleted).Select(a => a.Id).FirstAsync());
        var token = await admin.TokenAsync("/quan-tri/bai-viet/tao");
        var before = await CountAsync();
        var gets = new (string Url, HttpStatusCode Status)[]
        {
            ("/quan-tri/bai-viet/2147483648/sua", HttpStatusCode.NotFound),
            ("/quan-tri/bai-viet/-1/sua", HttpStatusCode.NotFound),
            ("/quan-tri/bai-viet/0/phien-ban?xem=abc", HttpStatusCode.NotFound),
            ("/quan-tri/bai-viet?trang=1e9", HttpStatusCode.BadRequest),
            ("/quan-tri/bai-viet?trang=" + LongDigits, HttpStatusCode.BadRequest),
            ("/quan-tri/bai-viet?trang-thai=999&sap-xep=1;DROP%20TABLE%20Articles", HttpStatusCode.OK),
            ("/quan-tri/bai-viet?tu-khoa=" + Uri.EscapeDataString("' OR '1'='1' --") + "&chuyen-muc=2147483648", HttpStatusCode.OK),
            ("/quan-tri/bai-viet?tu-khoa=" + Long + "&tac-gia=" + Long, HttpStatusCode.OK),
            ("/quan-tri/nhat-ky?tu-ngay=0001-01-01&den-ngay=9999-12-31", HttpStatusCode.OK),
            ("/quan-tri/nhat-ky?tu-ngay=31/02/2021&ma=" + Long, HttpStatusCode.OK),
            ("/quan-tri/nhat-ky/xuat-csv?tu-ngay=%C0%AF", HttpStatusCode.BadRequest),
            ("/quan-tri/tac-vu/khong-phai-guid", HttpStatusCode.NotFound),
            ("/quan-tri/thu-vien-anh?trang=%FF", HttpStatusCode.BadRequest),
        };
        foreach (var (url, status) in gets)
        {
            var response = await SendAsync(admin.Client, HttpMethod.Get, url);
            Assert.True(response.Status == status, $"{url[..Math.Min(url.Length, 80)]} answered {(int)response.Status}, expected {(int)status}");
            AssertNothingLeaks(response, url);
        }

        var posts = new (string Url, Dictionary<string, string> Fields, HttpStatusCode Status)[]
        {
            ("/quan-tri/bai-viet/2147483647/xuat-ban", [], HttpStatusCode.NotFound),
            (HtmlReader.Invariant($"/quan-tri/bai-viet/{articleId}/xuat-ban"), new() { ["xuat-ban-luc"] = "99999-01-01T00:00" }, HttpStatusCode.BadRequest),
            ("/quan-tri/bai-viet/tao", new() { ["Title"] = "Chuyên mục lạ", ["Author"] = "x", ["CategoryId"] = "abc" }, HttpStatusCode.OK),
            ("/quan-tri/bai-viet/tao", new() { ["Title"] = "Chuyên mục lạ", ["Author"] = "x", ["CategoryId"] = "2147483648" }, HttpStatusCode.OK),
            ("/quan-tri/bai-viet/tao", new() { ["Title"] = "Ngày lạ", ["Author"] = "x", ["CategoryId"] = "1", ["PublishAt"] = "31/02/2021 25:61" }, HttpStatusCode.OK),
            (HtmlReader.Invariant($"/quan-tri/bai-viet/{articleId}/sua"), new() { ["Title"] = "Dấu lạ", ["Author"] = "x", ["CategoryId"] = "1", ["ConcurrencyStamp"] = "' OR 1=1 --" }, HttpStatusCode.OK),
            ("/quan-tri/nguoi-dung/" + Uri.EscapeDataString("' OR '1'='1") + "/khoa", [], HttpStatusCode.NotFound),
            ("/quan-tri/nguoi-dung/" + Long + "/vai-tro", new() { ["vai-tro"] = PortalRoles.Administrator }, HttpStatusCode.NotFound),
        };
        foreach (var (url, fields, status) in posts)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });
            var response = await SendAsync(admin.Client, HttpMethod.Post, url, content);
            Assert.True(response.Status == status, $"POST {url[..Math.Min(url.Length, 80)]} answered {(int)response.Status}, expected {(int)status}");
            AssertNothingLeaks(response, url);
        }

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_upload_named_to_climb_out_of_the_uploads_folder_is_refused()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var token = await editor.TokenAsync("/quan-tri/thu-vien-anh");
        var before = await CountAsync();
        foreach (var (name, bytes) in new[]
        {
            ("../../../appsettings.json", "{\"x\":1}"u8.ToArray()),
            ("..\\..\\evil.jpg", "GIF89a<script>alert(1)</script>"u8.ToArray()),
            ("evil.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray()),
        })
        {
            using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "file", name);
            using var response = await editor.Client.PostAsync(new Uri("/quan-tri/thu-vien-anh", UriKind.Relative), form);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var page = await editor.GetAsync("/quan-tri/thu-vien-anh");
            Assert.DoesNotContain("Đã tải lên", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountAsync());
        Assert.False(File.Exists(Path.Combine(factory.DataPath, "appsettings.json")));
        Assert.False(File.Exists(Path.Combine(factory.DataPath, "evil.jpg")));
    }

    [Theory]
    [InlineData("/tai-khoan/dang-nhap", "application/x-www-form-urlencoded", false)]
    [InlineData("/tai-khoan/xac-thuc-hai-buoc", "application/x-www-form-urlencoded", false)]
    [InlineData("/quan-tri/thu-vien-anh", "multipart/form-data; boundary=ranh-gioi", true)]
    [InlineData("/quan-tri/thu-vien-anh/tai-len", "multipart/form-data; boundary=ranh-gioi", true)]
    [InlineData("/quan-tri/bai-viet/tao", "application/x-www-form-urlencoded", true)]
    [InlineData("/quan-tri/cai-dat", "application/x-www-form-urlencoded", true)]
    public async Task A_fifty_megabyte_body_is_refused_before_it_is_read(string url, string contentType, bool signedIn)
    {
        var client = signedIn ? (await StaffSession.SignInAsync(factory, PortalRoles.Administrator)).Client : factory.CreatePlainClient();
        var before = await CountAsync();
        using var body = new GeneratedBody(FiftyMegabytes, contentType);

        var response = await SendAsync(client, HttpMethod.Post, url, body).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        AssertNothingLeaks(response, url);
        var page = await HtmlReader.ParseAsync(response.Body);
        Assert.Contains("Dữ liệu quá lớn", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.True(body.Produced < 1024 * 1024, $"the server took {body.Produced:N0} bytes of the body before refusing it");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_editor_takes_a_body_larger_than_other_forms_accept()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var categoryId = await factory.WithDbAsync(db => db.Categories.Select(c => c.Id).FirstAsync());
        var token = await editor.TokenAsync("/quan-tri/bai-viet/tao");
        var paragraph = "<p>" + string.Concat(Enumerable.Repeat("Noi dung van ban quy pham phap luat dai. ", 60)) + "</p>";
        var largeBody = string.Concat(Enumerable.Repeat(paragraph, 3 * 1024 * 1024 / paragraph.Length));

        using var article = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Title"] = "Văn bản dài",
            ["Body"] = largeBody,
            ["Author"] = "Phòng Phổ biến",
            ["CategoryId"] = categoryId.ToString(CultureInfo.InvariantCulture),
        });
        Assert.InRange(article.Headers.ContentLength!.Value, RequestBodyLimits.Default + 1, RequestBodyLimits.Editor);
        using var saved = await editor.Client.PostAsync(new Uri("/quan-tri/bai-viet/tao", UriKind.Relative), article);
        using var signIn = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = largeBody, ["Password"] = "x" });
        using var refused = await factory.CreatePlainClient().PostAsync(new Uri("/tai-khoan/dang-nhap", UriKind.Relative), signIn);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ReturnUrls))]
    public async Task Signing_in_with_a_foreign_return_address_lands_in_the_admin_area(string returnUrl)
    {
        var (email, password) = await StaffSession.CreateUserAsync(factory, PortalRoles.Editor);
        var session = new StaffSession(StaffSession.NewClient(factory));

        var form = await session.GetAsync("/tai-khoan/dang-nhap?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(returnUrl, form.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value"));
        using var response = await session.PostFormAsync("/tai-khoan/dang-nhap", "/tai-khoan/dang-nhap",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = password, ["ReturnUrl"] = returnUrl });

        // "/%09/evil.example" is a path on this site (browsers do not decode %09 there); everything else lands on /quan-tri.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.True(location == "/quan-tri" || location == returnUrl && returnUrl.StartsWith("/%", StringComparison.Ordinal), location);
        var resolved = new Uri(new Uri("https://localhost/"), new string(location.Where(c => c is not ('\t' or '\r' or '\n')).ToArray()).Replace('\\', '/'));
        Assert.Equal("localhost", resolved.Host);
    }

    [Fact]
    public async Task The_sign_in_redirect_of_a_protected_page_stays_on_this_site_whatever_the_host_header_says()
    {
        foreach (var (header, value) in new[] { ("Host", "evil.example"), ("X-Forwarded-Host", "evil.example"), ("X-Forwarded-Proto", "javascript") })
        {
            var response = await SendRawAsync("GET", "/quan-tri/bai-viet?trang=2", (header, value));

            Assert.Equal(HttpStatusCode.Redirect, response.Status);
            var location = new Uri(response.Location, UriKind.RelativeOrAbsolute);
            Assert.False(location.IsAbsoluteUri && location.Host != "localhost", $"{header}: {value} sent the browser to {location}");
            Assert.DoesNotContain("evil.example", location.OriginalString, StringComparison.Ordinal);
            Assert.StartsWith("/tai-khoan/dang-nhap?ReturnUrl=", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Absolute_addresses_come_from_the_configured_base_url_never_from_request_headers()
    {
        var article = await factory.WithDbAsync(db => db.Articles.Where(a => a.Status == Domain.Articles.ArticleStatus.Published && !a.IsDeleted && a.PublishedAtUtc <= PortalWebApplicationFactory.DefaultNow.UtcDateTime)
            .Select(a => new { a.Id, a.Slug }).FirstAsync());
        var urls = new[] { SiteUrls.Article(article.Id, article.Slug), "/rss", "/sitemap.xml", "/sitemap-trang.xml", "/sitemap-tin-tuc-0.xml", "/robots.txt", "/" };
        foreach (var (header, value) in new[] { ("Host", "evil.example"), ("X-Forwarded-Host", "evil.example"), ("X-Forwarded-Proto", "http"), ("X-Original-URL", "/quan-tri"), ("X-Rewrite-URL", "/quan-tri/nguoi-dung") })
        {
            foreach (var url in urls)
            {
                var response = await SendRawAsync("GET", url, (header, value));
                var text = response.Body;

                Assert.Equal(HttpStatusCode.OK, response.Status);
                Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
                Assert.DoesNotContain("http://portal.example.vn", text, StringComparison.Ordinal);
                Assert.DoesNotContain("quan-tri/nguoi-dung", text, StringComparison.Ordinal);
                if (url != "/" && url != "/robots.txt")
                {
                    Assert.Contains("https://portal.example.vn/", text, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public async Task Line_breaks_in_a_query_never_split_the_location_header_of_a_redirect()
    {
        await factory.WithDbAsync(async db =>
        {
            db.Redirects.Add(new Redirect { FromPath = "/tin-cu", ToUrl = "/chuyen-muc/tin-hoat-dong", CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        await factory.Services.GetRequiredService<PublicCache>().RedirectsChangedAsync();
        var before = await CountAsync();

        var moved = await SendRawAsync("GET", "/tin-cu?trang=2%0D%0ASet-Cookie:%20hacked=1%0D%0A%0D%0A%3Cscript%3Ealert(1)%3C/script%3E");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.Status);
        var location = moved.Location;
        Assert.StartsWith("/chuyen-muc/tin-hoat-dong?trang=2", location, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', location);
        Assert.DoesNotContain('\n', location);
        Assert.DoesNotContain('<', location);
        Assert.DoesNotContain("hacked", moved.Headers.SetCookie.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendRawAsync("GET", location)).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await SendRawAsync("GET", "/tin-cu%0D%0ALocation:%20https://evil.example")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendRawAsync("GET", "/tin-theo-ngay?ngay=2021-02-01%0D%0ALocation:%20https://evil.example")).Status);
        var dayWithBreak = await SendRawAsync("GET", "/tin-theo-ngay?ngay=01/02/2021%0D%0A");
        Assert.Equal(HttpStatusCode.MovedPermanently, dayWithBreak.Status);
        Assert.Equal("/tin-theo-ngay/2021-02-01", dayWithBreak.Location);
        Assert.Equal(before, await CountAsync());
    }

    private sealed record DataCounts(int Articles, int Revisions, int Audit, int Users, int Media, int Pages, int Redirects);

    private Task<DataCounts> CountAsync() => factory.WithDbAsync(async db => new DataCounts(
        await db.Articles.CountAsync(),
        await db.ArticleRevisions.CountAsync(),
        await db.AuditEntries.CountAsync(),
        await db.Users.CountAsync(),
        await db.Media.CountAsync(),
        await db.StaticPages.CountAsync(),
        await db.Redirects.CountAsync()));

    /// <summary>
    /// Sends <paramref name="url"/> straight into the app, as a proxy or server that passes the path on undecoded and
    /// unnormalized would (HttpClient would remove dot segments and re-encode): percent-escapes are decoded as Kestrel
    /// decodes them (all but %2F), dot segments are left in place.
    /// </summary>
    private async Task<Answer> SendRawAsync(string method, string url, params (string Name, string Value)[] headers)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        var context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Scheme = "https";
            c.Request.Host = new HostString("localhost");
            c.Request.Path = PathString.FromUriComponent(query < 0 ? url : url[..query]);
            c.Request.QueryString = new QueryString(query < 0 ? "" : url[query..]);
            foreach (var (name, value) in headers)
            {
                if (name == "Host")
                {
                    c.Request.Host = new HostString(value);
                }
                else
                {
                    c.Request.Headers[name] = value;
                }
            }
        });
        using var body = new StreamReader(context.Response.Body);
        return new Answer((HttpStatusCode)context.Response.StatusCode, context.Response.Headers, await body.ReadToEndAsync());
    }

    private static async Task<Answer> SendAsync(HttpClient client, HttpMethod method, string url, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        using var response = await client.SendAsync(request);
        var headers = new HeaderDictionary();
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = values.ToArray();
        }

        return new Answer(response.StatusCode, headers, await response.Content.ReadAsStringAsync());
    }

    private sealed record Answer(HttpStatusCode Status, IHeaderDictionary Headers, string Body)
    {
        public string Location => Headers.Location.ToString();
    }

    /// <summary>Never a 500, and never an error's details: exception names, stack frames, SQL, file paths.</summary>
    private void AssertNothingLeaks(Answer answer, string url)
    {
        Assert.True((int)answer.Status < 500, $"{url[..Math.Min(url.Length, 80)]} answered {(int)answer.Status}");
        var body = answer.Body;
        var sent = Uri.UnescapeDataString(url);
        foreach (var leak in new[] { "Exception", "StackTrace", " at DoJ.", " at Microsoft.", ".cs:line", "SQLite Error", "SqliteException", "SELECT ", "INSERT INTO", "DoJ.Portal.", "/tmp/", "/work/", "/root/", "/etc/", factory.DataPath })
        {
            if (!sent.Contains(leak, StringComparison.Ordinal))
            {
                Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>A request body of <c>length</c> bytes made up as it is sent, counting how much of it the server took.</summary>
    private sealed class GeneratedBody : HttpContent
    {
        private readonly long length;

        public GeneratedBody(long length, string contentType)
        {
            this.length = length;
            Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            Headers.ContentLength = length;
        }

        public long Produced { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = Encoding.ASCII.GetBytes(new string('a', 16 * 1024));
            while (Produced < length)
            {
                var count = (int)Math.Min(chunk.Length, length - Produced);
                await stream.WriteAsync(chunk.AsMemory(0, count));
                Produced += count;
            }
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return true;
        }
    }
}
