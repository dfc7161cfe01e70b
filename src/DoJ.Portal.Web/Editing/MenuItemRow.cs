namespace DoJ.Portal.Web.Editing;

/// <summary>A menu item in the admin list, in menu order (each parent followed by its children).</summary>
public sealed record MenuItemRow(
    int Id,
    int? ParentId,
    string Title,
    string Target,
    bool IsEnabled,
    string? NotShownBecause,
    bool IsFirstSibling,
    bool IsLastSibling,
    int Children);
