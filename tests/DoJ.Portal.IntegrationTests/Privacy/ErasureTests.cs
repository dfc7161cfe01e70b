using System.Net;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.IntegrationTests.Documents;
using DoJ.Portal.Web.Privacy;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Privacy;

/// <summary>An administrator erases one person's data on request (/quan-tri/du-lieu-ca-nhan).</summary>
public sealed class ErasureTests
{
    private const string Page = "/quan-tri/du-lieu-ca-nhan";

    private static PortalWebApplicationFactory Factory() => new PortalWebApplicationFactory()
        .With("Mail:BackgroundSending", "false")
        .With("Privacy:BackgroundRetention", "false");

    [Fact]
    public async Task An_administrator_finds_a_persons_questions_comments_and_mail_by_email_and_erases_them_after_confirming()
    {
        using var factory = Factory();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var terms = await factory.AddTermsAsync();
        var email = $"yeu.cau.{Guid.NewGuid():N}@example.vn";
        var published = await factory.AddQuestionAsync(terms.Field.Id, QuestionStatus.Published, now.AddDays(-3), email, "0912000111", name: "Hoàng Minh Châu", showFullName: true);
        var received = await factory.AddQuestionAsync(terms.Field.Id, QuestionStatus.Received, now.AddDays(-1), email);
        var someoneElse = await factory.AddQuestionAsync(terms.Field.Id, QuestionStatus.Received, now.AddDays(-1), "nguoi.khac@example.vn");
        var draft = await factory.AddDraftAsync(terms, null, null);
        var comment = await factory.AddCommentAsync(draft.Id, now.AddDays(-2), email);
        var mail = await factory.AddMailAsync(email, now.AddDays(-3), sentAtUtc: now.AddDays(-3));
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);

        // Typed with spaces and the domain in capitals: found by its stored form.
        using var searched = await admin.PostFormAsync(Page, Page, new Dictionary<string, string> { ["lien-he"] = "  " + email.Replace("example.vn", "EXAMPLE.VN", StringComparison.Ordinal) + " " });
        Assert.Equal(HttpStatusCode.OK, searched.StatusCode);
        var found = await HtmlReader.ParseAsync(await searched.Content.ReadAsStringAsync());
        Assert.NotNull(found.QuerySelector($"tr[data-question='{published.Id}']"));
        Assert.NotNull(found.QuerySelector($"tr[data-question='{received.Id}']"));
        Assert.Null(found.QuerySelector($"tr[data-question='{someoneElse.Id}']"));
        Assert.Contains("0912000111", found.QuerySelector($"tr[data-question='{published.Id}']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(found.QuerySelector($"tr[data-comment='{comment.Id}']"));
        Assert.Contains("1 thư", found.QuerySelector(".personal-data-findings")!.TextContent, StringComparison.Ordinal);

        // Without the confirmation nothing is erased.
        using var unconfirmed = await admin.PostFormAsync(Page, Page + "/xoa", new Dictionary<string, string> { ["lien-he"] = email });
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("xác nhận", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(email, await factory.WithDbAsync(db => db.Questions.Where(q => q.Id == received.Id).Select(q => q.AskerEmail).SingleAsync()));

        using var erased = await admin.PostFormAsync(Page, Page + "/xoa", new Dictionary<string, string> { ["lien-he"] = email, ["xac-nhan"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        var flash = await admin.GetAsync(Page);
        Assert.Contains("2 câu hỏi, 1 ý kiến góp ý, 1 thư", flash.Body!.TextContent, StringComparison.Ordinal);

        var questions = await factory.WithDbAsync(db => db.Questions.AsNoTracking().Where(q => q.Id == published.Id || q.Id == received.Id || q.Id == someoneElse.Id).ToDictionaryAsync(q => q.Id));
        Assert.All(new[] { questions[published.Id], questions[received.Id] }, q =>
        {
            Assert.Null(q.AskerEmail);
            Assert.Null(q.AskerPhone);
            Assert.Null(q.AskerName);
            Assert.Equal(now, q.PersonalDataErasedAtUtc);
        });
        // The answer stays public, under initials only.
        Assert.Equal("H.M.C.", questions[published.Id].PublicAskerName);
        Assert.False(questions[published.Id].ShowFullName);
        Assert.Equal("nguoi.khac@example.vn", questions[someoneElse.Id].AskerEmail);
        Assert.Null(await factory.WithDbAsync(db => db.DocumentComments.Where(c => c.Id == comment.Id).Select(c => c.CommenterEmail).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.OutgoingMails.AnyAsync(m => m.Id == mail.Id)));

        var entry = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == PersonalDataErasure.AuditAction));
        var fingerprint = ContactKey.Parse(email)!.Fingerprint;
        Assert.Equal(fingerprint, entry.EntityId);
        Assert.Contains(fingerprint, entry.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("yeu.cau", entry.Summary + entry.Changes + entry.EntityId, StringComparison.Ordinal);
        Assert.DoesNotContain("@", entry.Summary + entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_number_in_any_common_spelling_finds_the_stored_number()
    {
        using var factory = Factory();
        var terms = await factory.AddTermsAsync();
        var draft = await factory.AddDraftAsync(terms, null, null);
        var phone = "09" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var comment = await factory.AddCommentAsync(draft.Id, factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1), null, phone);
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);

        using var searched = await admin.PostFormAsync(Page, Page, new Dictionary<string, string> { ["lien-he"] = "+84 " + phone[1..4] + "." + phone[4..7] + "." + phone[7..] });
        var found = await HtmlReader.ParseAsync(await searched.Content.ReadAsStringAsync());
        Assert.NotNull(found.QuerySelector($"tr[data-comment='{comment.Id}']"));

        using var erased = await admin.PostFormAsync(Page, Page + "/xoa", new Dictionary<string, string> { ["lien-he"] = phone, ["xac-nhan"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        Assert.Null(await factory.WithDbAsync(db => db.DocumentComments.Where(c => c.Id == comment.Id).Select(c => c.CommenterPhone).SingleAsync()));
    }

    [Fact]
    public async Task Bad_input_is_a_vietnamese_400_and_only_administrators_reach_the_screen()
    {
        using var factory = Factory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);

        foreach (var bad in new[] { "", "khong-phai-dia-chi", "12345", new string('a', 300) + "@example.vn" })
        {
            using var response = await admin.PostFormAsync(Page, Page, new Dictionary<string, string> { ["lien-he"] = bad });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Hãy nhập đúng một địa chỉ thư điện tử hoặc một số điện thoại", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var forbidden = await editor.Client.GetAsync(new Uri(Page, UriKind.Relative));
        using var anonymous = await factory.CreatePlainClient().GetAsync(new Uri(Page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == PersonalDataErasure.AuditAction)));
    }
}
