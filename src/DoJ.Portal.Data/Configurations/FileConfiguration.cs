using DoJ.Portal.Domain.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoJ.Portal.Data.Configurations;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.Property(f => f.FileName).HasMaxLength(StoredFile.FileNameMaxLength).IsRequired();
        builder.Property(f => f.OriginalName).HasMaxLength(StoredFile.OriginalNameMaxLength).IsRequired();
        builder.Property(f => f.Sha256).HasMaxLength(StoredFile.Sha256Length).IsRequired();
        builder.Property(f => f.UploadedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(f => f.TextNote).HasMaxLength(StoredFile.TextNoteMaxLength);
        builder.HasIndex(f => f.FileName).IsUnique();
        // The extraction job reads the files still waiting.
        builder.HasIndex(f => new { f.TextState, f.Id });
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.Property(a => a.DisplayName).HasMaxLength(Attachment.DisplayNameMaxLength).IsRequired();
        // A file stays while anything (a list or a revision) may point at it: never deleted through an attachment.
        builder.HasOne(a => a.StoredFile).WithMany()
            .HasForeignKey(a => a.StoredFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Article).WithMany(a => a.Attachments)
            .HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.StaticPage).WithMany(p => p.Attachments)
            .HasForeignKey(a => a.StaticPageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.LegalDocument).WithMany(d => d.Attachments)
            .HasForeignKey(a => a.LegalDocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ArticleId, a.Position });
        builder.HasIndex(a => new { a.StaticPageId, a.Position });
        builder.HasIndex(a => new { a.LegalDocumentId, a.Position });
        builder.ToTable(t => t.HasCheckConstraint("CK_Attachments_OneOwner",
            "(CASE WHEN ArticleId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN StaticPageId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN LegalDocumentId IS NULL THEN 0 ELSE 1 END) = 1"));
    }
}
