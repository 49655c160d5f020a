namespace Attribution;

/// <summary>Figures measured at the end of training, on the training data itself.</summary>
public sealed record TrainingMetrics
{
    /// <summary>Passes the trainer made over the data.</summary>
    public int Passes { get; init; }

    /// <summary>Regularized loss after the last pass.</summary>
    public double Loss { get; init; }

    /// <summary>Accuracy on the training data.</summary>
    public double TrainingAccuracy { get; init; }

    /// <summary>Macro-F1 on the training data.</summary>
    public double TrainingMacroF1 { get; init; }
}
