using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Data.Identity;
using DoJ.Portal.Web.Accounts;

namespace DoJ.Portal.Web.Areas.Admin.Models;

public sealed record UserListViewModel(IReadOnlyList<StaffAccountRow> Users, string? OneTimePasswordFor, string? OneTimePassword);

