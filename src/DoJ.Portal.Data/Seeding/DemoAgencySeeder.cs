using System.Text.Json;
using DoJ.Portal.Domain.Agency;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Seeding;

/// <summary>
/// The demo procedures directory and officials (<c>demo-agency.json</c>): the register fields the procedures need and the
/// register lacks (added after the others), about twenty procedures of a Sở Tư pháp, each published and linked to the
/// national portal's search for its code, and the leadership and contact officials (fictional people,
/// <c>@stp.example.invalid</c> addresses). Part of <see cref="DemoContentSeeder.SeedAsync"/>, so it runs once, into an empty database.
/// </summary>
internal static class DemoAgencySeeder
{
    private const string ResourceName = "DoJ.Portal.Data.Seeding.demo-agency.json";
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static async Task SeedAsync(PortalDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var demo = Load();
        var fields = await db.RegisterTerms.Where(t => t.Kind == RegisterTermKind.Field).ToListAsync(cancellationToken);
        var last = fields.Count == 0 ? 0 : fields.Max(t => t.SortOrder);
        foreach (var field in demo.Fields.Where(f => fields.All(t => t.Slug != f.Slug)))
        {
            last += 10;
            var term = new RegisterTerm { Kind = RegisterTermKind.Field, Name = field.Name, Slug = field.Slug, SortOrder = last };
            db.RegisterTerms.Add(term);
            fields.Add(term);
        }

        var locality = AgencyNames.Locality(await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Domain.Settings.SiteSettings.SingletonId, cancellationToken));
        db.Procedures.AddRange(demo.Procedures.Select((p, i) => new Procedure
        {
            Name = p.Name,
            Slug = Slug.From(p.Name, Procedure.SlugMaxLength),
            NationalCode = p.Code,
            Field = fields.SingleOrDefault(t => t.Slug == p.Field)
                ?? throw new InvalidOperationException($"demo-agency.json names the field '{p.Field}', which neither it nor register-terms.json has."),
            Level = Enum.Parse<ProcedureLevel>(p.Level),
            Description = p.Description,
            HandledBy = AgencyNames.Fill(p.HandledBy, locality),
            NationalPortalUrl = NationalPortal.SearchUrl(p.Code),
            SortOrder = (i + 1) * 10,
            IsPublished = true,
            UpdatedAtUtc = nowUtc,
        }));
        db.Officials.AddRange(demo.Officials.Select((o, i) => new Official
        {
            Role = Enum.Parse<OfficialRole>(o.Role),
            FullName = o.FullName,
            Position = o.Position,
            PositionEn = o.PositionEn,
            Unit = o.Unit,
            UnitEn = o.UnitEn,
            Phone = o.Phone,
            Email = o.Email,
            Duties = o.Duties,
            SortOrder = (i + 1) * 10,
            IsPublished = true,
            UpdatedAtUtc = nowUtc,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static DemoAgency Load()
    {
        using var stream = typeof(DemoAgency).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return JsonSerializer.Deserialize<DemoAgency>(stream, JsonOptions)
            ?? throw new InvalidOperationException("demo-agency.json is empty.");
    }
}

internal sealed record DemoAgency(IReadOnlyList<DemoField> Fields, IReadOnlyList<DemoProcedure> Procedures, IReadOnlyList<DemoOfficial> Officials);

internal sealed record DemoField(string Name, string Slug);

internal sealed record DemoProcedure(string Name, string Code, string Field, string Level, string Description, string HandledBy);

internal sealed record DemoOfficial(
    string Role, string FullName, string Position, string PositionEn, string Unit, string UnitEn, string? Phone, string? Email, string? Duties);
