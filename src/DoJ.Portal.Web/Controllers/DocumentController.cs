using System.Globalization;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.Search;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Settings;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DoJ.Portal.Web.Controllers;

/// <summary>
/// The register of the department's documents (<c>/van-ban</c>) and a document's page. A malformed filter value
/// (a page, year or status that cannot be one, a slug with other characters, an overlong text) answers 400; a
/// well-formed slug that names no term gives an empty register.
/// </summary>
public sealed class DocumentController(DocumentRepository documents, SearchIndex search, SiteSettingsCache settings, SiteUrls urls, TimeProvider clock) : Controller
{
    public const int PageSize = 20;

    [HttpGet(SiteUrls.Documents)]
    [OutputCache(PolicyName = PortalCaching.Documents)]
    public async Task<IActionResult> Index(
        [FromQuery(Name = DocumentQuery.DocumentType)] string? type,
        [FromQuery(Name = DocumentQuery.IssuingBody)] string? issuingBody,
        [FromQuery(Name = DocumentQuery.Field)] string? field,
        [FromQuery(Name = DocumentQuery.Year)] string? year,
        [FromQuery(Name = DocumentQuery.Effect)] string? effect,
        [FromQuery(Name = DocumentQuery.Text)] string? q,
        [FromQuery] string? trang,
        CancellationToken cancellationToken)
    {
        if (!PageNumber.TryParse(trang, out var page) || !TryParseYear(year, out var issuedIn) || !TryParseEffect(effect, out var status)
            || !IsSlugOrNone(type) || !IsSlugOrNone(issuingBody) || !IsSlugOrNone(field)
            || q is { Length: > DocumentQuery.TextMaxLength })
        {
            return BadRequest();
        }

        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim().Normalize(System.Text.NormalizationForm.FormC);
        var terms = await documents.ListTermsAsync(cancellationToken);
        var filter = new DocumentFilter(
            TermId(terms, RegisterTermKind.DocumentType, type),
            TermId(terms, RegisterTermKind.IssuingBody, issuingBody),
            TermId(terms, RegisterTermKind.Field, field),
            issuedIn,
            status,
            text is null ? null : DocumentNumber.Key(text));
        var today = VietnamTime.Today(clock);
        // Words, parts of a number and the text inside files come from the index, best first; the database keeps the
        // public ones, applies the filters and puts an exact number first.
        var matchingIds = text is null ? null : search.FindDocumentIds(text, DocumentRepository.MatchingIdsMax, clock.GetUtcNow().UtcDateTime);
        var list = await documents.ListPublicAsync(filter, matchingIds, page, PageSize, today, cancellationToken);
        if (list.IsPastEnd)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        var values = new DocumentFilterValues(Blank(type), Blank(issuingBody), Blank(field), issuedIn, status, text);
        return View(new DocumentRegisterViewModel(list, values, terms, await documents.ListYearsAsync(cancellationToken), today));
    }

    /// <summary><c>/van-ban/{id}</c> and a wrong slug answer 301 to the canonical <c>/van-ban/{id}/{slug}</c>.</summary>
    [HttpGet(SiteUrls.Documents + "/{id:int}")]
    [HttpGet(SiteUrls.Documents + "/{id:int}/{slug}")]
    [OutputCache(PolicyName = PortalCaching.Documents)]
    public async Task<IActionResult> Show(int id, string? slug, CancellationToken cancellationToken)
    {
        var document = id > 0 ? await documents.GetPublicAsync(id, cancellationToken) : null;
        if (document is null)
        {
            return NotFound();
        }

        var canonical = SiteUrls.Document(document.Id, document.Slug);
        if (slug != document.Slug)
        {
            return RedirectPermanent(canonical);
        }

        var today = VietnamTime.Today(clock);
        var effect = document.EffectOn(today);
        var site = await settings.GetAsync(cancellationToken);
        // Its related articles are listed: unpublishing one evicts this page.
        PageTags.TagArticles(HttpContext, document.RelatedArticles.Select(a => a.Id));
        return View(new DocumentDetailsViewModel(document, effect, urls.Absolute(canonical), StructuredData.Legislation(document, effect, site, urls),
            CommentPeriod.StateOn(document.CommentsOpenOn, document.CommentsCloseOn, today)));
    }

    /// <summary>Empty means no filter; otherwise four digits, 1900–2100.</summary>
    private static bool TryParseYear(string? text, out int? year)
    {
        year = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (text.Length == 4 && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1900 and <= 2100)
        {
            year = value;
            return true;
        }

        return false;
    }

    private static bool TryParseEffect(string? text, out LegalEffect? effect)
    {
        effect = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (LegalEffectNames.TryParseSlug(text, out var parsed))
        {
            effect = parsed;
            return true;
        }

        return false;
    }

    private static bool IsSlugOrNone(string? slug) => string.IsNullOrEmpty(slug) || Slug.IsWellFormed(slug, Domain.Documents.RegisterTerm.SlugMaxLength);

    /// <summary>The term's id; a slug naming none filters on an id no term has, so the register is empty.</summary>
    private static int? TermId(IReadOnlyList<RegisterTermItem> terms, RegisterTermKind kind, string? slug) =>
        string.IsNullOrEmpty(slug) ? null : terms.FirstOrDefault(t => t.Kind == kind && t.Slug == slug)?.Id ?? -1;

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
