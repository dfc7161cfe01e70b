using System.ComponentModel.DataAnnotations;

namespace DoJ.Portal.Web.Models;

public sealed class SignInModel
{
    [Required(ErrorMessage = "Vui lòng nhập email.")]
    [EmailAddress(ErrorMessage = "Email không hợp lệ.")]
    [StringLength(256, ErrorMessage = "Email dài tối đa {1} ký tự.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
    [StringLength(256, ErrorMessage = "Mật khẩu dài tối đa {1} ký tự.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class ChangePasswordModel
{
    [Required(ErrorMessage = "Vui lòng nhập mật khẩu hiện tại.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu hiện tại")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập mật khẩu mới.")]
    [StringLength(256, MinimumLength = 12, ErrorMessage = "Mật khẩu mới cần ít nhất {2} ký tự.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu mới (ít nhất 12 ký tự)")]
    public string NewPassword { get; set; } = "";

    [Compare(nameof(NewPassword), ErrorMessage = "Hai mật khẩu mới không khớp.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nhập lại mật khẩu mới")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class TwoFactorVerifyModel
{
    [Required(ErrorMessage = "Vui lòng nhập mã xác thực.")]
    [StringLength(32, ErrorMessage = "Mã xác thực dài tối đa {1} ký tự.")]
    [Display(Name = "Mã xác thực")]
    public string? Code { get; set; }

    [Display(Name = "Dùng mã khôi phục")]
    public bool UseRecoveryCode { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <param name="QrSvg">An SVG drawing of the QR code, generated on the server from the key (no external service).</param>
public sealed record TwoFactorViewModel(bool Enabled, string? SharedKey, string? QrSvg, string? Error, IReadOnlyList<string>? RecoveryCodes, bool SessionIsMultiFactor);
