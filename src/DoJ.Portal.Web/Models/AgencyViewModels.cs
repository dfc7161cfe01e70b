using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Domain.Settings;

namespace DoJ.Portal.Web.Models;

/// <summary>The procedures directory: one page of procedures, the fields that have some, and the filter as sent.</summary>
public sealed record ProcedureDirectoryViewModel(PagedList<ProcedureItem> Procedures, IReadOnlyList<ProcedureField> Fields, string? Field, string? Words)
{
    public bool IsFiltered => Field is not null || Words is not null;

    public string? FieldName => Fields.FirstOrDefault(f => f.Slug == Field)?.Name;
}

/// <summary>The contact officials of one unit, in their order.</summary>
public sealed record OfficialUnit(string Name, IReadOnlyList<OfficialItem> Officials)
{
    /// <summary>Groups officials by unit (the Vietnamese name, or the English one), units in the order of their first official.</summary>
    public static List<OfficialUnit> Group(IEnumerable<OfficialItem> officials, bool english) =>
        officials.GroupBy(o => english && !string.IsNullOrWhiteSpace(o.UnitEn) ? o.UnitEn : o.Unit)
            .Select(g => new OfficialUnit(g.Key, g.ToList()))
            .ToList();
}

/// <summary>The English page: the department's contact from the site settings, and the officials with their English positions.</summary>
public sealed record EnglishPageViewModel(SiteSettings Site, IReadOnlyList<OfficialItem> Leadership, IReadOnlyList<OfficialUnit> Units);
