namespace Attribution;

/// <summary>
/// What a model file says about itself: format, labels, how it was trained, on what, and how it
/// scored. Stored as <c>manifest.json</c> in the model zip.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>The format version this library writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Version of the model file format.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Labels the model predicts, in the order of its weights.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Name of the trainer ("sdca").</summary>
    public string Trainer { get; init; } = "sdca";

    /// <summary>The trainer's options, featurizer options included.</summary>
    public TrainerOptions TrainerOptions { get; init; } = new();

    /// <summary>What the model was trained on.</summary>
    public TrainingDataSummary TrainingData { get; init; } = new();

    /// <summary>Figures measured when training ended.</summary>
    public TrainingMetrics Metrics { get; init; } = new();

    /// <summary>
    /// Softmax temperature fitted on held-out folds so that confidences match accuracy (see
    /// <see cref="TrainerOptions.CalibrationFolds"/>); scores are divided by it. 1 means uncalibrated.
    /// </summary>
    public double Temperature { get; init; } = 1;

    /// <summary>
    /// A label other than the most likely one is also given to a sentence when its probability
    /// reaches this threshold, chosen on held-out folds; 1 gives every sentence one label.
    /// </summary>
    public double SecondaryThreshold { get; init; } = 1;

    /// <summary>Size in bytes of the weights entry.</summary>
    public long WeightsLength { get; init; }

    /// <summary>SHA-256 of the weights entry, lower-case hex.</summary>
    public string WeightsSha256 { get; init; } = "";
}
