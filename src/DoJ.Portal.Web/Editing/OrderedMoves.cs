using System.Globalization;
using System.Security.Claims;
using DoJ.Portal.Domain.Ordering;
using DoJ.Portal.Web.Auditing;

namespace DoJ.Portal.Web.Editing;

/// <summary>The move up / move down of every ordered list (categories, menu items, link groups, links).</summary>
public static class OrderedMoves
{
    /// <summary>
    /// Moves <c>ordered[index]</c> one place up (<paramref name="offset"/> -1) or down (+1) with <see cref="Positions.Move"/> and
    /// records it as "Sắp xếp" with its old and new position. False at either end, where nothing changes and nothing is recorded;
    /// the caller saves.
    /// </summary>
    public static bool Move<T>(AuditLog audit, ClaimsPrincipal user, List<T> ordered, int index, int offset, Action<T, int> setOrder,
        string entityType, int id, string name)
    {
        ArgumentNullException.ThrowIfNull(audit);
        if (!Positions.Move(ordered, index, offset, setOrder))
        {
            return false;
        }

        audit.Record(user, "Sắp xếp", entityType, id.ToString(CultureInfo.InvariantCulture), $"{name}: {(offset < 0 ? "lên" : "xuống")} một bậc",
            new Dictionary<string, (object?, object?)> { ["Vị trí"] = (index + 1, index + 1 + offset) });
        return true;
    }
}
