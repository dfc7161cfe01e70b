using DoJ.Portal.Domain.Navigation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoJ.Portal.Data.Configurations;

internal sealed class MenuItemConfiguration : IEntityTypeConfiguration<MenuItem>
{
    public void Configure(EntityTypeBuilder<MenuItem> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(MenuItem.TitleMaxLength).IsRequired();
        builder.Property(m => m.Url).HasMaxLength(MenuItem.UrlMaxLength);
        builder.HasOne(m => m.Category).WithMany()
            .HasForeignKey(m => m.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.StaticPage).WithMany()
            .HasForeignKey(m => m.StaticPageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Parent).WithMany(m => m.Children)
            .HasForeignKey(m => m.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ParentId, m.SortOrder });
    }
}

internal sealed class LinkGroupConfiguration : IEntityTypeConfiguration<LinkGroup>
{
    public void Configure(EntityTypeBuilder<LinkGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(LinkGroup.NameMaxLength).IsRequired();
        builder.HasIndex(g => g.SortOrder);
    }
}

internal sealed class LinkConfiguration : IEntityTypeConfiguration<Link>
{
    public void Configure(EntityTypeBuilder<Link> builder)
    {
        builder.Property(l => l.Title).HasMaxLength(Link.TitleMaxLength).IsRequired();
        builder.Property(l => l.Url).HasMaxLength(Link.UrlMaxLength).IsRequired();
        builder.HasOne(l => l.LinkGroup).WithMany(g => g.Links)
            .HasForeignKey(l => l.LinkGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.LinkGroupId, l.SortOrder });
    }
}

internal sealed class RedirectConfiguration : IEntityTypeConfiguration<Redirect>
{
    public void Configure(EntityTypeBuilder<Redirect> builder)
    {
        builder.Property(r => r.FromPath).HasMaxLength(Redirect.FromMaxLength).IsRequired();
        builder.Property(r => r.ToUrl).HasMaxLength(Redirect.ToMaxLength).IsRequired();
        builder.HasIndex(r => r.FromPath).IsUnique();
    }
}
