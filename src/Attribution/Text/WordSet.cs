namespace Attribution.Text;

/// <summary>
/// An immutable set of words looked up by <see cref="ReadOnlySpan{T}"/> without allocating: a sorted
/// array searched by binary search. It works on every target framework (frozen sets only gained
/// span lookups in .NET 9) and the lists are small, so a lookup is a handful of short comparisons.
/// </summary>
internal sealed class WordSet
{
    private readonly string[] _words;

    /// <summary>Builds the set; duplicates are ignored.</summary>
    public WordSet(params string[] words)
    {
        _words = words.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        MaxLength = _words.Length == 0 ? 0 : _words.Max(w => w.Length);
    }

    /// <summary>Length of the longest word, so callers can skip lookups of longer spans.</summary>
    public int MaxLength { get; }

    /// <summary>Whether <paramref name="word"/> is in the set (ordinal, case-sensitive).</summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxLength)
        {
            return false;
        }

        int lo = 0, hi = _words.Length - 1;
        while (lo <= hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            int cmp = word.SequenceCompareTo(_words[mid].AsSpan());
            if (cmp == 0)
            {
                return true;
            }

            if (cmp < 0)
            {
                hi = mid - 1;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return false;
    }
}
