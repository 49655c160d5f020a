namespace Attribution.Learning;

/// <summary>
/// A tiny seeded generator (SplitMix64). Written out rather than System.Random so that the
/// shuffles, and therefore the trained bytes, cannot change with the runtime version.
/// </summary>
internal struct SplitMix64
{
    private ulong _state;

    public SplitMix64(int seed) => _state = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, bound).</summary>
    public int Next(int bound) => (int)(Next() % (ulong)bound);

    /// <summary>Fisher-Yates shuffle in place.</summary>
    public void Shuffle(int[] items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
