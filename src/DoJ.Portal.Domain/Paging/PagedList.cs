using System.Globalization;

namespace DoJ.Portal.Domain.Paging;

/// <summary>One page of a longer list, with what a pager needs to link to the others.</summary>
public sealed class PagedList<T>
{
    public PagedList(IReadOnlyList<T> items, int pageNumber, int pageSize, long totalCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(totalCount);
        Items = items;
        PageNumber = pageNumber;
        PageSize = pageSize;
        TotalCount = totalCount;
    }

    public IReadOnlyList<T> Items { get; }
    public int PageNumber { get; }
    public int PageSize { get; }
    public long TotalCount { get; }

    /// <summary>At least 1, so an empty list still has a page to show "no results" on.</summary>
    public int PageCount => TotalCount == 0 ? 1 : (int)Math.Min(int.MaxValue, (TotalCount + PageSize - 1) / PageSize);

    public bool HasPrevious => PageNumber > 1;
    public bool HasNext => PageNumber < PageCount;

    /// <summary>True when the requested page lies beyond the last one.</summary>
    public bool IsPastEnd => PageNumber > PageCount;

    /// <summary>The page numbers to show around the current one: at most <paramref name="width"/>, inside [1, PageCount].</summary>
    public IReadOnlyList<int> Window(int width = 5)
    {
        var last = Math.Min(PageNumber, PageCount);
        var start = Math.Max(1, last - (width / 2));
        var end = Math.Min(PageCount, start + width - 1);
        start = Math.Max(1, end - width + 1);
        return Enumerable.Range(start, end - start + 1).ToList();
    }
}

/// <summary>Parsing of the <c>trang</c> query value: a plain positive integer, nothing else.</summary>
public static class PageNumber
{
    /// <summary>How many rows to skip for a page (0-based offset).</summary>
    public static int Offset(int pageNumber, int pageSize) => (int)Math.Min(int.MaxValue, (long)(pageNumber - 1) * pageSize);

    /// <summary>Far beyond any real list; stops absurd offsets from reaching the database.</summary>
    public const int Max = 100_000;

    /// <summary>Missing (or blank, which model binding turns into missing) means page 1; "0", "-1", "abc", "1e3", "+1" and numbers above <see cref="Max"/> are invalid.</summary>
    public static bool TryParse(string? text, out int page)
    {
        page = 1;
        if (text is null)
        {
            return true;
        }

        return text.Length is > 0 and <= 6
            && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out page)
            && page is >= 1 and <= Max;
    }
}
