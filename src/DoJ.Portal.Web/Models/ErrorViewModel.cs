namespace DoJ.Portal.Web.Models;

/// <summary>What an error page says, in Vietnamese, for each status code.</summary>
public sealed record ErrorViewModel(int StatusCode, string Title, string Message)
{
    public static ErrorViewModel For(int statusCode) => statusCode switch
    {
        400 => new(400, "Yêu cầu không hợp lệ", "Địa chỉ hoặc dữ liệu gửi lên không hợp lệ. Vui lòng kiểm tra lại."),
        403 => new(403, "Không có quyền truy cập", "Tài khoản của bạn không được phép xem trang này."),
        404 => new(404, "Không tìm thấy trang", "Trang bạn tìm không tồn tại hoặc đã được gỡ xuống."),
        405 => new(405, "Phương thức không được hỗ trợ", "Trang này không nhận yêu cầu theo cách đã gửi."),
        413 => new(413, "Dữ liệu quá lớn", "Dữ liệu gửi lên vượt quá giới hạn cho phép."),
        429 => new(429, "Quá nhiều yêu cầu", "Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút."),
        >= 500 => new(statusCode, "Hệ thống đang gặp sự cố", "Đã có lỗi xảy ra. Xin vui lòng thử lại sau hoặc liên hệ bộ phận quản trị."),
        _ => new(statusCode, "Không thể xử lý yêu cầu", "Yêu cầu không thể được xử lý."),
    };

    /// <summary>A page of the sign-in path or a citizens' form asked over plain http (<c>PlainHttpGuard</c>).</summary>
    public static ErrorViewModel HttpsRequired { get; } = new(
        403,
        "Cần kết nối an toàn (HTTPS)",
        "Đăng nhập, trang quản trị và các biểu mẫu gửi câu hỏi, góp ý chỉ mở được qua kết nối an toàn HTTPS. Vui lòng truy cập địa chỉ bắt đầu bằng https:// hoặc liên hệ bộ phận quản trị.");
}
