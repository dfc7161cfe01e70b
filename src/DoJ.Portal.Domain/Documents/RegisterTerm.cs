namespace DoJ.Portal.Domain.Documents;

/// <summary>The administrator-managed lists the register is filtered by.</summary>
public enum RegisterTermKind
{
    /// <summary>Loại văn bản: Quyết định, Kế hoạch, Công văn…</summary>
    DocumentType = 0,

    /// <summary>Cơ quan ban hành: UBND tỉnh, Sở Tư pháp…</summary>
    IssuingBody = 1,

    /// <summary>Lĩnh vực: Hộ tịch, Chứng thực, Phổ biến giáo dục pháp luật…</summary>
    Field = 2,
}

/// <summary>One entry of a managed list (a document type, an issuing body or a field), addressed by its slug in filters.</summary>
public class RegisterTerm : IAuditable
{
    public const int NameMaxLength = 200;
    public const int SlugMaxLength = 100;

    public int Id { get; set; }
    public RegisterTermKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public int SortOrder { get; set; }
}
