using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Web.Files;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Web.Media;

namespace DoJ.Portal.Web.Editing;

/// <summary>The article form of the admin area (create and edit).</summary>
public sealed class ArticleEditModel : IAttachmentForm
{
    [Required(ErrorMessage = "Vui lòng nhập tiêu đề.")]
    [StringLength(Article.TitleMaxLength, ErrorMessage = "Tiêu đề dài tối đa {1} ký tự.")]
    [Display(Name = "Tiêu đề")]
    public string Title { get; set; } = "";

    [StringLength(Article.SlugMaxLength, ErrorMessage = "Đường dẫn dài tối đa {1} ký tự.")]
    [Display(Name = "Đường dẫn (để trống để tạo từ tiêu đề)")]
    public string? Slug { get; set; }

    [StringLength(Article.SummaryMaxLength, ErrorMessage = "Tóm tắt dài tối đa {1} ký tự.")]
    [Display(Name = "Tóm tắt")]
    public string? Summary { get; set; }

    [Display(Name = "Nội dung")]
    public string? Body { get; set; }

    [StringLength(Article.ThumbnailMaxLength, ErrorMessage = "Đường dẫn ảnh đại diện dài tối đa {1} ký tự.")]
    [RegularExpression(Media.LocalImagePath.Pattern, ErrorMessage = "Ảnh đại diện phải là một ảnh của trang, ví dụ /media/2026/11/ten-anh.jpg (chọn trong Thư viện ảnh).")]
    [Display(Name = "Ảnh đại diện (đường dẫn)")]
    public string? ThumbnailPath { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "Vui lòng chọn chuyên mục.")]
    [Display(Name = "Chuyên mục")]
    public int CategoryId { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập tên tác giả.")]
    [StringLength(Article.AuthorMaxLength, ErrorMessage = "Tên tác giả dài tối đa {1} ký tự.")]
    [Display(Name = "Tác giả")]
    public string Author { get; set; } = "";

    [Display(Name = "Tin nổi bật")]
    public bool IsFeatured { get; set; }

    /// <summary>Vietnam local time, <c>yyyy-MM-ddTHH:mm</c> as a datetime-local field sends it; empty means now.</summary>
    [Display(Name = "Thời điểm xuất bản (giờ Việt Nam)")]
    public string? PublishAt { get; set; }

    /// <summary>The stamp the form was loaded with; a save over a newer stamp is refused.</summary>
    public Guid ConcurrencyStamp { get; set; }

    /// <summary>The files attached, as rows to rename, reorder or remove.</summary>
    public List<AttachmentInput> Attachments { get; set; } = [];

    /// <summary>Files chosen to attach with this save.</summary>
    [Display(Name = "Thêm tệp đính kèm")]
    public List<IFormFile> NewFiles { get; set; } = [];
}
