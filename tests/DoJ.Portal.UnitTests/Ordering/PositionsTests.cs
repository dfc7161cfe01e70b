using DoJ.Portal.Domain.Ordering;

namespace DoJ.Portal.UnitTests.Ordering;

public sealed class PositionsTests
{
    private sealed class Row(string name, int position)
    {
        public string Name { get; } = name;

        public int Position { get; set; } = position;
    }

    private static List<Row> Rows() => [new("a", 10), new("b", 10), new("c", 40)];

    private static string Names(IEnumerable<Row> rows) => string.Concat(rows.OrderBy(r => r.Position).Select(r => r.Name));

    [Fact]
    public void Moving_up_swaps_with_the_item_above_and_renumbers_the_list()
    {
        var rows = Rows();

        Assert.True(Positions.Move(rows, 2, -1, (r, p) => r.Position = p));

        Assert.Equal("acb", Names(rows));
        Assert.Equal([1, 2, 3], rows.Select(r => r.Position));
    }

    [Fact]
    public void Moving_down_swaps_with_the_item_below_even_when_their_positions_were_tied()
    {
        var rows = Rows();

        Assert.True(Positions.Move(rows, 0, 1, (r, p) => r.Position = p));

        Assert.Equal("bac", Names(rows));
    }

    [Theory]
    [InlineData(0, -1)]
    [InlineData(2, 1)]
    [InlineData(5, -1)]
    [InlineData(-1, 1)]
    public void Nothing_moves_past_either_end(int index, int offset)
    {
        var rows = Rows();

        Assert.False(Positions.Move(rows, index, offset, (r, p) => r.Position = p));

        Assert.Equal([10, 10, 40], rows.Select(r => r.Position));
    }

    [Fact]
    public void Only_one_place_at_a_time()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Positions.Move(Rows(), 0, 2, (r, p) => r.Position = p));
    }
}
