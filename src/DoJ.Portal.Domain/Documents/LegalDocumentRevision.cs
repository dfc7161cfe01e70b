using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Files;

namespace DoJ.Portal.Domain.Documents;

/// <summary>A snapshot of a document as one save left it, its files and related articles included.</summary>
public class LegalDocumentRevision
{
    public long Id { get; set; }
    public int LegalDocumentId { get; set; }
    public LegalDocument? LegalDocument { get; set; }

    public string Number { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Abstract { get; set; } = "";
    public string Signer { get; set; } = "";
    public int DocumentTypeId { get; set; }
    public int IssuingBodyId { get; set; }
    public int FieldId { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateOnly? EffectiveOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public ArticleStatus Status { get; set; }
    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>The attachments in order (<see cref="AttachmentSnapshot.Serialize"/>).</summary>
    public string Attachments { get; set; } = "[]";

    /// <summary>The related article ids, comma-separated.</summary>
    public string RelatedArticleIds { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedById { get; set; }
    public string CreatedByName { get; set; } = "";

    public static LegalDocumentRevision Of(LegalDocument document, DateTime atUtc, string? userId, string userName) => new()
    {
        LegalDocumentId = document.Id,
        LegalDocument = document,
        Number = document.Number,
        Slug = document.Slug,
        Abstract = document.Abstract,
        Signer = document.Signer,
        DocumentTypeId = document.DocumentTypeId,
        IssuingBodyId = document.IssuingBodyId,
        FieldId = document.FieldId,
        IssuedOn = document.IssuedOn,
        EffectiveOn = document.EffectiveOn,
        ExpiresOn = document.ExpiresOn,
        Status = document.Status,
        PublishedAtUtc = document.PublishedAtUtc,
        Attachments = AttachmentSnapshot.Of(document.Attachments),
        RelatedArticleIds = string.Join(',', document.RelatedArticles.Select(r => r.ArticleId).Order()),
        CreatedAtUtc = atUtc,
        CreatedById = userId,
        CreatedByName = userName,
    };
}
