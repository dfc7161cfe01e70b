using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoJ.Portal.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(Article.TitleMaxLength).IsRequired();
        builder.Property(a => a.Slug).HasMaxLength(Article.SlugMaxLength).IsRequired();
        builder.Property(a => a.Summary).HasMaxLength(Article.SummaryMaxLength).IsRequired();
        builder.Property(a => a.Body).IsRequired();
        builder.Property(a => a.ThumbnailPath).HasMaxLength(Article.ThumbnailMaxLength);
        builder.Property(a => a.Author).HasMaxLength(Article.AuthorMaxLength).IsRequired();
        builder.Property(a => a.CreatedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(a => a.UpdatedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(a => a.DeletedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();

        builder.HasOne(a => a.Category).WithMany(c => c.Articles)
            .HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.LeadImageAlt).HasMaxLength(Article.LeadImageAltMaxLength).IsRequired().HasDefaultValue("");
        builder.Property(a => a.LeadImageCaption).HasMaxLength(Article.LeadImageCaptionMaxLength).IsRequired().HasDefaultValue("");
        builder.Property(a => a.ReturnNote).HasMaxLength(Article.ReturnNoteMaxLength);
        // An image or album in use cannot be deleted from under an article.
        builder.HasOne(a => a.LeadImage).WithMany().HasForeignKey(a => a.LeadImageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Album).WithMany().HasForeignKey(a => a.AlbumId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.LeadImageId);
        builder.HasIndex(a => a.AlbumId);

        builder.HasIndex(a => a.Slug).IsUnique();
        // The public lists (docs/performance.md, "Cache misses"): equality columns first, then the publish time and the
        // id in the lists' order (newest first, id breaking ties), so a page is read from the index in order and a
        // deep page skips index entries only. IsDeleted (and IsFeatured) come last: "NOT IsDeleted" and "IsFeatured" are
        // not equality tests SQLite can seek on, so they are checked in the index without reading the article row.
        // Home "latest" and "featured", the day archive (a range on PublishedAtUtc), feeds and sitemap:
        builder.HasIndex(a => new { a.Status, a.PublishedAtUtc, a.Id, a.IsDeleted, a.IsFeatured });
        // Category pages (and their count), home category blocks and "Các tin khác":
        builder.HasIndex(a => new { a.CategoryId, a.Status, a.PublishedAtUtc, a.Id, a.IsDeleted });
        // The newest change (the stamp that keeps cached category totals exact) and the admin list ordered by last change.
        builder.HasIndex(a => new { a.UpdatedAtUtc, a.IsDeleted });
    }
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(Article.TitleMaxLength).IsRequired();
        builder.Property(r => r.Slug).HasMaxLength(Article.SlugMaxLength).IsRequired();
        builder.Property(r => r.Summary).HasMaxLength(Article.SummaryMaxLength).IsRequired();
        builder.Property(r => r.Body).IsRequired();
        builder.Property(r => r.ThumbnailPath).HasMaxLength(Article.ThumbnailMaxLength);
        builder.Property(r => r.Author).HasMaxLength(Article.AuthorMaxLength).IsRequired();
        builder.Property(r => r.CreatedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(r => r.CreatedByName).HasMaxLength(IdentityLengths.UserName).IsRequired();
        builder.Property(r => r.Attachments).IsRequired().HasDefaultValue("[]");
        builder.Property(r => r.LeadImageAlt).HasMaxLength(Article.LeadImageAltMaxLength).IsRequired().HasDefaultValue("");
        builder.Property(r => r.LeadImageCaption).HasMaxLength(Article.LeadImageCaptionMaxLength).IsRequired().HasDefaultValue("");
        builder.HasOne(r => r.Article).WithMany(a => a.Revisions)
            .HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ArticleId, r.CreatedAtUtc });
    }
}

internal sealed class ContentChangeConfiguration : IEntityTypeConfiguration<ContentChange>
{
    public void Configure(EntityTypeBuilder<ContentChange> builder)
    {
        // Pruning removes rows by age.
        builder.HasIndex(c => c.ChangedAtUtc);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Category.NameMaxLength).IsRequired();
        builder.Property(c => c.Slug).HasMaxLength(Category.SlugMaxLength).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(Category.DescriptionMaxLength).IsRequired();
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.HasIndex(c => c.SortOrder);
    }
}
