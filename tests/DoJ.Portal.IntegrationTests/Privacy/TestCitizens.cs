using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Mail;
using DoJ.Portal.IntegrationTests.Documents;

namespace DoJ.Portal.IntegrationTests.Privacy;

/// <summary>Citizens' questions, comments and queued mail added straight to the database, each test's own.</summary>
public static class TestCitizens
{
    public static async Task<Question> AddQuestionAsync(this PortalWebApplicationFactory factory, int fieldId, QuestionStatus status, DateTime decidedAtUtc,
        string email, string? phone = null, string name = "Nguyễn Văn An", bool showFullName = false)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var code = Guid.NewGuid().ToString("N")[..Question.TrackingCodeLength].ToUpperInvariant();
        var question = new Question
        {
            TrackingCode = code,
            Title = $"Thủ tục đăng ký khai sinh {code}",
            Slug = $"thu-tuc-dang-ky-khai-sinh-{code.ToLowerInvariant()}",
            Body = "Tôi muốn hỏi về thủ tục đăng ký khai sinh cho con.",
            FieldId = fieldId,
            AskerName = name,
            AskerEmail = email,
            AskerPhone = phone,
            ShowFullName = showFullName,
            ConsentedAtUtc = decidedAtUtc.AddDays(-10),
            ReceivedAtUtc = decidedAtUtc.AddDays(-10),
            Status = status,
            UpdatedAtUtc = decidedAtUtc,
        };
        if (status == QuestionStatus.Published)
        {
            question.Answer = "<p>Trả lời.</p>";
            question.AnsweredByName = "Phòng Hành chính tư pháp";
            question.PublishedAtUtc = decidedAtUtc;
            question.PublicAskerName = showFullName ? name : ContactDetails.Initials(name);
        }

        await factory.WithDbAsync(async db =>
        {
            db.Questions.Add(question);
            await db.SaveChangesAsync();
        });
        return question;
    }

    /// <summary>A document open for comment from <paramref name="openOn"/> to <paramref name="closeOn"/> (no period when both are null).</summary>
    public static async Task<LegalDocument> AddDraftAsync(this PortalWebApplicationFactory factory, TestTerms terms, DateOnly? openOn, DateOnly? closeOn)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var document = await factory.AddDocumentAsync(terms, $"{Random.Shared.Next(1, 999)}/2025/DT-{Guid.NewGuid().ToString("N")[..6]}", new DateOnly(2025, 1, 2));
        await factory.WithDbAsync(async db =>
        {
            var stored = await db.LegalDocuments.FindAsync(document.Id);
            stored!.CommentsOpenOn = openOn;
            stored.CommentsCloseOn = closeOn;
            await db.SaveChangesAsync();
        });
        return document;
    }

    public static async Task<DocumentComment> AddCommentAsync(this PortalWebApplicationFactory factory, int documentId, DateTime receivedAtUtc, string? email, string? phone = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var comment = new DocumentComment
        {
            LegalDocumentId = documentId,
            CommenterName = "Trần Thị Bình",
            CommenterEmail = email,
            CommenterPhone = phone,
            Body = "Đề nghị bổ sung quy định về thời hạn giải quyết.",
            ConsentedAtUtc = receivedAtUtc,
            ReceivedAtUtc = receivedAtUtc,
            Status = CommentStatus.Accepted,
        };
        await factory.WithDbAsync(async db =>
        {
            db.DocumentComments.Add(comment);
            await db.SaveChangesAsync();
        });
        return comment;
    }

    public static async Task<OutgoingMail> AddMailAsync(this PortalWebApplicationFactory factory, string to, DateTime createdAtUtc,
        DateTime? sentAtUtc = null, DateTime? gaveUpAtUtc = null, string subject = "Câu hỏi của bạn đã được trả lời", string body = "Kính gửi ông/bà,\nCâu hỏi đã có trả lời.")
    {
        ArgumentNullException.ThrowIfNull(factory);
        var mail = OutgoingMail.Create(to, subject, body, "question-answered", createdAtUtc);
        if (sentAtUtc is not null || gaveUpAtUtc is not null)
        {
            mail.SentAtUtc = sentAtUtc;
            mail.GaveUpAtUtc = gaveUpAtUtc;
            mail.NextAttemptAtUtc = null;
            mail.Attempts = sentAtUtc is null ? OutgoingMail.MaxAttempts : 1;
        }

        await factory.WithDbAsync(async db =>
        {
            db.OutgoingMails.Add(mail);
            await db.SaveChangesAsync();
        });
        return mail;
    }
}
