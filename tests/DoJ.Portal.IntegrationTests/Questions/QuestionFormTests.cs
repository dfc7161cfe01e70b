using System.Net;
using System.Text;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Web.Citizens;
using DoJ.Portal.Web.Navigation;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Questions;

/// <summary>The question form: what is stored and mailed on success, and that every refusal stores nothing.</summary>
public sealed class QuestionFormTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private Task<(int Questions, long Mails)> CountAsync() =>
        factory.WithDbAsync(async db => (await db.Questions.CountAsync(), await db.OutgoingMails.LongCountAsync()));

    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        (await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync())).Body!.TextContent;

    [Fact]
    public async Task A_question_is_stored_in_NFC_with_a_tracking_code_and_mails_the_moderators_and_the_asker()
    {
        var editor = (await StaffSession.CreateUserAsync(factory, PortalRoles.Editor)).Email;
        var contributor = (await StaffSession.CreateUserAsync(factory, PortalRoles.Contributor)).Email;
        var citizen = Citizen.At(factory);
        var form = await citizen.OpenFormAsync();
        var title = "Hỏi về thủ tục chứng thực bản sao " + Guid.NewGuid().ToString("N")[..6];
        form["Name"] = "Nguyễn Văn An".Normalize(NormalizationForm.FormD);
        form["Title"] = title.Normalize(NormalizationForm.FormD);
        form["Phone"] = "+84 912 345 678";
        form["Email"] = "  An.Nguyen@Example.VN ";
        var before = await factory.WithDbAsync(db => db.OutgoingMails.MaxAsync(m => (long?)m.Id));

        using var sent = await citizen.SendAsync(form);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(SiteUrls.QuestionSent, sent.Headers.Location!.OriginalString);
        var question = await factory.WithDbAsync(db => db.Questions.AsNoTracking().SingleAsync(q => q.Title == title));
        Assert.Equal(QuestionStatus.Received, question.Status);
        Assert.Equal("Nguyễn Văn An", question.AskerName);
        Assert.True(question.AskerName!.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("An.Nguyen@example.vn", question.AskerEmail);
        Assert.Equal("0912345678", question.AskerPhone);
        Assert.False(question.ShowFullName);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, question.ReceivedAtUtc);
        Assert.Equal(question.ReceivedAtUtc, question.ConsentedAtUtc);
        Assert.Equal(Question.TrackingCodeLength, question.TrackingCode.Length);
        Assert.All(question.TrackingCode, c => Assert.Contains(c, TrackingCode.Alphabet));

        var mails = await factory.WithDbAsync(db => db.OutgoingMails.AsNoTracking().Where(m => m.Id > (before ?? 0)).ToListAsync());
        var notices = mails.Where(m => m.Purpose == QuestionIntake.ReceivedPurpose).ToList();
        Assert.Contains(notices, m => m.ToAddress == editor);
        Assert.DoesNotContain(notices, m => m.ToAddress == contributor);
        Assert.All(notices, m => Assert.Contains("Câu hỏi mới chờ xử lý", m.Subject, StringComparison.Ordinal));
        Assert.All(notices, m => Assert.DoesNotContain("0912345678", m.TextBody, StringComparison.Ordinal));
        var receipt = Assert.Single(mails, m => m.Purpose == QuestionIntake.ReceiptPurpose);
        Assert.Equal("An.Nguyen@example.vn", receipt.ToAddress);
        Assert.Contains(question.TrackingCode, receipt.Subject + receipt.TextBody, StringComparison.Ordinal);

        // The code is shown once, on the page after sending.
        using var done = await citizen.SendAsync(HttpMethod.Get, SiteUrls.QuestionSent);
        var page = await HtmlReader.ParseAsync(await done.Content.ReadAsStringAsync());
        Assert.Equal(question.TrackingCode, page.QuerySelector("[data-tracking-code]")!.TextContent.Trim());
        Assert.True(done.Headers.CacheControl!.NoStore);
        using var again = await citizen.SendAsync(HttpMethod.Get, SiteUrls.QuestionSent);
        Assert.DoesNotContain(question.TrackingCode, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_alone_is_enough_and_no_receipt_is_mailed_then()
    {
        var citizen = Citizen.At(factory);
        var form = await citizen.OpenFormAsync();
        var title = "Chỉ có số điện thoại " + Guid.NewGuid().ToString("N")[..6];
        form["Title"] = title;
        form["Email"] = "";
        form["Phone"] = "0234 3822 123";
        var before = await factory.WithDbAsync(db => db.OutgoingMails.MaxAsync(m => (long?)m.Id));

        using var sent = await citizen.SendAsync(form);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Questions.AnyAsync(q => q.Title == title && q.AskerPhone == "02343822123" && q.AskerEmail == null)));
        Assert.False(await factory.WithDbAsync(db => db.OutgoingMails.AnyAsync(m => m.Id > (before ?? 0) && m.Purpose == QuestionIntake.ReceiptPurpose)));
    }

    public static TheoryData<string> Refusals() => ["honeypot", "too-fast", "too-old", "no-token", "no-contact", "bad-email", "no-consent", "no-field", "oversize", "links"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Every_refusal_shows_a_Vietnamese_message_keeps_the_text_and_stores_nothing(string refusal)
    {
        var citizen = Citizen.At(factory);
        var form = await citizen.OpenFormAsync();
        var wait = true;
        var expected = refusal switch
        {
            "honeypot" => "điền tự động",
            "too-fast" => "gửi quá nhanh",
            "too-old" => "hết hạn",
            "no-token" => "hết hạn",
            "no-contact" => "thư điện tử hoặc số điện thoại",
            "bad-email" => "thư điện tử không hợp lệ",
            "no-consent" => "đồng ý với việc xử lý dữ liệu cá nhân",
            "no-field" => "chọn lĩnh vực",
            "oversize" => "Nội dung câu hỏi dài từ",
            _ => "quá nhiều đường liên kết",
        };
        switch (refusal)
        {
            case "honeypot": form[CitizenFormGuard.HoneypotField] = "https://spam.example"; break;
            case "too-fast": wait = false; break;
            case "too-old": factory.Clock.Advance(TimeSpan.FromHours(5)); break;
            case "no-token": form.Remove(CitizenFormGuard.TokenField); break;
            case "no-contact": form["Email"] = ""; form["Phone"] = " "; break;
            case "bad-email": form["Email"] = "khong-phai-email"; break;
            case "no-consent": form.Remove("Consent"); break;
            case "no-field": form["FieldId"] = "999999"; break;
            case "oversize": form["Body"] = new string('a', Question.BodyMaxLength + 1); break;
            default: form["Body"] = "Xem http://a.example, https://b.example và www.c.example giúp tôi với."; break;
        }

        var before = await CountAsync();
        using var refused = await citizen.SendAsync(form, wait);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(expected, await TextAsync(refused), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await CountAsync());
        if (refusal != "oversize")
        {
            var page = await HtmlReader.ParseAsync(await refused.Content.ReadAsStringAsync());
            Assert.Equal(form["Title"], page.QuerySelector("#Title")!.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task Too_many_sends_from_one_client_are_refused_and_store_nothing()
    {
        var citizen = Citizen.At(factory);
        var form = await citizen.OpenFormAsync();
        for (var i = 0; i < new CitizenFormOptions().MaxPerClient; i++)
        {
            form["Title"] = "Hỏi về thủ tục nuôi con nuôi lần " + (i + 1);
            using var sent = await citizen.SendAsync(form);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        form["Title"] = "Hỏi về thủ tục nuôi con nuôi lần cuối";
        var before = await CountAsync();
        using var limited = await citizen.SendAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, limited.StatusCode);
        Assert.Contains("quá nhiều lần", await TextAsync(limited), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Sends_with_mistakes_in_the_fields_do_not_count_toward_the_limit()
    {
        var citizen = Citizen.At(factory);
        var form = await citizen.OpenFormAsync();
        form["Email"] = "";
        form["Phone"] = "";
        for (var i = 0; i < new CitizenFormOptions().MaxPerClient + 2; i++)
        {
            using var refused = await citizen.SendAsync(form);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.DoesNotContain("quá nhiều lần", await TextAsync(refused), StringComparison.Ordinal);
        }

        form["Email"] = "hople@example.vn";
        form["Title"] = "Hỏi về thủ tục chứng thực sau khi sửa " + Guid.NewGuid().ToString("N")[..6];
        using var corrected = await citizen.SendAsync(form);

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Questions.CountAsync(q => q.Title == form["Title"])));
    }

    [Fact]
    public async Task A_send_without_the_antiforgery_token_is_refused_and_stores_nothing()
    {
        var citizen = Citizen.At(factory);
        var form = await citizen.OpenFormAsync();
        form.Remove("__RequestVerificationToken");
        var before = await CountAsync();

        using var refused = await citizen.SendAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_form_is_never_cached_links_the_privacy_notice_and_asks_for_consent()
    {
        var citizen = Citizen.At(factory);
        using var response = await citizen.SendAsync(HttpMethod.Get, SiteUrls.AskQuestion);
        var page = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.NotNull(page.QuerySelector($"form a[href='{SiteUrls.Page(SiteUrls.PrivacyNoticeSlug)}']"));
        Assert.False(page.QuerySelector("#Consent")!.HasAttribute("checked"));
        Assert.False(page.QuerySelector("#ShowFullName")!.HasAttribute("checked"));
        Assert.Contains(page.QuerySelectorAll("#FieldId option"), o => o.TextContent == "Hộ tịch");

        using var notice = await citizen.SendAsync(HttpMethod.Get, SiteUrls.Page(SiteUrls.PrivacyNoticeSlug));
        var text = await TextAsync(notice);
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        Assert.Contains("91/2025/QH15", text, StringComparison.Ordinal);
        Assert.Contains("13/2023/NĐ-CP", text, StringComparison.Ordinal);
        Assert.Contains("12 tháng", text, StringComparison.Ordinal);
    }
}
