using System.Linq.Expressions;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Domain.Publishing;

namespace DoJ.Portal.Domain.Documents;

/// <summary>
/// A document of the department's register (văn bản): a plan, decision, official letter… with the fields
/// Nghị định 42/2022 asks a portal to publish. Its workflow is <see cref="PublishableContent"/>'s.
/// Calendar dates are <see cref="DateOnly"/> (a Vietnam calendar day, no time and no zone).
/// </summary>
public class LegalDocument : PublishableContent, IAuditable, IConcurrencyStamped
{
    public const int NumberMaxLength = 100;
    public const int SlugMaxLength = 100;
    public const int AbstractMaxLength = 2000;
    public const int SignerMaxLength = 200;

    public int Id { get; set; }

    /// <summary>Số/Ký hiệu as written, e.g. <c>15/2025/QĐ-UBND</c>.</summary>
    public string Number { get; set; } = "";

    /// <summary><see cref="Number"/> folded for lookup (<see cref="DocumentNumber.Key"/>), kept in step on every save.</summary>
    public string NumberKey { get; set; } = "";

    public string Slug { get; set; } = "";

    /// <summary>Trích yếu: what the document is about.</summary>
    public string Abstract { get; set; } = "";

    public string Signer { get; set; } = "";

    public int DocumentTypeId { get; set; }
    public RegisterTerm? DocumentType { get; set; }
    public int IssuingBodyId { get; set; }
    public RegisterTerm? IssuingBody { get; set; }
    public int FieldId { get; set; }
    public RegisterTerm? Field { get; set; }

    public DateOnly IssuedOn { get; set; }

    /// <summary>Ngày có hiệu lực; null means from the date of issue.</summary>
    public DateOnly? EffectiveOn { get; set; }

    /// <summary>Ngày hết hiệu lực; null while it has none.</summary>
    public DateOnly? ExpiresOn { get; set; }

    public const int CommentSummaryMaxLength = 100_000;

    /// <summary>Lấy ý kiến dự thảo: the first Vietnam day comments are accepted; null when not open for comment.</summary>
    public DateOnly? CommentsOpenOn { get; set; }

    /// <summary>The last Vietnam day comments are accepted (inclusive); set together with <see cref="CommentsOpenOn"/>.</summary>
    public DateOnly? CommentsCloseOn { get; set; }

    /// <summary>Báo cáo tổng hợp ý kiến: sanitized HTML published with the document once the period has ended.</summary>
    public string? CommentSummary { get; set; }

    public ICollection<DoJ.Portal.Domain.Citizens.DocumentComment> Comments { get; } = [];

    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedById { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedById { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public ICollection<Attachment> Attachments { get; } = [];
    public ICollection<LegalDocumentArticle> RelatedArticles { get; } = [];
    public ICollection<LegalDocumentRevision> Revisions { get; } = [];

    public DateOnly EffectiveFrom => EffectiveOn ?? IssuedOn;

    /// <summary>Còn hiệu lực / Hết hiệu lực / Chưa có hiệu lực on a Vietnam calendar day.</summary>
    public LegalEffect EffectOn(DateOnly today) =>
        today < EffectiveFrom ? LegalEffect.NotYetInEffect
        : ExpiresOn is { } expiry && today >= expiry ? LegalEffect.Expired
        : LegalEffect.InEffect;

    /// <summary>Comments are accepted from <see cref="CommentsOpenOn"/> to <see cref="CommentsCloseOn"/> inclusive (Vietnam days).</summary>
    public bool IsOpenForCommentOn(DateOnly today) =>
        CommentsOpenOn is { } open && CommentsCloseOn is { } close && open <= today && today <= close;

    /// <summary>The one definition of a public document, as for articles.</summary>
    public static Expression<Func<LegalDocument, bool>> IsPublicAt(DateTime nowUtc) =>
        d => d.Status == ArticleStatus.Published && !d.IsDeleted && d.PublishedAtUtc <= nowUtc;

    /// <summary>The documents with the given effect on <paramref name="today"/>, as a query the database can run.</summary>
    public static Expression<Func<LegalDocument, bool>> HasEffectOn(LegalEffect effect, DateOnly today) => effect switch
    {
        LegalEffect.NotYetInEffect => d => (d.EffectiveOn ?? d.IssuedOn) > today,
        LegalEffect.Expired => d => (d.EffectiveOn ?? d.IssuedOn) <= today && d.ExpiresOn != null && d.ExpiresOn <= today,
        _ => d => (d.EffectiveOn ?? d.IssuedOn) <= today && (d.ExpiresOn == null || d.ExpiresOn > today),
    };
}

/// <summary>An article a document is linked to (the award report behind a decision, the news of a plan).</summary>
public class LegalDocumentArticle
{
    public int LegalDocumentId { get; set; }
    public LegalDocument? LegalDocument { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
}
