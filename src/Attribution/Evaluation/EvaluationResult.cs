namespace Attribution;

/// <summary>How well a model's primary labels match gold labels.</summary>
public sealed class EvaluationResult
{
    internal EvaluationResult(int sentences, double accuracy, double macroF1, double logLoss,
        IReadOnlyDictionary<string, LabelMetrics> perLabel, ConfusionMatrix confusion,
        double expectedCalibrationError, IReadOnlyList<CalibrationBin> calibration,
        double allLabelsFound, IReadOnlyDictionary<string, LabelMetrics> perLabelAllLabels)
    {
        Sentences = sentences;
        Accuracy = accuracy;
        MacroF1 = macroF1;
        LogLoss = logLoss;
        PerLabel = perLabel;
        Confusion = confusion;
        ExpectedCalibrationError = expectedCalibrationError;
        Calibration = calibration;
        AllLabelsFound = allLabelsFound;
        PerLabelAllLabels = perLabelAllLabels;
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

    /// <summary>
    /// Expected calibration error: over 10 equal-width bins of confidence, the sentence-weighted mean
    /// gap between a bin's accuracy and its mean confidence. 0 means a confidence of 0.8 is right
    /// 80% of the time.
    /// </summary>
    public double ExpectedCalibrationError { get; }

    /// <summary>
    /// Multi-label: share of sentences whose gold labels (primary and secondary) are all among the
    /// predicted labels (<see cref="SentenceAttribution.Labels"/>).
    /// </summary>
    public double AllLabelsFound { get; }

    /// <summary>
    /// Multi-label: precision, recall and F1 of each label counted wherever it appears, primary or
    /// secondary, in the gold and the predicted label sets; support is the gold sentences holding it.
    /// </summary>
    public IReadOnlyDictionary<string, LabelMetrics> PerLabelAllLabels { get; }

    /// <summary>Multi-label: the mean F1 of <see cref="PerLabelAllLabels"/> over the labels with gold support.</summary>
    public double AllLabelsMacroF1 =>
        PerLabelAllLabels.Values.Where(m => m.Support > 0).Select(m => m.F1).DefaultIfEmpty(0).Average();

    /// <summary>The reliability diagram behind <see cref="ExpectedCalibrationError"/>: one bin per tenth of confidence.</summary>
    public IReadOnlyList<CalibrationBin> Calibration { get; }
}
