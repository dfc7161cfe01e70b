using DoJ.Portal.Domain.Auditing;
using DoJ.Portal.Domain.Counting;
using DoJ.Portal.Domain.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoJ.Portal.Data.Configurations;

internal sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.SiteName).HasMaxLength(SiteSettings.NameMaxLength).IsRequired();
        builder.Property(s => s.ParentAgency).HasMaxLength(SiteSettings.NameMaxLength).IsRequired();
        builder.Property(s => s.Tagline).HasMaxLength(SiteSettings.NameMaxLength).IsRequired();
        builder.Property(s => s.BannerPath).HasMaxLength(SiteSettings.LineMaxLength);
        builder.Property(s => s.Address).HasMaxLength(SiteSettings.LineMaxLength).IsRequired();
        builder.Property(s => s.Phone).HasMaxLength(SiteSettings.ShortMaxLength).IsRequired();
        builder.Property(s => s.Email).HasMaxLength(SiteSettings.ShortMaxLength).IsRequired();
        builder.Property(s => s.ResponsiblePerson).HasMaxLength(SiteSettings.LineMaxLength).IsRequired();
        builder.Property(s => s.LicenseLine).HasMaxLength(SiteSettings.LineMaxLength).IsRequired();
        builder.Property(s => s.FooterNote).HasMaxLength(SiteSettings.LineMaxLength).IsRequired();
        builder.Property(s => s.BaseUrl).HasMaxLength(SiteSettings.BaseUrlMaxLength);
        builder.Property(s => s.ConcurrencyStamp).IsConcurrencyToken();
    }
}

internal sealed class SiteCounterConfiguration : IEntityTypeConfiguration<SiteCounter>
{
    public void Configure(EntityTypeBuilder<SiteCounter> builder)
    {
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(SiteCounter.NameMaxLength);
    }
}

internal sealed class DailyStatConfiguration : IEntityTypeConfiguration<DailyStat>
{
    public void Configure(EntityTypeBuilder<DailyStat> builder) => builder.HasKey(d => d.Day);
}

internal sealed class ArticleViewStatConfiguration : IEntityTypeConfiguration<ArticleViewStat>
{
    public void Configure(EntityTypeBuilder<ArticleViewStat> builder)
    {
        // No foreign key: counts are flushed in bulk and must not fail on an article deleted meanwhile.
        builder.HasKey(s => s.ArticleId);
        builder.Property(s => s.ArticleId).ValueGeneratedNever();
    }
}

internal sealed class VisitorKeyConfiguration : IEntityTypeConfiguration<VisitorKey>
{
    public void Configure(EntityTypeBuilder<VisitorKey> builder)
    {
        builder.HasKey(k => k.Day);
        builder.Property(k => k.Key).HasMaxLength(VisitorKey.KeyLength).IsRequired();
    }
}

internal sealed class RecentVisitorConfiguration : IEntityTypeConfiguration<RecentVisitor>
{
    public void Configure(EntityTypeBuilder<RecentVisitor> builder)
    {
        builder.HasKey(v => v.VisitorHash);
        builder.Property(v => v.VisitorHash).HasMaxLength(RecentVisitor.HashMaxLength);
        builder.HasIndex(v => v.LastSeenUtc);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.UserId).HasMaxLength(IdentityLengths.UserId);
        builder.Property(e => e.UserName).HasMaxLength(AuditEntry.UserNameMaxLength).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsRequired();
        builder.Property(e => e.EntityType).HasMaxLength(AuditEntry.EntityTypeMaxLength).IsRequired();
        builder.Property(e => e.EntityId).HasMaxLength(AuditEntry.EntityIdMaxLength).IsRequired();
        builder.Property(e => e.Summary).HasMaxLength(AuditEntry.SummaryMaxLength).IsRequired();
        builder.Property(e => e.Changes).IsRequired();
        builder.HasIndex(e => e.AtUtc);
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => new { e.UserId, e.AtUtc });
    }
}

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<Identity.PortalUser>
{
    public void Configure(EntityTypeBuilder<Identity.PortalUser> builder) =>
        builder.Property(u => u.DisplayName).HasMaxLength(Identity.PortalUser.DisplayNameMaxLength).IsRequired();
}
