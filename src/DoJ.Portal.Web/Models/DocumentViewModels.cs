using System.Globalization;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Paging;

namespace DoJ.Portal.Web.Models;

/// <summary>The register's filter as the query string carried it (slugs and values as sent, for the form and the links).</summary>
public sealed record DocumentFilterValues(string? Type, string? IssuingBody, string? Field, int? Year, LegalEffect? Effect, string? Text)
{
    public bool IsEmpty => Type is null && IssuingBody is null && Field is null && Year is null && Effect is null && Text is null;
}

public sealed record DocumentRegisterViewModel(
    PagedList<DocumentListItem> Documents,
    DocumentFilterValues Filter,
    IReadOnlyList<RegisterTermItem> Terms,
    IReadOnlyList<int> Years,
    DateOnly Today);

public sealed record DocumentDetailsViewModel(DocumentDetails Document, LegalEffect Effect, string CanonicalUrl, string JsonLd)
{
    /// <summary>The first PDF, previewed inline where the browser can.</summary>
    public DocumentFileItem? PreviewFile => Document.Files.FirstOrDefault(f => f.Kind == Domain.Files.FileKind.Pdf);
}

/// <summary>Dates and sizes as the register shows them.</summary>
public static class DocumentText
{
    public static string Date(DateOnly day) => day.ToString(Domain.Time.VietnamTime.DateFormat, CultureInfo.InvariantCulture);

    public static string IsoDate(DateOnly day) => day.ToString(Domain.Time.VietnamTime.IsoDateFormat, CultureInfo.InvariantCulture);

    /// <summary>A file size in Vietnamese notation: <c>850 KB</c>, <c>1,2 MB</c>.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes.ToString(CultureInfo.InvariantCulture)} byte",
        < 1024 * 1024 => $"{Math.Max(1, bytes / 1024).ToString(CultureInfo.InvariantCulture)} KB",
        _ => $"{(bytes / (1024d * 1024d)).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',')} MB",
    };
}
