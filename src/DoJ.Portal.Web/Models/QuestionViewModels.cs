using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Paging;

namespace DoJ.Portal.Web.Models;

/// <summary>The question form as typed: every field is checked again by <see cref="Citizens.QuestionIntake"/>.</summary>
public sealed class AskQuestionForm
{
    [Display(Name = "Họ và tên")]
    [Required(ErrorMessage = "Vui lòng nhập họ và tên.")]
    [StringLength(Question.NameMaxLength, ErrorMessage = "Họ và tên dài tối đa {1} ký tự.")]
    public string? Name { get; set; }

    [Display(Name = "Thư điện tử")]
    [StringLength(Question.EmailMaxLength, ErrorMessage = "Địa chỉ thư điện tử dài tối đa {1} ký tự.")]
    public string? Email { get; set; }

    [Display(Name = "Số điện thoại")]
    [StringLength(30, ErrorMessage = "Số điện thoại dài tối đa {1} ký tự.")]
    public string? Phone { get; set; }

    [Display(Name = "Lĩnh vực")]
    public int? FieldId { get; set; }

    [Display(Name = "Tiêu đề câu hỏi")]
    [Required(ErrorMessage = "Vui lòng nhập tiêu đề câu hỏi.")]
    [StringLength(Question.TitleMaxLength, MinimumLength = 10, ErrorMessage = "Tiêu đề câu hỏi dài từ {2} đến {1} ký tự.")]
    public string? Title { get; set; }

    [Display(Name = "Nội dung câu hỏi")]
    [Required(ErrorMessage = "Vui lòng nhập nội dung câu hỏi.")]
    [StringLength(Question.BodyMaxLength, MinimumLength = 20, ErrorMessage = "Nội dung câu hỏi dài từ {2} đến {1} ký tự.")]
    public string? Body { get; set; }

    /// <summary>Show the full name with the published answer (otherwise initials only).</summary>
    public bool ShowFullName { get; set; }

    /// <summary>Consent to the processing of personal data: required.</summary>
    public bool Consent { get; set; }
}

/// <summary>The form's page: what was typed, the fields of law, and the refusal message when the last send was refused.</summary>
public sealed record AskQuestionViewModel(AskQuestionForm Form, IReadOnlyList<QuestionField> Fields, string? Refusal);

/// <summary>The page after a question is stored: the tracking code, shown once.</summary>
public sealed record QuestionSentViewModel(string? TrackingCode);

/// <summary>The status lookup: what was typed, and the question's status when the code is known.</summary>
public sealed record QuestionTrackingViewModel(string? Code, QuestionTracking? Question, bool Searched)
{
    /// <summary>The status as the asker reads it.</summary>
    public static string StatusName(QuestionStatus status) => status switch
    {
        QuestionStatus.Received => "Đã tiếp nhận",
        QuestionStatus.InProgress => "Đang xử lý",
        QuestionStatus.Published => "Đã trả lời",
        QuestionStatus.Declined => "Từ chối",
        QuestionStatus.Merged => "Đã gộp",
        _ => "Đã tiếp nhận",
    };
}

/// <summary>The public Q&amp;A list: one page, the field filter and the search text.</summary>
public sealed record QuestionListViewModel(PagedList<QuestionListItem> Questions, IReadOnlyList<QuestionField> Fields, QuestionField? Field, string Query)
{
    /// <summary>The list's address with these filters and page (page 1 is left out).</summary>
    public string Url(int page = 1, string? fieldSlug = null, string? query = null)
    {
        var parts = new List<string>();
        var slug = fieldSlug ?? Field?.Slug;
        var text = query ?? Query;
        if (!string.IsNullOrEmpty(slug))
        {
            parts.Add(Navigation.QuestionQuery.Field + "=" + Uri.EscapeDataString(slug));
        }

        if (!string.IsNullOrEmpty(text))
        {
            parts.Add("q=" + Uri.EscapeDataString(text));
        }

        if (page > 1)
        {
            parts.Add("trang=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return Navigation.SiteUrls.Questions + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }
}

/// <summary>A public question's page.</summary>
public sealed record QuestionDetailsViewModel(QuestionDetails Question, string CanonicalUrl, string JsonLd);
