using DoJ.Portal.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoJ.Portal.Data.Configurations;

internal sealed class RegisterTermConfiguration : IEntityTypeConfiguration<RegisterTerm>
{
    public void Configure(EntityTypeBuilder<RegisterTerm> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(RegisterTerm.NameMaxLength).IsRequired();
        builder.Property(t => t.Slug).HasMaxLength(RegisterTerm.SlugMaxLength).IsRequired();
        builder.HasIndex(t => new { t.Kind, t.Slug }).IsUnique();
        builder.HasIndex(t => new { t.Kind, t.SortOrder });
    }
}

internal sealed class LegalDocumentConfiguration : IEntityTypeConfiguration<LegalDocument>
{
    public void Configure(EntityTypeBuilder<LegalDocument> builder)
    {
        builder.Property(d => d.Number).HasMaxLength(LegalDocument.NumberMaxLength).IsRequired();
        builder.Property(d => d.NumberKey).HasMaxLength(LegalDocument.NumberMaxLength).IsRequired();
        builder.Property(d => d.Slug).HasMaxLength(LegalDocument.SlugMaxLength).IsRequired();
        builder.Property(d => d.Abstract).HasMaxLength(LegalDocument.AbstractMaxLength).IsRequired();
        builder.Property(d => d.Signer).HasMaxLength(LegalDocument.SignerMaxLength).IsRequired();
        builder.Property(d => d.CreatedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(d => d.UpdatedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(d => d.DeletedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(d => d.ConcurrencyStamp).IsConcurrencyToken();
        builder.Ignore(d => d.EffectiveFrom);

        builder.HasOne(d => d.DocumentType).WithMany().HasForeignKey(d => d.DocumentTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.IssuingBody).WithMany().HasForeignKey(d => d.IssuingBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.Field).WithMany().HasForeignKey(d => d.FieldId).OnDelete(DeleteBehavior.Restrict);

        builder.Property(d => d.ReturnNote).HasMaxLength(LegalDocument.ReturnNoteMaxLength);
        builder.Property(d => d.CommentSummary).HasMaxLength(LegalDocument.CommentSummaryMaxLength);
        builder.HasIndex(d => d.NumberKey);
        // The drafts open for comment (a list on the register's page).
        builder.HasIndex(d => new { d.CommentsCloseOn, d.CommentsOpenOn });
        // The public register, newest first (date of issue, then id), as articles' lists (docs/performance.md).
        builder.HasIndex(d => new { d.Status, d.IssuedOn, d.Id, d.IsDeleted, d.PublishedAtUtc });
        builder.HasIndex(d => new { d.DocumentTypeId, d.Status, d.IssuedOn, d.Id, d.IsDeleted });
        builder.HasIndex(d => new { d.IssuingBodyId, d.Status, d.IssuedOn, d.Id, d.IsDeleted });
        builder.HasIndex(d => new { d.FieldId, d.Status, d.IssuedOn, d.Id, d.IsDeleted });
        builder.HasIndex(d => new { d.UpdatedAtUtc, d.IsDeleted });
    }
}

internal sealed class LegalDocumentArticleConfiguration : IEntityTypeConfiguration<LegalDocumentArticle>
{
    public void Configure(EntityTypeBuilder<LegalDocumentArticle> builder)
    {
        builder.HasKey(l => new { l.LegalDocumentId, l.ArticleId });
        builder.HasOne(l => l.LegalDocument).WithMany(d => d.RelatedArticles)
            .HasForeignKey(l => l.LegalDocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Article).WithMany()
            .HasForeignKey(l => l.ArticleId).OnDelete(DeleteBehavior.Cascade);
        // An article page lists the documents it is linked to.
        builder.HasIndex(l => l.ArticleId);
    }
}

internal sealed class LegalDocumentRevisionConfiguration : IEntityTypeConfiguration<LegalDocumentRevision>
{
    public void Configure(EntityTypeBuilder<LegalDocumentRevision> builder)
    {
        builder.Property(r => r.Number).HasMaxLength(LegalDocument.NumberMaxLength).IsRequired();
        builder.Property(r => r.Slug).HasMaxLength(LegalDocument.SlugMaxLength).IsRequired();
        builder.Property(r => r.Abstract).HasMaxLength(LegalDocument.AbstractMaxLength).IsRequired();
        builder.Property(r => r.Signer).HasMaxLength(LegalDocument.SignerMaxLength).IsRequired();
        builder.Property(r => r.Attachments).IsRequired();
        builder.Property(r => r.RelatedArticleIds).IsRequired();
        builder.Property(r => r.CreatedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(r => r.CreatedByName).HasMaxLength(IdentityLengths.UserName).IsRequired();
        builder.HasOne(r => r.LegalDocument).WithMany(d => d.Revisions)
            .HasForeignKey(r => r.LegalDocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.LegalDocumentId, r.CreatedAtUtc });
    }
}
