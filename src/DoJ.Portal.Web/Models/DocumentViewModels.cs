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

public sealed record DocumentDetailsViewModel(DocumentDetails Document, LegalEffect Effect, string CanonicalUrl, string JsonLd,
    CommentPeriodState CommentState = CommentPeriodState.None)
{
    /// <summary>The summary of the comments received, published once the period has ended.</summary>
    public string? PublishedCommentSummary => CommentState == CommentPeriodState.Closed && !string.IsNullOrWhiteSpace(Document.CommentSummary) ? Document.CommentSummary : null;

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

/// <summary>Lấy ý kiến dự thảo: the documents with a comment period that is open, coming, or closed recently.</summary>
public sealed record DraftCommentListViewModel(IReadOnlyList<DocumentCommentTarget> Documents, DateOnly Today)
{
    public IEnumerable<DocumentCommentTarget> In(CommentPeriodState state) => Documents.Where(d => d.StateOn(Today) == state);
}

/// <summary>A document's comment form (and the page after a send): the document, its period today, what was typed, why it was refused.</summary>
public sealed record DraftCommentFormViewModel(DocumentCommentTarget Document, CommentPeriodState State, Citizens.DraftCommentInput Input, string? Refusal);

/// <summary>How the comment pages word a period.</summary>
public static class CommentPeriodText
{
    public static string Describe(CommentPeriodState state, DateOnly? opensOn, DateOnly? closesOn) => state switch
    {
        CommentPeriodState.Open => $"Đang lấy ý kiến đến hết ngày {Day(closesOn)}",
        CommentPeriodState.NotYetOpen => $"Chưa mở lấy ý kiến (từ ngày {Day(opensOn)} đến ngày {Day(closesOn)})",
        CommentPeriodState.Closed => $"Đã hết hạn lấy ý kiến (từ ngày {Day(opensOn)} đến ngày {Day(closesOn)})",
        _ => "",
    };

    private static string Day(DateOnly? day) => day is { } d ? DocumentText.Date(d) : "";
}
