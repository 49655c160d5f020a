namespace Attribution.Evaluation;

/// <summary>Accumulates gold and predicted labels, then computes the metrics of <see cref="EvaluationResult"/>.</summary>
internal sealed class Evaluator
{
    private const double ProbabilityFloor = 1e-15;

    /// <summary>Equal-width confidence bins of the reliability diagram and of the calibration error.</summary>
    public const int CalibrationBins = 10;

    private readonly List<string> _labels;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<(int Gold, int Predicted)> _pairs = [];
    private readonly int[] _binCounts = new int[CalibrationBins];
    private readonly int[] _binCorrect = new int[CalibrationBins];
    private readonly double[] _binConfidence = new double[CalibrationBins];
    private double _logLossSum;
    private readonly Dictionary<string, (int TruePositives, int Predicted, int Gold)> _setCounts = new(StringComparer.Ordinal);
    private int _sets;
    private int _allFound;

    /// <param name="modelLabels">Labels of the model, listed first in the confusion matrix.</param>
    public Evaluator(IEnumerable<string> modelLabels)
    {
        _labels = [];
        foreach (string label in modelLabels)
            IndexOf(label);
    }

    /// <summary>
    /// Records one sentence: its gold label, the prediction, the probability given to the gold label,
    /// and the confidence of the prediction (the probability of the predicted label).
    /// </summary>
    public void Add(string gold, string predicted, double goldProbability, double confidence)
    {
        _pairs.Add((IndexOf(gold), IndexOf(predicted)));
        _logLossSum -= Math.Log(Math.Max(goldProbability, ProbabilityFloor));
        int bin = Math.Clamp((int)(confidence * CalibrationBins), 0, CalibrationBins - 1);
        _binCounts[bin]++;
        _binConfidence[bin] += confidence;
        if (gold == predicted)
            _binCorrect[bin]++;
    }

    /// <summary>Records one sentence's gold label set and predicted label set, for the multi-label figures.</summary>
    public void AddSets(IEnumerable<string> gold, IEnumerable<string> predicted)
    {
        var goldSet = gold.ToHashSet(StringComparer.Ordinal);
        var predictedSet = predicted.ToHashSet(StringComparer.Ordinal);
        _sets++;
        if (goldSet.IsSubsetOf(predictedSet))
            _allFound++;
        foreach (string label in goldSet.Union(predictedSet))
        {
            _setCounts.TryGetValue(label, out var c);
            _setCounts[label] = (c.TruePositives + (goldSet.Contains(label) && predictedSet.Contains(label) ? 1 : 0),
                c.Predicted + (predictedSet.Contains(label) ? 1 : 0), c.Gold + (goldSet.Contains(label) ? 1 : 0));
        }
    }

    public EvaluationResult Result()
    {
        int n = _pairs.Count, k = _labels.Count;
        var counts = new int[k, k];
        foreach (var (gold, predicted) in _pairs)
            counts[gold, predicted]++;

        var perLabel = new Dictionary<string, LabelMetrics>(StringComparer.Ordinal);
        int correct = 0;
        double f1Sum = 0;
        int goldLabels = 0;
        for (int c = 0; c < k; c++)
        {
            int truePositives = counts[c, c], support = 0, predicted = 0;
            for (int o = 0; o < k; o++)
            {
                support += counts[c, o];
                predicted += counts[o, c];
            }
            correct += truePositives;
            LabelMetrics metrics = Metrics(truePositives, predicted, support);
            if (support > 0 || predicted > 0)
                perLabel[_labels[c]] = metrics;
            if (support > 0)
            {
                f1Sum += metrics.F1;
                goldLabels++;
            }
        }
        var bins = new CalibrationBin[CalibrationBins];
        double calibrationError = 0;
        for (int b = 0; b < CalibrationBins; b++)
        {
            int count = _binCounts[b];
            double confidence = count == 0 ? 0 : _binConfidence[b] / count, accuracy = count == 0 ? 0 : (double)_binCorrect[b] / count;
            bins[b] = new CalibrationBin((double)b / CalibrationBins, (double)(b + 1) / CalibrationBins, count, confidence, accuracy);
            calibrationError += n == 0 ? 0 : (double)count / n * Math.Abs(accuracy - confidence);
        }
        return new EvaluationResult(
            n,
            n == 0 ? 0 : (double)correct / n,
            goldLabels == 0 ? 0 : f1Sum / goldLabels,
            n == 0 ? 0 : _logLossSum / n,
            perLabel,
            new ConfusionMatrix(_labels.ToArray(), counts),
            calibrationError,
            bins,
            _sets == 0 ? 0 : (double)_allFound / _sets,
            _setCounts.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => Metrics(c.Value.TruePositives, c.Value.Predicted, c.Value.Gold), StringComparer.Ordinal));
    }

    private static LabelMetrics Metrics(int truePositives, int predicted, int gold)
    {
        double precision = predicted == 0 ? 0 : (double)truePositives / predicted;
        double recall = gold == 0 ? 0 : (double)truePositives / gold;
        return new LabelMetrics(precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall), gold);
    }

    private int IndexOf(string label)
    {
        if (!_index.TryGetValue(label, out int i))
        {
            i = _labels.Count;
            _labels.Add(label);
            _index.Add(label, i);
        }
        return i;
    }
}
