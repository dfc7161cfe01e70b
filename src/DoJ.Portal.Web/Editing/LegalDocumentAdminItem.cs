using DoJ.Portal.Domain.Articles;

namespace DoJ.Portal.Web.Editing;

/// <summary>The admin list's filter: words of the number or abstract, a type, a workflow state, or the recycle bin.</summary>
public sealed record LegalDocumentAdminFilter(string? Words, int? DocumentTypeId, ArticleState? State, bool InBin);

/// <summary>A document in the admin list.</summary>
public sealed record LegalDocumentAdminItem(
    int Id,
    string Number,
    string Slug,
    string Abstract,
    string DocumentTypeName,
    DateOnly IssuedOn,
    ArticleState State,
    DateTime UpdatedAtUtc);
