using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Domain.Navigation;

namespace DoJ.Portal.Web.Editing;

public sealed class LinkEditModel
{
    [Display(Name = "Nhóm")]
    public int LinkGroupId { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập tên liên kết.")]
    [StringLength(Link.TitleMaxLength, ErrorMessage = "Tên liên kết dài tối đa {1} ký tự.")]
    [Display(Name = "Tên liên kết")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập địa chỉ.")]
    [StringLength(Link.UrlMaxLength, ErrorMessage = "Địa chỉ dài tối đa {1} ký tự.")]
    [Display(Name = "Địa chỉ (bắt đầu bằng http:// hoặc https://)")]
    public string Url { get; set; } = "";

    [Display(Name = "Hiển thị trên trang công khai")]
    public bool IsEnabled { get; set; } = true;
}
