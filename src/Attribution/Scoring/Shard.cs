using System.Globalization;
using System.Text;

namespace Attribution;

/// <summary>
/// One of <see cref="Count"/> deterministic slices of a corpus, numbered from 1: a document belongs
/// to shard <c>FNV-1a-64(UTF-8 bytes of its id) mod Count + 1</c>. The hash depends only on the id,
/// so any machine, run or thread count puts a document in the same shard, and the shards of one
/// corpus are disjoint and together hold every document.
/// </summary>
public readonly record struct Shard
{
    /// <summary>Creates shard <paramref name="index"/> of <paramref name="count"/> (1 &lt;= index &lt;= count).</summary>
    public Shard(int index, int count)
    {
        if (count < 1)
            throw new ArgumentOutOfRangeException(nameof(count), count, "A corpus is cut into at least one shard.");
        if (index < 1 || index > count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Shards are numbered from 1 to {count}.");
        Index = index;
        Count = count;
    }

    /// <summary>Which shard, from 1 to <see cref="Count"/>.</summary>
    public int Index { get; }

    /// <summary>How many shards the corpus is cut into.</summary>
    public int Count { get; }

    /// <summary>The whole corpus: shard 1 of 1.</summary>
    public static Shard All { get; } = new(1, 1);

    /// <summary>Parses <c>K/N</c>, such as <c>2/8</c>.</summary>
    /// <exception cref="FormatException">The text is not K/N with 1 &lt;= K &lt;= N.</exception>
    public static Shard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            && count >= 1 && index >= 1 && index <= count)
            return new Shard(index, count);
        throw new FormatException($"\"{text}\" is not a shard: write K/N with 1 <= K <= N, such as 1/4 (a Kubernetes indexed Job passes $((JOB_COMPLETION_INDEX + 1))/N).");
    }

    /// <summary>Whether the document with this id belongs to this shard.</summary>
    public bool Contains(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return Count <= 1 || (int)(Hash(documentId) % (ulong)Count) + 1 == Index;
    }

    /// <summary>FNV-1a 64 over the UTF-8 bytes of the id: easy to reproduce in any language.</summary>
    internal static ulong Hash(string documentId)
    {
        int length = Encoding.UTF8.GetMaxByteCount(documentId.Length);
        Span<byte> bytes = length <= 256 ? stackalloc byte[256] : new byte[length];
        int written = Encoding.UTF8.GetBytes(documentId, bytes);
        ulong hash = 14695981039346656037;
        foreach (byte b in bytes[..written])
            hash = (hash ^ b) * 1099511628211;
        return hash;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";
}
