using System.IO.Compression;

namespace Attribution.IO;

/// <summary>Opens corpus inputs, decompressing gzip transparently (recognised by its magic bytes, whatever the name).</summary>
internal static class InputStreams
{
    private const int BufferSize = 1 << 16;

    /// <summary>Opens a file for sequential reading; <paramref name="file"/> is the raw file, whose position tells progress.</summary>
    public static Stream OpenFile(string path, out FileStream file)
    {
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        return Decompressed(file);
    }

    /// <summary>Wraps a stream, decompressing it when it starts with the gzip signature.</summary>
    public static Stream Decompressed(Stream stream)
    {
        var buffered = new BufferedStream(stream, BufferSize);
        Span<byte> head = stackalloc byte[2];
        int read = 0;
        while (read < 2)
        {
            int n = buffered.Read(head[read..]);
            if (n == 0)
                break;
            read += n;
        }
        // BufferedStream cannot un-read, so put the bytes back by starting over in front of them.
        var replay = new PrefixedStream(head[..read].ToArray(), buffered);
        return read == 2 && head[0] == 0x1f && head[1] == 0x8b ? new GZipStream(replay, CompressionMode.Decompress) : replay;
    }
}
