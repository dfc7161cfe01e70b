using DoJ.Portal.Domain.Files;

namespace DoJ.Portal.Web.Files;

/// <summary>Why the bytes of an upload were refused.</summary>
public enum FileRefusal
{
    /// <summary>Not one of the accepted kinds; <see cref="FileInspection.Detail"/> says what it really is.</summary>
    NotAccepted,
    Macro,
    Executable,

    /// <summary>An archive inside the ZIP, which the portal does not open to check.</summary>
    NestedArchive,
    Bomb,
    Encrypted,
    Damaged,
    Empty,
    TooLarge,
}

/// <summary>What the bytes of an upload are: an accepted <see cref="FileKind"/>, or the refusal and its detail.</summary>
public sealed record FileInspection(FileKind? Kind, FileRefusal? Refusal = null, string? Detail = null)
{
    public bool Accepted => Kind is not null;

    public static FileInspection Of(FileKind kind) => new(kind);

    public static FileInspection Refused(FileRefusal refusal, string? detail = null) => new(null, refusal, detail);

    /// <summary>The Vietnamese message an editor reads, naming the file as it was uploaded.</summary>
    public string Message(string fileName, string maxSize) => Refusal switch
    {
        null => "",
        FileRefusal.Macro => $"Tệp «{fileName}» chứa macro nên không được nhận.",
        FileRefusal.Executable when Detail is not null => $"Tệp «{fileName}» chứa chương trình chạy được ({Detail}) nên không được nhận.",
        FileRefusal.Executable => $"Tệp «{fileName}» không phải PDF, Word, Excel, OpenDocument hay ZIP (nội dung thật: chương trình chạy được).",
        FileRefusal.NestedArchive => $"Tệp «{fileName}» chứa tệp nén khác bên trong ({Detail}); hãy nén các tệp trực tiếp vào một tệp ZIP.",
        FileRefusal.Bomb => $"Tệp «{fileName}» khi giải nén quá lớn hoặc có quá nhiều tệp nên không được nhận.",
        FileRefusal.Encrypted => $"Tệp «{fileName}» được đặt mật khẩu nên không kiểm tra được; hãy gỡ mật khẩu rồi tải lên lại.",
        FileRefusal.Damaged => $"Tệp «{fileName}» bị hỏng hoặc không đọc được.",
        FileRefusal.Empty => $"Tệp «{fileName}» rỗng.",
        FileRefusal.TooLarge => $"Tệp «{fileName}» lớn hơn {maxSize}.",
        _ => $"Tệp «{fileName}» không phải PDF, Word, Excel, OpenDocument hay ZIP (nội dung thật: {Detail ?? "không nhận ra được"}).",
    };
}
