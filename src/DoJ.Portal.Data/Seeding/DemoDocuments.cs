using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DoJ.Portal.Domain.Files;

namespace DoJ.Portal.Data.Seeding;

/// <summary>
/// The shape of <c>demo-documents.json</c>: the demo register's documents and the text of their files. Dates are
/// fixed, except for a document that gives them as days from the seeding day (<see cref="DemoDocument.IssuedDaysAgo"/>…),
/// so that a fresh start shows every legal status whatever today is (docs/demo-content.md).
/// </summary>
/// <param name="Place">The place written before the date of every document ("Huế, ngày …").</param>
public sealed record DemoDocuments(string Place, IReadOnlyList<DemoDocument> Documents)
{
    public const string ResourceName = "DoJ.Portal.Data.Seeding.demo-documents.json";

    /// <summary>Where a file's committed bytes are (PDFs); DOCX files are written at seed time from their text.</summary>
    public const string FileResourcePrefix = "DoJ.Portal.Data.Seeding.Files.";

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static DemoDocuments Load()
    {
        using var stream = typeof(DemoDocuments).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return JsonSerializer.Deserialize<DemoDocuments>(stream, JsonOptions)
            ?? throw new InvalidOperationException("demo-documents.json is empty.");
    }

    /// <summary>The committed bytes of a PDF of the demo documents, or null when it has not been generated.</summary>
    public static byte[]? ReadCommittedFile(string name)
    {
        using var stream = typeof(DemoDocuments).Assembly.GetManifestResourceStream(FileResourcePrefix + name);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <param name="Key">Stable name of the document in the file (not shown).</param>
/// <param name="Number">Số/Ký hiệu; <c>{year}</c> is the year of issue, for a document dated from the seeding day.</param>
/// <param name="Type">Slug of a <c>DocumentType</c> term of <c>register-terms.json</c>.</param>
/// <param name="IssuingBody">Slug of an <c>IssuingBody</c> term.</param>
/// <param name="Field">Slug of a <c>Field</c> term.</param>
/// <param name="Heading">The issuing body as the document's header writes it, line by line, as it was named on the day of issue.</param>
/// <param name="PublishedAt">Vietnam local time of publication on the portal.</param>
/// <param name="RelatedArticle">The start of the title of a demo article the document is linked to.</param>
public sealed record DemoDocument(
    string Key,
    string Number,
    string Type,
    string IssuingBody,
    string Field,
    string Abstract,
    string Signer,
    IReadOnlyList<string> SignerTitle,
    IReadOnlyList<string> Heading,
    DateOnly? IssuedOn,
    DateOnly? EffectiveOn,
    DateOnly? ExpiresOn,
    DateTime? PublishedAt,
    int? IssuedDaysAgo,
    int? EffectiveInDays,
    int? PublishedDaysAgo,
    string? RelatedArticle,
    IReadOnlyList<DemoDocumentFile> Files)
{
    /// <summary>The dates of this document when seeded on <paramref name="today"/> (a Vietnam calendar day).</summary>
    public DemoDocumentDates DatesOn(DateOnly today)
    {
        var issued = IssuedOn ?? today.AddDays(-(IssuedDaysAgo ?? throw new InvalidOperationException($"{Key}: neither issuedOn nor issuedDaysAgo.")));
        var effective = EffectiveOn ?? (EffectiveInDays is { } days ? today.AddDays(days) : null);
        var published = PublishedAt ?? today.AddDays(-(PublishedDaysAgo ?? IssuedDaysAgo ?? 0)).ToDateTime(new TimeOnly(9, 0));
        return new DemoDocumentDates(issued, effective, ExpiresOn, published);
    }

    /// <summary>The number with <c>{year}</c> filled in from the date of issue.</summary>
    public string NumberOn(DateOnly today) => Fill(Number, DatesOn(today));

    internal static string Fill(string text, DemoDocumentDates dates) => text
        .Replace("{year}", dates.IssuedOn.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{effectiveOn}", LongDate(dates.EffectiveOn ?? dates.IssuedOn), StringComparison.Ordinal);

    /// <summary>"ngày 05 tháng 02 năm 2027": a leading zero for days below 10 and months below 3, as administrative documents write dates.</summary>
    public static string LongDate(DateOnly date) => string.Create(CultureInfo.InvariantCulture,
        $"ngày {date.Day:00} tháng {(date.Month < 3 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))} năm {date.Year}");
}

/// <param name="PublishedAt">Vietnam local time.</param>
public sealed record DemoDocumentDates(DateOnly IssuedOn, DateOnly? EffectiveOn, DateOnly? ExpiresOn, DateTime PublishedAt);

/// <param name="Name">The original file name (a download's name); a PDF's committed resource has this name.</param>
/// <param name="Phrase">Words found only inside this file (not in any title, abstract or article), for trying search inside files.</param>
/// <param name="Title">The heading of the file's text; the document type in capitals when absent.</param>
public sealed record DemoDocumentFile(
    string Name,
    FileKind Kind,
    string DisplayName,
    string Phrase,
    string? Title,
    IReadOnlyList<string> Paragraphs);

/// <summary>The shape of <c>register-terms.json</c>: the starter lists of the register's filters.</summary>
public sealed record RegisterTermLists(
    IReadOnlyList<RegisterTermEntry> DocumentTypes,
    IReadOnlyList<RegisterTermEntry> IssuingBodies,
    IReadOnlyList<RegisterTermEntry> Fields)
{
    public const string ResourceName = "DoJ.Portal.Data.Seeding.register-terms.json";

    public static RegisterTermLists Load()
    {
        using var stream = typeof(RegisterTermLists).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return JsonSerializer.Deserialize<RegisterTermLists>(stream, DemoDocuments.JsonOptions)
            ?? throw new InvalidOperationException("register-terms.json is empty.");
    }
}

/// <param name="Name">May hold <c>{locality}</c>, filled from the site settings (<see cref="AgencyNames.Locality"/>).</param>
public sealed record RegisterTermEntry(string Name, string Slug);
