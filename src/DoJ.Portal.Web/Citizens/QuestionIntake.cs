using System.Text;
using DoJ.Portal.Data;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Mail;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Settings;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DoJ.Portal.Web.Citizens;

/// <summary>
/// Takes a citizen's question: checks the form's rules (<see cref="Check"/>), then stores the question (status
/// <see cref="QuestionStatus.Received"/>, NFC text, a new unique <see cref="TrackingCode"/>) together with the mail it
/// causes, in one save: a notice to every moderator and a receipt to the asker when an e-mail address was given. The
/// mail is only queued (<see cref="OutgoingMail"/>); the sender delivers it. Nothing personal is logged.
/// </summary>
public sealed class QuestionIntake(PortalDbContext db, QuestionRepository questions, SiteSettingsCache settings, SiteUrls urls, TimeProvider clock, ILogger<QuestionIntake> logger)
{
    public const string ReceivedPurpose = "question-received";
    public const string ReceiptPurpose = "question-receipt";

    /// <summary>Tries for a tracking code no question has; 23^10 codes make a second try already rare.</summary>
    private const int CodeAttempts = 10;

    /// <summary>
    /// The form's own rules, added to <paramref name="errors"/> under each field's name: at least one contact, each valid,
    /// a known field, consent. Returns the cleaned contact details.
    /// </summary>
    public static (string? Email, string? Phone) Check(AskQuestionForm form, IReadOnlyCollection<QuestionField> fields, ModelStateDictionary errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(errors);
        var email = ContactDetails.NormalizeEmail(form.Email);
        var phone = ContactDetails.NormalizePhone(form.Phone);
        if (string.IsNullOrWhiteSpace(form.Email) && string.IsNullOrWhiteSpace(form.Phone))
        {
            errors.AddModelError(nameof(form.Email), "Vui lòng nhập địa chỉ thư điện tử hoặc số điện thoại để Sở liên hệ khi cần.");
        }

        if (!string.IsNullOrWhiteSpace(form.Email) && email is null)
        {
            errors.AddModelError(nameof(form.Email), "Địa chỉ thư điện tử không hợp lệ, ví dụ đúng: nguyenvana@gmail.com.");
        }

        if (!string.IsNullOrWhiteSpace(form.Phone) && phone is null)
        {
            errors.AddModelError(nameof(form.Phone), "Số điện thoại không hợp lệ: 10 hoặc 11 chữ số, ví dụ 0912 345 678 hoặc (0234) 3822 123.");
        }

        if (form.FieldId is not int fieldId || fields.All(f => f.Id != fieldId))
        {
            errors.AddModelError(nameof(form.FieldId), "Vui lòng chọn lĩnh vực của câu hỏi.");
        }

        if (!form.Consent)
        {
            errors.AddModelError(nameof(form.Consent), "Vui lòng đồng ý với việc xử lý dữ liệu cá nhân để Sở tiếp nhận và trả lời câu hỏi.");
        }

        return (email, phone);
    }

    /// <summary>Stores a checked question and its mail; returns the tracking code.</summary>
    public async Task<string> StoreAsync(AskQuestionForm form, string? email, string? phone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var now = clock.GetUtcNow().UtcDateTime;
        var code = await NewCodeAsync(cancellationToken);
        var title = Clean(form.Title);
        var question = new Question
        {
            TrackingCode = code,
            Title = title,
            Slug = Slug.From(title, Question.SlugMaxLength) is { Length: > 0 } slug ? slug : "cau-hoi",
            Body = Clean(form.Body, multiline: true),
            FieldId = form.FieldId!.Value,
            AskerName = Clean(form.Name),
            AskerEmail = email,
            AskerPhone = phone,
            ShowFullName = form.ShowFullName,
            ConsentedAtUtc = now,
            ReceivedAtUtc = now,
            UpdatedAtUtc = now,
            Status = QuestionStatus.Received,
        };
        db.Questions.Add(question);

        var site = await settings.GetAsync(cancellationToken);
        var received = VietnamTime.ToVietnam(now).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var moderator in await questions.ListModeratorEmailsAsync(cancellationToken))
        {
            db.OutgoingMails.Add(OutgoingMail.Create(moderator, $"Câu hỏi mới chờ xử lý: {title}",
                $"""
                Cổng thông tin {site.SiteName} vừa nhận một câu hỏi mới lúc {received}.

                Tiêu đề: {title}

                Vui lòng đăng nhập khu vực quản trị, mục Hỏi đáp, để phân công và trả lời.
                """,
                ReceivedPurpose, now));
        }

        if (email is not null)
        {
            db.OutgoingMails.Add(OutgoingMail.Create(email, $"Đã tiếp nhận câu hỏi của bạn – mã tra cứu {code}",
                $"""
                Kính gửi {question.AskerName},

                {site.SiteName} đã tiếp nhận câu hỏi “{title}” của bạn lúc {received}.

                Mã tra cứu: {code}
                Xem tình trạng câu hỏi tại: {urls.Absolute(SiteUrls.Track(code))}

                Câu trả lời sẽ được đăng trên Cổng thông tin khi hoàn thành. Thư này được gửi tự động, vui lòng không trả lời.
                """,
                ReceiptPurpose, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        // The id only: the asker's name and contact details never reach a log line.
        logger.LogInformation("Question {QuestionId} received", question.Id);
        return code;
    }

    private async Task<string> NewCodeAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < CodeAttempts; i++)
        {
            var code = TrackingCode.New();
            if (!await questions.TrackingCodeExistsAsync(code, cancellationToken))
            {
                return code;
            }
        }

        throw new InvalidOperationException("No unused tracking code was found.");
    }

    /// <summary>NFC, trimmed, control characters dropped (line breaks kept in a multi-line text).</summary>
    public static string Clean(string? text, bool multiline = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            if (c == '\n' && multiline)
            {
                builder.Append(c);
            }
            else if (char.IsControl(c) || c == '\n')
            {
                builder.Append(c is '\t' or '\n' or '\r' ? ' ' : '\0');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Replace("\0", "", StringComparison.Ordinal).Trim();
    }
}
