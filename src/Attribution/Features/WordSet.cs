namespace Attribution.Features;

/// <summary>
/// A fixed set of words looked up by span without allocating (keyed by a stable hash, confirmed
/// by comparison), since featurizing checks every token of every sentence against such sets.
/// </summary>
internal sealed class WordSet
{
    private readonly Dictionary<uint, string[]> _byHash = [];

    public WordSet(params string[] words)
    {
        foreach (string word in words)
        {
            uint hash = Hash(word);
            _byHash[hash] = _byHash.TryGetValue(hash, out string[]? same) ? [.. same, word] : [word];
        }
    }

    public bool Contains(ReadOnlySpan<char> word)
    {
        if (!_byHash.TryGetValue(Hash(word), out string[]? candidates))
            return false;
        foreach (string candidate in candidates)
            if (word.SequenceEqual(candidate))
                return true;
        return false;
    }

    private static uint Hash(ReadOnlySpan<char> word) => FeatureHash.Add(FeatureHash.Start(0), word);
}
