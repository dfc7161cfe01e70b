using System.Text.Json;

namespace DoJ.Portal.Data.Seeding;

/// <summary>The shape of <c>demo-content.json</c>: the demo department, its sections, news and links.</summary>
internal sealed record DemoContent(
    DemoSettings Settings,
    IReadOnlyList<DemoCategory> Categories,
    IReadOnlyList<DemoArticle> Articles,
    IReadOnlyList<DemoPage> Pages,
    IReadOnlyList<DemoLinkGroup> LinkGroups,
    IReadOnlyList<DemoMenuItem> Menu)
{
    private const string ResourceName = "DoJ.Portal.Data.Seeding.demo-content.json";
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static DemoContent Load()
    {
        using var stream = typeof(DemoContent).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return JsonSerializer.Deserialize<DemoContent>(stream, JsonOptions)
            ?? throw new InvalidOperationException("demo-content.json is empty.");
    }
}

internal sealed record DemoSettings(
    string SiteName,
    string ParentAgency,
    string Tagline,
    string Address,
    string Phone,
    string Email,
    string ResponsiblePerson,
    string LicenseLine,
    string FooterNote,
    long StartingVisitTotal);

internal sealed record DemoCategory(string Slug, string Name, string Description);

internal sealed record DemoArticle(
    string Category,
    string Title,
    string Summary,
    string BodyHtml,
    string Author,
    DateTime? PublishedAt,
    int? ScheduledDaysFromNow,
    string Status,
    bool Featured);

internal sealed record DemoPage(string Slug, string Title, string Language, string BodyHtml);

internal sealed record DemoLinkGroup(string Name, string DisplayMode, IReadOnlyList<DemoLink> Links);

internal sealed record DemoLink(string Title, string Url);

internal sealed record DemoMenuItem(
    string Title,
    string? Url,
    string? Page,
    string? Category,
    IReadOnlyList<DemoMenuItem>? Children);
