using System.Globalization;
using System.Text.Json;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Domain.Time;

namespace DoJ.Portal.DatasetGenerator;

/// <summary>The pools of <c>document-phrases.json</c>: signers, subjects by field slug, abstract templates by type slug.</summary>
public sealed record DocumentPools(
    IReadOnlyList<string> Signers,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Subjects,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Abstracts,
    IReadOnlyList<string> FileParagraphs)
{
    public const string ResourceName = "DoJ.Portal.DatasetGenerator.document-phrases.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DocumentPools Load()
    {
        using var stream = typeof(DocumentPools).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var pools = JsonSerializer.Deserialize<DocumentPools>(stream, Json)
            ?? throw new InvalidDataException($"{ResourceName} is empty.");
        if (pools.Signers.Count == 0 || pools.Subjects.Count == 0 || pools.Abstracts.Count == 0 || pools.FileParagraphs.Count == 0)
        {
            throw new InvalidDataException($"{ResourceName}: a pool is empty.");
        }

        return pools;
    }
}

/// <summary>
/// Composes documents of the register one after another, dates ascending over the last fifteen years (ids grow with
/// time): a type, an issuing body that issues it, a field and its subject, a number counted per year and symbol as a
/// registry office counts them (<c>15/2025/QĐ-UBND</c>, <c>123/KH-STP</c>, <c>456/STP-HCTP</c>), an abstract from the
/// pools, and dates of effect and expiry so that every legal status occurs. Its own <see cref="Random"/>: articles drawn
/// with the same seed are the same with or without documents.
/// </summary>
public sealed class DocumentComposer
{
    private const int YearsBack = 15;
    private static readonly string[] LetterUnits = ["HCTP", "BTTP", "PBGDPL", "XDKTVB", "VP", "TTr"];

    private readonly DocumentPools pools;
    private readonly Random random;
    private readonly List<RegisterTerm> types;
    private readonly Dictionary<string, RegisterTerm> bodies;
    private readonly List<RegisterTerm> fields;
    private readonly DateOnly[] days;
    private readonly DateTime nowUtc;
    private readonly DateOnly today;
    private readonly Dictionary<string, int> counters = new(StringComparer.Ordinal);
    private int next;

