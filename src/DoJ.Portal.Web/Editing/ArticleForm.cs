using DoJ.Portal.Domain.Articles;

namespace DoJ.Portal.Web.Editing;

/// <summary>A saved article as its edit form shows it: the fields and where it stands in the workflow now.</summary>
public sealed record ArticleForm(ArticleEditModel Model, ArticleState State);
