using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Seeding;

/// <summary>
/// The demo register (<c>demo-documents.json</c>): each document published, with its terms, its files written into the
/// files folder (PDFs copied from the committed resources, DOCX written from their text) and its related article.
/// Part of <see cref="DemoContentSeeder.SeedAsync"/>, so it runs once, into an empty database.
/// </summary>
internal static class DemoDocumentSeeder
{
    public static async Task SeedAsync(PortalDbContext db, string filesRoot, IReadOnlyList<Article> articles, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var demo = DemoDocuments.Load();
        var terms = await db.RegisterTerms.ToListAsync(cancellationToken);
        RegisterTerm Term(RegisterTermKind kind, string slug) =>
            terms.SingleOrDefault(t => t.Kind == kind && t.Slug == slug)
            ?? throw new InvalidOperationException($"demo-documents.json names the {kind} '{slug}', which register-terms.json does not have.");

        var today = VietnamTime.DayOf(nowUtc);
        var documents = new List<LegalDocument>();
        foreach (var d in demo.Documents)
        {
            var dates = d.DatesOn(today);
            var type = Term(RegisterTermKind.DocumentType, d.Type);
            var number = d.NumberOn(today);
            var publishedUtc = VietnamTime.ToUtc(dates.PublishedAt);
            var document = new LegalDocument
            {
                Number = number,
                NumberKey = DocumentNumber.Key(number),
                Slug = Slug.From($"{type.Name} {number} {d.Abstract}", LegalDocument.SlugMaxLength),
                Abstract = d.Abstract,
                Signer = d.Signer,
                DocumentType = type,
                IssuingBody = Term(RegisterTermKind.IssuingBody, d.IssuingBody),
                Field = Term(RegisterTermKind.Field, d.Field),
                IssuedOn = dates.IssuedOn,
                EffectiveOn = dates.EffectiveOn,
                ExpiresOn = dates.ExpiresOn,
                Status = ArticleStatus.Published,
                PublishedAtUtc = publishedUtc,
                CreatedAtUtc = publishedUtc.AddMinutes(-45),
                UpdatedAtUtc = publishedUtc,
            };
            var uploadedAt = publishedUtc.AddMinutes(-30);
            foreach (var (file, position) in d.Files.Select((f, i) => (f, i)))
            {
                var bytes = file.Kind switch
                {
                    FileKind.Pdf => DemoDocuments.ReadCommittedFile(file.Name)
                        ?? throw new InvalidOperationException($"{file.Name} is not among the committed PDFs: run tools/DoJ.Portal.DemoPdfs (docs/demo-content.md)."),
                    FileKind.Docx => DocxWriter.Write(DemoFileText.Compose(demo, d, file, type.Name, today), DemoDocument.Fill(file.DisplayName, dates)),
                    _ => throw new InvalidOperationException($"{file.Name}: the demo documents have PDF and DOCX files only."),
                };
                document.Attachments.Add(new Attachment
                {
                    StoredFile = DocumentFiles.Store(filesRoot, bytes, file.Kind, file.Name.Replace("{year}", dates.IssuedOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), uploadedAt),
                    DisplayName = DemoDocument.Fill(file.DisplayName, dates),
                    Position = position + 1,
                });
            }

            if (d.RelatedArticle is { } title)
            {
                var article = articles.SingleOrDefault(a => a.Title.StartsWith(title, StringComparison.Ordinal))
                    ?? throw new InvalidOperationException($"{d.Key}: no demo article starts with '{title}'.");
                document.RelatedArticles.Add(new LegalDocumentArticle { Article = article });
            }

            documents.Add(document);
        }

        db.LegalDocuments.AddRange(documents);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var document in documents)
        {
            db.LegalDocumentRevisions.Add(LegalDocumentRevision.Of(document, nowUtc, null, DemoContentSeeder.SeedByline));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
