using DoJ.Portal.Web.Operations;
using DoJ.Portal.Web.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>The jobs screen's section on the personal-data retention job: its settings, last run and outcome.</summary>
public sealed class RetentionJobViewComponent(JobLeases leases, IOptions<PrivacyOptions> options) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(new RetentionJobModel(await leases.FindAsync(PersonalDataRetention.JobName, HttpContext.RequestAborted), options.Value));
}

public sealed record RetentionJobModel(Domain.Operations.JobLease? Lease, PrivacyOptions Options);
