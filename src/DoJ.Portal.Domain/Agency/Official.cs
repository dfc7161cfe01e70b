namespace DoJ.Portal.Domain.Agency;

/// <summary>Which list an official appears in.</summary>
public enum OfficialRole
{
    /// <summary>Lãnh đạo Sở: the director and deputy directors.</summary>
    Leadership = 0,

    /// <summary>Đầu mối liên hệ: the heads of units and the officials citizens contact.</summary>
    ContactOfficial = 1,
}

/// <summary>
/// A person on the leadership or contact-official pages, edited as data (Nghị định 42/2022 asks for name,
/// position, unit, phone and e-mail), with the English position and unit for the English page. These are
/// the officials' public work contacts, published by the agency.
/// </summary>
public class Official : IAuditable, IConcurrencyStamped
{
    public const int NameMaxLength = 100;
    public const int PositionMaxLength = 200;
    public const int UnitMaxLength = 200;
    public const int PhoneMaxLength = 30;
    public const int EmailMaxLength = 254;
    public const int DutiesMaxLength = 1000;

    public int Id { get; set; }
    public OfficialRole Role { get; set; }
    public string FullName { get; set; } = "";
    public string Position { get; set; } = "";
    public string PositionEn { get; set; } = "";
    public string Unit { get; set; } = "";
    public string UnitEn { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>Lĩnh vực phụ trách: the duties, for the leadership page.</summary>
    public string? Duties { get; set; }

    public int SortOrder { get; set; }
    public bool IsPublished { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedById { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