    public DocumentComposer(DocumentPools pools, Random random, IReadOnlyList<RegisterTerm> terms, int count, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(terms);
        this.pools = pools;
        this.random = random;
        this.nowUtc = nowUtc;
        today = VietnamTime.DayOf(nowUtc);
        types = terms.Where(t => t.Kind == RegisterTermKind.DocumentType).OrderBy(t => t.SortOrder).ToList();
        fields = terms.Where(t => t.Kind == RegisterTermKind.Field).OrderBy(t => t.SortOrder).ToList();
        bodies = terms.Where(t => t.Kind == RegisterTermKind.IssuingBody).GroupBy(t => t.Slug, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (types.Count == 0 || fields.Count == 0 || bodies.Count == 0)
        {
            throw new InvalidOperationException("The register has no document types, issuing bodies or fields.");
        }

        var span = today.DayNumber - today.AddYears(-YearsBack).DayNumber;
        days = new DateOnly[count];
        for (var i = 0; i < count; i++)
        {
            var day = today.AddDays(-random.Next(0, span));
            days[i] = day.DayOfWeek switch { DayOfWeek.Saturday => day.AddDays(-1), DayOfWeek.Sunday => day.AddDays(-2), _ => day };
        }

        Array.Sort(days);
    }

    public int Published { get; private set; }

    public LegalDocument Next(int number)
    {
        var issued = days[next++];
        var type = types[random.Next(types.Count)];
        var field = fields[random.Next(fields.Count)];
        var (body, symbol, normative) = Issuer(type.Slug);
        // One count a year for each office's register: the Sở numbers its letters together, whatever unit drafted them.
        var office = symbol.StartsWith("STP-", StringComparison.Ordinal) ? "STP-" : symbol.StartsWith("BTP-", StringComparison.Ordinal) ? "BTP-" : symbol;
        var key = office + "|" + issued.Year.ToString(CultureInfo.InvariantCulture);
        var count = counters[key] = counters.GetValueOrDefault(key) + 1;
        var n = count.ToString(normative ? "00" : "0", CultureInfo.InvariantCulture);
        var documentNumber = normative
            ? string.Create(CultureInfo.InvariantCulture, $"{n}/{issued.Year}/{symbol}")
            : $"{n}/{symbol}";
        var subjects = pools.Subjects.TryGetValue(field.Slug, out var s) ? s : pools.Subjects.Values.First();
        var templates = pools.Abstracts.TryGetValue(type.Slug, out var a) ? a : pools.Abstracts["cong-van"];
        var abstractText = Capitalize(templates[random.Next(templates.Count)]
            .Replace("{subject}", subjects[random.Next(subjects.Count)], StringComparison.Ordinal)
            .Replace("{year5}", (issued.Year + 4).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{year}", issued.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        // Normative documents take effect ten days or more after signing; a yearly plan expires with its year; now and
        // then a document is replaced. Recent ones are therefore "not yet in effect", older ones sometimes "expired".
        DateOnly? effective = normative ? issued.AddDays(random.Next(10, 46)) : null;
        DateOnly? expires = type.Slug == "ke-hoach" ? new DateOnly(issued.Year + 1, 1, 1)
            : random.NextDouble() < 0.08 ? issued.AddDays(random.Next(180, 2000)) : null;
        var roll = random.NextDouble();
        var status = roll switch
        {
            < 0.97 => ArticleStatus.Published,
            < 0.99 => ArticleStatus.Draft,
            _ => ArticleStatus.Unpublished,
        };
        var at = VietnamTime.ToUtc(issued.AddDays(random.Next(0, 4)).ToDateTime(new TimeOnly(random.Next(7, 17), random.Next(60))));
        at = at > nowUtc ? nowUtc.AddMinutes(-random.Next(1, 600)) : at;
        Published += status == ArticleStatus.Published ? 1 : 0;
        var typeName = type.Name;
        var suffix = "-" + number.ToString(CultureInfo.InvariantCulture);
        return new LegalDocument
        {
            Number = documentNumber,
            NumberKey = DocumentNumber.Key(documentNumber),
            Slug = Slug.From($"{typeName} {documentNumber} {abstractText}", LegalDocument.SlugMaxLength - suffix.Length) + suffix,
            Abstract = abstractText,
            Signer = pools.Signers[random.Next(pools.Signers.Count)],
            DocumentTypeId = type.Id,
            IssuingBodyId = body.Id,
            FieldId = field.Id,
            IssuedOn = issued,
            EffectiveOn = effective,
            ExpiresOn = expires,
            Status = status,
            PublishedAtUtc = status == ArticleStatus.Draft ? null : at,
            CreatedAtUtc = at.AddMinutes(-random.Next(10, 600)),
            UpdatedAtUtc = at,
            ConcurrencyStamp = GuidFrom(random),
        };
    }

    /// <summary>Who issues a type, its symbol (the part after the number) and whether the number carries the year (normative documents).</summary>
    private (RegisterTerm Body, string Symbol, bool Normative) Issuer(string type)
    {
        var roll = random.NextDouble();
        return type switch
        {
            "quyet-dinh" when roll < 0.25 => (Body("uy-ban-nhan-dan"), "QĐ-UBND", true),
            "quyet-dinh" when roll < 0.6 => (Body("uy-ban-nhan-dan"), "QĐ-UBND", false),
            "quyet-dinh" => (Body("so-tu-phap"), "QĐ-STP", false),
            "nghi-quyet" => (Body("hoi-dong-nhan-dan"), "NQ-HĐND", true),
            "chi-thi" => (Body("uy-ban-nhan-dan"), "CT-UBND", false),
            "ke-hoach" when roll < 0.3 => (Body("uy-ban-nhan-dan"), "KH-UBND", false),
            "ke-hoach" when roll < 0.4 => (Body("hoi-dong-phoi-hop-pbgdpl"), "KH-HĐPH", false),
            "ke-hoach" => (Body("so-tu-phap"), "KH-STP", false),
            "cong-van" when roll < 0.15 => (Body("uy-ban-nhan-dan"), "UBND-NC", false),
            "cong-van" when roll < 0.2 => (Body("bo-tu-phap"), "BTP-" + LetterUnits[random.Next(4)], false),
            "cong-van" => (Body("so-tu-phap"), "STP-" + LetterUnits[random.Next(LetterUnits.Length)], false),
            "thong-tu" => (Body("bo-tu-phap"), "TT-BTP", true),
            "bao-cao" when roll < 0.3 => (Body("uy-ban-nhan-dan"), "BC-UBND", false),
            "bao-cao" => (Body("so-tu-phap"), "BC-STP", false),
            "thong-bao" => (Body("so-tu-phap"), "TB-STP", false),
            "huong-dan" => (Body("so-tu-phap"), "HD-STP", false),
            "to-trinh" => (Body("so-tu-phap"), "TTr-STP", false),
            _ => (Body("so-tu-phap"), "STP-VP", false),
        };
    }

    /// <summary>The issuing body of that slug, or any when an administrator has removed it.</summary>
    private RegisterTerm Body(string slug) => bodies.TryGetValue(slug, out var body) ? body : bodies.Values.First();

    private static string Capitalize(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..] : text;

    private static Guid GuidFrom(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
