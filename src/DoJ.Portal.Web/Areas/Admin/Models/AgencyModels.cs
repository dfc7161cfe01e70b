using DoJ.Portal.Web.Editing;

namespace DoJ.Portal.Web.Areas.Admin.Models;

/// <summary>The procedure form: a new one when <see cref="Id"/> is null; the register's fields to choose from; a stale save's differences.</summary>
public sealed record ProcedureFormViewModel(int? Id, ProcedureEditModel Form, IReadOnlyList<FieldChoice> Fields, EditConflict? Conflict);

/// <summary>The official form: a new one when <see cref="Id"/> is null; a stale save's differences.</summary>
public sealed record OfficialFormViewModel(int? Id, OfficialEditModel Form, EditConflict? Conflict);
