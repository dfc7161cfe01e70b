using DoJ.Portal.Data.Repositories;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>
/// "Văn bản liên quan" under an article: the public documents linked to it. A change to such a document evicts the
/// article's page (<c>PublicCache.DocumentChangedAsync</c> names its articles), so the page carries no extra tag.
/// </summary>
public sealed class RelatedDocumentsViewComponent(DocumentRepository documents) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int articleId) =>
        View(await documents.ListRelatedToArticleAsync(articleId, HttpContext.RequestAborted));
}
