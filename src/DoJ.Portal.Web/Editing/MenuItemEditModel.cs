using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Domain.Navigation;

namespace DoJ.Portal.Web.Editing;

public sealed class MenuItemEditModel
{
    [StringLength(MenuItem.TitleMaxLength, ErrorMessage = "Tiêu đề dài tối đa {1} ký tự.")]
    [Display(Name = "Tiêu đề")]
    public string? Title { get; set; }

    [Display(Name = "Loại liên kết")]
    public MenuItemKind Kind { get; set; }

    [Display(Name = "Chuyên mục")]
    public int? CategoryId { get; set; }

    [Display(Name = "Trang tĩnh")]
    public int? StaticPageId { get; set; }

    [StringLength(MenuItem.UrlMaxLength, ErrorMessage = "Địa chỉ dài tối đa {1} ký tự.")]
    [Display(Name = "Địa chỉ (URL)")]
    public string? Url { get; set; }

    [Display(Name = "Mục cha")]
    public int? ParentId { get; set; }

    [Display(Name = "Hiển thị trên menu")]
    public bool IsEnabled { get; set; } = true;
}
