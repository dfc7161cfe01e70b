using System.Buffers;
using System.Security.Cryptography;

namespace DoJ.Portal.Web.Caching;

/// <summary>
/// A write-only stream that keeps what is written in 16 KB arrays rented from <see cref="ArrayPool{T}.Shared"/>, for a
/// response held back until it is complete (<see cref="PageValidatorMiddleware"/> hashes it for the ETag). A
/// <see cref="MemoryStream"/> grows by doubling and copying, and past 85 KB each new array is a large object that only
/// a full collection frees: a 1.8 MB sitemap file cost about 4 MB of large objects per request that way, 32 requests
/// at once more than 250 MB. Here nothing is copied while writing and every array goes back to the pool on dispose.
/// </summary>
public sealed class PooledBufferStream : Stream
{
    /// <summary>The size of each array: most pages fit in two, and it is below the large object threshold.</summary>
    public const int ChunkBytes = 16 * 1024;

    private readonly List<byte[]> chunks = [];
    private int usedInLast = ChunkBytes;
    private long length;
    private bool disposed;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !disposed;

    public override long Length => length;

    public override long Position
    {
        get => length;
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        while (!buffer.IsEmpty)
        {
            if (usedInLast == ChunkBytes)
            {
                chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkBytes));
                usedInLast = 0;
            }

            var count = Math.Min(buffer.Length, ChunkBytes - usedInLast);
            buffer[..count].CopyTo(chunks[^1].AsSpan(usedInLast));
            usedInLast += count;
            length += count;
            buffer = buffer[count..];
        }
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        Write(buffer.AsSpan(offset, count));
    }

    public override void WriteByte(byte value) => Write([value]);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>The SHA-256 of everything written so far.</summary>
    public byte[] Sha256()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var chunk in Chunks())
        {
            hash.AppendData(chunk.Span);
        }

        return hash.GetHashAndReset();
    }

    /// <summary>Writes everything written so far to <paramref name="destination"/>, array by array.</summary>
    public async Task WriteToAsync(Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        foreach (var chunk in Chunks())
        {
            await destination.WriteAsync(chunk, cancellationToken);
        }
    }

    private IEnumerable<ReadOnlyMemory<byte>> Chunks()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        for (var i = 0; i < chunks.Count; i++)
        {
            yield return chunks[i].AsMemory(0, i == chunks.Count - 1 ? usedInLast : ChunkBytes);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposed)
        {
            disposed = true;
            foreach (var chunk in chunks)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            chunks.Clear();
        }

        base.Dispose(disposing);
    }
}
