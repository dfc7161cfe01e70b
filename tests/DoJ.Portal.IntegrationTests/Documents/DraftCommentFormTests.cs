using System.Net;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Documents;

/// <summary>The public comment form of a draft (<c>/van-ban/{id}/{slug}/gop-y</c>): what it stores, what it refuses, and when.</summary>
public sealed class DraftCommentFormTests(DraftCommentPortal factory) : IClassFixture<DraftCommentPortal>
{
    private async Task<LegalDocument> OpenDocumentAsync(string number, int opensIn = -1, int closesIn = 5, Func<LegalDocumentBuilder, LegalDocumentBuilder>? build = null)
    {
        var terms = await factory.AddTermsAsync();
        var today = DraftCommentCitizen.Today(factory);
        return await factory.AddDocumentAsync(terms, number, today.AddDays(-3),
            d => (build ?? (b => b))(d.OpenForComment(today.AddDays(opensIn), today.AddDays(closesIn))));
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    [Fact]
    public async Task A_complete_comment_is_stored_as_pending_and_the_browser_is_sent_to_a_thank_you_page()
    {
        var document = await OpenDocumentAsync("DT-1/2026/KH-STP");
        var citizen = new DraftCommentCitizen(factory);
        var form = DraftCommentCitizen.FormUrl(document);

        using (var page = await citizen.Client.GetAsync(new Uri(form, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.True(page.Headers.CacheControl?.NoStore, "the form page must never be stored by a cache");
            var html = await TextAsync(page);
            Assert.Contains("href=\"/trang/bao-ve-du-lieu-ca-nhan\"", html, StringComparison.Ordinal);
            Assert.Contains("Đang lấy ý kiến đến hết ngày", html, StringComparison.Ordinal);
        }

        var fields = DraftCommentCitizen.Comment(name: "  Phạm Thị Kiểm ", phone: "+84 912 345 678");
        fields["Organisation"] = "Hội Luật gia (thử)";
        using var sent = await citizen.SendAsync(form, fields);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var thanks = sent.Headers.Location!.OriginalString;
        Assert.Equal(form + "/da-gui", thanks);
        using (var page = await citizen.Client.GetAsync(new Uri(thanks, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await TextAsync(page);
            Assert.Contains("Cảm ơn bạn đã góp ý", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Phạm Thị Kiểm", html, StringComparison.Ordinal);
        }

        var stored = await factory.WithDbAsync(db => db.DocumentComments.AsNoTracking().SingleAsync(c => c.LegalDocumentId == document.Id));
        Assert.Equal("Phạm Thị Kiểm", stored.CommenterName);
        Assert.Equal("Hội Luật gia (thử)", stored.Organisation);
        Assert.Equal("kiem.thu@example.invalid", stored.CommenterEmail);
        Assert.Equal("0912345678", stored.CommenterPhone);
        Assert.Equal(CommentStatus.Pending, stored.Status);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, stored.ReceivedAtUtc);
        Assert.Equal(stored.ReceivedAtUtc, stored.ConsentedAtUtc);
    }

    [Fact]
    public async Task Each_refusal_shows_its_Vietnamese_reason_keeps_the_text_and_stores_nothing()
    {
        var document = await OpenDocumentAsync("DT-2/2026/KH-STP");
        var form = DraftCommentCitizen.FormUrl(document);
        var cases = new (string What, Dictionary<string, string> Fields, string Honeypot, string Message)[]
        {
            ("honeypot", DraftCommentCitizen.Comment(), "http://spam.example", "dấu hiệu được điền tự động"),
            ("no contact", DraftCommentCitizen.Comment(email: ""), "", "ít nhất một"),
            ("no consent", DraftCommentCitizen.Comment(consent: false), "", "Vui lòng đồng ý với việc xử lý dữ liệu cá nhân"),
            ("oversize", DraftCommentCitizen.Comment(body: new string('ý', DocumentComment.BodyMaxLength + 1)), "", "tối đa 8.000 ký tự"),
            ("bad e-mail", DraftCommentCitizen.Comment(email: "khong-co-a-cong"), "", "Địa chỉ thư điện tử không hợp lệ"),
            ("too many links", DraftCommentCitizen.Comment(body: "Xem http://a.example, http://b.example và www.c.example nhé."), "", "quá nhiều đường liên kết"),
        };
        foreach (var (what, fields, honeypot, message) in cases)
        {
            using var response = await new DraftCommentCitizen(factory).SendAsync(form, fields, honeypot);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {response.StatusCode}");
            var html = await TextAsync(response);
            Assert.True(html.Contains(message, StringComparison.Ordinal), $"{what}: no '{message}'");
            if (what == "no consent")
            {
                Assert.Contains("Đề nghị bổ sung quy định về thời hạn", html, StringComparison.Ordinal);
            }
        }

        // Sent at once after the form was served: a script, not a person.
        var citizen = new DraftCommentCitizen(factory);
        using (var fast = await citizen.PostAsync(form, await citizen.OpenAsync(form), DraftCommentCitizen.Comment()))
        {
            Assert.Equal(HttpStatusCode.BadRequest, fast.StatusCode);
            Assert.Contains("quá nhanh", await TextAsync(fast), StringComparison.Ordinal);
        }

        // Without the antiforgery token (another site's form): refused before anything else.
        var tokens = await citizen.OpenAsync(form);
        factory.Clock.Advance(TimeSpan.FromSeconds(20));
        using (var forged = await new DraftCommentCitizen(factory).PostAsync(form, ("", tokens.Guard), DraftCommentCitizen.Comment()))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.Equal(0, await DraftCommentCitizen.CountAsync(factory, document.Id));
    }

    [Fact]
    public async Task Comments_are_taken_from_the_first_second_of_the_opening_day_to_the_last_second_of_the_closing_day_Vietnam_time()
    {
        var today = DraftCommentCitizen.Today(factory);
        // The tokens come from a form open all along; the antiforgery and time tokens are not tied to one document.
        var always = await OpenDocumentAsync("DT-3/2026/KH-STP", opensIn: -1, closesIn: 60);
        var edges = await OpenDocumentAsync("DT-4/2026/KH-STP", opensIn: 1, closesIn: 2);
        var (openUtc, _) = VietnamTime.UtcRangeOf(today.AddDays(1));
        var (_, afterCloseUtc) = VietnamTime.UtcRangeOf(today.AddDays(2));
        Assert.Equal(17, openUtc.Hour); // 00:00 in Vietnam is 17:00 UTC the day before
        var form = DraftCommentCitizen.FormUrl(edges);
        var citizen = new DraftCommentCitizen(factory);

        // Each pair of sends around an edge uses one form, opened half a minute before the edge.
        async Task<(string, string)> OpenBeforeAsync(DateTime edgeUtc)
        {
            factory.Clock.SetUtcNow(new DateTimeOffset(edgeUtc.AddSeconds(-30), TimeSpan.Zero));
            return await citizen.OpenAsync(DraftCommentCitizen.FormUrl(always));
        }

        async Task<HttpResponseMessage> SendAtAsync((string, string) tokens, DateTime utc)
        {
            factory.Clock.SetUtcNow(new DateTimeOffset(utc, TimeSpan.Zero));
            return await citizen.PostAsync(form, tokens, DraftCommentCitizen.Comment());
        }

        var opening = await OpenBeforeAsync(openUtc);
        using (var before = await SendAtAsync(opening, openUtc.AddSeconds(-1)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
            Assert.Contains("chưa mở lấy ý kiến", await TextAsync(before), StringComparison.Ordinal);
        }

        Assert.Equal(0, await DraftCommentCitizen.CountAsync(factory, edges.Id));
        using (var first = await SendAtAsync(opening, openUtc))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var closing = await OpenBeforeAsync(afterCloseUtc);
        using (var last = await SendAtAsync(closing, afterCloseUtc.AddSeconds(-1)))
        {
            Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        }

        using (var late = await SendAtAsync(closing, afterCloseUtc))
        {
            Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
            Assert.Contains("Đã hết hạn lấy ý kiến", await TextAsync(late), StringComparison.Ordinal);
        }

        Assert.Equal(2, await DraftCommentCitizen.CountAsync(factory, edges.Id));

        // Outside the period the page says why and shows no form.
        var closed = await citizen.Client.GetDocumentAsync(form);
        Assert.Null(closed.QuerySelector("#form-gop-y"));
        Assert.Contains("Đã hết hạn lấy ý kiến", closed.QuerySelector("[data-comment-state]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_that_is_not_public_unknown_or_not_open_for_comment_has_no_form()
    {
        var draft = await OpenDocumentAsync("DT-5/2026/KH-STP", build: d => d.WithStatus(ArticleStatus.Draft));
        var binned = await OpenDocumentAsync("DT-6/2026/KH-STP", build: d => d.Deleted());
        var terms = await factory.AddTermsAsync();
        var plain = await factory.AddDocumentAsync(terms, "DT-7/2026/KH-STP", new DateOnly(2026, 1, 5));
        var open = await OpenDocumentAsync("DT-8/2026/KH-STP");
        var citizen = new DraftCommentCitizen(factory);
        var tokens = await citizen.OpenAsync(DraftCommentCitizen.FormUrl(open));
        factory.Clock.Advance(TimeSpan.FromSeconds(20));

        foreach (var url in new[] { DraftCommentCitizen.FormUrl(draft), DraftCommentCitizen.FormUrl(binned), DraftCommentCitizen.FormUrl(plain), "/van-ban/999999/khong-co/gop-y" })
        {
            using var get = await citizen.Client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(get.StatusCode == HttpStatusCode.NotFound, $"GET {url}: {get.StatusCode}");
            using var post = await citizen.PostAsync(url, tokens, DraftCommentCitizen.Comment());
            Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"POST {url}: {post.StatusCode}");
        }

        Assert.Equal(0, await factory.WithDbAsync(db => db.DocumentComments.CountAsync(c => c.LegalDocumentId == draft.Id || c.LegalDocumentId == binned.Id || c.LegalDocumentId == plain.Id)));

        // A wrong slug answers 301 to the form's canonical address.
        using var moved = await citizen.Client.GetAsync(new Uri($"/van-ban/{open.Id}/sai-duong-dan/gop-y", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal(DraftCommentCitizen.FormUrl(open), moved.Headers.Location!.OriginalString);
    }
}
