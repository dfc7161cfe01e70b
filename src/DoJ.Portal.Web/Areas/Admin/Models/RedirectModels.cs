using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;

namespace DoJ.Portal.Web.Areas.Admin.Models;

public sealed record RedirectListViewModel(PagedList<Redirect> Redirects, string? Words);

public sealed record RedirectFormViewModel(int? Id, RedirectEditModel Form);

/// <summary>The upload form, with why the last file was refused as a whole (too big, not UTF-8, too many rows).</summary>
public sealed record RedirectImportViewModel(string? Error);

/// <summary>Step 1 of an import: what confirming would do. Nothing is stored yet.</summary>
public sealed record RedirectImportPreviewViewModel(
    string Token,
    string FileName,
    int RowCount,
    int AcceptedCount,
    IReadOnlyList<ImportRow> FirstAccepted,
    IReadOnlyList<CsvRejection> Rejected);

public sealed class RedirectEditModel
{
    [Required(ErrorMessage = "Vui lòng nhập địa chỉ cũ.")]
    [StringLength(RedirectRules.InputMaxLength, ErrorMessage = "Địa chỉ cũ quá dài.")]
    [Display(Name = "Địa chỉ cũ (đường dẫn và tham số của cổng cũ)")]
    public string FromPath { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập địa chỉ mới.")]
    [StringLength(RedirectRules.InputMaxLength, ErrorMessage = "Địa chỉ mới quá dài.")]
    [Display(Name = "Địa chỉ mới")]
    public string ToUrl { get; set; } = "";
}
