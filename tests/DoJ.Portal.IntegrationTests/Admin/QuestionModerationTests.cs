using System.Globalization;
using System.Net;
using System.Text;
using DoJ.Portal.Data;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Admin;

/// <summary>Citizens' questions written straight into the database, and the moderation screen's forms.</summary>
internal static class QuestionRows
{
    public const string AskerName = "Nguyễn Thị Bích Ngọc";
    public const string AskerPhone = "0912345678";

    public static string UniqueEmail() => $"ngoc.{Guid.NewGuid():N}@mail.example.vn";

    /// <summary>A question as the public form would store it; <paramref name="setup"/> adjusts it before saving.</summary>
    public static Task<Question> AddAsync(PortalWebApplicationFactory factory, Action<Question>? setup = null) =>
        factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var fieldId = await db.RegisterTerms.Where(t => t.Kind == RegisterTermKind.Field).Select(t => t.Id).FirstAsync();
            var question = new Question
            {
                TrackingCode = Guid.NewGuid().ToString("N")[..Question.TrackingCodeLength].ToUpperInvariant(),
                Title = TestArticles.UniqueTitle("Thủ tục cấp lý lịch tư pháp"),
                Slug = "thu-tuc-cap-ly-lich-tu-phap",
                Body = "Tôi muốn xin phiếu lý lịch tư pháp số 2.\nXin hỏi cần giấy tờ gì?",
                FieldId = fieldId,
                AskerName = AskerName,
                AskerEmail = UniqueEmail(),
                AskerPhone = AskerPhone,
                ConsentedAtUtc = now.AddMinutes(-5),
                ReceivedAtUtc = now.AddMinutes(-5),
                UpdatedAtUtc = now.AddMinutes(-5),
                Status = QuestionStatus.Received,
            };
            setup?.Invoke(question);
            db.Questions.Add(question);
            await db.SaveChangesAsync();
            return question;
        });

    public static Task<Question> LoadAsync(PortalWebApplicationFactory factory, int id) =>
        factory.WithDbAsync(db => db.Questions.AsNoTracking().SingleAsync(q => q.Id == id));

    public static string Screen(int id) => AdminUrls.Edit(AdminUrls.Questions, id);

    public static string Action(int id, string segment) => AdminUrls.Of(AdminUrls.Questions, id, segment);

    /// <summary>Posts a step of the question's screen with the stamp it has now (or <paramref name="stamp"/>).</summary>
    public static async Task<HttpResponseMessage> PostAsync(PortalWebApplicationFactory factory, StaffSession session, int id, string segment,
        Dictionary<string, string>? fields = null, Guid? stamp = null)
    {
        var current = stamp ?? (await factory.WithDbAsync(db => db.Questions.Where(q => q.Id == id).Select(q => (Guid?)q.ConcurrencyStamp).FirstOrDefaultAsync())) ?? Guid.NewGuid();
        var values = new Dictionary<string, string>(fields ?? []) { ["ConcurrencyStamp"] = current.ToString() };
        // The token comes from the dashboard (its sign-out form), which every staff role reaches.
        return await session.PostFormAsync(AdminUrls.Home, Action(id, segment), values);
    }

    public static Task<List<DoJ.Portal.Domain.Auditing.AuditEntry>> AuditAsync(PortalWebApplicationFactory factory, int id) =>
        factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Question) && e.EntityId == id.ToString(CultureInfo.InvariantCulture)).OrderBy(e => e.Id).ToListAsync());

    public static Task<List<DoJ.Portal.Domain.Mail.OutgoingMail>> MailsToAsync(PortalWebApplicationFactory factory, string? address) =>
        factory.WithDbAsync(db => db.OutgoingMails.AsNoTracking().Where(m => m.ToAddress == address).OrderBy(m => m.Id).ToListAsync());

    public static async Task<string> UserIdAsync(PortalWebApplicationFactory factory, string email) =>
        await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Signs in a new account of <paramref name="role"/> and answers its session and its id.</summary>
    public static async Task<(StaffSession Session, string Id)> SignInAsync(PortalWebApplicationFactory factory, string role)
    {
        var (email, password) = await StaffSession.CreateUserAsync(factory, role);
        var session = new StaffSession(StaffSession.NewClient(factory));
        using var response = await session.TrySignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (session, await UserIdAsync(factory, email));
    }
}

