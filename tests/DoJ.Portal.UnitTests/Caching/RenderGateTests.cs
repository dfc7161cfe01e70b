using DoJ.Portal.Web.Caching;

namespace DoJ.Portal.UnitTests.Caching;

public sealed class RenderGateTests
{
    [Fact]
    public async Task A_request_past_the_slots_waits_until_one_is_given_back()
    {
        using var gate = new RenderGate(2);
        var first = await gate.EnterAsync(CancellationToken.None);
        var second = await gate.EnterAsync(CancellationToken.None);

        var third = gate.EnterAsync(CancellationToken.None);
        Assert.False(third.IsCompleted);
        Assert.Equal(0, gate.Free);

        first.Dispose();
        (await third).Dispose();
        second.Dispose();
        Assert.Equal(2, gate.Free);
    }

    [Fact]
    public async Task A_slot_given_back_twice_counts_once()
    {
        using var gate = new RenderGate(1);
        var slot = await gate.EnterAsync(CancellationToken.None);
        slot.Dispose();
        slot.Dispose();
        Assert.Equal(1, gate.Free);

        using var again = await gate.EnterAsync(CancellationToken.None);
        Assert.Equal(0, gate.Free);
    }

    [Fact]
    public async Task A_request_that_gives_up_while_waiting_takes_no_slot()
    {
        using var gate = new RenderGate(1);
        using var held = await gate.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = gate.EnterAsync(cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        Assert.Equal(1, gate.Free);
    }
}
