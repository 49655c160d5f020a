namespace Attribution;

/// <summary>Summary of the data a model was trained on.</summary>
public sealed record TrainingDataSummary
{
    /// <summary>Number of sentences.</summary>
    public int Sentences { get; init; }

    /// <summary>Number of documents.</summary>
    public int Documents { get; init; }

    /// <summary>Sentences per primary label.</summary>
    public IReadOnlyDictionary<string, int> LabelCounts { get; init; } = new Dictionary<string, int>();

    /// <summary>SHA-256 (lower-case hex) of the training sentences in canonical form; see <see cref="AttributionTrainer.HashData"/>.</summary>
    public string Sha256 { get; init; } = "";
}
