using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Web.Files;
using DoJ.Portal.Domain.Articles;

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

    /// <summary>The lead image: an image of the library (the picker's id), or none.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Ảnh đại diện không hợp lệ.")]
    [Display(Name = "Ảnh đại diện")]
    public int? LeadImageId { get; set; }

    /// <summary>A new image uploaded on the spot as the lead image; it goes to the library and takes the place of <see cref="LeadImageId"/>.</summary>
    [Display(Name = "Hoặc tải ảnh mới lên")]
    public IFormFile? LeadImageFile { get; set; }

    /// <summary>Required whenever there is a lead image (checked by the editor, which knows whether there is one).</summary>
    [StringLength(Article.LeadImageAltMaxLength, ErrorMessage = "Mô tả ảnh dài tối đa {1} ký tự.")]
    [Display(Name = "Mô tả ảnh (văn bản thay thế)")]
    public string? LeadImageAlt { get; set; }

    [StringLength(Article.LeadImageCaptionMaxLength, ErrorMessage = "Chú thích ảnh dài tối đa {1} ký tự.")]
    [Display(Name = "Chú thích ảnh")]
    public string? LeadImageCaption { get; set; }

    /// <summary>A photo album shown under the body, or none.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Album ảnh không hợp lệ.")]
    [Display(Name = "Album ảnh kèm theo")]
    public int? AlbumId { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "Vui lòng chọn chuyên mục.")]
    [Display(Name = "Chuyên mục")]
    public int CategoryId { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập tên tác giả.")]
    [StringLength(Article.AuthorMaxLength, ErrorMessage = "Tên tác giả dài tối đa {1} ký tự.")]
    [Display(Name = "Tác giả")]
    public string Author { get; set; } = "";

    [Display(Name = "Tin nổi bật")]
    public bool IsFeatured { get; set; }

    /// <summary>Vietnam local time as <c>dd/MM/yyyy HH:mm</c> (<see cref="PublishTime"/>); empty means now.</summary>
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
