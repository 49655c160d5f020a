using Attribution.Features;
using Attribution.Model;

namespace Attribution.Learning;

/// <summary>
/// Temperature scaling (Guo et al., 2017): one number T that divides the scores before the softmax,
/// chosen to minimize the log-loss of predictions on documents the model did not train on. It
/// sharpens an underconfident model (T &lt; 1) or softens an overconfident one, and never changes
/// which label wins.
/// </summary>
internal static class TemperatureScaling
{
    private const double MinLogTemperature = -3, MaxLogTemperature = 3;

    /// <summary>
    /// Trains on all folds but one, in turn, scores the held-out sentences, and returns the
    /// temperature that fits their log-loss best. <paramref name="documentOf"/> gives each example's
    /// document, so that no article is split between training and held-out.
    /// </summary>
    /// <param name="examples">The training examples.</param>
    /// <param name="targets">Their label indices.</param>
    /// <param name="documentOf">Each example's document.</param>
    /// <param name="documents">Number of documents.</param>
    /// <param name="classes">Number of labels.</param>
    /// <param name="dimension">Number of features.</param>
    /// <param name="options">Seed and number of folds.</param>
    /// <param name="train">Trains weights on a subset, as the model itself is trained.</param>
    /// <param name="cancellationToken">Stops between and inside fold trainings.</param>
    public static double Fit(IReadOnlyList<FeatureVector> examples, int[] targets, int[] documentOf, int documents, int classes,
        int dimension, TrainerOptions options, Func<IReadOnlyList<FeatureVector>, int[], float[]> train, CancellationToken cancellationToken)
    {
        int folds = options.CalibrationFolds;
        int[] foldOfDocument = Documents.Folds(documents, folds, options.Seed);

        // Log-probabilities of the held-out examples: log-softmax differs from the scores by a
        // constant per example, so scaling it by 1/T is scaling the scores.
        var logProbabilities = new double[examples.Count][];
        // Folds are independent and each writes only its own held-out rows, so they run in
        // parallel and the result does not depend on the number of cores.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, folds, parallel, f =>
        {
            var probabilities = new double[classes];
            var trainIndices = Enumerable.Range(0, examples.Count).Where(i => foldOfDocument[documentOf[i]] != f).ToArray();
            float[] weights = train(trainIndices.Select(i => examples[i]).ToList(), trainIndices.Select(i => targets[i]).ToArray());
            var model = new LinearModel(classes, dimension, weights);
            for (int i = 0; i < examples.Count; i++)
            {
                if (foldOfDocument[documentOf[i]] != f)
                    continue;
                model.Probabilities(examples[i], probabilities);
                logProbabilities[i] = probabilities.Select(p => Math.Log(Math.Max(p, 1e-300))).ToArray();
            }
        });
        return Choose(logProbabilities, targets);
    }

    /// <summary>The temperature, between e^-3 and e^3, that minimizes the log-loss of held-out predictions.</summary>
    internal static double Choose(double[][] logProbabilities, int[] targets) =>
        Math.Exp(GoldenSection(logT => LogLoss(logProbabilities, targets, Math.Exp(logT)), MinLogTemperature, MaxLogTemperature));

    /// <summary>Mean negative log-probability of the targets after dividing the log-probabilities by <paramref name="temperature"/>.</summary>
    internal static double LogLoss(double[][] logProbabilities, int[] targets, double temperature)
    {
        double sum = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            double[] z = logProbabilities[i];
            double max = double.NegativeInfinity;
            foreach (double v in z)
                max = Math.Max(max, v / temperature);
            double total = 0;
            foreach (double v in z)
                total += Math.Exp(v / temperature - max);
            sum -= z[targets[i]] / temperature - max - Math.Log(total);
        }
        return sum / targets.Length;
    }

    // The log-loss is smooth and has one minimum in log T over this range, so golden-section search finds it.
    private static double GoldenSection(Func<double, double> f, double lo, double hi)
    {
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo);
        double fa = f(a), fb = f(b);
        for (int step = 0; step < 60 && hi - lo > 1e-4; step++)
        {
            if (fa < fb)
            {
                hi = b;
                b = a;
                fb = fa;
                a = hi - ratio * (hi - lo);
                fa = f(a);
            }
            else
            {
                lo = a;
                a = b;
                fa = fb;
                b = lo + ratio * (hi - lo);
                fb = f(b);
            }
        }
        return (lo + hi) / 2;
    }
}
