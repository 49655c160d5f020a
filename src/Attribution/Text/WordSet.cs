namespace Attribution.Text;

/// <summary>
/// An immutable set of words looked up by <see cref="ReadOnlySpan{T}"/> without allocating: an
/// open-addressing hash table. It works on every target framework (frozen sets only gained span
/// lookups in .NET 9), and a lookup costs one pass over the word and usually one comparison, which
/// matters because the featurizer asks it about every word of every sentence.
/// </summary>
internal sealed class WordSet
{
    private readonly string?[] _slots;
    private readonly int _mask;

    /// <summary>Builds the set; duplicates are ignored.</summary>
    public WordSet(params string[] words)
    {
        string[] distinct = words.Distinct(StringComparer.Ordinal).ToArray();
        int capacity = 8;
        while (capacity < distinct.Length * 2)
            capacity *= 2;
        _slots = new string?[capacity];
        _mask = capacity - 1;
        foreach (string word in distinct)
        {
            int slot = (int)(Hash(word) & (uint)_mask);
            while (_slots[slot] is not null)
                slot = (slot + 1) & _mask;
            _slots[slot] = word;
        }
        MaxLength = distinct.Length == 0 ? 0 : distinct.Max(w => w.Length);
    }

    /// <summary>Length of the longest word, so callers can skip lookups of longer spans.</summary>
    public int MaxLength { get; }

    /// <summary>Whether <paramref name="word"/> is in the set (ordinal, case-sensitive).</summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxLength)
            return false;
        int slot = (int)(Hash(word) & (uint)_mask);
        while (_slots[slot] is { } candidate)
        {
            if (word.SequenceEqual(candidate))
                return true;
            slot = (slot + 1) & _mask;
        }
        return false;
    }

    // FNV-1a with a final mix; only needs to spread words over the table.
    private static uint Hash(ReadOnlySpan<char> word)
    {
        uint hash = 2166136261;
        foreach (char c in word)
            hash = (hash ^ c) * 16777619;
        return hash ^ (hash >> 15);
    }
}
