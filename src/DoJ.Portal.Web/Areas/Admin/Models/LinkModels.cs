using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Domain.Navigation;

namespace DoJ.Portal.Web.Areas.Admin.Models;

public sealed record LinkDirectoryViewModel(IReadOnlyList<LinkGroup> Groups);

public sealed record LinkGroupFormViewModel(int? Id, LinkGroupEditModel Form);

public sealed record LinkFormViewModel(int? Id, LinkEditModel Form, IReadOnlyList<LinkGroup> Groups);

public sealed record LinkGroupDeleteViewModel(int Id, string Name, IReadOnlyList<Link> Links);

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

public sealed class LinkEditModel
{
    [Display(Name = "Nhóm")]
    public int LinkGroupId { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập tên liên kết.")]
    [StringLength(Link.TitleMaxLength, ErrorMessage = "Tên liên kết dài tối đa {1} ký tự.")]
    [Display(Name = "Tên liên kết")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập địa chỉ.")]
    [StringLength(Link.UrlMaxLength, ErrorMessage = "Địa chỉ dài tối đa {1} ký tự.")]
    [Display(Name = "Địa chỉ (bắt đầu bằng http:// hoặc https://)")]
    public string Url { get; set; } = "";

    [Display(Name = "Hiển thị trên trang công khai")]
    public bool IsEnabled { get; set; } = true;
}
