using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Gallery;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// The form of a video (create and edit). The source is a YouTube address (only its id is kept) or an MP4 file; on
/// edit, leaving both empty keeps the current source. The poster is an image of the library (by id) or one uploaded
/// with the form.
/// </summary>
public sealed class VideoEditModel
{
    [Required(ErrorMessage = "Vui lòng nhập tiêu đề.")]
    [StringLength(Video.TitleMaxLength, ErrorMessage = "Tiêu đề dài tối đa {1} ký tự.")]
    [Display(Name = "Tiêu đề")]
    public string Title { get; set; } = "";

    [StringLength(Video.DescriptionMaxLength, ErrorMessage = "Mô tả dài tối đa {1} ký tự.")]
    [Display(Name = "Mô tả")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập ngày ghi hình.")]
    [Display(Name = "Ngày ghi hình")]
    public string RecordedOn { get; set; } = "";

    [StringLength(Video.SlugMaxLength, ErrorMessage = "Đường dẫn dài tối đa {1} ký tự.")]
    [Display(Name = "Đường dẫn (để trống để tạo từ tiêu đề)")]
    public string? Slug { get; set; }

    /// <summary>A YouTube address or id as pasted; the form shows the stored id's watch address.</summary>
    [StringLength(500, ErrorMessage = "Địa chỉ YouTube quá dài.")]
    [Display(Name = "Địa chỉ video YouTube")]
    public string? YouTubeAddress { get; set; }

    [Display(Name = "Hoặc tải lên tệp MP4")]
    public IFormFile? NewFile { get; set; }

    /// <summary>The stored MP4 (shown on edit; not posted back as a choice).</summary>
    public int? FileId { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "Mã ảnh đại diện không hợp lệ.")]
    [Display(Name = "Ảnh đại diện: mã ảnh trong thư viện")]
    public int? PosterId { get; set; }

    [Display(Name = "Hoặc tải ảnh đại diện mới")]
    public IFormFile? PosterFile { get; set; }

    [StringLength(DoJ.Portal.Domain.Content.Media.AltTextMaxLength, ErrorMessage = "Mô tả ảnh dài tối đa {1} ký tự.")]
    [Display(Name = "Mô tả ảnh đại diện (văn bản thay thế)")]
    public string? PosterAlt { get; set; }

    /// <summary>Vietnam local time, <c>yyyy-MM-ddTHH:mm</c>; empty means now when published.</summary>
    [Display(Name = "Thời điểm xuất bản (giờ Việt Nam)")]
    public string? PublishAt { get; set; }

    public Guid ConcurrencyStamp { get; set; }
}

/// <summary>A saved video as its edit form shows it.</summary>
public sealed record VideoForm(VideoEditModel Model, ArticleState State, string Slug, ReturnedNote? Returned = null);

/// <summary>The admin list's filter: words of the title, a workflow state, or the recycle bin.</summary>
public sealed record VideoAdminFilter(string? Words, ArticleState? State, bool InBin);

/// <summary>A video in the admin list.</summary>
public sealed record VideoAdminItem(int Id, string Title, string Slug, DateOnly RecordedOn, bool IsYouTube, ArticleState State, DateTime UpdatedAtUtc);

/// <summary>An image of the library offered as a poster.</summary>
public sealed record PosterChoice(int Id, string AltText, string OriginalName)
{
    public string Label => $"Ảnh số {Id}: {(string.IsNullOrWhiteSpace(AltText) ? OriginalName : AltText)}";
}
