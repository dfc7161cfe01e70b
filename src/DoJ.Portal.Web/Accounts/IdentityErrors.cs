using Microsoft.AspNetCore.Identity;

namespace DoJ.Portal.Web.Accounts;

public static class IdentityErrors
{
    /// <summary>Identity's messages are English; the ones a user can meet here are said in Vietnamese.</summary>
    public static string ToVietnamese(IdentityError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            "PasswordMismatch" => "Mật khẩu hiện tại không đúng.",
            "PasswordTooShort" => "Mật khẩu cần ít nhất 12 ký tự.",
            "PasswordRequiresUniqueChars" => "Mật khẩu cần nhiều ký tự khác nhau hơn.",
            "DuplicateEmail" or "DuplicateUserName" => "Email này đã có tài khoản.",
            "InvalidEmail" => "Email không hợp lệ.",
            _ => error.Description,
        };
    }
}
