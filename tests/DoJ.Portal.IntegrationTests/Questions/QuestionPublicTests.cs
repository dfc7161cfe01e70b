using System.Net;
using System.Xml.Linq;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Web.Navigation;
using Microsoft.EntityFrameworkCore;
using DoJ.Portal.IntegrationTests.Infrastructure;

namespace DoJ.Portal.IntegrationTests.Questions;

/// <summary>The public side: list, page, filter, paging, search, feed, sitemap, the status lookup, and that no asker's contact data is ever shown.</summary>
public sealed class QuestionPublicTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    private async Task<(HttpStatusCode Status, string Body, Uri? Location)> GetAsync(string url)
    {
        using var client = factory.CreatePlainClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location);
    }

    [Fact]
    public async Task The_demo_questions_replace_the_old_articles_which_answer_301()
    {
        var (status, body, _) = await GetAsync(SiteUrls.Questions + "?linh-vuc=ly-lich-tu-phap");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Phiếu lý lịch tư pháp số 1 và số 2 khác nhau như thế nào?", body, StringComparison.Ordinal);
        Assert.Contains($"href=\"{SiteUrls.AskQuestion}\"", body, StringComparison.Ordinal);

        var redirects = await factory.WithDbAsync(db => db.Redirects.AsNoTracking().Where(r => r.ToUrl.StartsWith("/hoi-dap")).ToListAsync());
        Assert.Contains(redirects, r => r.FromPath == "/chuyen-muc/hoi-dap-phap-luat" && r.ToUrl == "/hoi-dap");
        var article = redirects.First(r => r.FromPath.StartsWith("/tin-tuc/", StringComparison.Ordinal) && r.FromPath.Count(c => c == '/') == 3);
        var moved = await GetAsync(article.FromPath);
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.Status);
        var (shown, page, _) = await GetAsync(moved.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, shown);
        Assert.Contains("\"@type\":\"QAPage\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.invalid", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await GetAsync("/chuyen-muc/hoi-dap-phap-luat")).Status);
        Assert.Equal(3, await factory.WithDbAsync(db => db.Questions.CountAsync(q => q.Status == QuestionStatus.Published && q.AskerEmail!.EndsWith("@example.invalid") || q.Status == QuestionStatus.Published && q.AskerPhone == "0234000222")));
    }

    [Fact]
    public async Task A_public_question_has_its_page_a_wrong_slug_301_and_unpublished_ones_404()
    {
        var published = await TestQuestions.AddAsync(factory, Unique("Đăng ký thường trú cho con"), QuestionStatus.Published);
        var received = await TestQuestions.AddAsync(factory, Unique("Câu hỏi chưa trả lời"), QuestionStatus.Received);
        var later = await TestQuestions.AddAsync(factory, Unique("Câu hỏi hẹn giờ"), QuestionStatus.Published, publishedAtUtc: factory.Clock.GetUtcNow().UtcDateTime.AddDays(1));

        var (status, body, _) = await GetAsync(SiteUrls.Question(published.Id, published.Slug));
        Assert.Equal(HttpStatusCode.OK, status);
        var page = await HtmlReader.ParseAsync(body);
        Assert.Equal(published.Title, page.QuerySelector("h1")!.TextContent);
        Assert.Contains("T.T.B.", page.QuerySelector("[data-asker]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hộ tịch", page.QuerySelector(".question-detail")!.TextContent, StringComparison.Ordinal);

        var wrong = await GetAsync(SiteUrls.Question(published.Id, "sai-duong-dan"));
        Assert.Equal(HttpStatusCode.MovedPermanently, wrong.Status);
        Assert.Equal(SiteUrls.Question(published.Id, published.Slug), wrong.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(SiteUrls.Question(received.Id, received.Slug))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(SiteUrls.Question(later.Id, later.Slug))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(SiteUrls.Questions + "/99999999/x")).Status);
    }

    [Fact]
    public async Task The_list_filters_by_field_pages_and_finds_folded_words()
    {
        var word = "Kiemthuhoidap" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 11; i++)
        {
            await TestQuestions.AddAsync(factory, $"Quốc tịch {word} số {i}", QuestionStatus.Published, fieldSlug: "quoc-tich",
                publishedAtUtc: factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-60 + i));
        }

        var first = await HtmlReader.ParseAsync((await GetAsync(SiteUrls.Questions + "?linh-vuc=quoc-tich")).Body);
        var titles = first.QuerySelectorAll(".question-list h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(QuestionControllerPageSize, titles.Count);
        Assert.Equal($"Quốc tịch {word} số 10", titles[0]);
        var second = await HtmlReader.ParseAsync((await GetAsync(SiteUrls.Questions + "?linh-vuc=quoc-tich&trang=2")).Body);
        Assert.Contains($"Quốc tịch {word} số 0", second.QuerySelector(".question-list")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Phiếu lý lịch", first.Body!.TextContent, StringComparison.Ordinal);

        var found = await HtmlReader.ParseAsync((await GetAsync(SiteUrls.Questions + "?q=" + Uri.EscapeDataString("QUOC TICH " + word.ToLowerInvariant() + " so 3"))).Body);
        Assert.Contains($"Quốc tịch {word} số 3", found.QuerySelector(".question-list")!.TextContent, StringComparison.Ordinal);

        var search = await HtmlReader.ParseAsync((await GetAsync("/tim-kiem?q=" + word)).Body);
        Assert.Contains("Hỏi đáp", search.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(search.QuerySelector("a[href^='/hoi-dap/']"));

        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(SiteUrls.Questions + "?trang=abc")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(SiteUrls.Questions + "?linh-vuc=%3Cscript%3E")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(SiteUrls.Questions + "?trang=999")).Status);
    }

    private const int QuestionControllerPageSize = DoJ.Portal.Web.Controllers.QuestionController.PageSize;

    [Fact]
    public async Task The_feed_and_the_sitemap_list_public_questions_only()
    {
        var published = await TestQuestions.AddAsync(factory, Unique("Câu hỏi trong bản tin"), QuestionStatus.Published);
        var declined = await TestQuestions.AddAsync(factory, Unique("Câu hỏi bị từ chối"), QuestionStatus.Declined);

        var (status, rss, _) = await GetAsync(SiteUrls.QuestionsFeed);
        Assert.Equal(HttpStatusCode.OK, status);
        var items = XDocument.Parse(rss).Descendants("item").Select(i => i.Element("link")!.Value).ToList();
        Assert.Contains("https://portal.example.vn" + SiteUrls.Question(published.Id, published.Slug), items);

        var sitemap = (await SitemapReader.ReadAsync(factory.CreatePlainClient())).Text;
        Assert.Contains("https://portal.example.vn" + SiteUrls.Question(published.Id, published.Slug), sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain(declined.Slug, sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain(declined.Slug, rss, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_lookup_tolerates_case_and_spaces_and_shows_no_personal_data()
    {
        var declined = await TestQuestions.AddAsync(factory, Unique("Câu hỏi ngoài phạm vi"), QuestionStatus.Declined, name: "Hoàng Thị Duyên", email: "duyen.lookup@example.vn", phone: "0987654321");
        await factory.WithDbAsync(async db =>
        {
            var q = await db.Questions.SingleAsync(q => q.Id == declined.Id);
            q.DeclineReason = "Câu hỏi thuộc thẩm quyền của Tòa án.";
            await db.SaveChangesAsync();
        });
        var typed = string.Join(' ', declined.TrackingCode.ToLowerInvariant().Chunk(5).Select(c => new string(c)));

        var (status, body, _) = await GetAsync(SiteUrls.TrackQuestion + "?ma=" + Uri.EscapeDataString(" " + typed + " "));

        Assert.Equal(HttpStatusCode.OK, status);
        var page = await HtmlReader.ParseAsync(body);
        Assert.Contains(declined.Title, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Từ chối", page.QuerySelector("[data-status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("thẩm quyền của Tòa án", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Hoàng Thị Duyên", body, StringComparison.Ordinal);
        Assert.DoesNotContain("duyen.lookup", body, StringComparison.Ordinal);
        Assert.DoesNotContain("0987654321", body, StringComparison.Ordinal);

        var unknown = await GetAsync(SiteUrls.TrackQuestion + "?ma=AAAAAAAAAA");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("Không tìm thấy câu hỏi", unknown.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submitted_and_published_askers_name_email_and_phone_appear_on_no_public_page()
    {
        const string name = "Vũ Thị Zephyrina";
        const string email = "zephyrina.scan@example.vn";
        const string phone = "0976543210";
        var citizen = Citizen.At(factory);
        var form = await citizen.OpenFormAsync();
        var word = "Quetcongkhai" + Guid.NewGuid().ToString("N")[..6];
        form["Name"] = name;
        form["Email"] = email;
        form["Phone"] = phone;
        form["Title"] = $"Hỏi về hộ tịch {word}";
        using var sent = await citizen.SendAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var question = await factory.WithDbAsync(async db =>
        {
            var q = await db.Questions.SingleAsync(q => q.Title == form["Title"]);
            q.Status = QuestionStatus.Published;
            q.Answer = "<p>Trả lời câu hỏi về hộ tịch.</p>";
            q.PublicAskerName = ContactDetails.Initials(q.AskerName);
            q.PublishedAtUtc = factory.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1);
            await db.SaveChangesAsync();
            return q;
        });
        await TestQuestions.ChangedAsync(factory, question.Id);

        string[] pages =
        [
            "/", SiteUrls.Questions, SiteUrls.Questions + "?q=" + word, SiteUrls.Question(question.Id, question.Slug), "/tim-kiem?q=" + word,
            SiteUrls.QuestionsFeed, "/rss", "/sitemap.xml", SiteUrls.TrackQuestion + "?ma=" + question.TrackingCode, SiteUrls.Page(SiteUrls.PrivacyNoticeSlug),
        ];
        foreach (var url in pages)
        {
            var (status, body, _) = await GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.DoesNotContain("Zephyrina", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("zephyrina.scan", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(phone, body, StringComparison.Ordinal);
            Assert.DoesNotContain("976 543 210", body, StringComparison.Ordinal);
        }

        // Then every page the sitemap lists and every feed, against every asker's and commenter's contact details
        // in the database (the demo's included); a name only where its owner did not agree to show it.
        var secrets = await factory.WithDbAsync(async db =>
        {
            var askers = await db.Questions.Select(q => new { q.AskerEmail, q.AskerPhone, q.AskerName, q.ShowFullName }).ToListAsync();
            var commenters = await db.DocumentComments.Select(c => new { c.CommenterEmail, c.CommenterPhone, c.CommenterName }).ToListAsync();
            return askers.SelectMany(a => new[] { a.AskerEmail, a.AskerPhone, a.ShowFullName ? null : a.AskerName })
                .Concat(commenters.SelectMany(c => new[] { c.CommenterEmail, c.CommenterPhone, c.CommenterName }))
                .Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).Distinct().ToList();
        });
        Assert.Contains(email, secrets);
        // The index, its files, and every page they list.
        var sitemap = await SitemapReader.ReadAsync(factory.CreatePlainClient());
        var listed = sitemap.All.Select(l => new Uri(l).PathAndQuery).ToList();
        Assert.True(listed.Count > 50, $"the sitemap lists {listed.Count} pages");
        Assert.Contains(sitemap.Files, f => f.Contains("/sitemap-hoi-dap-", StringComparison.Ordinal));
        foreach (var url in sitemap.Files.Select(f => new Uri(f).PathAndQuery).Prepend(SiteUrls.Sitemap).Concat(listed).Concat(["/rss", SiteUrls.QuestionsFeed, SiteUrls.DocumentsFeed]))
        {
            var (status, body, _) = await GetAsync(url);
            Assert.True(status == HttpStatusCode.OK, $"{url} answered {status}");
            var decoded = System.Net.WebUtility.HtmlDecode(body);
            foreach (var secret in secrets)
            {
                Assert.False(decoded.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{url} shows a citizen's contact detail");
            }
        }

        // The scan is not vacuous: the question itself is on the pages that list it.
        Assert.Contains(word, (await GetAsync(SiteUrls.Question(question.Id, question.Slug))).Body, StringComparison.Ordinal);
        Assert.Contains(word, (await GetAsync("/tim-kiem?q=" + word)).Body, StringComparison.Ordinal);
        Assert.Contains("V.T.Z.", (await GetAsync(SiteUrls.Question(question.Id, question.Slug))).Body, StringComparison.Ordinal);
    }
}
