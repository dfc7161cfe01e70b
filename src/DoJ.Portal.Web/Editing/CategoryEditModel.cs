using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Domain.Articles;

namespace DoJ.Portal.Web.Editing;

public sealed class CategoryEditModel
{
    [Required(ErrorMessage = "Vui lòng nhập tên chuyên mục.")]
    [StringLength(Category.NameMaxLength, ErrorMessage = "Tên chuyên mục dài tối đa {1} ký tự.")]
    [Display(Name = "Tên chuyên mục")]
    public string Name { get; set; } = "";

    [StringLength(Category.SlugMaxLength, ErrorMessage = "Đường dẫn dài tối đa {1} ký tự.")]
    [Display(Name = "Đường dẫn (slug)")]
    public string? Slug { get; set; }

    [StringLength(Category.DescriptionMaxLength, ErrorMessage = "Mô tả dài tối đa {1} ký tự.")]
    [Display(Name = "Mô tả")]
    public string? Description { get; set; }

    [Display(Name = "Ẩn khỏi menu chính và trang chủ (trang chuyên mục vẫn xem được)")]
    public bool IsHidden { get; set; }
}
