using DoJ.Portal.Domain.Gallery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoJ.Portal.Data.Configurations;

internal sealed class AlbumConfiguration : IEntityTypeConfiguration<Album>
{
    public void Configure(EntityTypeBuilder<Album> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(Album.TitleMaxLength).IsRequired();
        builder.Property(a => a.Slug).HasMaxLength(Album.SlugMaxLength).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(Album.DescriptionMaxLength).IsRequired();
        builder.Property(a => a.ReturnNote).HasMaxLength(Album.ReturnNoteMaxLength);
        builder.Property(a => a.CreatedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(a => a.UpdatedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(a => a.DeletedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        // The public list (newest first) and the home block, as for articles.
        builder.HasIndex(a => new { a.Status, a.PublishedAtUtc, a.Id, a.IsDeleted });
        builder.HasIndex(a => new { a.UpdatedAtUtc, a.IsDeleted });
    }
}

internal sealed class AlbumPhotoConfiguration : IEntityTypeConfiguration<AlbumPhoto>
{
    public void Configure(EntityTypeBuilder<AlbumPhoto> builder)
    {
        builder.Property(p => p.Caption).HasMaxLength(AlbumPhoto.CaptionMaxLength).IsRequired();
        builder.Property(p => p.AltText).HasMaxLength(DoJ.Portal.Domain.Content.Media.AltTextMaxLength).IsRequired();
        builder.HasOne(p => p.Album).WithMany(a => a.Photos).HasForeignKey(p => p.AlbumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Media).WithMany().HasForeignKey(p => p.MediaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.AlbumId, p.Position });
        builder.HasIndex(p => p.MediaId);
    }
}

internal sealed class VideoConfiguration : IEntityTypeConfiguration<Video>
{
    public void Configure(EntityTypeBuilder<Video> builder)
    {
        builder.Property(v => v.Title).HasMaxLength(Video.TitleMaxLength).IsRequired();
        builder.Property(v => v.Slug).HasMaxLength(Video.SlugMaxLength).IsRequired();
        builder.Property(v => v.Description).HasMaxLength(Video.DescriptionMaxLength).IsRequired();
        builder.Property(v => v.YouTubeId).HasMaxLength(Video.YouTubeIdLength).IsUnicode(false);
        builder.Property(v => v.ReturnNote).HasMaxLength(Video.ReturnNoteMaxLength);
        builder.Property(v => v.CreatedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(v => v.UpdatedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(v => v.DeletedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(v => v.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne(v => v.File).WithMany().HasForeignKey(v => v.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.Poster).WithMany().HasForeignKey(v => v.PosterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.Status, v.PublishedAtUtc, v.Id, v.IsDeleted });
        builder.HasIndex(v => new { v.UpdatedAtUtc, v.IsDeleted });
        builder.HasIndex(v => v.FileId);
        builder.HasIndex(v => v.PosterId);
        // Exactly one source: an uploaded MP4 or a YouTube id.
        builder.ToTable(t => t.HasCheckConstraint("CK_Videos_OneSource",
            "(CASE WHEN FileId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN YouTubeId IS NULL THEN 0 ELSE 1 END) = 1"));
    }
}
