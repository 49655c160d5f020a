namespace Attribution;

/// <summary>
/// How sentences become features. The defaults suit French and English news; a model records the
/// options it was trained with and always featurizes with those.
/// </summary>
public sealed record FeaturizerOptions
{
    /// <summary>Features are hashed into 2^HashBits slots (per label). Default 18.</summary>
    public int HashBits { get; init; } = 18;

    /// <summary>The largest <see cref="HashBits"/> allowed.</summary>
    internal const int MaxHashBits = 24;

    /// <summary>Shortest character n-gram taken from each word. Default 3.</summary>
    public int CharNgramMin { get; init; } = 3;

    /// <summary>Longest character n-gram taken from each word; 0 disables character n-grams. Default 5.</summary>
    public int CharNgramMax { get; init; } = 5;

    /// <summary>Weight of character n-grams relative to words, before normalization. Default 0.3.</summary>
    public float CharNgramWeight { get; init; } = 0.3f;

    /// <summary>How many previous sentences of the same document contribute features (0, 1 or 2). Default 2.</summary>
    public int ContextSentences { get; init; } = 2;

    /// <summary>Weight of plain context features (words of the previous sentences). Default 0.5.</summary>
    public float ContextWeight { get; init; } = 0.5f;

    /// <summary>
    /// Weight of carried-context features: words of the previous sentences, emitted only when the
    /// sentence has a cue that it continues someone's statement ("a-t-il ajouté", "selon lui",
    /// "the source added", a quote that runs on). Default 1.5.
    /// </summary>
    public float CarriedWeight { get; init; } = 1.5f;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (HashBits is < 10 or > MaxHashBits)
            throw new ArgumentOutOfRangeException(nameof(HashBits), HashBits, $"HashBits must be between 10 and {MaxHashBits}.");
        if (CharNgramMax != 0 && (CharNgramMin < 1 || CharNgramMax < CharNgramMin || CharNgramMax > 8))
            throw new ArgumentOutOfRangeException(nameof(CharNgramMax), CharNgramMax, "Character n-grams need 1 <= CharNgramMin <= CharNgramMax <= 8 (or CharNgramMax = 0 to disable).");
        if (ContextSentences is < 0 or > 2)
            throw new ArgumentOutOfRangeException(nameof(ContextSentences), ContextSentences, "ContextSentences must be 0, 1 or 2.");
        foreach (var (name, value) in new[] { (nameof(CharNgramWeight), CharNgramWeight), (nameof(ContextWeight), ContextWeight), (nameof(CarriedWeight), CarriedWeight) })
            if (!(value >= 0 && float.IsFinite(value)))
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number >= 0.");
    }
}
