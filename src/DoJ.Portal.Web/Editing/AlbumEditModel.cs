using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Gallery;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// The form of a photo album (create and edit): its fields, its photos as rows in their order, the cover, and files
/// chosen in a plain file input (uploaded with the save; the script uploads them one by one beforehand instead).
/// </summary>
public sealed class AlbumEditModel
{
    [Required(ErrorMessage = "Vui lòng nhập tiêu đề album.")]
    [StringLength(Album.TitleMaxLength, ErrorMessage = "Tiêu đề dài tối đa {1} ký tự.")]
    [Display(Name = "Tiêu đề")]
    public string Title { get; set; } = "";

    /// <summary>The day of the event, <c>dd/MM/yyyy</c> (a date field's <c>yyyy-MM-dd</c> is accepted too).</summary>
    [Required(ErrorMessage = "Vui lòng nhập ngày chụp (dd/MM/yyyy).")]
    [Display(Name = "Ngày chụp (dd/MM/yyyy)")]
    public string TakenOn { get; set; } = "";

    [StringLength(Album.DescriptionMaxLength, ErrorMessage = "Mô tả dài tối đa {1} ký tự.")]
    [Display(Name = "Mô tả")]
    public string? Description { get; set; }

    [StringLength(Album.SlugMaxLength, ErrorMessage = "Đường dẫn dài tối đa {1} ký tự.")]
    [Display(Name = "Đường dẫn (để trống để tạo từ tiêu đề)")]
    public string? Slug { get; set; }

    /// <summary>Vietnam local time, <c>yyyy-MM-ddTHH:mm</c>; empty means now when published.</summary>
    [Display(Name = "Thời điểm xuất bản (giờ Việt Nam)")]
    public string? PublishAt { get; set; }

    public Guid ConcurrencyStamp { get; set; }

    /// <summary>The photos in the order they are shown.</summary>
    public List<AlbumPhotoInput> Photos { get; set; } = [];

    /// <summary>The library image of the photo chosen as cover; none means the first photo.</summary>
    public int? CoverMediaId { get; set; }

    /// <summary>Images chosen in the plain file input, added with this save.</summary>
    [Display(Name = "Thêm ảnh")]
    public List<IFormFile> NewPhotos { get; set; } = [];

    /// <summary>Files of this save that were refused, each with its reason (shown beside the form).</summary>
    public List<string> Refused { get; } = [];
}

/// <summary>One photo row of the album form; <see cref="Id"/> 0 is a photo added since the form was loaded.</summary>
public sealed class AlbumPhotoInput
{
    public int Id { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "Ảnh không hợp lệ: vui lòng chọn lại ảnh từ thư viện.")]
    public int MediaId { get; set; }

    [StringLength(AlbumPhoto.CaptionMaxLength, ErrorMessage = "Chú thích dài tối đa {1} ký tự.")]
    [Display(Name = "Chú thích")]
    public string? Caption { get; set; }

    [StringLength(Domain.Content.Media.AltTextMaxLength, ErrorMessage = "Mô tả ảnh dài tối đa {1} ký tự.")]
    [Display(Name = "Mô tả ảnh (alt)")]
    public string? AltText { get; set; }

    /// <summary>Ticked: the photo leaves the album with this save (the image stays in the library).</summary>
    public bool Remove { get; set; }
}

/// <summary>A saved album as its edit form shows it.</summary>
public sealed record AlbumForm(AlbumEditModel Model, Domain.Articles.ArticleState State, string Slug, ReturnedNote? Returned = null);

/// <summary>The admin list's filter: a workflow state, or the recycle bin.</summary>
public sealed record AlbumAdminFilter(Domain.Articles.ArticleState? State, bool InBin);

/// <summary>An album in the admin list.</summary>
public sealed record AlbumAdminItem(int Id, string Title, string Slug, DateOnly TakenOn, int PhotoCount, Domain.Articles.ArticleState State, DateTime UpdatedAtUtc);
