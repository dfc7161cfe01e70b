using System.Linq.Expressions;
using DoJ.Portal.Domain.Documents;

namespace DoJ.Portal.Domain.Citizens;

/// <summary>Where a citizen's question stands. Only <see cref="Published"/> questions are public.</summary>
public enum QuestionStatus
{
    /// <summary>Mới nhận: waiting in the moderation queue.</summary>
    Received = 0,

    /// <summary>Đang xử lý: assigned to an editor who is writing the answer.</summary>
    InProgress = 1,

    /// <summary>Đã trả lời: the answer is published with the question.</summary>
    Published = 2,

    /// <summary>Từ chối: not answered publicly, with a reason the asker can read on the tracking page.</summary>
    Declined = 3,

    /// <summary>Đã gộp: a duplicate of <see cref="Question.MergedIntoId"/>, answered there.</summary>
    Merged = 4,
}

/// <summary>
/// A citizen's question (Hỏi đáp pháp luật) and, once published, its answer. The asker's contact details are
/// personal data (Luật 91/2025, Nghị định 13/2023): only staff see them, they never reach a public page, feed,
/// search index or the audit log, and they are erased after the configured retention
/// (<see cref="ErasePersonalData"/>), leaving the question and answer public.
/// </summary>
public class Question : IAuditable, IConcurrencyStamped
{
    public const int TrackingCodeLength = 10;
    public const int TitleMaxLength = 250;
    public const int SlugMaxLength = 100;
    public const int BodyMaxLength = 4000;
    public const int AnswerMaxLength = 100_000;
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 20;
    public const int PublicNameMaxLength = 100;
    public const int ReasonMaxLength = 1000;

    public int Id { get; set; }

    /// <summary>Mã tra cứu given to the asker, e.g. <c>K7M2Q9X4PA</c>: random, unguessable, unique.</summary>
    public string TrackingCode { get; set; } = "";

    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";

    /// <summary>The question as the citizen wrote it (plain text; an editor may tidy it before publishing).</summary>
    public string Body { get; set; } = "";

    /// <summary>Lĩnh vực: a field of the register's managed list (<see cref="RegisterTermKind.Field"/>).</summary>
    public int FieldId { get; set; }
    public RegisterTerm? Field { get; set; }

    // Personal data: staff only, erased after the retention.
    public string? AskerName { get; set; }
    public string? AskerEmail { get; set; }
    public string? AskerPhone { get; set; }

    /// <summary>The asker agreed to show their full name with the published answer (otherwise initials).</summary>
    public bool ShowFullName { get; set; }

    /// <summary>The name shown publicly, fixed when published: initials ("N.V.A.") unless <see cref="ShowFullName"/>.</summary>
    public string? PublicAskerName { get; set; }

    /// <summary>When the asker consented to the processing of their personal data (required to ask).</summary>
    public DateTime ConsentedAtUtc { get; set; }

    public DateTime ReceivedAtUtc { get; set; }

    public QuestionStatus Status { get; set; }

    /// <summary>The editor the question is assigned to.</summary>
    public string? AssignedToId { get; set; }

    /// <summary>The answer: sanitized HTML, as an article body.</summary>
    public string? Answer { get; set; }
    public string? AnsweredById { get; set; }

    /// <summary>The name of the person or unit answering, shown publicly (e.g. "Phòng Văn bản – Thi hành pháp luật").</summary>
    public string? AnsweredByName { get; set; }

    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>Why it was declined; shown to the asker on the tracking page.</summary>
    public string? DeclineReason { get; set; }

    /// <summary>The question this duplicate was merged into.</summary>
    public int? MergedIntoId { get; set; }
    public Question? MergedInto { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedById { get; set; }

    /// <summary>When the contact details were erased (retention or a request); null while they are kept.</summary>
    public DateTime? PersonalDataErasedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>The one definition of "public" for questions: published and its time has come.</summary>
    public static Expression<Func<Question, bool>> IsPublicAt(DateTime nowUtc) =>
        q => q.Status == QuestionStatus.Published && q.PublishedAtUtc <= nowUtc;

    public bool IsPublic(DateTime nowUtc) => Status == QuestionStatus.Published && PublishedAtUtc <= nowUtc;

    /// <summary>Removes the asker's name and contact details; the published question keeps its public name.</summary>
    public bool ErasePersonalData(DateTime atUtc)
    {
        if (PersonalDataErasedAtUtc is not null)
        {
            return false;
        }

        AskerName = null;
        AskerEmail = null;
        AskerPhone = null;
        PersonalDataErasedAtUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
        return true;
    }
}
