using System.Globalization;
using System.Net;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Web.Navigation;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Admin;

/// <summary>The moderation steps that must not happen: each refused with its reason, nothing stored; and what the audit log keeps.</summary>
public sealed class QuestionModerationRefusalTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        (await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync())).Body!.TextContent;

    [Fact]
    public async Task Publishing_without_an_answer_is_refused_and_stores_nothing()
    {
        var question = await QuestionRows.AddAsync(factory, q => q.Answer = "<p> </p><p><br></p>");
        var (editor, _) = await QuestionRows.SignInAsync(factory, PortalRoles.Editor);
        using (var step = await QuestionRows.PostAsync(factory, editor, question.Id, AdminUrls.Segments.Publish))
        {
            Assert.Equal(HttpStatusCode.OK, step.StatusCode);
            Assert.Contains("Chưa có câu trả lời", await TextAsync(step), StringComparison.Ordinal);
        }

        using (var form = await QuestionRows.PostAsync(factory, editor, question.Id, AdminUrls.Segments.Answer, new() { ["Answer"] = "<p><br></p>", ["thao-tac"] = AdminUrls.Segments.Publish }))
        {
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            Assert.Contains("Chưa có câu trả lời", await TextAsync(form), StringComparison.Ordinal);
        }

        var after = await QuestionRows.LoadAsync(factory, question.Id);
        Assert.Equal(QuestionStatus.Received, after.Status);
        Assert.Null(after.PublishedAtUtc);
        Assert.Null(after.PublicAskerName);
        Assert.Equal(question.ConcurrencyStamp, after.ConcurrencyStamp);
        Assert.Empty(await QuestionRows.MailsToAsync(factory, question.AskerEmail));
        Assert.Empty(await QuestionRows.AuditAsync(factory, question.Id));
    }

    [Fact]
    public async Task A_step_the_status_does_not_allow_is_answered_409_with_the_reason()
    {
        var declined = await QuestionRows.AddAsync(factory, q => { q.Status = QuestionStatus.Declined; q.DeclineReason = "Ngoài thẩm quyền"; q.Answer = "<p>x</p>"; });
        var received = await QuestionRows.AddAsync(factory);
        var (editor, _) = await QuestionRows.SignInAsync(factory, PortalRoles.Editor);

        foreach (var (id, segment) in new[] { (declined.Id, AdminUrls.Segments.Publish), (declined.Id, AdminUrls.Segments.TakeOver), (declined.Id, AdminUrls.Segments.Answer), (received.Id, AdminUrls.Segments.Unpublish) })
        {
            using var response = await QuestionRows.PostAsync(factory, editor, id, segment, new() { ["Answer"] = "<p>Trả lời</p>" });
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var page = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
            Assert.Contains("Không thể", page.QuerySelector("#loi-thao-tac")!.TextContent, StringComparison.Ordinal);
        }

        using (var decline = await QuestionRows.PostAsync(factory, editor, declined.Id, AdminUrls.Segments.Decline, new() { ["Reason"] = "Lần nữa" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, decline.StatusCode);
        }

        Assert.Equal(QuestionStatus.Declined, (await QuestionRows.LoadAsync(factory, declined.Id)).Status);
        Assert.Equal("Ngoài thẩm quyền", (await QuestionRows.LoadAsync(factory, declined.Id)).DeclineReason);
        Assert.Equal(QuestionStatus.Received, (await QuestionRows.LoadAsync(factory, received.Id)).Status);
        Assert.Empty(await QuestionRows.AuditAsync(factory, declined.Id));
        Assert.Empty(await QuestionRows.AuditAsync(factory, received.Id));
    }

    [Fact]
    public async Task A_duplicate_merges_into_an_open_question_but_never_into_itself_a_merged_a_declined_or_a_missing_one()
    {
        var original = await QuestionRows.AddAsync(factory);
        var duplicate = await QuestionRows.AddAsync(factory);
        var merged = await QuestionRows.AddAsync(factory, q => { q.Status = QuestionStatus.Merged; q.MergedIntoId = original.Id; });
        var declined = await QuestionRows.AddAsync(factory, q => { q.Status = QuestionStatus.Declined; q.DeclineReason = "Không rõ"; });
        var (editor, _) = await QuestionRows.SignInAsync(factory, PortalRoles.Editor);

        foreach (var (target, message) in new[]
        {
            (duplicate.Id.ToString(CultureInfo.InvariantCulture), "Không thể gộp câu hỏi vào chính nó."),
            (merged.Id.ToString(CultureInfo.InvariantCulture), "đã được gộp vào câu hỏi khác"),
            (declined.Id.ToString(CultureInfo.InvariantCulture), "đã bị từ chối"),
            ("999999", "Không có câu hỏi số 999999."),
            ("", "Vui lòng nhập số của câu hỏi cần gộp vào."),
        })
        {
            using var response = await QuestionRows.PostAsync(factory, editor, duplicate.Id, AdminUrls.Segments.Merge, new() { ["TargetId"] = target });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, await TextAsync(response), StringComparison.Ordinal);
        }

        Assert.Equal(QuestionStatus.Received, (await QuestionRows.LoadAsync(factory, duplicate.Id)).Status);
        using (var ok = await QuestionRows.PostAsync(factory, editor, duplicate.Id, AdminUrls.Segments.Merge, new() { ["TargetId"] = original.Id.ToString(CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        var after = await QuestionRows.LoadAsync(factory, duplicate.Id);
        Assert.Equal(QuestionStatus.Merged, after.Status);
        Assert.Equal(original.Id, after.MergedIntoId);
        var screen = await editor.GetAsync(QuestionRows.Screen(original.Id));
        Assert.Contains(screen.QuerySelectorAll("a"), a => a.GetAttribute("href") == QuestionRows.Screen(duplicate.Id));
        using (var again = await QuestionRows.PostAsync(factory, editor, duplicate.Id, AdminUrls.Segments.Merge, new() { ["TargetId"] = original.Id.ToString(CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }
    }

    [Fact]
    public async Task An_unknown_question_is_404_for_the_screen_and_every_step()
    {
        var (editor, _) = await QuestionRows.SignInAsync(factory, PortalRoles.Editor);
        using (var screen = await editor.Client.GetAsync(new Uri(QuestionRows.Screen(987_654), UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, screen.StatusCode);
        }

        foreach (var segment in new[] { AdminUrls.Segments.Assign, AdminUrls.Segments.TakeOver, AdminUrls.Segments.Answer, AdminUrls.Segments.Publish, AdminUrls.Segments.Unpublish, AdminUrls.Segments.Decline, AdminUrls.Segments.Merge })
        {
            using var response = await QuestionRows.PostAsync(factory, editor, 987_654, segment, new() { ["Reason"] = "Lý do", ["TargetId"] = "1", ["Answer"] = "<p>x</p>" });
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_stale_stamp_is_answered_409_and_the_other_editors_change_is_kept()
    {
        var question = await QuestionRows.AddAsync(factory);
        var stale = question.ConcurrencyStamp;
        var (first, _) = await QuestionRows.SignInAsync(factory, PortalRoles.Editor);
        var (second, _) = await QuestionRows.SignInAsync(factory, PortalRoles.Editor);
        using (var saved = await QuestionRows.PostAsync(factory, first, question.Id, AdminUrls.Segments.Answer, new() { ["Answer"] = "<p>Bản của người thứ nhất.</p>" }, stale))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var answer = await QuestionRows.PostAsync(factory, second, question.Id, AdminUrls.Segments.Answer, new() { ["Answer"] = "<p>Bản của người thứ hai.</p>" }, stale))
        {
            Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
            var page = await HtmlReader.ParseAsync(await answer.Content.ReadAsStringAsync());
            Assert.Contains("Bản của người thứ nhất.", page.QuerySelector("#xung-dot .diff-theirs")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Bản của người thứ hai.", page.QuerySelector("textarea[name=Answer]")!.TextContent, StringComparison.Ordinal);
            var current = await QuestionRows.LoadAsync(factory, question.Id);
            Assert.Equal(current.ConcurrencyStamp.ToString(), page.QuerySelector("#form-tra-loi input[name=ConcurrencyStamp]")!.GetAttribute("value"));
        }

        foreach (var segment in new[] { AdminUrls.Segments.Publish, AdminUrls.Segments.TakeOver, AdminUrls.Segments.Decline })
        {
            using var step = await QuestionRows.PostAsync(factory, second, question.Id, segment, new() { ["Reason"] = "Trùng" }, stale);
            Assert.Equal(HttpStatusCode.Conflict, step.StatusCode);
            Assert.Contains("vừa được người khác thay đổi", await TextAsync(step), StringComparison.Ordinal);
        }

        var after = await QuestionRows.LoadAsync(factory, question.Id);
        Assert.Equal("<p>Bản của người thứ nhất.</p>", after.Answer);
        Assert.Equal(QuestionStatus.InProgress, after.Status);
        Assert.Single(await QuestionRows.AuditAsync(factory, question.Id));
    }

    [Fact]
    public async Task Every_step_is_audited_with_who_and_when_and_no_entry_holds_the_askers_contact_details_or_texts()
    {
        var question = await QuestionRows.AddAsync(factory, q => q.ShowFullName = true);
        var duplicate = await QuestionRows.AddAsync(factory);
        var (editor, editorId) = await QuestionRows.SignInAsync(factory, PortalRoles.Editor);
        var answer = "<p>Ông Nguyễn Thị Bích Ngọc có thể nộp hồ sơ trực tuyến.</p>";
        Assert.Equal(HttpStatusCode.Redirect, (await QuestionRows.PostAsync(factory, editor, question.Id, AdminUrls.Segments.TakeOver)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await QuestionRows.PostAsync(factory, editor, duplicate.Id, AdminUrls.Segments.Merge, new() { ["TargetId"] = question.Id.ToString(CultureInfo.InvariantCulture) })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await QuestionRows.PostAsync(factory, editor, question.Id, AdminUrls.Segments.Answer, new() { ["Answer"] = answer })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await QuestionRows.PostAsync(factory, editor, question.Id, AdminUrls.Segments.Publish)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await QuestionRows.PostAsync(factory, editor, question.Id, AdminUrls.Segments.Unpublish)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await QuestionRows.PostAsync(factory, editor, question.Id, AdminUrls.Segments.Decline, new() { ["Reason"] = "Gửi cho Nguyễn Thị Bích Ngọc qua 0912345678" })).StatusCode);

        var entries = (await QuestionRows.AuditAsync(factory, question.Id)).Concat(await QuestionRows.AuditAsync(factory, duplicate.Id)).ToList();
        Assert.Equal(["Nhận xử lý", "Lưu câu trả lời", "Xuất bản", "Gỡ xuống", "Từ chối", "Gộp câu hỏi"], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal(editorId, e.UserId);
            Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, e.AtUtc);
            var text = e.Summary + " " + e.Changes;
            foreach (var personal in new[] { QuestionRows.AskerName, "Bích Ngọc", question.AskerEmail!, duplicate.AskerEmail!, QuestionRows.AskerPhone, question.Title, question.Body, "nộp hồ sơ trực tuyến" })
            {
                Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
            }
        });
        Assert.Contains("SHA-256", entries[1].Changes, StringComparison.Ordinal);
        Assert.Contains("tên đầy đủ", entries[2].Changes, StringComparison.Ordinal);
        Assert.Contains(question.Id.ToString(CultureInfo.InvariantCulture), entries[5].Changes, StringComparison.Ordinal);

        var (administrator, _) = await QuestionRows.SignInAsync(factory, PortalRoles.Administrator);
        var log = await administrator.GetAsync(AdminUrls.Audit);
        Assert.DoesNotContain(QuestionRows.AskerName, log.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(QuestionStatus.Declined, (await QuestionRows.LoadAsync(factory, question.Id)).Status);
        Assert.Equal(QuestionRows.AskerName, (await QuestionRows.LoadAsync(factory, question.Id)).AskerName);
    }
}
