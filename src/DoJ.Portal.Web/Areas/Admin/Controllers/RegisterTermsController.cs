using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>The register's lists (administrators only): document types, issuing bodies, fields; reorder; delete when unused.</summary>
[Authorize(Policy = PortalPolicies.Administrators)]
[Route(AdminUrls.RegisterTerms)]
public sealed class RegisterTermsController(RegisterTermEditor editor) : AdminControllerBase
{
    private const string RowPrefix = "danh-muc-";

    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken cancellationToken) => ListAsync(null, cancellationToken);

    [HttpGet(AdminUrls.Routes.New)]
    public IActionResult Create([FromQuery(Name = "loai")] RegisterTermKind? kind) =>
        View("Edit", new RegisterTermFormViewModel(null, new RegisterTermEditModel { Kind = kind ?? RegisterTermKind.DocumentType }));

    [HttpPost(AdminUrls.Routes.New)]
    public Task<IActionResult> Create(RegisterTermEditModel model, CancellationToken cancellationToken) =>
        SaveAsync(() => editor.CreateAsync(model, User, cancellationToken), r => AdminUrls.At(AdminUrls.RegisterTerms, RowPrefix + r.Id), "Đã thêm mục.",
            () => Task.FromResult<IActionResult>(View("Edit", new RegisterTermFormViewModel(null, model))));

    [HttpGet(AdminUrls.Routes.Edit)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await ShowAsync(await editor.LoadAsync(id, cancellationToken), form => View(new RegisterTermFormViewModel(id, form)));

    [HttpPost(AdminUrls.Routes.Edit)]
    public Task<IActionResult> Edit(int id, RegisterTermEditModel model, CancellationToken cancellationToken) =>
        SaveAsync(() => editor.UpdateAsync(id, model, User, cancellationToken), r => AdminUrls.At(AdminUrls.RegisterTerms, RowPrefix + r.Id), "Đã lưu.",
            () => Task.FromResult<IActionResult>(View(new RegisterTermFormViewModel(id, model))));

    [HttpPost(AdminUrls.Routes.Up)]
    public async Task<IActionResult> MoveUp(int id, CancellationToken cancellationToken) =>
        await MovedAsync(await editor.MoveAsync(id, -1, User, cancellationToken), AdminUrls.RegisterTerms, RowPrefix);

    [HttpPost(AdminUrls.Routes.Down)]
    public async Task<IActionResult> MoveDown(int id, CancellationToken cancellationToken) =>
        await MovedAsync(await editor.MoveAsync(id, 1, User, cancellationToken), AdminUrls.RegisterTerms, RowPrefix);

    [HttpPost(AdminUrls.Routes.Delete)]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.DeleteAsync(id, User, cancellationToken), AdminUrls.RegisterTerms, "Đã xóa mục.",
            refused => ListAsync(refused.Error, cancellationToken));

    private async Task<IActionResult> ListAsync(string? error, CancellationToken cancellationToken) =>
        View("Index", new RegisterTermListViewModel(await editor.ListAsync(cancellationToken), error));
}
