using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Domain.Agency;

namespace DoJ.Portal.Web.Editing;

/// <summary>The form of a procedure (create and edit). Only what helps a citizen find it; the details are at <see cref="NationalPortalUrl"/>.</summary>
public sealed class ProcedureEditModel
{
    [Required(ErrorMessage = "Vui lòng nhập tên thủ tục.")]
    [StringLength(Procedure.NameMaxLength, ErrorMessage = "Tên thủ tục dài tối đa {1} ký tự.")]
    [Display(Name = "Tên thủ tục")]
    public string Name { get; set; } = "";

    [StringLength(Procedure.SlugMaxLength, ErrorMessage = "Đường dẫn dài tối đa {1} ký tự.")]
    [Display(Name = "Đường dẫn (để trống để tạo từ tên)")]
    public string? Slug { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập mã thủ tục.")]
    [StringLength(Procedure.CodeMaxLength, ErrorMessage = "Mã thủ tục dài tối đa {1} ký tự.")]
    [Display(Name = "Mã thủ tục (Cơ sở dữ liệu quốc gia)")]
    public string NationalCode { get; set; } = "";

    [Display(Name = "Lĩnh vực")]
    public int FieldId { get; set; }

    [Display(Name = "Cấp thực hiện")]
    public ProcedureLevel Level { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập mô tả ngắn.")]
    [StringLength(Procedure.DescriptionMaxLength, ErrorMessage = "Mô tả dài tối đa {1} ký tự.")]
    [Display(Name = "Mô tả ngắn")]
    public string Description { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập cơ quan thực hiện.")]
    [StringLength(Procedure.HandledByMaxLength, ErrorMessage = "Cơ quan thực hiện dài tối đa {1} ký tự.")]
    [Display(Name = "Cơ quan thực hiện")]
    public string HandledBy { get; set; } = "";

    /// <summary>Empty means the national portal's search for the code.</summary>
    [StringLength(Procedure.UrlMaxLength, ErrorMessage = "Địa chỉ dài tối đa {1} ký tự.")]
    [Display(Name = "Địa chỉ trên Cổng Dịch vụ công quốc gia")]
    public string? NationalPortalUrl { get; set; }

    [Display(Name = "Xuất bản")]
    public bool IsPublished { get; set; }

    public Guid ConcurrencyStamp { get; set; }
}

/// <summary>A procedure in the admin list.</summary>
public sealed record ProcedureRow(int Id, string Name, string Slug, string NationalCode, string FieldName, ProcedureLevel Level, bool IsPublished, int Position);
