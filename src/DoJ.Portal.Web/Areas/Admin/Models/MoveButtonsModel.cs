namespace DoJ.Portal.Web.Areas.Admin.Models;

/// <summary>The move up / move down buttons of a row in an ordered list; <see cref="BasePath"/> takes "/len" and "/xuong".</summary>
public sealed record MoveButtonsModel(string BasePath, string Name, bool IsFirst, bool IsLast);
