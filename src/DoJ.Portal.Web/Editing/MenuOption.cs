namespace DoJ.Portal.Web.Editing;

public sealed record MenuOption(int Id, string Name);
