using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Security;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>The "Liên kết website" directory (administrators only): groups, their links, order and visibility.</summary>
[Authorize(Policy = PortalPolicies.Administrators)]
[Route("quan-tri/lien-ket")]
public sealed class LinksController(LinkEditor editor) : AdminControllerBase
{
    private const string ListPath = "/quan-tri/lien-ket";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new LinkDirectoryViewModel(await editor.ListAsync(cancellationToken)));

    [HttpGet("nhom/tao")]
    public IActionResult CreateGroup() => View("GroupEdit", new LinkGroupFormViewModel(null, new LinkGroupEditModel()));

    [HttpPost("nhom/tao")]
    public Task<IActionResult> CreateGroup(LinkGroupEditModel model, CancellationToken cancellationToken) => SaveGroupAsync(null, model, cancellationToken);

    [HttpGet("nhom/{id:int}/sua")]
    public async Task<IActionResult> EditGroup(int id, CancellationToken cancellationToken) =>
        await editor.FindGroupAsync(id, cancellationToken) is { } group
            ? View("GroupEdit", new LinkGroupFormViewModel(id, new LinkGroupEditModel { Name = group.Name, Display = group.Display, IsEnabled = group.IsEnabled }))
            : NotFound();

    [HttpPost("nhom/{id:int}/sua")]
    public Task<IActionResult> EditGroup(int id, LinkGroupEditModel model, CancellationToken cancellationToken) => SaveGroupAsync(id, model, cancellationToken);

    /// <summary>The confirmation page: it says how many links go with the group.</summary>
    [HttpGet("nhom/{id:int}/xoa")]
    public async Task<IActionResult> DeleteGroup(int id, CancellationToken cancellationToken) =>
        await editor.FindGroupAsync(id, cancellationToken) is { } group
            ? View(new LinkGroupDeleteViewModel(group.Id, group.Name, group.Links.ToList()))
            : NotFound();

    /// <summary>A group that still has links is deleted only with the confirmation page's <c>xac-nhan</c>; otherwise the page is shown.</summary>
    [HttpPost("nhom/{id:int}/xoa")]
    public async Task<IActionResult> DeleteGroup(int id, [FromForm(Name = "xac-nhan")] string? confirmed, CancellationToken cancellationToken)
    {
        var group = await editor.FindGroupAsync(id, cancellationToken);
        if (group is null)
        {
            return NotFound();
        }

        if (group.Links.Count > 0 && confirmed != "co")
        {
            return LocalRedirect($"{ListPath}/nhom/{id}/xoa");
        }

        await editor.DeleteGroupAsync(id, User, cancellationToken);
        Flash(group.Links.Count == 0 ? $"Đã xóa nhóm “{group.Name}”." : $"Đã xóa nhóm “{group.Name}” và {group.Links.Count} liên kết trong nhóm.");
        return LocalRedirect(ListPath);
    }

    /// <summary>The keyboard-friendly way to reorder (the shared move buttons); drag and drop is not needed.</summary>
    [HttpPost("nhom/{id:int}/len")]
    public async Task<IActionResult> MoveGroupUp(int id, CancellationToken cancellationToken) =>
        Moved(await editor.MoveGroupAsync(id, -1, User, cancellationToken), $"nhom-{id}");

    [HttpPost("nhom/{id:int}/xuong")]
    public async Task<IActionResult> MoveGroupDown(int id, CancellationToken cancellationToken) =>
        Moved(await editor.MoveGroupAsync(id, 1, User, cancellationToken), $"nhom-{id}");

    [HttpGet("tao")]
    public async Task<IActionResult> CreateLink([FromQuery(Name = "nhom")] int? groupId, CancellationToken cancellationToken) =>
        View("LinkEdit", await LinkFormAsync(null, new LinkEditModel { LinkGroupId = groupId ?? 0 }, cancellationToken));

    [HttpPost("tao")]
    public Task<IActionResult> CreateLink(LinkEditModel model, CancellationToken cancellationToken) => SaveLinkAsync(null, model, cancellationToken);

    [HttpGet("{id:int}/sua")]
    public async Task<IActionResult> EditLink(int id, CancellationToken cancellationToken) =>
        await editor.FindLinkAsync(id, cancellationToken) is { } link
            ? View("LinkEdit", await LinkFormAsync(id, new LinkEditModel { LinkGroupId = link.LinkGroupId, Title = link.Title, Url = link.Url, IsEnabled = link.IsEnabled }, cancellationToken))
            : NotFound();

    [HttpPost("{id:int}/sua")]
    public Task<IActionResult> EditLink(int id, LinkEditModel model, CancellationToken cancellationToken) => SaveLinkAsync(id, model, cancellationToken);

    [HttpPost("{id:int}/xoa")]
    public async Task<IActionResult> DeleteLink(int id, CancellationToken cancellationToken)
    {
        var link = await editor.DeleteLinkAsync(id, User, cancellationToken);
        if (link is null)
        {
            return NotFound();
        }

        Flash($"Đã xóa liên kết “{link.Title}”.");
        return LocalRedirect($"{ListPath}#nhom-{link.LinkGroupId}");
    }

    [HttpPost("{id:int}/len")]
    public async Task<IActionResult> MoveLinkUp(int id, CancellationToken cancellationToken) =>
        Moved(await editor.MoveLinkAsync(id, -1, User, cancellationToken), $"lien-ket-{id}");

    [HttpPost("{id:int}/xuong")]
    public async Task<IActionResult> MoveLinkDown(int id, CancellationToken cancellationToken) =>
        Moved(await editor.MoveLinkAsync(id, 1, User, cancellationToken), $"lien-ket-{id}");

    private async Task<IActionResult> SaveGroupAsync(int? id, LinkGroupEditModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var result = ModelState.IsValid ? await editor.SaveGroupAsync(id, model, User, cancellationToken) : null;
        return Saved(result, () => $"Đã lưu nhóm “{model.Name.Trim()}”.", $"nhom-{result?.Id}", () => View("GroupEdit", new LinkGroupFormViewModel(id, model)));
    }

    private async Task<IActionResult> SaveLinkAsync(int? id, LinkEditModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var result = ModelState.IsValid ? await editor.SaveLinkAsync(id, model, User, cancellationToken) : null;
        var form = result?.Outcome == EditOutcome.Saved ? null : await LinkFormAsync(id, model, cancellationToken);
        return Saved(result, () => $"Đã lưu liên kết “{model.Title.Trim()}”.", $"lien-ket-{result?.Id}", () => View("LinkEdit", form));
    }

    /// <summary>Post-Redirect-Get to the list, at the saved row; or the form again with the message; or 404.</summary>
    private IActionResult Saved(EditResult? result, Func<string> message, string anchor, Func<IActionResult> form)
    {
        if (result?.Outcome == EditOutcome.NotFound)
        {
            return NotFound();
        }

        if (result?.Outcome == EditOutcome.Saved)
        {
            Flash(message());
            return LocalRedirect($"{ListPath}#{anchor}");
        }

        ShowError(result);
        return form();
    }

    private IActionResult Moved(bool found, string anchor)
    {
        if (!found)
        {
            return NotFound();
        }

        Flash("Đã đổi thứ tự.");
        return LocalRedirect($"{ListPath}#{anchor}");
    }

    private async Task<LinkFormViewModel> LinkFormAsync(int? id, LinkEditModel model, CancellationToken cancellationToken) =>
        new(id, model, await editor.ListAsync(cancellationToken));
}
