using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Domain.Settings;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Data.Seeding;

/// <summary>Loads <c>demo-content.json</c> (Vietnamese, NFC) into an empty database.</summary>
public sealed class DemoContentSeeder(PortalDbContext db, TimeProvider clock, IOptions<StorageOptions> storage)
{
    /// <summary>Old address of the seed award report on the replaced portal.</summary>
    public const string LegacyArticleUrl = "/?cn=28&gd=12&tc=5247";
    public const string LegacyCategoryUrl = "/?cn=28&gd=12";
    public const string SeedByline = "Dữ liệu mẫu";

    private readonly Lazy<DemoContent> content = new(DemoContent.Load);

    /// <summary>Creates the settings row from the demo department when it is missing.</summary>
    public async Task EnsureSettingsAsync(CancellationToken cancellationToken = default)
    {
        if (await db.SiteSettings.AnyAsync(cancellationToken))
        {
            return;
        }

        var s = content.Value.Settings;
        db.SiteSettings.Add(new SiteSettings
        {
            SiteName = s.SiteName,
            ParentAgency = s.ParentAgency,
            Tagline = s.Tagline,
            Address = s.Address,
            Phone = s.Phone,
            Email = s.Email,
            ResponsiblePerson = s.ResponsiblePerson,
            LicenseLine = s.LicenseLine,
            FooterNote = s.FooterNote,
            StartingVisitTotal = s.StartingVisitTotal,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Creates the register's starter lists (document types, issuing bodies, fields) when there are none, the issuing
    /// bodies named after the settings' locality (<see cref="AgencyNames.Locality"/>). Required rows, as the settings:
    /// a production database gets them too, and administrators edit them from there.
    /// </summary>
    public async Task EnsureRegisterTermsAsync(CancellationToken cancellationToken = default)
    {
        if (await db.RegisterTerms.AnyAsync(cancellationToken))
        {
            return;
        }

        var locality = AgencyNames.Locality(await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, cancellationToken));
        var lists = RegisterTermLists.Load();
        foreach (var (kind, entries) in new[]
        {
            (RegisterTermKind.DocumentType, lists.DocumentTypes),
            (RegisterTermKind.IssuingBody, lists.IssuingBodies),
            (RegisterTermKind.Field, lists.Fields),
        })
        {
            db.RegisterTerms.AddRange(entries.Select((e, i) => new RegisterTerm
            {
                Kind = kind,
                Name = AgencyNames.Fill(e.Name, locality),
                Slug = e.Slug,
                SortOrder = (i + 1) * 10,
            }));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var demo = content.Value;

        var categories = demo.Categories.Select((c, i) => new Category
        {
            Name = c.Name,
            Slug = c.Slug,
            Description = c.Description,
            SortOrder = (i + 1) * 10,
        }).ToDictionary(c => c.Slug);
        db.Categories.AddRange(categories.Values);

        var articles = demo.Articles.Select(a => ToArticle(a, categories[a.Category], now)).ToList();
        db.Articles.AddRange(articles);

        var pages = demo.Pages.Select(p => new StaticPage
        {
            Slug = p.Slug,
            Title = p.Title,
            Language = p.Language,
            Body = p.BodyHtml,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        }).ToDictionary(p => p.Slug);
        db.StaticPages.AddRange(pages.Values);

        db.LinkGroups.AddRange(demo.LinkGroups.Select((g, gi) =>
        {
            var group = new LinkGroup
            {
                Name = g.Name,
                Display = Enum.Parse<LinkGroupDisplay>(g.DisplayMode),
                SortOrder = (gi + 1) * 10,
            };
            foreach (var (link, li) in g.Links.Select((l, li) => (l, li)))
            {
                group.Links.Add(new Link { Title = link.Title, Url = link.Url, SortOrder = (li + 1) * 10 });
            }

            return group;
        }));

        db.MenuItems.AddRange(demo.Menu.Select((m, i) => ToMenuItem(m, i, categories, pages)));
        await db.SaveChangesAsync(cancellationToken);
        // Before the first revisions, so they keep the lead images and albums.
        await DemoPhotoSeeder.SeedAsync(db, storage.Value.UploadsRoot, articles, now, cancellationToken);

        foreach (var article in articles)
        {
            db.ArticleRevisions.Add(ArticleRevision.Of(article, now, null, SeedByline));
        }

        foreach (var page in pages.Values)
        {
            db.StaticPageRevisions.Add(StaticPageRevision.Of(page, now, null, SeedByline));
        }

        var award = articles.First(a => a.CategoryId == categories["thi-dua-khen-thuong"].Id && a.Author == "Tiên An");
        db.Redirects.AddRange(
            new Redirect { FromPath = Redirect.Normalize(LegacyArticleUrl), ToUrl = $"/tin-tuc/{award.Id}/{award.Slug}", CreatedAtUtc = now },
            new Redirect { FromPath = Redirect.Normalize(LegacyCategoryUrl), ToUrl = "/chuyen-muc/thi-dua-khen-thuong", CreatedAtUtc = now });
        await db.SaveChangesAsync(cancellationToken);

        await EnsureRegisterTermsAsync(cancellationToken);
        await DemoDocumentSeeder.SeedAsync(db, storage.Value.FilesRoot, articles, now, cancellationToken);
        await DemoQuestionSeeder.SeedAsync(db, articles, now, cancellationToken);
        await DemoDraftCommentSeeder.SeedAsync(db, storage.Value.FilesRoot, now, cancellationToken);
        await DemoAgencySeeder.SeedAsync(db, now, cancellationToken);
    }

    private static Article ToArticle(DemoArticle a, Category category, DateTime now)
    {
        var status = a.Status == "Scheduled" ? ArticleStatus.Published : Enum.Parse<ArticleStatus>(a.Status);
        DateTime? publishedAt = a.Status switch
        {
            "Scheduled" => now.AddDays(a.ScheduledDaysFromNow ?? 7),
            "Published" => VietnamTime.ToUtc(a.PublishedAt ?? throw new InvalidOperationException($"'{a.Title}' has no publishedAt.")),
            _ => null,
        };
        var createdAt = publishedAt is { } p && p < now ? p.AddHours(-2) : now;
        return new Article
        {
            Title = a.Title,
            Slug = Slug.From(a.Title),
            Summary = a.Summary,
            Body = a.BodyHtml,
            Author = a.Author,
            Category = category,
            IsFeatured = a.Featured,
            Status = status,
            PublishedAtUtc = publishedAt,
            CreatedAtUtc = createdAt,
            UpdatedAtUtc = publishedAt is { } u && u < now ? u : now,
        };
    }

    private static MenuItem ToMenuItem(
        DemoMenuItem m, int index, Dictionary<string, Category> categories, Dictionary<string, StaticPage> pages)
    {
        var item = new MenuItem
        {
            Title = m.Title,
            SortOrder = (index + 1) * 10,
            Kind = m.Category is not null ? MenuItemKind.Category : m.Page is not null ? MenuItemKind.StaticPage : MenuItemKind.Url,
            Category = m.Category is null ? null : categories[m.Category],
            StaticPage = m.Page is null ? null : pages[m.Page],
            Url = m.Url,
        };
        foreach (var (child, i) in (m.Children ?? []).Select((c, i) => (c, i)))
        {
            item.Children.Add(ToMenuItem(child, i, categories, pages));
        }

        return item;
    }
}
