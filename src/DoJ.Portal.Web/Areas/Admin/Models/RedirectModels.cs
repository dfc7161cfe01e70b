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

