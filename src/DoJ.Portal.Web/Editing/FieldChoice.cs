using DoJ.Portal.Data;
using DoJ.Portal.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Editing;

/// <summary>A field of law (a <see cref="RegisterTerm"/> of kind Field), as the admin forms and filters offer it.</summary>
public sealed record FieldChoice(int Id, string Name)
{
    /// <summary>Every field in the register's own order.</summary>
    public static Task<List<FieldChoice>> ListAsync(PortalDbContext db, CancellationToken cancellationToken = default) =>
        db.RegisterTerms.AsNoTracking().Where(t => t.Kind == RegisterTermKind.Field).OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new FieldChoice(t.Id, t.Name)).ToListAsync(cancellationToken);
}
