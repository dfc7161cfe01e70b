using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Domain.Navigation;

namespace DoJ.Portal.Web.Editing;

public sealed class LinkGroupEditModel
{
    [Required(ErrorMessage = "Vui lòng nhập tên nhóm.")]
    [StringLength(LinkGroup.NameMaxLength, ErrorMessage = "Tên nhóm dài tối đa {1} ký tự.")]
    [Display(Name = "Tên nhóm")]
    public string Name { get; set; } = "";

    [Display(Name = "Cách hiển thị")]
    public LinkGroupDisplay Display { get; set; }

    [Display(Name = "Hiển thị trên trang công khai")]
    public bool IsEnabled { get; set; } = true;

    public static string DisplayName(LinkGroupDisplay display) => display switch
    {
        LinkGroupDisplay.DropDown => "Danh sách thả xuống",
        _ => "Danh sách",
    };
}
