using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Domain.Documents;

namespace DoJ.Portal.Web.Editing;

/// <summary>The form of a document type, issuing body or field.</summary>
public sealed class RegisterTermEditModel
{
    public RegisterTermKind Kind { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập tên.")]
    [StringLength(RegisterTerm.NameMaxLength, ErrorMessage = "Tên dài tối đa {1} ký tự.")]
    [Display(Name = "Tên")]
    public string Name { get; set; } = "";

    [StringLength(RegisterTerm.SlugMaxLength, ErrorMessage = "Đường dẫn dài tối đa {1} ký tự.")]
    [Display(Name = "Đường dẫn trong bộ lọc (để trống để tạo từ tên)")]
    public string? Slug { get; set; }
}

/// <summary>A term in the admin list, with how many documents (drafts and the recycle bin included) use it.</summary>
public sealed record RegisterTermRow(int Id, RegisterTermKind Kind, string Name, string Slug, int Position, int Documents);

public static class RegisterTermKindNames
{
    public static string ToVietnamese(this RegisterTermKind kind) => kind switch
    {
        RegisterTermKind.IssuingBody => "Cơ quan ban hành",
        RegisterTermKind.Field => "Lĩnh vực",
        _ => "Loại văn bản",
    };
}
