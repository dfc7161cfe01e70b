using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Domain.Settings;
using DoJ.Portal.Web.Media;
using DoJ.Portal.Web.Navigation;

namespace DoJ.Portal.Web.Editing;

/// <summary>The site settings form: the department's identity, contact details, footer and the portal's knobs.</summary>
public sealed class SiteSettingsEditModel
{
    public const long MaxStartingVisitTotal = 1_000_000_000_000;
    public const int MaxHomeLatestCount = 50;

    [Required(ErrorMessage = "Vui lòng nhập tên cơ quan.")]
    [StringLength(SiteSettings.NameMaxLength, ErrorMessage = "{0} dài tối đa {1} ký tự.")]
    [Display(Name = "Tên cơ quan")]
    public string? SiteName { get; set; }

    [StringLength(SiteSettings.NameMaxLength, ErrorMessage = "{0} dài tối đa {1} ký tự.")]
    [Display(Name = "Cơ quan chủ quản")]
    public string? ParentAgency { get; set; }

    [StringLength(SiteSettings.NameMaxLength, ErrorMessage = "{0} dài tối đa {1} ký tự.")]
    [Display(Name = "Khẩu hiệu dưới tên")]
    public string? Tagline { get; set; }

    [StringLength(SiteSettings.LineMaxLength, ErrorMessage = "{0} dài tối đa {1} ký tự.")]
    [RegularExpression(Media.LocalImagePath.Pattern, ErrorMessage = "Ảnh banner phải là một ảnh của trang, ví dụ /media/2026/11/ten-anh.jpg (chọn trong Thư viện ảnh).")]
    [Display(Name = "Ảnh banner")]
    public string? BannerPath { get; set; }

    [StringLength(SiteSettings.LineMaxLength, ErrorMessage = "{0} dài tối đa {1} ký tự.")]
    [Display(Name = "Địa chỉ")]
    public string? Address { get; set; }

    [StringLength(SiteSettings.ShortMaxLength, ErrorMessage = "{0} dài tối đa {1} ký tự.")]
    [RegularExpression(@"^[0-9+(). \-]*$", ErrorMessage = "Số điện thoại chỉ gồm chữ số, dấu cách và các dấu + ( ) . -")]
    [Display(Name = "Điện thoại")]
    public string? Phone { get; set; }

    [StringLength(SiteSettings.ShortMaxLength, ErrorMessage = "{0} dài tối đa {1} ký tự.")]
    [EmailAddress(ErrorMessage = "Địa chỉ email không hợp lệ.")]
    [Display(Name = "Email")]
    public string? Email { get; set; }

    [StringLength(SiteSettings.LineMaxLength, ErrorMessage = "{0} dài tối đa {1} ký tự.")]
    [Display(Name = "Người chịu trách nhiệm")]
    public string? ResponsiblePerson { get; set; }

    [StringLength(SiteSettings.LineMaxLength, ErrorMessage = "{0} dài tối đa {1} ký tự.")]
    [Display(Name = "Dòng giấy phép")]
    public string? LicenseLine { get; set; }

    [StringLength(SiteSettings.LineMaxLength, ErrorMessage = "{0} dài tối đa {1} ký tự.")]
    [Display(Name = "Ghi chú cuối trang")]
    public string? FooterNote { get; set; }

    [StringLength(SiteSettings.BaseUrlMaxLength, ErrorMessage = "{0} dài tối đa {1} ký tự.")]
    [Display(Name = "Địa chỉ trang (URL gốc)")]
    public string? BaseUrl { get; set; }

    [Range(0, MaxStartingVisitTotal, ErrorMessage = "{0} phải là số từ {1} đến {2}.")]
    [Display(Name = "Số lượt truy cập ban đầu")]
    public long StartingVisitTotal { get; set; }

    [Range(1, SiteSettings.MaxPageSize, ErrorMessage = "{0} phải là số từ {1} đến {2}.")]
    [Display(Name = "Số bài mỗi trang chuyên mục")]
    public int ArticlesPerPage { get; set; } = SiteSettings.DefaultPageSize;

    [Range(1, SiteSettings.MaxPageSize, ErrorMessage = "{0} phải là số từ {1} đến {2}.")]
    [Display(Name = "Số kết quả mỗi trang tìm kiếm")]
    public int SearchResultsPerPage { get; set; } = SiteSettings.DefaultPageSize;

    [Range(1, MaxHomeLatestCount, ErrorMessage = "{0} phải là số từ {1} đến {2}.")]
    [Display(Name = "Số tin mới nhất ở trang chủ")]
    public int HomeLatestCount { get; set; } = SiteSettings.DefaultPageSize;

    public Guid ConcurrencyStamp { get; set; }

    public static SiteSettingsEditModel From(SiteSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new()
        {
            SiteName = s.SiteName,
            ParentAgency = s.ParentAgency,
            Tagline = s.Tagline,
            BannerPath = s.BannerPath,
            Address = s.Address,
            Phone = s.Phone,
            Email = s.Email,
            ResponsiblePerson = s.ResponsiblePerson,
            LicenseLine = s.LicenseLine,
            FooterNote = s.FooterNote,
            BaseUrl = s.BaseUrl,
            StartingVisitTotal = s.StartingVisitTotal,
            ArticlesPerPage = s.ArticlesPerPage,
            SearchResultsPerPage = s.SearchResultsPerPage,
            HomeLatestCount = s.HomeLatestCount,
            ConcurrencyStamp = s.ConcurrencyStamp,
        };
    }

    /// <summary>Copies the form onto the row, trimmed; empty optional text becomes "" (or null for paths).</summary>
    public void ApplyTo(SiteSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        s.SiteName = Clean(SiteName);
        s.ParentAgency = Clean(ParentAgency);
        s.Tagline = Clean(Tagline);
        s.BannerPath = NullIfEmpty(BannerPath);
        s.Address = Clean(Address);
        s.Phone = Clean(Phone);
        s.Email = Clean(Email);
        s.ResponsiblePerson = Clean(ResponsiblePerson);
        s.LicenseLine = Clean(LicenseLine);
        s.FooterNote = Clean(FooterNote);
        s.BaseUrl = NullIfEmpty(BaseUrl) is { } url ? SiteUrls.NormalizeBaseUrl(url) : null;
        s.StartingVisitTotal = StartingVisitTotal;
        s.ArticlesPerPage = ArticlesPerPage;
        s.SearchResultsPerPage = SearchResultsPerPage;
        s.HomeLatestCount = HomeLatestCount;
    }

    private static string Clean(string? text) => (text ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
