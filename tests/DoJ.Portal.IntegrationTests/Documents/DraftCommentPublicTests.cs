using System.Globalization;
using System.Net;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Web.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Documents;

/// <summary>
/// The comment period as editors set it and citizens see it: the editor's fields, the document page's state, the
/// summary published after the period, the list of drafts, and no commenter's personal data in any public response.
/// </summary>
public sealed class DraftCommentPublicTests(DraftCommentPortal factory) : IClassFixture<DraftCommentPortal>
{
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Vn(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> EditForm(LegalDocument d, string opensOn, string closesOn, string summary) => new()
    {
        ["Number"] = d.Number,
        ["Abstract"] = d.Abstract,
        ["Signer"] = d.Signer,
        ["DocumentTypeId"] = d.DocumentTypeId.ToString(CultureInfo.InvariantCulture),
        ["IssuingBodyId"] = d.IssuingBodyId.ToString(CultureInfo.InvariantCulture),
        ["FieldId"] = d.FieldId.ToString(CultureInfo.InvariantCulture),
        ["IssuedOn"] = Iso(d.IssuedOn),
        ["EffectiveOn"] = "",
        ["ExpiresOn"] = "",
        ["RelatedArticleIds"] = "",
        ["PublishAt"] = "",
        ["CommentsOpenOn"] = opensOn,
        ["CommentsCloseOn"] = closesOn,
        ["CommentSummary"] = summary,
    };

    private Task<LegalDocument> LoadAsync(int id) => factory.WithDbAsync(db => db.LegalDocuments.AsNoTracking().SingleAsync(d => d.Id == id));

    private async Task<HttpResponseMessage> SaveAsync(StaffSession editor, int id, Dictionary<string, string> form)
    {
        form["ConcurrencyStamp"] = (await LoadAsync(id)).ConcurrencyStamp.ToString();
        var edit = $"/quan-tri/van-ban/{id}/sua";
        return await editor.PostFormAsync(edit, edit, form);
    }

    [Fact]
    public async Task The_editor_refuses_half_a_period_a_close_before_the_open_and_a_summary_without_a_period()
    {
        var terms = await factory.AddTermsAsync();
        var document = await factory.AddDocumentAsync(terms, "LYK-1/2026/KH-STP", new DateOnly(2026, 11, 1));
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        foreach (var (form, message) in new[]
        {
            (EditForm(document, "2026-12-01", "", ""), "Vui lòng nhập cả ngày kết thúc lấy ý kiến"),
            (EditForm(document, "", "20/12/2026", ""), "Vui lòng nhập cả ngày bắt đầu lấy ý kiến"),
            (EditForm(document, "2026-12-20", "2026-12-01", ""), "Ngày kết thúc lấy ý kiến không được trước ngày bắt đầu."),
            (EditForm(document, "31/02/2026", "2026-12-01", ""), "Ngày bắt đầu lấy ý kiến không hợp lệ (dd/MM/yyyy)."),
            (EditForm(document, "", "", "<p>Tổng hợp</p>"), "Chỉ nhập báo cáo tổng hợp ý kiến khi văn bản có thời gian lấy ý kiến."),
        })
        {
            using var response = await SaveAsync(editor, document.Id, form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var unchanged = await LoadAsync(document.Id);
        Assert.Null(unchanged.CommentsOpenOn);
        Assert.Null(unchanged.CommentSummary);

        // dd/MM/yyyy as people type it is accepted, as on the other date fields; the change is audited.
        using (var saved = await SaveAsync(editor, document.Id, EditForm(document, "01/12/2026", "20/12/2026", "")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var withPeriod = await LoadAsync(document.Id);
        Assert.Equal(new DateOnly(2026, 12, 1), withPeriod.CommentsOpenOn);
        Assert.Equal(new DateOnly(2026, 12, 20), withPeriod.CommentsCloseOn);
        var changes = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(LegalDocument) && e.EntityId == document.Id.ToString(CultureInfo.InvariantCulture) && e.Action == "Sửa")
            .Select(e => e.Changes).SingleAsync());
        Assert.Contains("20/12/2026", System.Text.RegularExpressions.Regex.Unescape(changes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_the_period_and_its_form_link_then_the_sanitized_summary_once_the_period_has_ended()
    {
        var terms = await factory.AddTermsAsync();
        var today = DraftCommentCitizen.Today(factory);
        var document = await factory.AddDocumentAsync(terms, "LYK-2/2026/KH-STP", today.AddDays(-5));
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var summary = "<p>Đã nhận <strong>12</strong> ý kiến, tiếp thu 9.</p><script>alert('x')</script><img src=\"/media/x.png\" alt=\"\" onerror=\"alert(1)\"><a href=\"javascript:alert(1)\">xem</a>";
        using (var saved = await SaveAsync(editor, document.Id, EditForm(document, Iso(today.AddDays(-1)), Iso(today.AddDays(1)), summary)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var stored = (await LoadAsync(document.Id)).CommentSummary!;
        Assert.Contains("<strong>12</strong>", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", stored, StringComparison.OrdinalIgnoreCase);

        var url = $"/van-ban/{document.Id}/{document.Slug}";
        var open = await factory.CreatePlainClient().GetDocumentAsync(url);
        var section = open.QuerySelector("section.document-comments")!;
        Assert.Equal($"Đang lấy ý kiến đến hết ngày {Vn(today.AddDays(1))}.", section.QuerySelector(".comment-period")!.TextContent.Trim());
        Assert.Equal(DraftCommentCitizen.FormUrl(document), section.QuerySelector("a.btn")!.GetAttribute("href"));
        Assert.Equal("Gửi góp ý", section.QuerySelector("a.btn")!.TextContent.Trim());
        Assert.Null(open.QuerySelector(".comment-summary"));
        var list = await factory.CreatePlainClient().GetDocumentAsync("/van-ban/lay-y-kien");
        Assert.NotNull(list.QuerySelector($"#dang-lay-y-kien ~ ul a[href='{DraftCommentCitizen.FormUrl(document)}']"));
        var register = await factory.CreatePlainClient().GetDocumentAsync("/van-ban");
        Assert.NotNull(register.QuerySelector("a[href='/van-ban/lay-y-kien']"));

        // Two days on, the period has ended: the midnight eviction (ScheduledPublishWatcher's) lets the page change.
        factory.Clock.Advance(TimeSpan.FromDays(2));
        await factory.Services.GetRequiredService<PublicCache>().DocumentDayChangedAsync();
        var closed = await factory.CreatePlainClient().GetDocumentAsync(url);
        Assert.StartsWith("Đã hết hạn lấy ý kiến", closed.QuerySelector("section.document-comments .comment-period")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(closed.QuerySelector("section.document-comments a.btn"));
        var shown = closed.QuerySelector(".comment-summary")!;
        Assert.Equal("12", shown.QuerySelector("strong")!.TextContent);
        Assert.Null(shown.QuerySelector("script"));
        Assert.Null(shown.QuerySelector("[onerror]"));
        var after = await factory.CreatePlainClient().GetDocumentAsync("/van-ban/lay-y-kien");
        Assert.NotNull(after.QuerySelector($"#da-het-han ~ ul a[href='{url}']"));
        Assert.Null(after.QuerySelector($"a[href='{DraftCommentCitizen.FormUrl(document)}']"));
    }

    [Fact]
    public async Task No_public_page_feed_or_sitemap_shows_a_commenters_name_contact_details_or_text()
    {
        var terms = await factory.AddTermsAsync();
        var today = DraftCommentCitizen.Today(factory);
        var document = await factory.AddDocumentAsync(terms, "LYK-3/2026/KH-STP", today.AddDays(-2),
            d => d.OpenForComment(today.AddDays(-1), today.AddDays(30), "<p>Báo cáo tổng hợp (chưa công bố).</p>"));
        const string name = "Hoàng Bí Mật Riêng";
        const string email = "bi.mat.rieng@example.invalid";
        const string body = "Nội dung góp ý riêng tư không công khai số 7788.";
        var citizen = new DraftCommentCitizen(factory);
        var fields = DraftCommentCitizen.Comment(name: name, email: email, phone: "0901 234 567", body: body);
        fields["Organisation"] = "Tổ chức Riêng Tư Mẫu";
        using (var sent = await citizen.SendAsync(DraftCommentCitizen.FormUrl(document), fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        await factory.WithDbAsync(async db =>
        {
            var comment = await db.DocumentComments.SingleAsync(c => c.LegalDocumentId == document.Id);
            comment.Status = CommentStatus.Accepted;
            await db.SaveChangesAsync();
        });
        var demo = await factory.WithDbAsync(db => db.DocumentComments.AsNoTracking().Where(c => c.LegalDocumentId != document.Id)
            .Select(c => new { c.CommenterName, c.CommenterEmail, c.CommenterPhone, c.Body }).ToListAsync());
        Assert.NotEmpty(demo);
        var secrets = new List<string> { name, email, "0901234567", "0901 234 567", body, "Tổ chức Riêng Tư Mẫu" };
        secrets.AddRange(demo.SelectMany(c => new[] { c.CommenterName, c.CommenterEmail, c.CommenterPhone, c.Body }).OfType<string>());

        var demoDraft = await factory.WithDbAsync(db => db.LegalDocuments.AsNoTracking().SingleAsync(d => d.Number == "Dự thảo/KH-STP"));
        var pages = new[]
        {
            "/", $"/van-ban/{document.Id}/{document.Slug}", DraftCommentCitizen.FormUrl(document), DraftCommentCitizen.FormUrl(document) + "/da-gui",
            $"/van-ban/{demoDraft.Id}/{demoDraft.Slug}", DraftCommentCitizen.FormUrl(demoDraft), "/van-ban/lay-y-kien", "/van-ban",
            "/van-ban?q=" + Uri.EscapeDataString(name), "/van-ban?q=" + Uri.EscapeDataString("7788"), "/tim-kiem?q=" + Uri.EscapeDataString(name),
            "/tim-kiem?q=" + Uri.EscapeDataString("riêng tư không công khai"), "/van-ban/rss", "/rss", "/sitemap.xml", "/sitemap-trang.xml", "/sitemap-van-ban-0.xml",
        };
        var client = factory.CreatePlainClient();
        foreach (var page in pages)
        {
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {response.StatusCode}");
            var text = await response.Content.ReadAsStringAsync();
            // A search page repeats its query in the search box: that echo is the visitor's own input, not our data.
            var query = page.Contains("?q=", StringComparison.Ordinal) ? Uri.UnescapeDataString(page[(page.IndexOf("?q=", StringComparison.Ordinal) + 3)..]) : null;
            if (query is not null)
            {
                text = text.Replace(query, "", StringComparison.Ordinal);
            }

            if (page.StartsWith("/van-ban?q=", StringComparison.Ordinal))
            {
                Assert.Empty((await HtmlReader.ParseAsync(text)).QuerySelectorAll("table.document-register tbody th[scope=row]"));
            }

            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{page} shows '{secret}'");
            }
        }

        // The demo draft is open for comment and listed.
        var list = await client.GetDocumentAsync("/van-ban/lay-y-kien");
        Assert.NotNull(list.QuerySelector($"a[href='{DraftCommentCitizen.FormUrl(demoDraft)}']"));
    }
}
