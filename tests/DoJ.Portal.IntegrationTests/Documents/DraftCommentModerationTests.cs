using System.Globalization;
using System.Net;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Documents;

/// <summary>Moderation of comments on drafts (<c>/quan-tri/van-ban/{id}/gop-y</c>): who may, what it does, what the audit keeps.</summary>
public sealed class DraftCommentModerationTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private const string Name = "Đỗ Thị Riêng Tư";
    private const string Email = "rieng.tu.kiem.duyet@example.invalid";
    private const string Phone = "0987654321";
    private const string Body = "Góp ý riêng về điều 3: đề nghị rút ngắn thời hạn báo cáo.";

    private async Task<(LegalDocument Document, DocumentComment Comment)> CommentedAsync(string number)
    {
        var terms = await factory.AddTermsAsync();
        var today = DraftCommentCitizen.Today(factory);
        var document = await factory.AddDocumentAsync(terms, number, today.AddDays(-3), d => d.OpenForComment(today.AddDays(-2), today.AddDays(10)));
        var comment = new DocumentComment
        {
            LegalDocumentId = document.Id,
            CommenterName = Name,
            CommenterEmail = Email,
            CommenterPhone = Phone,
            Body = Body,
            ReceivedAtUtc = factory.Clock.GetUtcNow().UtcDateTime,
            ConsentedAtUtc = factory.Clock.GetUtcNow().UtcDateTime,
        };
        await factory.WithDbAsync(async db =>
        {
            db.DocumentComments.Add(comment);
            await db.SaveChangesAsync();
        });
        return (document, comment);
    }

    private static string Page(LegalDocument d) => $"/quan-tri/van-ban/{d.Id}/gop-y";

    private static string Moderate(LegalDocument d, DocumentComment c) => $"/quan-tri/van-ban/{d.Id}/gop-y/{c.Id}/duyet";

    private Task<DocumentComment> LoadAsync(int id) => factory.WithDbAsync(db => db.DocumentComments.AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task Contributors_and_anonymous_visitors_can_neither_read_nor_moderate_comments()
    {
        var (document, comment) = await CommentedAsync("GY-1/2026/KH-STP");
        var contributor = await StaffSession.SignInAsync(factory, PortalRoles.Contributor);

        using (var list = await contributor.Client.GetAsync(new Uri(Page(document), UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
            Assert.DoesNotContain(Email, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var denied = await contributor.PostFormAsync("/quan-tri/van-ban", Moderate(document, comment), new Dictionary<string, string> { ["quyet-dinh"] = "tiep-nhan" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        using (var anonymous = await factory.CreatePlainClient().GetAsync(new Uri(Page(document), UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Contains("/tai-khoan/dang-nhap", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Equal(CommentStatus.Pending, (await LoadAsync(comment.Id)).Status);
    }

    [Theory]
    [InlineData(PortalRoles.Editor)]
    [InlineData(PortalRoles.Administrator)]
    public async Task Editors_see_the_contact_details_and_counts_and_accept_or_reject_with_a_note(string role)
    {
        var (document, comment) = await CommentedAsync("GY-2/2026/KH-STP-" + role);
        var staff = await StaffSession.SignInAsync(factory, role);

        var page = await staff.GetAsync(Page(document));
        var card = page.QuerySelector($"#gop-y-{comment.Id}")!;
        Assert.Contains(Name, card.TextContent, StringComparison.Ordinal);
        Assert.Contains(Email, card.TextContent, StringComparison.Ordinal);
        Assert.Contains(Phone, card.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", page.QuerySelector("[data-count=cho-duyet]")!.TextContent);

        // Rejecting needs a reason: refused, nothing changes.
        using (var noReason = await staff.PostFormAsync(Page(document), Moderate(document, comment), new Dictionary<string, string> { ["quyet-dinh"] = "khong-tiep-nhan", ["ghi-chu"] = "" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
        }

        Assert.Equal(CommentStatus.Pending, (await LoadAsync(comment.Id)).Status);
        Assert.Contains("Vui lòng ghi lý do không tiếp nhận góp ý.", (await staff.GetAsync(Page(document))).Body!.TextContent, StringComparison.Ordinal);

        using (var accepted = await staff.PostFormAsync(Page(document), Moderate(document, comment), new Dictionary<string, string> { ["quyet-dinh"] = "tiep-nhan", ["ghi-chu"] = $"Tiếp thu, đã trao đổi với {Name}" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var saved = await LoadAsync(comment.Id);
        Assert.Equal(CommentStatus.Accepted, saved.Status);
        Assert.Equal($"Tiếp thu, đã trao đổi với {Name}", saved.ModerationNote);
        Assert.NotNull(saved.ModeratedById);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, saved.ModeratedAtUtc);

        using (var rejected = await staff.PostFormAsync(Page(document), Moderate(document, comment), new Dictionary<string, string> { ["quyet-dinh"] = "khong-tiep-nhan", ["ghi-chu"] = "Không thuộc phạm vi dự thảo" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        }

        Assert.Equal(CommentStatus.Rejected, (await LoadAsync(comment.Id)).Status);
        var counted = await staff.GetAsync(Page(document) + "?trang-thai=khong-tiep-nhan");
        Assert.Equal("1", counted.QuerySelector("[data-count=khong-tiep-nhan]")!.TextContent);
        Assert.Equal("0", counted.QuerySelector("[data-count=cho-duyet]")!.TextContent);
        Assert.NotNull(counted.QuerySelector($"#gop-y-{comment.Id}"));

        // The audit says who decided what on which comment, never whose comment it was or what it said.
        var entries = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(DocumentComment) && e.EntityId == comment.Id.ToString(CultureInfo.InvariantCulture)).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["Tiếp nhận góp ý", "Không tiếp nhận góp ý"], entries.Select(e => e.Action));
        var audited = string.Join("\n", entries.Select(e => e.Summary + " " + System.Text.RegularExpressions.Regex.Unescape(e.Changes)));
        foreach (var secret in new[] { Name, Email, Phone, Body, "Không thuộc phạm vi dự thảo" })
        {
            Assert.DoesNotContain(secret, audited, StringComparison.Ordinal);
        }

        Assert.Contains("sha256:", audited, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_of_another_document_an_unknown_decision_or_a_bad_filter_is_refused()
    {
        var (document, comment) = await CommentedAsync("GY-3/2026/KH-STP");
        var (other, _) = await CommentedAsync("GY-4/2026/KH-STP");
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);

        using (var wrongDocument = await editor.PostFormAsync(Page(document), Moderate(other, comment), new Dictionary<string, string> { ["quyet-dinh"] = "tiep-nhan" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrongDocument.StatusCode);
        }

        using (var unknown = await editor.PostFormAsync(Page(document), Moderate(document, comment), new Dictionary<string, string> { ["quyet-dinh"] = "xoa" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        }

        using (var filter = await editor.Client.GetAsync(new Uri(Page(document) + "?trang-thai=abc", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, filter.StatusCode);
        }

        using (var missing = await editor.Client.GetAsync(new Uri("/quan-tri/van-ban/999999/gop-y", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        Assert.Equal(CommentStatus.Pending, (await LoadAsync(comment.Id)).Status);
    }
}
