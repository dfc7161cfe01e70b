using DoJ.Portal.Domain;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// Every admin controller: the area, staff-only access, antiforgery on every POST, and the one way an
/// editor service's <see cref="EditResult"/> becomes a response (<see cref="RespondAsync"/>, <see cref="ShowAsync{T}"/>).
/// </summary>
[Area("Admin")]
[Authorize(Policy = PortalPolicies.Staff)]
[AutoValidateAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class AdminControllerBase : Controller
{
    protected void Flash(string message) => TempData["Message"] = message;

    /// <summary>
    /// Turns an editor's answer into the response. Not found → 404; forbidden → 403; saved → the result's
    /// notice (else <paramref name="saved"/>) flashed and a redirect to <paramref name="target"/> (Post-Redirect-Get).
    /// With a <paramref name="form"/>: an invalid field is shown on it, and a refusal or a stale save shows it
    /// again with 409. Without one, the reason is flashed and the browser goes to <paramref name="otherwise"/>
    /// (else <paramref name="target"/>).
    /// </summary>
    protected async Task<IActionResult> RespondAsync(EditResult result, Func<EditResult, string> target, string saved,
        Func<EditResult, Task<IActionResult>>? form = null, string? otherwise = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(target);
        switch (result.Outcome)
        {
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Forbidden:
                return Forbid();
            case EditOutcome.Saved:
                Flash(result.Notice ?? saved);
                return LocalRedirect(target(result));
        }

        if (form is null)
        {
            Flash(result.Error ?? "Không thể thực hiện thao tác.");
            return LocalRedirect(otherwise ?? target(result));
        }

        if (result.Outcome == EditOutcome.Invalid)
        {
            ModelState.AddModelError(result.Field ?? "", result.Error ?? "Dữ liệu không hợp lệ.");
        }
        else
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return await form(result);
    }

    protected Task<IActionResult> RespondAsync(EditResult result, string target, string saved, Func<EditResult, Task<IActionResult>>? form = null, string? otherwise = null) =>
        RespondAsync(result, _ => target, saved, form, otherwise);

    /// <summary>After a move up or down: back to the list at the moved row.</summary>
    protected Task<IActionResult> MovedAsync(EditResult result, string section, string rowPrefix) =>
        RespondAsync(result, r => AdminUrls.At(section, rowPrefix + r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Đã đổi thứ tự.");

    /// <summary>
    /// A form post: the form again when model binding found errors, else <paramref name="save"/> and
    /// <see cref="RespondAsync(EditResult, Func{EditResult, string}, string, Func{EditResult, Task{IActionResult}}?, string?)"/>.
    /// </summary>
    protected async Task<IActionResult> SaveAsync(Func<Task<EditResult>> save, Func<EditResult, string> target, string saved, Func<Task<IActionResult>> form)
    {
        ArgumentNullException.ThrowIfNull(save);
        ArgumentNullException.ThrowIfNull(form);
        return ModelState.IsValid ? await RespondAsync(await save(), target, saved, _ => form()) : await form();
    }

    /// <summary>A record loaded for a screen: 404 or 403 as the editor says, otherwise the screen.</summary>
    protected async Task<IActionResult> ShowAsync<T>(EditResult<T> result, Func<T, Task<IActionResult>> view)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(view);
        return result.Outcome switch
        {
            EditOutcome.Saved when result.Value is { } value => await view(value),
            EditOutcome.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }

    protected Task<IActionResult> ShowAsync<T>(EditResult<T> result, Func<T, IActionResult> view) =>
        ShowAsync(result, value => Task.FromResult(view(value)));

    /// <summary>
    /// With <c>Security:RequireTwoFactorForAdministrators</c>, an administrator whose session did not pass
    /// a second factor is sent to set it up (or to sign in again) before anything else.
    /// </summary>
    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var required = HttpContext.RequestServices.GetRequiredService<IConfiguration>().GetValue("Security:RequireTwoFactorForAdministrators", false);
        if (required && User.IsInRole(PortalRoles.Administrator) && !User.HasClaim("amr", "mfa"))
        {
            context.Result = LocalRedirect(SiteUrls.TwoFactorSetup);
            return;
        }

        await next();
    }
}
