namespace Attribution;

/// <summary>How well a model's primary labels match gold labels.</summary>
public sealed class EvaluationResult
{
    internal EvaluationResult(int sentences, double accuracy, double macroF1, double logLoss,
        IReadOnlyDictionary<string, LabelMetrics> perLabel, ConfusionMatrix confusion)
    {
        Sentences = sentences;
        Accuracy = accuracy;
        MacroF1 = macroF1;
        LogLoss = logLoss;
        PerLabel = perLabel;
        Confusion = confusion;
    }

    /// <summary>Number of sentences evaluated.</summary>
    public int Sentences { get; }

    /// <summary>Share of sentences whose predicted label is the gold primary label.</summary>
    public double Accuracy { get; }

    /// <summary>Mean F1 over the labels that occur in the gold data.</summary>
    public double MacroF1 { get; }

    /// <summary>Mean negative log probability of the gold label (probabilities floored at 1e-15).</summary>
    public double LogLoss { get; }

    /// <summary>Precision, recall, F1 and support of every label seen in gold or predictions.</summary>
    public IReadOnlyDictionary<string, LabelMetrics> PerLabel { get; }

    /// <summary>Gold against predicted labels.</summary>
    public ConfusionMatrix Confusion { get; }
}
