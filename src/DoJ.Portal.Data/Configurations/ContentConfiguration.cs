using DoJ.Portal.Domain.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoJ.Portal.Data.Configurations;

internal sealed class StaticPageConfiguration : IEntityTypeConfiguration<StaticPage>
{
    public void Configure(EntityTypeBuilder<StaticPage> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(StaticPage.TitleMaxLength).IsRequired();
        builder.Property(p => p.Slug).HasMaxLength(StaticPage.SlugMaxLength).IsRequired();
        builder.Property(p => p.Body).IsRequired();
        builder.Property(p => p.Language).HasMaxLength(StaticPage.LanguageMaxLength).IsRequired();
        builder.Property(p => p.CreatedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(p => p.UpdatedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(p => p.Slug).IsUnique();
    }
}

internal sealed class StaticPageRevisionConfiguration : IEntityTypeConfiguration<StaticPageRevision>
{
    public void Configure(EntityTypeBuilder<StaticPageRevision> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(StaticPage.TitleMaxLength).IsRequired();
        builder.Property(r => r.Slug).HasMaxLength(StaticPage.SlugMaxLength).IsRequired();
        builder.Property(r => r.Body).IsRequired();
        builder.Property(r => r.Language).HasMaxLength(StaticPage.LanguageMaxLength).IsRequired();
        builder.Property(r => r.CreatedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(r => r.CreatedByName).HasMaxLength(IdentityLengths.UserName).IsRequired();
        builder.Property(r => r.Attachments).IsRequired().HasDefaultValue("[]");
        builder.HasOne(r => r.StaticPage).WithMany(p => p.Revisions)
            .HasForeignKey(r => r.StaticPageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.StaticPageId, r.CreatedAtUtc });
    }
}

internal sealed class MediaConfiguration : IEntityTypeConfiguration<Media>
{
    public void Configure(EntityTypeBuilder<Media> builder)
    {
        builder.Property(m => m.FileName).HasMaxLength(Media.FileNameMaxLength).IsRequired();
        builder.Property(m => m.ThumbnailFileName).HasMaxLength(Media.FileNameMaxLength);
        builder.Property(m => m.OriginalName).HasMaxLength(Media.OriginalNameMaxLength).IsRequired();
        builder.Property(m => m.ContentType).HasMaxLength(Media.ContentTypeMaxLength).IsRequired();
        builder.Property(m => m.AltText).HasMaxLength(Media.AltTextMaxLength).IsRequired();
        builder.Property(m => m.UploadedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(m => m.OriginalFileName).HasMaxLength(Media.FileNameMaxLength);
        builder.Property(m => m.VariantWidths).HasMaxLength(Media.VariantWidthsMaxLength).IsRequired().HasDefaultValue("");
        builder.HasIndex(m => m.FileName).IsUnique();
        // The conversion job's queue: images without variants yet.
        builder.HasIndex(m => new { m.VariantWidths, m.Id });
        builder.HasIndex(m => m.UploadedAtUtc);
    }
}
