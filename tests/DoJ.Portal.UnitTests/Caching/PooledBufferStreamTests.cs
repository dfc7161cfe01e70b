using System.Security.Cryptography;
using DoJ.Portal.Web.Caching;

namespace DoJ.Portal.UnitTests.Caching;

public sealed class PooledBufferStreamTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(PooledBufferStream.ChunkBytes - 1)]
    [InlineData(PooledBufferStream.ChunkBytes)]
    [InlineData(PooledBufferStream.ChunkBytes + 1)]
    [InlineData(1_784_203)]
    public async Task Gives_back_what_was_written_in_pieces_of_any_size_with_its_hash(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        using var buffer = new PooledBufferStream();

        // Writes of odd sizes through each of the stream's write methods, crossing the arrays' boundaries.
        var offset = 0;
        var step = 0;
        while (offset < size)
        {
            var count = Math.Min(size - offset, step % 3 == 0 ? 1 : 7_001 * (step % 5 + 1));
            switch (step % 4)
            {
                case 0: buffer.Write(bytes, offset, count); break;
                case 1: await buffer.WriteAsync(bytes.AsMemory(offset, count)); break;
#pragma warning disable CA1835 // the array overload is one of the stream's write methods too
                case 2: await buffer.WriteAsync(bytes, offset, count); break;
#pragma warning restore CA1835
                default: buffer.Write(bytes.AsSpan(offset, count)); break;
            }

            offset += count;
            step++;
        }

        Assert.Equal(size, buffer.Length);
        Assert.Equal(SHA256.HashData(bytes), buffer.Sha256());
        using var copy = new MemoryStream();
        await buffer.WriteToAsync(copy, CancellationToken.None);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public void Cannot_be_read_or_sought_and_refuses_writes_once_disposed()
    {
        var buffer = new PooledBufferStream();
        buffer.WriteByte(42);
        Assert.False(buffer.CanRead);
        Assert.False(buffer.CanSeek);
        Assert.Throws<NotSupportedException>(() => buffer.Read(new byte[1], 0, 1));
        Assert.Throws<NotSupportedException>(() => buffer.Seek(0, SeekOrigin.Begin));
        buffer.Dispose();
        Assert.False(buffer.CanWrite);
        Assert.Throws<ObjectDisposedException>(() => buffer.WriteByte(1));
        Assert.Throws<ObjectDisposedException>(() => buffer.Sha256());
    }
}