/// <summary>The moderation of citizens' questions (issue 21, item 2): who may, the queue, the screen and each step.</summary>
public sealed class QuestionModerationTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_change_nothing()
    {
        var question = await QuestionRows.AddAsync(factory);
        var client = StaffSession.NewClient(factory);
        foreach (var page in new[] { AdminUrls.Questions, QuestionRows.Screen(question.Id) })
        {
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains(SiteUrls.SignIn, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["ConcurrencyStamp"] = question.ConcurrencyStamp.ToString() });
        using var post = await client.PostAsync(new Uri(QuestionRows.Action(question.Id, AdminUrls.Segments.TakeOver), UriKind.Relative), content);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, post.StatusCode.ToString());
        Assert.Equal(QuestionStatus.Received, (await QuestionRows.LoadAsync(factory, question.Id)).Status);
    }

    [Fact]
    public async Task Contributors_get_403_on_the_queue_the_screen_and_every_step()
    {
        var question = await QuestionRows.AddAsync(factory, q => q.Answer = "<p>Trả lời sẵn.</p>");
        var (contributor, _) = await QuestionRows.SignInAsync(factory, PortalRoles.Contributor);
        foreach (var page in new[] { AdminUrls.Questions, QuestionRows.Screen(question.Id) })
        {
            using var response = await contributor.Client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        foreach (var segment in new[] { AdminUrls.Segments.TakeOver, AdminUrls.Segments.Publish, AdminUrls.Segments.Decline, AdminUrls.Segments.Answer })
        {
            using var response = await QuestionRows.PostAsync(factory, contributor, question.Id, segment,
                new Dictionary<string, string> { ["Reason"] = "Không", ["Answer"] = "<p>x</p>" });
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var after = await QuestionRows.LoadAsync(factory, question.Id);
        Assert.Equal(QuestionStatus.Received, after.Status);
        Assert.Equal(question.ConcurrencyStamp, after.ConcurrencyStamp);
        Assert.Empty(await QuestionRows.AuditAsync(factory, question.Id));

        var dashboard = await contributor.GetAsync(AdminUrls.Home);
        Assert.Null(dashboard.QuerySelector("[data-questions-waiting]"));
        Assert.Null(dashboard.QuerySelector($"a[href='{AdminUrls.Questions}']"));
    }

    [Theory]
    [InlineData(PortalRoles.Editor)]
    [InlineData(PortalRoles.Administrator)]
    public async Task Editors_and_administrators_see_the_queue_with_filters_counts_and_the_askers_contact_details(string role)
    {
        var word = "Từkhóa" + Guid.NewGuid().ToString("N")[..6];
        var older = await QuestionRows.AddAsync(factory, q => { q.Title = $"{word} cũ hơn"; q.ReceivedAtUtc = q.ReceivedAtUtc.AddHours(-2); });
        var newer = await QuestionRows.AddAsync(factory, q => q.Title = $"{word} mới hơn");
        var declined = await QuestionRows.AddAsync(factory, q => { q.Title = $"{word} bị từ chối"; q.Status = QuestionStatus.Declined; q.DeclineReason = "Trùng"; });
        var (session, _) = await QuestionRows.SignInAsync(factory, role);

        var queue = await session.GetAsync($"{AdminUrls.Questions}?tu-khoa={Uri.EscapeDataString(word)}");
        var rows = queue.QuerySelectorAll("tr[data-question]").Select(r => int.Parse(r.GetAttribute("data-question")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([declined.Id, newer.Id, older.Id], rows);
        Assert.NotNull(queue.QuerySelector($"a[href='{AdminUrls.Questions}']"));
        var receivedCount = await factory.WithDbAsync(db => db.Questions.CountAsync(q => q.Status == QuestionStatus.Received));
        Assert.Equal(VietnameseNumberText(receivedCount), queue.QuerySelector("strong[data-status='Received']")!.TextContent);
        Assert.DoesNotContain(QuestionRows.AskerPhone, queue.Body!.TextContent, StringComparison.Ordinal);

        var onlyDeclined = await session.GetAsync($"{AdminUrls.Questions}?tu-khoa={Uri.EscapeDataString(word)}&trang-thai=Declined");
        Assert.Equal([declined.Id.ToString(CultureInfo.InvariantCulture)], onlyDeclined.QuerySelectorAll("tr[data-question]").Select(r => r.GetAttribute("data-question")));
        var unassigned = await session.GetAsync($"{AdminUrls.Questions}?tu-khoa={Uri.EscapeDataString(word)}&phu-trach={QuestionAdminFilter.Unassigned}&linh-vuc={older.FieldId}");
        Assert.Equal(3, unassigned.QuerySelectorAll("tr[data-question]").Length);

        using (var bad = await session.Client.GetAsync(new Uri($"{AdminUrls.Questions}?trang-thai=KhongCo", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        var screen = await session.GetAsync(QuestionRows.Screen(newer.Id));
        Assert.Equal(QuestionRows.AskerName, screen.QuerySelector("[data-field='asker-name']")!.TextContent);
        Assert.Equal(newer.AskerEmail, screen.QuerySelector("[data-field='asker-email']")!.TextContent.Trim());
        Assert.Equal(QuestionRows.AskerPhone, screen.QuerySelector("[data-field='asker-phone']")!.TextContent);
        Assert.Equal(DoJ.Portal.Domain.Time.VietnamTime.FormatDateTime(newer.ConsentedAtUtc), screen.QuerySelector("[data-field='consent']")!.TextContent);
        Assert.Contains("Xin hỏi cần giấy tờ gì?", screen.QuerySelector(".question-body")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(screen.QuerySelector("textarea[name=Answer][data-rich-text]"));
        Assert.Contains(screen.QuerySelectorAll("#AssigneeId option"), o => o.TextContent.Contains(role, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_editor_assigns_a_question_or_takes_it_and_only_staff_who_moderate_can_be_assigned()
    {
        var question = await QuestionRows.AddAsync(factory);
        var (editor, editorId) = await QuestionRows.SignInAsync(factory, PortalRoles.Editor);
        var (_, colleagueId) = await QuestionRows.SignInAsync(factory, PortalRoles.Editor);
        var (_, contributorId) = await QuestionRows.SignInAsync(factory, PortalRoles.Contributor);

        using (var refused = await QuestionRows.PostAsync(factory, editor, question.Id, AdminUrls.Segments.Assign, new() { ["AssigneeId"] = contributorId }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Vui lòng chọn một biên tập viên", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Null((await QuestionRows.LoadAsync(factory, question.Id)).AssignedToId);

        using (var assigned = await QuestionRows.PostAsync(factory, editor, question.Id, AdminUrls.Segments.Assign, new() { ["AssigneeId"] = colleagueId }))
        {
            Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
            Assert.Equal(QuestionRows.Screen(question.Id), assigned.Headers.Location!.OriginalString);
        }

        var after = await QuestionRows.LoadAsync(factory, question.Id);
        Assert.Equal(QuestionStatus.InProgress, after.Status);
        Assert.Equal(colleagueId, after.AssignedToId);

        var mine = await editor.GetAsync($"{AdminUrls.Questions}?phu-trach={colleagueId}");
        Assert.Contains(mine.QuerySelectorAll("tr[data-question]"), r => r.GetAttribute("data-question") == question.Id.ToString(CultureInfo.InvariantCulture));

        using (var taken = await QuestionRows.PostAsync(factory, editor, question.Id, AdminUrls.Segments.TakeOver))
        {
            Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        }

        Assert.Equal(editorId, (await QuestionRows.LoadAsync(factory, question.Id)).AssignedToId);
        var audit = await QuestionRows.AuditAsync(factory, question.Id);
        Assert.Equal(["Phân công", "Nhận xử lý"], audit.Select(e => e.Action));
        Assert.Contains("Mới nhận", audit[0].Changes, StringComparison.Ordinal);
        Assert.Contains("Đang xử lý", audit[0].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_answer_is_sanitized_as_an_article_body_and_stays_private()
    {
        var question = await QuestionRows.AddAsync(factory);
        var (editor, editorId) = await QuestionRows.SignInAsync(factory, PortalRoles.Editor);
        var hostile = "<p>Theo Điều 45 Luật Lý lịch tư pháp.</p><script>alert('x')</script><img src=\"/anh.png\" onerror=\"alert(1)\" alt=\"a\"><a href=\"javascript:alert(1)\">b</a>";
        using (var saved = await QuestionRows.PostAsync(factory, editor, question.Id, AdminUrls.Segments.Answer, new() { ["Answer"] = hostile, ["thao-tac"] = "luu" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var after = await QuestionRows.LoadAsync(factory, question.Id);
        Assert.Contains("<p>Theo Điều 45 Luật Lý lịch tư pháp.</p>", after.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", after.Answer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", after.Answer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", after.Answer, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(QuestionStatus.InProgress, after.Status);
        Assert.Equal(editorId, after.AssignedToId);
        Assert.Null(after.PublishedAtUtc);
        Assert.False(after.IsPublic(factory.Clock.GetUtcNow().UtcDateTime));

        var entry = Assert.Single(await QuestionRows.AuditAsync(factory, question.Id));
        Assert.Equal("Lưu câu trả lời", entry.Action);
        Assert.Contains("SHA-256", entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("Điều 45", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_shortens_the_name_to_initials_fixes_the_time_and_the_answerer_and_queues_a_Vietnamese_mail()
    {
        var question = await QuestionRows.AddAsync(factory, q => { q.Answer = "<p>Hồ sơ gồm tờ khai và bản sao căn cước.</p>"; q.Status = QuestionStatus.InProgress; });
        var (editor, editorId) = await QuestionRows.SignInAsync(factory, PortalRoles.Editor);
        using (var published = await QuestionRows.PostAsync(factory, editor, question.Id, AdminUrls.Segments.Publish))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        var after = await QuestionRows.LoadAsync(factory, question.Id);
        Assert.Equal(QuestionStatus.Published, after.Status);
        Assert.Equal("N.T.B.N.", after.PublicAskerName);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, after.PublishedAtUtc);
        Assert.Equal(PortalRoles.Editor, after.AnsweredByName);
        Assert.Equal(editorId, after.AnsweredById);
        Assert.True(after.IsPublic(factory.Clock.GetUtcNow().UtcDateTime));

        var mail = Assert.Single(await QuestionRows.MailsToAsync(factory, question.AskerEmail));
        Assert.Equal(QuestionEditor.AnsweredPurpose, mail.Purpose);
        Assert.Equal($"Câu hỏi của bạn đã được trả lời (mã tra cứu {question.TrackingCode})", mail.Subject);
        Assert.True(mail.Subject.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(mail.Subject, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(mail.Subject)));
        Assert.Contains("Sở Tư pháp đã trả lời câu hỏi", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://portal.example.vn" + SiteUrls.Question(question.Id, question.Slug), mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(QuestionRows.AskerName, mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, mail.NextAttemptAtUtc);

        var screen = await editor.GetAsync(QuestionRows.Screen(question.Id));
        Assert.Equal("N.T.B.N.", screen.QuerySelector("[data-field='public-name']")!.TextContent);
        Assert.NotNull(screen.QuerySelector($"form[action='{QuestionRows.Action(question.Id, AdminUrls.Segments.Unpublish)}']"));

        // Taken down and published again: the first publication time stays, and the asker is not mailed twice.
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        using (var down = await QuestionRows.PostAsync(factory, editor, question.Id, AdminUrls.Segments.Unpublish))
        {
            Assert.Equal(HttpStatusCode.Redirect, down.StatusCode);
        }

        Assert.Equal(QuestionStatus.InProgress, (await QuestionRows.LoadAsync(factory, question.Id)).Status);
        using (var again = await QuestionRows.PostAsync(factory, editor, question.Id, AdminUrls.Segments.Answer,
            new() { ["Answer"] = "<p>Hồ sơ gồm tờ khai, bản sao căn cước và ảnh.</p>", ["thao-tac"] = AdminUrls.Segments.Publish }))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        var republished = await QuestionRows.LoadAsync(factory, question.Id);
        Assert.Equal(QuestionStatus.Published, republished.Status);
        Assert.Equal(after.PublishedAtUtc, republished.PublishedAtUtc);
        Assert.Contains("và ảnh", republished.Answer, StringComparison.Ordinal);
        Assert.Single(await QuestionRows.MailsToAsync(factory, question.AskerEmail));
        Assert.Equal(["Xuất bản", "Gỡ xuống", "Trả lời và xuất bản"], (await QuestionRows.AuditAsync(factory, question.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Publishing_keeps_the_full_name_when_the_asker_agreed_and_mails_no_one_without_an_email()
    {
        var question = await QuestionRows.AddAsync(factory, q => { q.ShowFullName = true; q.AskerEmail = null; q.Answer = "<p>Được.</p>"; });
        var (administrator, _) = await QuestionRows.SignInAsync(factory, PortalRoles.Administrator);
        var mailsBefore = await factory.WithDbAsync(db => db.OutgoingMails.CountAsync());
        using (var published = await QuestionRows.PostAsync(factory, administrator, question.Id, AdminUrls.Segments.Publish))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        var after = await QuestionRows.LoadAsync(factory, question.Id);
        Assert.Equal(QuestionRows.AskerName, after.PublicAskerName);
        Assert.Equal(PortalRoles.Administrator, after.AnsweredByName);
        Assert.Equal(mailsBefore, await factory.WithDbAsync(db => db.OutgoingMails.CountAsync()));
    }

    [Fact]
    public async Task Declining_needs_a_reason_and_mails_it_to_the_asker()
    {
        var question = await QuestionRows.AddAsync(factory);
        var (editor, _) = await QuestionRows.SignInAsync(factory, PortalRoles.Editor);
        using (var empty = await QuestionRows.PostAsync(factory, editor, question.Id, AdminUrls.Segments.Decline, new() { ["Reason"] = "   " }))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            var page = await HtmlReader.ParseAsync(await empty.Content.ReadAsStringAsync());
            Assert.Contains("Vui lòng nhập lý do từ chối.", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        }

        using (var tooLong = await QuestionRows.PostAsync(factory, editor, question.Id, AdminUrls.Segments.Decline, new() { ["Reason"] = new string('x', Question.ReasonMaxLength + 1) }))
        {
            Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        }

        Assert.Equal(QuestionStatus.Received, (await QuestionRows.LoadAsync(factory, question.Id)).Status);
        Assert.Empty(await QuestionRows.MailsToAsync(factory, question.AskerEmail));

        var reason = "Câu hỏi không thuộc lĩnh vực của Sở Tư pháp; đề nghị liên hệ Sở Tài nguyên và Môi trường.";
        using (var declined = await QuestionRows.PostAsync(factory, editor, question.Id, AdminUrls.Segments.Decline, new() { ["Reason"] = reason.Normalize(NormalizationForm.FormD) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        }

        var after = await QuestionRows.LoadAsync(factory, question.Id);
        Assert.Equal(QuestionStatus.Declined, after.Status);
        Assert.Equal(reason, after.DeclineReason);
        var mail = Assert.Single(await QuestionRows.MailsToAsync(factory, question.AskerEmail));
        Assert.Equal(QuestionEditor.DeclinedPurpose, mail.Purpose);
        Assert.Equal($"Câu hỏi của bạn không được trả lời công khai (mã tra cứu {question.TrackingCode})", mail.Subject);
        Assert.Contains("Lý do: " + reason, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(SiteUrls.Track(question.TrackingCode), mail.TextBody, StringComparison.Ordinal);
        var entry = Assert.Single(await QuestionRows.AuditAsync(factory, question.Id));
        Assert.DoesNotContain("Sở Tài nguyên", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_counts_the_questions_waiting_and_links_to_the_queue()
    {
        await QuestionRows.AddAsync(factory);
        await QuestionRows.AddAsync(factory, q => q.Status = QuestionStatus.InProgress);
        var (editor, _) = await QuestionRows.SignInAsync(factory, PortalRoles.Editor);
        var waiting = await factory.WithDbAsync(db => db.Questions.CountAsync(q => q.Status == QuestionStatus.Received || q.Status == QuestionStatus.InProgress));
        Assert.True(waiting >= 2);

        var dashboard = await editor.GetAsync(AdminUrls.Home);
        var count = dashboard.QuerySelector("[data-questions-waiting]")!;
        Assert.Equal(waiting.ToString(CultureInfo.InvariantCulture), count.GetAttribute("data-questions-waiting"));
        Assert.Equal(AdminUrls.Questions, count.Closest("a")!.GetAttribute("href"));
        Assert.NotNull(dashboard.QuerySelector($"nav a[href='{AdminUrls.Questions}']"));
    }

    private static string VietnameseNumberText(int n) => DoJ.Portal.Domain.Text.VietnameseNumber.Format(n);
}
