namespace DoJ.Portal.Web.Models;

public sealed record LinkGroupLink(int Id, string Title, string Url);

public sealed record LinkGroupModel(int Id, string Name, bool IsDropDown, IReadOnlyList<LinkGroupLink> Links);

public sealed record VisitCounterModel(long TotalVisits, long VisitorsNow);
