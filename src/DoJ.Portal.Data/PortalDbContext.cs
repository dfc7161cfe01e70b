using DoJ.Portal.Data.Identity;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Auditing;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Counting;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Domain.Gallery;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Domain.Settings;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data;

/// <summary>The portal's one database context, Identity and the data protection keys included.</summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    private string? providerName;

    /// <summary>The provider's name, read once per context (pooled contexts keep it: their options do not change).</summary>
    public string ProviderName => providerName ??= Database.ProviderName ?? string.Empty;

    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();

    /// <summary>The change sequence each instance's search index follows (see <see cref="ContentChangeRecorder"/>).</summary>
    public DbSet<ContentChange> ContentChanges => Set<ContentChange>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<StaticPage> StaticPages => Set<StaticPage>();
    public DbSet<StaticPageRevision> StaticPageRevisions => Set<StaticPageRevision>();
    public DbSet<Media> Media => Set<Media>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<LegalDocument> LegalDocuments => Set<LegalDocument>();
    public DbSet<LegalDocumentRevision> LegalDocumentRevisions => Set<LegalDocumentRevision>();
    public DbSet<LegalDocumentArticle> LegalDocumentArticles => Set<LegalDocumentArticle>();
    public DbSet<RegisterTerm> RegisterTerms => Set<RegisterTerm>();
    public DbSet<Album> Albums => Set<Album>();
    public DbSet<AlbumPhoto> AlbumPhotos => Set<AlbumPhoto>();
    public DbSet<Video> Videos => Set<Video>();
    public DbSet<Domain.Citizens.Question> Questions => Set<Domain.Citizens.Question>();
    public DbSet<Domain.Citizens.DocumentComment> DocumentComments => Set<Domain.Citizens.DocumentComment>();
    public DbSet<Domain.Agency.Procedure> Procedures => Set<Domain.Agency.Procedure>();
    public DbSet<Domain.Agency.Official> Officials => Set<Domain.Agency.Official>();
    public DbSet<Domain.Mail.OutgoingMail> OutgoingMails => Set<Domain.Mail.OutgoingMail>();
    public DbSet<Domain.Operations.JobLease> JobLeases => Set<Domain.Operations.JobLease>();
    public DbSet<MenuItem> MenuItems => Set<MenuItem>();
    public DbSet<LinkGroup> LinkGroups => Set<LinkGroup>();
    public DbSet<Link> Links => Set<Link>();
    public DbSet<Redirect> Redirects => Set<Redirect>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();
    public DbSet<SiteCounter> SiteCounters => Set<SiteCounter>();
    public DbSet<DailyStat> DailyStats => Set<DailyStat>();
    public DbSet<ArticleViewStat> ArticleViewStats => Set<ArticleViewStat>();
    public DbSet<VisitorKey> VisitorKeys => Set<VisitorKey>();
    public DbSet<RecentVisitor> RecentVisitors => Set<RecentVisitor>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The keys that protect sign-in cookies and antiforgery tokens, shared by every instance and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewConcurrencyStamps();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewConcurrencyStamps();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Each update of a stamped entity gets a new stamp; the WHERE clause carries the stamp the
    /// editor loaded (its original value), so a save over someone else's change affects no row and
    /// EF Core raises <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    private void RenewConcurrencyStamps()
    {
        foreach (var entry in ChangeTracker.Entries<IConcurrencyStamped>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.ConcurrencyStamp = Guid.NewGuid();
            }
        }
    }
}
