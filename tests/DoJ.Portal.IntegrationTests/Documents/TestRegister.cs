using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Web.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Documents;

/// <summary>A document type, issuing body and field of the register, named with a suffix so each test filters on its own.</summary>
public sealed record TestTerms(RegisterTerm Type, RegisterTerm Body, RegisterTerm Field);

/// <summary>Adds register terms and documents straight to the database, evicting as the editors do.</summary>
public static class TestRegister
{
    public static async Task<TestTerms> AddTermsAsync(this PortalWebApplicationFactory factory, string? suffix = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        suffix ??= Guid.NewGuid().ToString("N")[..8];
        return await factory.WithDbAsync(async db =>
        {
            var terms = new TestTerms(
                new RegisterTerm { Kind = RegisterTermKind.DocumentType, Name = $"Quyết định {suffix}", Slug = $"quyet-dinh-{suffix}" },
                new RegisterTerm { Kind = RegisterTermKind.IssuingBody, Name = $"UBND tỉnh {suffix}", Slug = $"ubnd-tinh-{suffix}" },
                new RegisterTerm { Kind = RegisterTermKind.Field, Name = $"Hộ tịch {suffix}", Slug = $"ho-tich-{suffix}" });
            db.RegisterTerms.AddRange(terms.Type, terms.Body, terms.Field);
            await db.SaveChangesAsync();
            return terms;
        });
    }

    /// <summary>A published document filed under <paramref name="terms"/>, issued on <paramref name="issuedOn"/>, linked to <paramref name="articleIds"/>.</summary>
    public static async Task<LegalDocument> AddDocumentAsync(this PortalWebApplicationFactory factory, TestTerms terms, string number, DateOnly issuedOn,
        Func<LegalDocumentBuilder, LegalDocumentBuilder>? build = null, params int[] articleIds)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(terms);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var builder = new LegalDocumentBuilder()
            .About($"Về việc {number} trong lĩnh vực hộ tịch")
            .Numbered(number)
            .Filed(terms.Type.Id, terms.Body.Id, terms.Field.Id)
            .IssuedOn(issuedOn)
            .Published(now.AddHours(-1))
            .CreatedAt(now.AddHours(-1));
        var document = (build?.Invoke(builder) ?? builder).Build();
        foreach (var id in articleIds)
        {
            document.RelatedArticles.Add(new LegalDocumentArticle { ArticleId = id });
        }

        await factory.WithDbAsync(async db =>
        {
            db.LegalDocuments.Add(document);
            await db.SaveChangesAsync();
        });
        await factory.Services.GetRequiredService<PublicCache>().DocumentChangedAsync(articleIds);
        return document;
    }

    public static Task<int> PublicArticleIdAsync(this PortalWebApplicationFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        return factory.WithDbAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Published && !a.IsDeleted && a.PublishedAtUtc <= now)
            .OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
    }
}
