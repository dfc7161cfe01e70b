namespace DoJ.Portal.Domain.Ordering;

/// <summary>Moving one item of an ordered list (categories, menu items) up or down by one place.</summary>
public static class Positions
{
    /// <summary>
    /// Swaps the item at <paramref name="index"/> with its neighbour above (<paramref name="offset"/> -1)
    /// or below (+1) and gives the whole list the positions 1..n, so gaps and ties left by earlier edits
    /// disappear. Returns false, changing nothing, when there is no neighbour that way.
    /// </summary>
    public static bool Move<T>(IList<T> ordered, int index, int offset, Action<T, int> setPosition)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        ArgumentNullException.ThrowIfNull(setPosition);
        if (offset is not (-1 or 1))
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "An item moves one place up (-1) or down (+1).");
        }

        var target = index + offset;
        if (index < 0 || index >= ordered.Count || target < 0 || target >= ordered.Count)
        {
            return false;
        }

        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var i = 0; i < ordered.Count; i++)
        {
            setPosition(ordered[i], i + 1);
        }

        return true;
    }
}
