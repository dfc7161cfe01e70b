using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Data.Identity;

namespace DoJ.Portal.Web.Accounts;

public sealed class StaffAccountCreateModel
{
    [Required(ErrorMessage = "Vui lòng nhập email.")]
    [EmailAddress(ErrorMessage = "Email không hợp lệ.")]
    [StringLength(256, ErrorMessage = "Email dài tối đa {1} ký tự.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập họ tên.")]
    [StringLength(PortalUser.DisplayNameMaxLength, ErrorMessage = "Họ tên dài tối đa {1} ký tự.")]
    [Display(Name = "Họ tên")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng chọn vai trò.")]
    [Display(Name = "Vai trò")]
    public string Role { get; set; } = "";
}
