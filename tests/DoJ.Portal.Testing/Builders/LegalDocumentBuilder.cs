using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Text;

namespace DoJ.Portal.Testing.Builders;

/// <summary><c>new LegalDocumentBuilder().Numbered("15/2025/QĐ-UBND").IssuedOn(day).Published(at).Build()</c>: documents of the register in any position.</summary>
public sealed class LegalDocumentBuilder
{
    private readonly LegalDocument document = new()
    {
        Number = "01/2026/KH-STP",
        NumberKey = DocumentNumber.Key("01/2026/KH-STP"),
        Abstract = "Kế hoạch phổ biến, giáo dục pháp luật năm 2026",
        Slug = "01-2026-kh-stp-ke-hoach-pho-bien-giao-duc-phap-luat-nam-2026",
        Signer = "Nguyễn Văn A",
        IssuedOn = new DateOnly(2026, 1, 15),
        Status = ArticleStatus.Draft,
    };

    /// <summary>The number, its key, and a slug made from it and the abstract.</summary>
    public LegalDocumentBuilder Numbered(string number)
    {
        document.Number = number;
        document.NumberKey = DocumentNumber.Key(number);
        document.Slug = Slug.From($"{number} {document.Abstract}");
        return this;
    }

    public LegalDocumentBuilder About(string summary)
    {
        document.Abstract = summary;
        document.Slug = Slug.From($"{document.Number} {summary}");
        return this;
    }

    public LegalDocumentBuilder Filed(int documentTypeId, int issuingBodyId, int fieldId)
    {
        document.DocumentTypeId = documentTypeId;
        document.IssuingBodyId = issuingBodyId;
        document.FieldId = fieldId;
        return this;
    }

    public LegalDocumentBuilder IssuedOn(DateOnly day)
    {
        document.IssuedOn = day;
        return this;
    }

    public LegalDocumentBuilder EffectiveOn(DateOnly? day)
    {
        document.EffectiveOn = day;
        return this;
    }

    public LegalDocumentBuilder ExpiresOn(DateOnly? day)
    {
        document.ExpiresOn = day;
        return this;
    }

    /// <summary>Lấy ý kiến dự thảo: open for comment from <paramref name="opensOn"/> to <paramref name="closesOn"/> (Vietnam days, inclusive).</summary>
    public LegalDocumentBuilder OpenForComment(DateOnly opensOn, DateOnly closesOn, string? summary = null)
    {
        document.CommentsOpenOn = opensOn;
        document.CommentsCloseOn = closesOn;
        document.CommentSummary = summary;
        return this;
    }

    public LegalDocumentBuilder Published(DateTime atUtc)
    {
        document.Status = ArticleStatus.Published;
        document.PublishedAtUtc = atUtc;
        return this;
    }

    public LegalDocumentBuilder WithStatus(ArticleStatus status)
    {
        document.Status = status;
        return this;
    }

    public LegalDocumentBuilder Deleted(bool deleted = true)
    {
        document.IsDeleted = deleted;
        return this;
    }

    /// <summary>Created, and last updated, at <paramref name="atUtc"/>.</summary>
    public LegalDocumentBuilder CreatedAt(DateTime atUtc)
    {
        document.CreatedAtUtc = atUtc;
        document.UpdatedAtUtc = atUtc;
        return this;
    }

    public LegalDocument Build() => document;
}
