using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Web.Files;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// The form of a document of the register (create and edit). Dates are calendar days as a date field sends them
/// (<c>yyyy-MM-dd</c>; <c>dd/MM/yyyy</c> is accepted too). Its files are edited as every owner's are (<see cref="IAttachmentForm"/>).
/// </summary>
public sealed class LegalDocumentEditModel : IAttachmentForm
{
    /// <summary>The most related articles one document lists.</summary>
    public const int RelatedArticlesMax = 20;

    [Required(ErrorMessage = "Vui lòng nhập số/ký hiệu văn bản.")]
    [StringLength(LegalDocument.NumberMaxLength, ErrorMessage = "Số/ký hiệu dài tối đa {1} ký tự.")]
    [Display(Name = "Số/Ký hiệu")]
    public string Number { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập trích yếu.")]
    [StringLength(LegalDocument.AbstractMaxLength, ErrorMessage = "Trích yếu dài tối đa {1} ký tự.")]
    [Display(Name = "Trích yếu")]
    public string Abstract { get; set; } = "";

    [StringLength(LegalDocument.SignerMaxLength, ErrorMessage = "Người ký dài tối đa {1} ký tự.")]
    [Display(Name = "Người ký")]
    public string? Signer { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "Vui lòng chọn loại văn bản.")]
    [Display(Name = "Loại văn bản")]
    public int DocumentTypeId { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "Vui lòng chọn cơ quan ban hành.")]
    [Display(Name = "Cơ quan ban hành")]
    public int IssuingBodyId { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "Vui lòng chọn lĩnh vực.")]
    [Display(Name = "Lĩnh vực")]
    public int FieldId { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập ngày ban hành.")]
    [Display(Name = "Ngày ban hành")]
    public string IssuedOn { get; set; } = "";

    /// <summary>Empty: in effect from the date of issue.</summary>
    [Display(Name = "Ngày có hiệu lực")]
    public string? EffectiveOn { get; set; }

    [Display(Name = "Ngày hết hiệu lực")]
    public string? ExpiresOn { get; set; }

    [StringLength(LegalDocument.SlugMaxLength, ErrorMessage = "Đường dẫn dài tối đa {1} ký tự.")]
    [Display(Name = "Đường dẫn (để trống để tạo từ số hiệu và trích yếu)")]
    public string? Slug { get; set; }

    /// <summary>Ids of related articles, separated by commas or spaces (e.g. <c>12, 57</c>).</summary>
    [StringLength(400, ErrorMessage = "Danh sách bài viết liên quan quá dài.")]
    [Display(Name = "Bài viết liên quan (mã bài, cách nhau bởi dấu phẩy)")]
    public string? RelatedArticleIds { get; set; }

    /// <summary>Vietnam local time as <c>dd/MM/yyyy HH:mm</c> (<see cref="PublishTime"/>); empty means now when published.</summary>
    [Display(Name = "Thời điểm xuất bản (giờ Việt Nam)")]
    public string? PublishAt { get; set; }

    /// <summary>Lấy ý kiến dự thảo: the first day comments are accepted (with <see cref="CommentsCloseOn"/>, or neither).</summary>
    [Display(Name = "Lấy ý kiến từ ngày")]
    public string? CommentsOpenOn { get; set; }

    /// <summary>The last day comments are accepted, inclusive.</summary>
    [Display(Name = "Lấy ý kiến đến ngày")]
    public string? CommentsCloseOn { get; set; }

    /// <summary>Báo cáo tổng hợp ý kiến (rich text, sanitized as bodies are); shown with the document once the period has ended.</summary>
    [StringLength(LegalDocument.CommentSummaryMaxLength, ErrorMessage = "Báo cáo tổng hợp ý kiến quá dài (tối đa {1} ký tự).")]
    [Display(Name = "Báo cáo tổng hợp ý kiến")]
    public string? CommentSummary { get; set; }

    /// <summary>The stamp the form was loaded with; a save over a newer stamp is refused.</summary>
    public Guid ConcurrencyStamp { get; set; }

    /// <summary>The files of the document (the text of PDF and DOCX files is searchable), as rows to rename, reorder or remove.</summary>
    public List<AttachmentInput> Attachments { get; set; } = [];

    /// <summary>Files chosen to attach with this save.</summary>
    [Display(Name = "Thêm tệp")]
    public List<IFormFile> NewFiles { get; set; } = [];
}
