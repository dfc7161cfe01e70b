using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Documents;

namespace DoJ.Portal.Domain.Files;

/// <summary>
/// A file listed under an article, a static page or a document of the register, with the name readers see
/// and its place in the list. Exactly one owner is set.
/// </summary>
public class Attachment
{
    public const int DisplayNameMaxLength = 300;

    public int Id { get; set; }
    public int StoredFileId { get; set; }
    public StoredFile? StoredFile { get; set; }

    /// <summary>The Vietnamese name readers see (e.g. "Quyết định khen thưởng").</summary>
    public string DisplayName { get; set; } = "";

    public int Position { get; set; }

    public int? ArticleId { get; set; }
    public Article? Article { get; set; }
    public int? StaticPageId { get; set; }
    public StaticPage? StaticPage { get; set; }
    public int? LegalDocumentId { get; set; }
    public LegalDocument? LegalDocument { get; set; }
}
