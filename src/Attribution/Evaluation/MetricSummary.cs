namespace Attribution;

/// <summary>The mean of a metric over cross-validation folds and its sample standard deviation.</summary>
/// <param name="Mean">Mean over the folds.</param>
/// <param name="StandardDeviation">Sample standard deviation over the folds (0 for a single fold).</param>
public readonly record struct MetricSummary(double Mean, double StandardDeviation)
{
    /// <summary>Summarizes the values of one metric, one per fold.</summary>
    public static MetricSummary Of(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
            return new MetricSummary(double.NaN, double.NaN);
        double mean = values.Average();
        double variance = values.Count < 2 ? 0 : values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return new MetricSummary(mean, Math.Sqrt(variance));
    }
}
