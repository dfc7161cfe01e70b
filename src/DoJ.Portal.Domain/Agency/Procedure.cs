using DoJ.Portal.Domain.Documents;

namespace DoJ.Portal.Domain.Agency;

/// <summary>The level of government that receives and settles a procedure (two-level local government since 1/7/2025).</summary>
public enum ProcedureLevel
{
    /// <summary>Cấp tỉnh.</summary>
    Province = 0,

    /// <summary>Cấp xã.</summary>
    Commune = 1,
}

/// <summary>
/// One of the department's administrative procedures (thủ tục hành chính). Nghị định 42/2022 asks the portal to
/// integrate procedures from the public-service portals, not to copy them: only what a citizen needs to find
/// the right one is kept here; the details live at <see cref="NationalPortalUrl"/>.
/// </summary>
public class Procedure : IAuditable, IConcurrencyStamped
{
    public const int NameMaxLength = 500;
    public const int SlugMaxLength = 100;
    public const int CodeMaxLength = 30;
    public const int DescriptionMaxLength = 1000;
    public const int HandledByMaxLength = 300;
    public const int UrlMaxLength = 500;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";

    /// <summary>Mã thủ tục on the national database of procedures, e.g. <c>1.001193</c>.</summary>
    public string NationalCode { get; set; } = "";

    /// <summary>Lĩnh vực: a field of the register's managed list (<see cref="RegisterTermKind.Field"/>).</summary>
    public int FieldId { get; set; }
    public RegisterTerm? Field { get; set; }

    public ProcedureLevel Level { get; set; }

    /// <summary>A short description: what it is for and who may ask.</summary>
    public string Description { get; set; } = "";

    /// <summary>Cơ quan thực hiện: who receives and settles it.</summary>
    public string HandledBy { get; set; } = "";

    /// <summary>The procedure's page on the national public-service portal (https only).</summary>
    public string NationalPortalUrl { get; set; } = "";

    public int SortOrder { get; set; }
    public bool IsPublished { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedById { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
