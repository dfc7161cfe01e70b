using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>The "Liên kết website" directory (administrators only): groups, their links, order and visibility.</summary>
[Authorize(Policy = PortalPolicies.Administrators)]
[Route(AdminUrls.Links)]
public sealed class LinksController(LinkEditor editor) : AdminControllerBase
{
    private const string GroupRoutes = AdminUrls.Segments.Group + "/";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new LinkDirectoryViewModel(await editor.ListAsync(cancellationToken)));

    [HttpGet(GroupRoutes + AdminUrls.Routes.New)]
    public IActionResult CreateGroup() => View("GroupEdit", new LinkGroupFormViewModel(null, new LinkGroupEditModel()));

    [HttpPost(GroupRoutes + AdminUrls.Routes.New)]
    public Task<IActionResult> CreateGroup(LinkGroupEditModel model, CancellationToken cancellationToken) =>
        SaveAsync(() => editor.CreateGroupAsync(model, User, cancellationToken), GroupRow, GroupSaved(model), () => GroupFormAsync(null, model));

    [HttpGet(GroupRoutes + AdminUrls.Routes.Edit)]
    public async Task<IActionResult> EditGroup(int id, CancellationToken cancellationToken) =>
        await ShowAsync(await editor.LoadGroupAsync(id, cancellationToken), form => View("GroupEdit", new LinkGroupFormViewModel(id, form)));

    [HttpPost(GroupRoutes + AdminUrls.Routes.Edit)]
    public Task<IActionResult> EditGroup(int id, LinkGroupEditModel model, CancellationToken cancellationToken) =>
        SaveAsync(() => editor.UpdateGroupAsync(id, model, User, cancellationToken), GroupRow, GroupSaved(model), () => GroupFormAsync(id, model));

    /// <summary>The confirmation page: it says how many links go with the group.</summary>
    [HttpGet(GroupRoutes + AdminUrls.Routes.Delete)]
    public async Task<IActionResult> DeleteGroup(int id, CancellationToken cancellationToken) =>
        await editor.FindGroupAsync(id, cancellationToken) is { } group
            ? View(new LinkGroupDeleteViewModel(group.Id, group.Name, group.Links.ToList()))
            : NotFound();

    /// <summary>A group that still has links is deleted only with the confirmation page's <c>xac-nhan</c>; otherwise that page is shown.</summary>
    [HttpPost(GroupRoutes + AdminUrls.Routes.Delete)]
    public async Task<IActionResult> DeleteGroup(int id, [FromForm(Name = "xac-nhan")] string? confirmed, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.DeleteGroupAsync(id, confirmed == "co", User, cancellationToken), AdminUrls.Links, "Đã xóa nhóm.",
            otherwise: AdminUrls.Of(AdminUrls.LinkGroups, id, AdminUrls.Segments.Delete));

    /// <summary>The keyboard-friendly way to reorder (the shared move buttons); drag and drop is not needed.</summary>
    [HttpPost(GroupRoutes + AdminUrls.Routes.Up)]
    public async Task<IActionResult> MoveGroupUp(int id, CancellationToken cancellationToken) =>
        await MovedAsync(await editor.MoveGroupAsync(id, -1, User, cancellationToken), AdminUrls.Links, "nhom-");

    [HttpPost(GroupRoutes + AdminUrls.Routes.Down)]
    public async Task<IActionResult> MoveGroupDown(int id, CancellationToken cancellationToken) =>
        await MovedAsync(await editor.MoveGroupAsync(id, 1, User, cancellationToken), AdminUrls.Links, "nhom-");

    [HttpGet(AdminUrls.Routes.New)]
    public async Task<IActionResult> CreateLink([FromQuery(Name = "nhom")] int? groupId, CancellationToken cancellationToken) =>
        await LinkFormAsync(null, new LinkEditModel { LinkGroupId = groupId ?? 0 }, cancellationToken);

    [HttpPost(AdminUrls.Routes.New)]
    public Task<IActionResult> CreateLink(LinkEditModel model, CancellationToken cancellationToken) =>
        SaveAsync(() => editor.CreateLinkAsync(model, User, cancellationToken), LinkRow, LinkSaved(model), () => LinkFormAsync(null, model, cancellationToken));

    [HttpGet(AdminUrls.Routes.Edit)]
    public async Task<IActionResult> EditLink(int id, CancellationToken cancellationToken) =>
        await ShowAsync(await editor.LoadLinkAsync(id, cancellationToken), form => LinkFormAsync(id, form, cancellationToken));

    [HttpPost(AdminUrls.Routes.Edit)]
    public Task<IActionResult> EditLink(int id, LinkEditModel model, CancellationToken cancellationToken) =>
        SaveAsync(() => editor.UpdateLinkAsync(id, model, User, cancellationToken), LinkRow, LinkSaved(model), () => LinkFormAsync(id, model, cancellationToken));

    [HttpPost(AdminUrls.Routes.Delete)]
    public async Task<IActionResult> DeleteLink(int id, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.DeleteLinkAsync(id, User, cancellationToken), GroupRow, "Đã xóa liên kết.");

    [HttpPost(AdminUrls.Routes.Up)]
    public async Task<IActionResult> MoveLinkUp(int id, CancellationToken cancellationToken) =>
        await MovedAsync(await editor.MoveLinkAsync(id, -1, User, cancellationToken), AdminUrls.Links, "lien-ket-");

    [HttpPost(AdminUrls.Routes.Down)]
    public async Task<IActionResult> MoveLinkDown(int id, CancellationToken cancellationToken) =>
        await MovedAsync(await editor.MoveLinkAsync(id, 1, User, cancellationToken), AdminUrls.Links, "lien-ket-");

    private static string GroupRow(EditResult result) => AdminUrls.At(AdminUrls.Links, $"nhom-{result.Id}");

    private static string LinkRow(EditResult result) => AdminUrls.At(AdminUrls.Links, $"lien-ket-{result.Id}");

    private static string GroupSaved(LinkGroupEditModel model) => $"Đã lưu nhóm “{model?.Name?.Trim()}”.";

    private static string LinkSaved(LinkEditModel model) => $"Đã lưu liên kết “{model?.Title?.Trim()}”.";

    private Task<IActionResult> GroupFormAsync(int? id, LinkGroupEditModel model) =>
        Task.FromResult<IActionResult>(View("GroupEdit", new LinkGroupFormViewModel(id, model)));

    private async Task<IActionResult> LinkFormAsync(int? id, LinkEditModel model, CancellationToken cancellationToken) =>
        View("LinkEdit", new LinkFormViewModel(id, model, await editor.ListAsync(cancellationToken)));
}
