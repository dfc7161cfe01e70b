using System.Net;
using System.Text.Json;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.Web.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using DoJ.Portal.IntegrationTests.Infrastructure;

namespace DoJ.Portal.IntegrationTests.Documents;

public sealed class DocumentRegisterTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(PortalWebApplicationFactory.DefaultNow.UtcDateTime.AddHours(7));

    private async Task<List<string>> NumbersAsync(string url)
    {
        var page = await factory.CreateClient().GetDocumentAsync(url);
        return page.QuerySelectorAll("table.document-register tbody th[scope=row]").Select(th => th.TextContent.Trim()).ToList();
    }

    [Fact]
    public async Task Each_filter_and_their_combination_narrow_the_register_newest_first()
    {
        var mine = await factory.AddTermsAsync();
        var other = await factory.AddTermsAsync();
        await factory.AddDocumentAsync(mine, "1/2024/QĐ-A", new DateOnly(2024, 5, 1));
        await factory.AddDocumentAsync(mine, "2/2025/QĐ-A", new DateOnly(2025, 5, 1), d => d.ExpiresOn(new DateOnly(2025, 6, 1)));
        await factory.AddDocumentAsync(mine, "3/2026/QĐ-A", new DateOnly(2026, 11, 1), d => d.EffectiveOn(Today.AddDays(10)));
        await factory.AddDocumentAsync(new TestTerms(other.Type, mine.Body, mine.Field), "4/2025/KH-A", new DateOnly(2025, 7, 1));
        await factory.AddDocumentAsync(new TestTerms(mine.Type, other.Body, mine.Field), "5/2025/QĐ-B", new DateOnly(2025, 8, 1));
        await factory.AddDocumentAsync(new TestTerms(mine.Type, mine.Body, other.Field), "6/2025/QĐ-C", new DateOnly(2025, 9, 1));
        await factory.AddDocumentAsync(mine, "7/2025/QĐ-A", new DateOnly(2025, 10, 1), d => d.WithStatus(ArticleStatus.Draft));
        await factory.AddDocumentAsync(mine, "8/2025/QĐ-A", new DateOnly(2025, 10, 2), d => d.Deleted());
        await factory.AddDocumentAsync(mine, "9/2025/QĐ-A", new DateOnly(2025, 10, 3), d => d.Published(factory.Clock.GetUtcNow().UtcDateTime.AddDays(1)));

        Assert.Equal(["3/2026/QĐ-A", "6/2025/QĐ-C", "5/2025/QĐ-B", "2/2025/QĐ-A", "1/2024/QĐ-A"], await NumbersAsync($"/van-ban?loai={mine.Type.Slug}"));
        Assert.Equal(["3/2026/QĐ-A", "6/2025/QĐ-C", "4/2025/KH-A", "2/2025/QĐ-A", "1/2024/QĐ-A"], await NumbersAsync($"/van-ban?co-quan={mine.Body.Slug}"));
        Assert.Equal(["3/2026/QĐ-A", "5/2025/QĐ-B", "4/2025/KH-A", "2/2025/QĐ-A", "1/2024/QĐ-A"], await NumbersAsync($"/van-ban?linh-vuc={mine.Field.Slug}"));
        Assert.Equal(["2/2025/QĐ-A"], await NumbersAsync($"/van-ban?loai={mine.Type.Slug}&co-quan={mine.Body.Slug}&linh-vuc={mine.Field.Slug}&nam=2025"));
        Assert.Equal(["2/2025/QĐ-A"], await NumbersAsync($"/van-ban?loai={mine.Type.Slug}&hieu-luc=het-hieu-luc"));
        Assert.Equal(["3/2026/QĐ-A"], await NumbersAsync($"/van-ban?co-quan={mine.Body.Slug}&hieu-luc=chua-co-hieu-luc"));
        Assert.Equal(["6/2025/QĐ-C", "4/2025/KH-A", "1/2024/QĐ-A"], await NumbersAsync($"/van-ban?co-quan={mine.Body.Slug}&hieu-luc=con-hieu-luc&nam="));
        Assert.Equal(["1/2024/QĐ-A"], await NumbersAsync($"/van-ban?loai={mine.Type.Slug}&nam=2024"));

        var page = await factory.CreateClient().GetDocumentAsync($"/van-ban?loai={mine.Type.Slug}");
        var effects = page.QuerySelectorAll("table.document-register tbody tr").ToDictionary(
            tr => tr.QuerySelector("th")!.TextContent.Trim(), tr => tr.QuerySelector(".document-effect")!.TextContent.Trim());
        Assert.Equal("Chưa có hiệu lực", effects["3/2026/QĐ-A"]);
        Assert.Equal("Hết hiệu lực", effects["2/2025/QĐ-A"]);
        Assert.Equal("Còn hiệu lực", effects["1/2024/QĐ-A"]);
        Assert.Equal(mine.Type.Slug, page.QuerySelector("select#loc-loai option[selected]")!.GetAttribute("value"));
        Assert.All(page.QuerySelectorAll("form.document-filters select, form.document-filters input"),
            control => Assert.NotNull(page.QuerySelector($"label[for='{control.Id}']")));
    }

    [Fact]
    public async Task A_number_in_any_case_or_spacing_finds_its_document()
    {
        var terms = await factory.AddTermsAsync();
        var number = $"{Random.Shared.Next(100, 999)}/2025/QĐ-UBND";
        await factory.AddDocumentAsync(terms, number, new DateOnly(2025, 4, 1));
        foreach (var typed in new[] { number, number.ToLowerInvariant().Replace("đ", "d", StringComparison.Ordinal), number.Replace("/", " / ", StringComparison.Ordinal).Replace("-", " - ", StringComparison.Ordinal) })
        {
            Assert.Equal([number], await NumbersAsync("/van-ban?q=" + Uri.EscapeDataString(typed)));
        }

        Assert.Empty(await NumbersAsync("/van-ban?q=" + Uri.EscapeDataString("1/2099/QĐ-UBND")));
    }

    [Fact]
    public async Task Pages_keep_the_filters_and_bad_values_never_cause_a_server_error()
    {
        var terms = await factory.AddTermsAsync();
        for (var i = 1; i <= 23; i++)
        {
            await factory.AddDocumentAsync(terms, $"{i}/2023/TB-P", new DateOnly(2023, 1, 1).AddDays(i));
        }

        var first = await factory.CreateClient().GetDocumentAsync($"/van-ban?loai={terms.Type.Slug}&nam=2023");
        Assert.Equal(20, first.QuerySelectorAll("table.document-register tbody tr").Length);
        var next = first.QuerySelector("nav.pager a[aria-label='Trang sau']")!.GetAttribute("href")!;
        Assert.Contains($"loai={terms.Type.Slug}", next, StringComparison.Ordinal);
        Assert.Contains("nam=2023", next, StringComparison.Ordinal);
        Assert.Equal(["3/2023/TB-P", "2/2023/TB-P", "1/2023/TB-P"], await NumbersAsync(next));

        var client = factory.CreatePlainClient();
        foreach (var bad in new[] { "trang=0", "trang=-1", "trang=abc", "nam=99999", "nam=abc", "nam=20", "hieu-luc=con", "loai=Quyết định", "co-quan=%3Cscript%3E",
            "q=" + new string('x', 300) })
        {
            using var response = await client.GetAsync(new Uri($"/van-ban?{bad}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        foreach (var empty in new[] { "loai=khong-co-loai-nay", "linh-vuc=khong-co", $"loai={terms.Type.Slug}&nam=1999", "q=%22%27%3B--*:(" })
        {
            using var response = await client.GetAsync(new Uri($"/van-ban?{empty}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Không có văn bản nào phù hợp.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var pastEnd = await client.GetAsync(new Uri($"/van-ban?loai={terms.Type.Slug}&trang=9", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, pastEnd.StatusCode);
    }

    [Fact]
    public async Task The_document_page_shows_every_field_its_files_and_related_articles_with_structured_data()
    {
        var terms = await factory.AddTermsAsync();
        var article = await factory.PublicArticleIdAsync();
        var document = await factory.AddDocumentAsync(terms, "12/2026/QĐ-UBND", new DateOnly(2026, 2, 3),
            d => d.EffectiveOn(new DateOnly(2026, 2, 18)).ExpiresOn(new DateOnly(2031, 1, 1)), article);
        var fileId = await factory.WithDbAsync(async db =>
        {
            var file = new DoJ.Portal.Domain.Files.StoredFile
            {
                FileName = "2026/02/test.pdf", OriginalName = "quyet-dinh-12.pdf", Kind = DoJ.Portal.Domain.Files.FileKind.Pdf,
                SizeBytes = 1_258_291, Sha256 = new string('a', 64), UploadedAtUtc = factory.Clock.GetUtcNow().UtcDateTime,
            };
            db.StoredFiles.Add(file);
            db.Attachments.Add(new DoJ.Portal.Domain.Files.Attachment { StoredFile = file, DisplayName = "Quyết định số 12", Position = 1, LegalDocumentId = document.Id });
            await db.SaveChangesAsync();
            return file.Id;
        });
        await factory.Services.GetRequiredService<PublicCache>().DocumentChangedAsync();

        var url = $"/van-ban/{document.Id}/{document.Slug}";
        var page = await factory.CreateClient().GetDocumentAsync(url);
        var fields = page.QuerySelectorAll("dl.document-fields dt").ToDictionary(dt => dt.TextContent.Trim(), dt => dt.NextElementSibling!.TextContent.Trim());
        Assert.Equal("12/2026/QĐ-UBND", fields["Số/Ký hiệu"]);
        Assert.Equal(terms.Type.Name, fields["Loại văn bản"]);
        Assert.Equal(terms.Body.Name, fields["Cơ quan ban hành"]);
        Assert.Equal(terms.Field.Name, fields["Lĩnh vực"]);
        Assert.Equal("Nguyễn Văn A", fields["Người ký"]);
        Assert.Equal("03/02/2026", fields["Ngày ban hành"]);
        Assert.Equal("18/02/2026", fields["Ngày có hiệu lực"]);
        Assert.Equal("01/01/2031", fields["Ngày hết hiệu lực"]);
        Assert.Equal("Còn hiệu lực", fields["Tình trạng hiệu lực"]);
        Assert.Equal(document.Abstract, fields["Trích yếu"]);

        var download = $"/tai-lieu/{fileId}/quyet-dinh-12.pdf";
        Assert.NotNull(page.QuerySelector($".document-files a[href='{download}']"));
        Assert.Contains("PDF, 1,2 MB", page.QuerySelector(".document-files li")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(download + "?xem=1", page.QuerySelector("iframe.document-preview-frame")!.GetAttribute("src"));
        Assert.NotNull(page.QuerySelector($".document-preview a[href='{download}']"));
        Assert.NotNull(page.QuerySelector($".related-articles a[href^='/tin-tuc/{article}/']"));
        Assert.NotNull(page.QuerySelector("button[data-print]"));
        Assert.Equal("https://portal.example.vn" + url, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("2026-02-03", page.QuerySelector("meta[name='DC.date.issued']")!.GetAttribute("content"));
        Assert.StartsWith($"{terms.Type.Name} 12/2026/QĐ-UBND", page.Title, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var root = json.RootElement;
        Assert.Equal("Legislation", root.GetProperty("@type").GetString());
        Assert.Equal("12/2026/QĐ-UBND", root.GetProperty("legislationIdentifier").GetString());
        Assert.Equal("2026-02-03", root.GetProperty("legislationDate").GetString());
        Assert.Equal("2026-02-18", root.GetProperty("legislationDateOfApplicability").GetString());
        Assert.Equal("https://schema.org/InForce", root.GetProperty("legislationLegalForce").GetString());
        Assert.Equal(terms.Body.Name, root.GetProperty("legislationPassedBy").GetProperty("name").GetString());
        Assert.Equal("MediaObject", root.GetProperty("encoding")[0].GetProperty("@type").GetString());
        Assert.Equal("https://portal.example.vn" + download, root.GetProperty("encoding")[0].GetProperty("contentUrl").GetString());

        var shown = await factory.CreateClient().GetStringAsync(new Uri($"/tin-tuc/{article}", UriKind.Relative));
        Assert.Contains("Văn bản liên quan", shown, StringComparison.Ordinal);
        Assert.Contains($"/van-ban/{document.Id}/{document.Slug}", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_addresses_of_a_document_move_permanently_and_non_public_documents_are_not_found()
    {
        var terms = await factory.AddTermsAsync();
        var document = await factory.AddDocumentAsync(terms, "60/2026/CT-UBND", Today);
        var client = factory.CreatePlainClient();
        foreach (var other in new[] { $"/van-ban/{document.Id}", $"/van-ban/{document.Id}/sai-duong-dan" })
        {
            using var response = await client.GetAsync(new Uri(other, UriKind.Relative));
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal($"/van-ban/{document.Id}/{document.Slug}", response.Headers.Location!.OriginalString);
        }

        var hidden = new[]
        {
            await factory.AddDocumentAsync(terms, "61/2026/CT-UBND", new DateOnly(2026, 6, 1), d => d.WithStatus(ArticleStatus.Draft)),
            await factory.AddDocumentAsync(terms, "62/2026/CT-UBND", new DateOnly(2026, 6, 1), d => d.WithStatus(ArticleStatus.Submitted)),
            await factory.AddDocumentAsync(terms, "63/2026/CT-UBND", new DateOnly(2026, 6, 1), d => d.WithStatus(ArticleStatus.Unpublished)),
            await factory.AddDocumentAsync(terms, "64/2026/CT-UBND", new DateOnly(2026, 6, 1), d => d.Deleted()),
            await factory.AddDocumentAsync(terms, "65/2026/CT-UBND", new DateOnly(2026, 6, 1), d => d.Published(factory.Clock.GetUtcNow().UtcDateTime.AddDays(2))),
        };
        foreach (var d in hidden)
        {
            using var response = await client.GetAsync(new Uri($"/van-ban/{d.Id}/{d.Slug}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var missing = await client.GetAsync(new Uri("/van-ban/999999/khong-co", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var rss = await factory.CreateClient().GetStringAsync(new Uri("/van-ban/rss", UriKind.Relative));
        var sitemap = (await SitemapReader.ReadAsync(factory.CreateClient())).Text;
        var home = await factory.CreateClient().GetDocumentAsync("/");
        Assert.Contains($"https://portal.example.vn/van-ban/{document.Id}/{document.Slug}", rss, StringComparison.Ordinal);
        Assert.Contains($"https://portal.example.vn/van-ban/{document.Id}/{document.Slug}", sitemap, StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector($"section.latest-documents a[href='/van-ban/{document.Id}/{document.Slug}']"));
        Assert.InRange(home.QuerySelectorAll("section.latest-documents li").Length, 1, LatestCount);
        foreach (var d in hidden)
        {
            Assert.DoesNotContain($"/van-ban/{d.Id}/", rss, StringComparison.Ordinal);
            Assert.DoesNotContain($"/van-ban/{d.Id}/", sitemap, StringComparison.Ordinal);
            Assert.Null(home.QuerySelector($"section.latest-documents a[href^='/van-ban/{d.Id}/']"));
        }
    }

    private const int LatestCount = DoJ.Portal.Web.ViewComponents.LatestDocumentsViewComponent.Count;

    [Fact]
    public async Task At_Vietnam_midnight_a_document_effective_that_day_changes_status_on_the_cached_pages_too()
    {
        using var own = new PortalWebApplicationFactory();
        // 23:59 on 27/11/2026 in Vietnam.
        own.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 16, 59, 0, TimeSpan.Zero));
        var terms = await own.AddTermsAsync();
        var document = await own.AddDocumentAsync(terms, "70/2026/QĐ-UBND", new DateOnly(2026, 11, 20), d => d.EffectiveOn(new DateOnly(2026, 11, 28)));
        var page = $"/van-ban/{document.Id}/{document.Slug}";
        var list = $"/van-ban?loai={terms.Type.Slug}";
        var client = own.CreateClient();
        // The demo documents' files are read in the background, and each read evicts the register's pages.
        await own.WhenFilesReadAsync();

        async Task<string> EffectAsync(string url, string selector)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
            return html.QuerySelector(selector)!.TextContent.Trim();
        }

        Assert.Equal("Chưa có hiệu lực", await EffectAsync(page, "dl.document-fields .document-effect"));
        Assert.Equal("Chưa có hiệu lực", await EffectAsync(list, "table.document-register .document-effect"));
        using (var cached = await client.GetAsync(new Uri(page, UriKind.Relative)))
        {
            Assert.True(cached.Headers.Age is not null, "the second request is served from the page cache");
        }

        var watcher = own.Services.GetServices<IHostedService>().OfType<ScheduledPublishWatcher>().Single();
        var before = own.Clock.GetUtcNow().UtcDateTime;
        own.Clock.Advance(TimeSpan.FromMinutes(1)); // 00:00 on 28/11 in Vietnam
        await watcher.EvictDueAsync(before, CancellationToken.None);

        Assert.Equal("Còn hiệu lực", await EffectAsync(page, "dl.document-fields .document-effect"));
        Assert.Equal("Còn hiệu lực", await EffectAsync(list, "table.document-register .document-effect"));
        Assert.Equal("Còn hiệu lực", await EffectAsync(list + "&hieu-luc=con-hieu-luc", "table.document-register .document-effect"));
        using var none = await client.GetAsync(new Uri(list + "&hieu-luc=chua-co-hieu-luc", UriKind.Relative));
        Assert.Contains("Không có văn bản nào phù hợp.", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_document_appears_in_the_home_pages_kept_block_when_its_time_comes()
    {
        using var own = new PortalWebApplicationFactory();
        var terms = await own.AddTermsAsync();
        var now = own.Clock.GetUtcNow().UtcDateTime;
        var document = await own.AddDocumentAsync(terms, "71/2026/QĐ-UBND", VietnamTime.Today(own.Clock), d => d.Published(now.AddHours(1)));
        var link = $"section.latest-documents a[href='/van-ban/{document.Id}/{document.Slug}']";
        var client = own.CreatePlainClient();
        await own.WhenFilesReadAsync();
        // Read once: the page and its "Văn bản mới" block (kept apart from the page) are both cached without it.
        Assert.Null((await client.GetDocumentAsync("/")).QuerySelector(link));

        var watcher = own.Services.GetServices<IHostedService>().OfType<ScheduledPublishWatcher>().Single();
        own.Clock.Advance(TimeSpan.FromHours(2));
        await watcher.EvictDueAsync(now, CancellationToken.None);

        Assert.NotNull((await client.GetDocumentAsync("/")).QuerySelector(link));
    }

    [Fact]
    public void A_cached_register_page_lives_until_the_next_Vietnam_midnight_at_most()
    {
        var lifetime = TimeSpan.FromMinutes(5);
        Assert.Equal(TimeSpan.FromMinutes(1), DocumentPageCachePolicy.UntilNextVietnamMidnight(new DateTime(2026, 11, 27, 16, 59, 0, DateTimeKind.Utc), lifetime));
        Assert.Equal(lifetime, DocumentPageCachePolicy.UntilNextVietnamMidnight(new DateTime(2026, 11, 27, 17, 0, 0, DateTimeKind.Utc), lifetime));
        Assert.Equal(TimeSpan.FromSeconds(1), DocumentPageCachePolicy.UntilNextVietnamMidnight(new DateTime(2026, 11, 27, 16, 59, 59, 900, DateTimeKind.Utc), lifetime));
    }
}
