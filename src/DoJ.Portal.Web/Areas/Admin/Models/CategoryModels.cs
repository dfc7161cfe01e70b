using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Domain.Articles;

namespace DoJ.Portal.Web.Areas.Admin.Models;

/// <summary>A category in the admin list; <see cref="Articles"/> counts every article, drafts and the recycle bin included.</summary>
public sealed record CategoryRow(int Id, string Name, string Slug, bool IsHidden, int Position, int Articles, int ArticlesInBin, int MenuItems);

public sealed record CategoryListViewModel(IReadOnlyList<CategoryRow> Categories, string? Error);

public sealed record CategoryFormViewModel(int? Id, string? CurrentSlug, CategoryEditModel Form);

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
