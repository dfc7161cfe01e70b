namespace DoJ.Portal.Web.Accounts;

public sealed record StaffAccountRow(string Id, string Email, string DisplayName, string Role, bool IsLocked, DateTime CreatedAtUtc);
