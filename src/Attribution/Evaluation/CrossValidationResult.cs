namespace Attribution;

/// <summary>
/// The result of k-fold cross-validation by document: every metric of <see cref="EvaluationResult"/>
/// as a mean and standard deviation over the folds, the confusion matrix of all folds together,
/// and each fold's own result.
/// </summary>
public sealed class CrossValidationResult
{
    internal CrossValidationResult(IReadOnlyList<EvaluationResult> folds)
    {
        Folds = folds;
        Sentences = folds.Sum(f => f.Sentences);
        Accuracy = MetricSummary.Of(folds.Select(f => f.Accuracy).ToList());
        MacroF1 = MetricSummary.Of(folds.Select(f => f.MacroF1).ToList());
        LogLoss = MetricSummary.Of(folds.Select(f => f.LogLoss).ToList());
        AllLabelsFound = MetricSummary.Of(folds.Select(f => f.AllLabelsFound).ToList());
        AllLabelsMacroF1 = MetricSummary.Of(folds.Select(f => f.AllLabelsMacroF1).ToList());
        string[] labels = folds.SelectMany(f => f.Confusion.Labels).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var counts = new int[labels.Length, labels.Length];
        foreach (EvaluationResult fold in folds)
            for (int g = 0; g < fold.Confusion.Labels.Count; g++)
                for (int p = 0; p < fold.Confusion.Labels.Count; p++)
                    counts[Array.IndexOf(labels, fold.Confusion.Labels[g]), Array.IndexOf(labels, fold.Confusion.Labels[p])] += fold.Confusion[g, p];
        Confusion = new ConfusionMatrix(labels, counts);
        var perLabel = new Dictionary<string, LabelSummary>(StringComparer.Ordinal);
        foreach (string label in labels)
        {
            // A fold whose test documents lack the label says nothing about its recall.
            var present = folds.Where(f => f.PerLabel.TryGetValue(label, out LabelMetrics? m) && m.Support > 0).Select(f => f.PerLabel[label]).ToList();
            int support = folds.Sum(f => f.PerLabel.TryGetValue(label, out LabelMetrics? m) ? m.Support : 0);
            perLabel[label] = new LabelSummary(
                MetricSummary.Of(present.Select(m => m.Precision).ToList()),
                MetricSummary.Of(present.Select(m => m.Recall).ToList()),
                MetricSummary.Of(present.Select(m => m.F1).ToList()),
                support);
        }
        PerLabel = perLabel;
    }

    /// <summary>Each fold's evaluation, in fold order.</summary>
    public IReadOnlyList<EvaluationResult> Folds { get; }

    /// <summary>Sentences evaluated, all folds together (every labelled sentence once).</summary>
    public int Sentences { get; }

    /// <summary>Accuracy over the folds.</summary>
    public MetricSummary Accuracy { get; }

    /// <summary>Macro-F1 over the folds.</summary>
    public MetricSummary MacroF1 { get; }

    /// <summary>Log-loss over the folds.</summary>
    public MetricSummary LogLoss { get; }

    /// <summary>Multi-label: share of sentences whose gold labels were all found (<see cref="EvaluationResult.AllLabelsFound"/>) over the folds.</summary>
    public MetricSummary AllLabelsFound { get; }

    /// <summary>Multi-label: <see cref="EvaluationResult.AllLabelsMacroF1"/> over the folds.</summary>
    public MetricSummary AllLabelsMacroF1 { get; }

    /// <summary>Per-label precision, recall and F1 over the folds.</summary>
    public IReadOnlyDictionary<string, LabelSummary> PerLabel { get; }

    /// <summary>Gold against predicted labels, all folds added together.</summary>
    public ConfusionMatrix Confusion { get; }
}
