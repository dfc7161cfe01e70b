using AngleSharp.Html.Dom;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.Web.Citizens;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Documents;

/// <summary>A portal whose comment form takes any number of sends from one test address (the rate limit is tested with the guard).</summary>
public sealed class DraftCommentPortal : PortalWebApplicationFactory
{
    public DraftCommentPortal() => With("CitizenForms:MaxPerClient", "100000");
}

/// <summary>A citizen's browser on the comment form: cookies kept, the antiforgery and time tokens taken from the page.</summary>
public sealed class DraftCommentCitizen(PortalWebApplicationFactory factory)
{
    private readonly HttpClient client = factory.CreatePlainClient();

    public HttpClient Client => client;

    public static string FormUrl(LegalDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return $"/van-ban/{document.Id}/{document.Slug}/gop-y";
    }

    /// <summary>A complete comment as a person fills it.</summary>
    public static Dictionary<string, string> Comment(string name = "Phạm Thị Kiểm", string email = "kiem.thu@example.invalid", string phone = "",
        string body = "Đề nghị bổ sung quy định về thời hạn lấy ý kiến các xã, phường tại mục III.", bool consent = true) => new()
    {
        ["Name"] = name,
        ["Organisation"] = "",
        ["Email"] = email,
        ["Phone"] = phone,
        ["Body"] = body,
        ["Consent"] = consent ? "true" : "false",
    };

    /// <summary>Loads <paramref name="formUrl"/> (a form open now) and answers its tokens.</summary>
    public async Task<(string Antiforgery, string Guard)> OpenAsync(string formUrl)
    {
        var page = await client.GetDocumentAsync(formUrl);
        return Tokens(page);
    }

    public static (string Antiforgery, string Guard) Tokens(IHtmlDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var antiforgery = page.QuerySelector("#form-gop-y input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("the page has no comment form");
        var guard = page.QuerySelector($"#form-gop-y input[name='{CitizenFormGuard.TokenField}']")!.GetAttribute("value")!;
        return (antiforgery, guard);
    }

    /// <summary>Posts <paramref name="fields"/> with <paramref name="tokens"/> to <paramref name="formUrl"/>, as a browser sends the form.</summary>
    public async Task<HttpResponseMessage> PostAsync(string formUrl, (string Antiforgery, string Guard) tokens, IDictionary<string, string> fields, string honeypot = "")
    {
        ArgumentNullException.ThrowIfNull(fields);
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = tokens.Antiforgery,
            [CitizenFormGuard.TokenField] = tokens.Guard,
            [CitizenFormGuard.HoneypotField] = honeypot,
        };
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(formUrl, UriKind.Relative), content);
    }

    /// <summary>Opens the form, takes the time a person needs to fill it (on the fake clock), and sends it.</summary>
    public async Task<HttpResponseMessage> SendAsync(string formUrl, IDictionary<string, string> fields, string honeypot = "")
    {
        var tokens = await OpenAsync(formUrl);
        factory.Clock.Advance(TimeSpan.FromSeconds(20));
        return await PostAsync(formUrl, tokens, fields, honeypot);
    }

    /// <summary>The comments stored on a document.</summary>
    public static Task<int> CountAsync(PortalWebApplicationFactory factory, int documentId)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithDbAsync(db => db.DocumentComments.CountAsync(c => c.LegalDocumentId == documentId));
    }

    public static DateOnly Today(PortalWebApplicationFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return VietnamTime.Today(factory.Clock);
    }
}
