using DoJ.Portal.Domain.Articles;

namespace DoJ.Portal.Web.Editing;

/// <summary>A saved document as its edit form shows it: the fields, where it stands in the workflow now, its public address.</summary>
public sealed record LegalDocumentForm(LegalDocumentEditModel Model, ArticleState State, string Slug);
