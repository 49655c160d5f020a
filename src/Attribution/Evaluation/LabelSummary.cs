namespace Attribution;

/// <summary>
/// Precision, recall and F1 of one label over cross-validation folds (mean and deviation over the
/// folds whose test documents hold the label), with its total support.
/// </summary>
/// <param name="Precision">Precision over the folds.</param>
/// <param name="Recall">Recall over the folds.</param>
/// <param name="F1">F1 over the folds.</param>
/// <param name="Support">Gold sentences with the label, all folds together.</param>
public sealed record LabelSummary(MetricSummary Precision, MetricSummary Recall, MetricSummary F1, int Support);
