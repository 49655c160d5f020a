namespace Attribution;

/// <summary>Options for <see cref="AttributionModel.Attribute(string, PredictionOptions?)"/> and <see cref="AttributionModel.Predict(string, PredictionOptions?)"/>.</summary>
public sealed record PredictionOptions
{
    /// <summary>The default options.</summary>
    public static PredictionOptions Default { get; } = new();

    /// <summary>How many features of evidence to return per sentence; 0 skips the explanation (faster). Default 5.</summary>
    public int EvidenceCount { get; init; } = 5;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when an option is invalid.</summary>
    public void Validate() => ArgumentOutOfRangeException.ThrowIfNegative(EvidenceCount);
}
