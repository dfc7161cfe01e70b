using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Privacy;

namespace DoJ.Portal.Web.Areas.Admin.Models;

/// <summary>The outgoing mail list: one page, filtered by state.</summary>
public sealed record MailListViewModel(PagedList<MailRow> Mails, MailState? State, bool UsesPickupFolder);

/// <summary>The erasure-on-request screen: the address searched (staff only) and what was found under it.</summary>
public sealed record PersonalDataViewModel(string? Contact, PersonalDataFindings? Findings);
