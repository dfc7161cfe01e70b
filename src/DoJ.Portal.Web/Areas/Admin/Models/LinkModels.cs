using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Web.Editing;

namespace DoJ.Portal.Web.Areas.Admin.Models;

public sealed record LinkDirectoryViewModel(IReadOnlyList<LinkGroup> Groups);

public sealed record LinkGroupFormViewModel(int? Id, LinkGroupEditModel Form);

public sealed record LinkFormViewModel(int? Id, LinkEditModel Form, IReadOnlyList<LinkGroup> Groups);

public sealed record LinkGroupDeleteViewModel(int Id, string Name, IReadOnlyList<Link> Links);

