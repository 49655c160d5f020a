namespace Attribution.Features;

/// <summary>
/// A stable 32-bit hash (FNV-1a with a final avalanche) over characters. Stable across runs,
/// processes and .NET versions, unlike string.GetHashCode, because saved models depend on it.
/// </summary>
internal static class FeatureHash
{
    private const uint Prime = 16777619;
    private const uint Offset = 2166136261;

    public static uint Start(FeatureFamily family) => (Offset ^ (uint)family) * Prime;

    public static uint Add(uint hash, char c) => (hash ^ c) * Prime;

    public static uint Add(uint hash, ReadOnlySpan<char> text)
    {
        foreach (char c in text)
            hash = (hash ^ c) * Prime;
        return hash;
    }

    /// <summary>Murmur3's finalizer: spreads the low-entropy FNV state over all bits before masking.</summary>
    public static uint Finish(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >> 16;
        return hash;
    }
}
