using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Domain.Citizens;

namespace DoJ.Portal.Web.Editing;

/// <summary>The moderation queue's filter: a status, a field of law, the editor in charge (<see cref="Unassigned"/> for none), words of the title.</summary>
public sealed record QuestionAdminFilter(QuestionStatus? Status, int? FieldId, string? AssignedToId, string? Words)
{
    /// <summary>The assignee filter's value for "no one yet".</summary>
    public const string Unassigned = "chua-phan-cong";
}

/// <summary>A question in the queue (no contact details: the list is for choosing, the screen shows the rest).</summary>
public sealed record QuestionAdminItem(int Id, string TrackingCode, string Title, string FieldName, QuestionStatus Status, string? AssignedToName, DateTime ReceivedAtUtc);

/// <summary>How many questions are in a status.</summary>
public sealed record QuestionStatusCount(QuestionStatus Status, int Count);

/// <summary>A staff account a question can be assigned to.</summary>
public sealed record EditorChoice(string Id, string Name);


/// <summary>Everything staff see of one question, its asker's contact details included.</summary>
public sealed record QuestionDetails(
    int Id,
    string TrackingCode,
    string Title,
    string Slug,
    string Body,
    string FieldName,
    QuestionStatus Status,
    string? AskerName,
    string? AskerEmail,
    string? AskerPhone,
    bool ShowFullName,
    string? PublicAskerName,
    DateTime ConsentedAtUtc,
    DateTime ReceivedAtUtc,
    string? AssignedToId,
    string? AssignedToName,
    string? Answer,
    string? AnsweredByName,
    DateTime? PublishedAtUtc,
    string? DeclineReason,
    int? MergedIntoId,
    string? MergedIntoTitle,
    IReadOnlyList<QuestionAdminItem> Duplicates,
    DateTime? PersonalDataErasedAtUtc,
    DateTime UpdatedAtUtc,
    Guid ConcurrencyStamp);

/// <summary>The answer form: the rich editor's HTML (sanitized on save as an article body).</summary>
public sealed class QuestionAnswerModel
{
    [Display(Name = "Câu trả lời")]
    public string? Answer { get; set; }

    public Guid ConcurrencyStamp { get; set; }
}

/// <summary>Assigning to an editor (an account id from the list).</summary>
public sealed class QuestionAssignModel
{
    [Display(Name = "Biên tập viên phụ trách")]
    [StringLength(450, ErrorMessage = "Tài khoản không hợp lệ.")]
    public string? AssigneeId { get; set; }

    public Guid ConcurrencyStamp { get; set; }
}

/// <summary>Declining, with the reason the asker is told.</summary>
public sealed class QuestionDeclineModel
{
    [Display(Name = "Lý do từ chối")]
    [StringLength(Question.ReasonMaxLength, ErrorMessage = "Lý do từ chối dài tối đa {1} ký tự.")]
    public string? Reason { get; set; }

    public Guid ConcurrencyStamp { get; set; }
}

/// <summary>Merging a duplicate into another question, by its number.</summary>
public sealed class QuestionMergeModel
{
    [Display(Name = "Gộp vào câu hỏi số")]
    [Range(1, int.MaxValue, ErrorMessage = "Số câu hỏi không hợp lệ.")]
    public int? TargetId { get; set; }

    public Guid ConcurrencyStamp { get; set; }
}

/// <summary>A state-changing step without fields of its own (publish, take down, take it myself).</summary>
public sealed class QuestionStepModel
{
    public Guid ConcurrencyStamp { get; set; }
}
