using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Web.Navigation;

namespace DoJ.Portal.Web.Editing;

public sealed class RedirectEditModel
{
    [Required(ErrorMessage = "Vui lòng nhập địa chỉ cũ.")]
    [StringLength(RedirectRules.InputMaxLength, ErrorMessage = "Địa chỉ cũ quá dài.")]
    [Display(Name = "Địa chỉ cũ (đường dẫn và tham số của cổng cũ)")]
    public string FromPath { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập địa chỉ mới.")]
    [StringLength(RedirectRules.InputMaxLength, ErrorMessage = "Địa chỉ mới quá dài.")]
    [Display(Name = "Địa chỉ mới")]
    public string ToUrl { get; set; } = "";
}
