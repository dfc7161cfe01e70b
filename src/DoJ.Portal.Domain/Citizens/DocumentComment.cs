using DoJ.Portal.Domain.Documents;

namespace DoJ.Portal.Domain.Citizens;

/// <summary>Where a comment on a draft document stands. Comments are never shown one by one in public.</summary>
public enum CommentStatus
{
    /// <summary>Chờ duyệt: received, not yet read by an editor.</summary>
    Pending = 0,

    /// <summary>Đã tiếp nhận: accepted for the summary.</summary>
    Accepted = 1,

    /// <summary>Không tiếp nhận: spam, abuse or off topic.</summary>
    Rejected = 2,
}

/// <summary>
/// A citizen's or organisation's comment on a draft document opened for comment (Lấy ý kiến dự thảo,
/// <see cref="LegalDocument.CommentsOpenOn"/>…<see cref="LegalDocument.CommentsCloseOn"/>). The commenter's
/// name and contact details are personal data, handled as a question's (<see cref="Question"/>).
/// </summary>
public class DocumentComment : IAuditable
{
    public const int NameMaxLength = Question.NameMaxLength;
    public const int OrganisationMaxLength = 200;
    public const int EmailMaxLength = Question.EmailMaxLength;
    public const int PhoneMaxLength = Question.PhoneMaxLength;
    public const int BodyMaxLength = 8000;
    public const int NoteMaxLength = 1000;

    public int Id { get; set; }

    public int LegalDocumentId { get; set; }
    public LegalDocument? LegalDocument { get; set; }

    /// <summary>The organisation commenting, if any (not personal data when it is an organisation).</summary>
    public string? Organisation { get; set; }

    // Personal data: staff only, erased after the retention.
    public string? CommenterName { get; set; }
    public string? CommenterEmail { get; set; }
    public string? CommenterPhone { get; set; }

    public string Body { get; set; } = "";

    public DateTime ConsentedAtUtc { get; set; }
    public DateTime ReceivedAtUtc { get; set; }

    public CommentStatus Status { get; set; }
    public string? ModerationNote { get; set; }
    public DateTime? ModeratedAtUtc { get; set; }
    public string? ModeratedById { get; set; }

    public DateTime? PersonalDataErasedAtUtc { get; set; }

    public bool ErasePersonalData(DateTime atUtc)
    {
        if (PersonalDataErasedAtUtc is not null)
        {
            return false;
        }

        CommenterName = null;
        CommenterEmail = null;
        CommenterPhone = null;
        PersonalDataErasedAtUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
        return true;
    }
}
