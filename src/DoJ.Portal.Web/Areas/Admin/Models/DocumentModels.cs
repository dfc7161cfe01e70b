using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Editing;

namespace DoJ.Portal.Web.Areas.Admin.Models;

public sealed record DocumentListViewModel(
    PagedList<LegalDocumentAdminItem> Documents,
    IReadOnlyList<RegisterTermItem> Terms,
    LegalDocumentAdminFilter Filter);

public sealed record DocumentFormViewModel(
    int? Id,
    LegalDocumentEditModel Form,
    IReadOnlyList<RegisterTermItem> Terms,
    ArticleState? State,
    string? Slug,
    bool CanPublish,
    EditConflict? Conflict)
{
    public IEnumerable<RegisterTermItem> TermsOf(RegisterTermKind kind) => Terms.Where(t => t.Kind == kind);
}

public sealed record DocumentRevisionsViewModel(int DocumentId, string Number, IReadOnlyList<LegalDocumentRevision> Revisions, long? ShowRevisionId);

public sealed record RegisterTermListViewModel(IReadOnlyList<RegisterTermRow> Terms, string? Error);

public sealed record RegisterTermFormViewModel(int? Id, RegisterTermEditModel Form);
