using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Domain.Agency;

namespace DoJ.Portal.Web.Editing;

/// <summary>The form of an official (create and edit): the public work contacts, and the English position and unit for <c>/en</c>.</summary>
public sealed class OfficialEditModel
{
    [Display(Name = "Danh sách")]
    public OfficialRole Role { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập họ và tên.")]
    [StringLength(Official.NameMaxLength, ErrorMessage = "Họ và tên dài tối đa {1} ký tự.")]
    [Display(Name = "Họ và tên")]
    public string FullName { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập chức vụ.")]
    [StringLength(Official.PositionMaxLength, ErrorMessage = "Chức vụ dài tối đa {1} ký tự.")]
    [Display(Name = "Chức vụ")]
    public string Position { get; set; } = "";

    [StringLength(Official.PositionMaxLength, ErrorMessage = "Chức vụ (tiếng Anh) dài tối đa {1} ký tự.")]
    [Display(Name = "Chức vụ (tiếng Anh)")]
    public string? PositionEn { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập đơn vị.")]
    [StringLength(Official.UnitMaxLength, ErrorMessage = "Đơn vị dài tối đa {1} ký tự.")]
    [Display(Name = "Đơn vị")]
    public string Unit { get; set; } = "";

    [StringLength(Official.UnitMaxLength, ErrorMessage = "Đơn vị (tiếng Anh) dài tối đa {1} ký tự.")]
    [Display(Name = "Đơn vị (tiếng Anh)")]
    public string? UnitEn { get; set; }

    [StringLength(Official.PhoneMaxLength, ErrorMessage = "Số điện thoại dài tối đa {1} ký tự.")]
    [Display(Name = "Điện thoại công vụ")]
    public string? Phone { get; set; }

    [StringLength(Official.EmailMaxLength, ErrorMessage = "Thư điện tử dài tối đa {1} ký tự.")]
    [Display(Name = "Thư điện tử công vụ")]
    public string? Email { get; set; }

    [StringLength(Official.DutiesMaxLength, ErrorMessage = "Lĩnh vực phụ trách dài tối đa {1} ký tự.")]
    [Display(Name = "Lĩnh vực phụ trách")]
    public string? Duties { get; set; }

    [Display(Name = "Xuất bản")]
    public bool IsPublished { get; set; }

    public Guid ConcurrencyStamp { get; set; }
}

/// <summary>An official in the admin list (by list, each in its order).</summary>
public sealed record OfficialRow(int Id, OfficialRole Role, string FullName, string Position, string Unit, bool IsPublished, bool IsFirst, bool IsLast);
