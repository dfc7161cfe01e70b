using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Web.Files;
using DoJ.Portal.Domain.Content;

namespace DoJ.Portal.Web.Editing;

/// <summary>The static page form of the admin area (create and edit).</summary>
public sealed class StaticPageEditModel : IAttachmentForm
{
    [Required(ErrorMessage = "Vui lòng nhập tiêu đề.")]
    [StringLength(StaticPage.TitleMaxLength, ErrorMessage = "Tiêu đề dài tối đa {1} ký tự.")]
    [Display(Name = "Tiêu đề")]
    public string Title { get; set; } = "";

    [StringLength(StaticPage.SlugMaxLength, ErrorMessage = "Đường dẫn dài tối đa {1} ký tự.")]
    [Display(Name = "Đường dẫn (để trống để tạo từ tiêu đề)")]
    public string? Slug { get; set; }

    [Display(Name = "Nội dung")]
    public string? Body { get; set; }

    /// <summary><c>vi</c> or <c>en</c> (see <see cref="StaticPageEditor.Languages"/>).</summary>
    [Required(ErrorMessage = "Vui lòng chọn ngôn ngữ.")]
    [StringLength(StaticPage.LanguageMaxLength, ErrorMessage = "Ngôn ngữ không hợp lệ.")]
    [Display(Name = "Ngôn ngữ")]
    public string Language { get; set; } = StaticPage.Vietnamese;

    [Display(Name = "Xuất bản")]
    public bool IsPublished { get; set; }

    /// <summary>The stamp the form was loaded with; a save over a newer stamp is refused.</summary>
    public Guid ConcurrencyStamp { get; set; }

    /// <summary>The files attached, as rows to rename, reorder or remove.</summary>
    public List<AttachmentInput> Attachments { get; set; } = [];

    /// <summary>Files chosen to attach with this save.</summary>
    [Display(Name = "Thêm tệp đính kèm")]
    public List<IFormFile> NewFiles { get; set; } = [];
}
