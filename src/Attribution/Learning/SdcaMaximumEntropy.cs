using Attribution.Features;
using Attribution.Model;

namespace Attribution.Learning;

/// <summary>
/// Multiclass maximum entropy (softmax regression) by stochastic dual coordinate ascent
/// (Shalev-Shwartz and Zhang, 2013). Each example keeps a dual vector alpha_i; the primal weights
/// are v = sum_i alpha_i x_i / (lambda n), soft-thresholded when there is an L1 term. A visit to an
/// example moves alpha_i towards the negative loss gradient with the step of the paper's Option III,
/// which needs no line search because softmax cross-entropy is 1/2-smooth.
/// </summary>
internal static class SdcaMaximumEntropy
{
    // Largest eigenvalue of the softmax loss Hessian diag(p) - pp^T is at most 1/2, so gamma = 2.
    private const double Gamma = 2.0;

    /// <summary>Trains and returns the weights, feature-major: weight of feature f for class k at f * classes + k.</summary>
    public static float[] Train(
        IReadOnlyList<FeatureVector> examples, double[][] targets, int classes, int dimension,
        TrainerOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, out int passes, out double loss)
    {
        int n = examples.Count;
        double lambda = options.L2Regularization;
        double threshold = options.L1Regularization / lambda;
        double lambdaN = lambda * n;
        var v = new double[(long)dimension * classes];
        var alpha = new double[(long)n * classes];
        var order = new int[n];
        var squaredNorms = new double[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
            squaredNorms[i] = examples[i].SquaredNorm();
        }
        var random = new SplitMix64(options.Seed);
        Span<double> scores = stackalloc double[classes];
        Span<double> delta = stackalloc double[classes];

        double previousObjective = double.PositiveInfinity;
        passes = 0;
        loss = double.NaN;
        for (int pass = 1; pass <= options.MaximumPasses; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(order);
            double lossSum = 0;
            foreach (int i in order)
            {
                FeatureVector x = examples[i];
                double[] t = targets[i];
                Score(x, v, threshold, classes, scores);
                ModelParameters.Softmax(scores);
                for (int k = 0; k < classes; k++)
                    if (t[k] > 0)
                        lossSum -= t[k] * Math.Log(Math.Max(scores[k], 1e-300));

                double q = squaredNorms[i];
                double step = lambdaN * Gamma / (q + lambdaN * Gamma);
                long a = (long)i * classes;
                bool moved = false;
                for (int k = 0; k < classes; k++)
                {
                    double target = t[k] - scores[k];
                    delta[k] = step * (target - alpha[a + k]);
                    alpha[a + k] += delta[k];
                    moved |= delta[k] != 0;
                }
                if (!moved)
                    continue;
                for (int j = 0; j < x.Count; j++)
                {
                    long f = (long)x.Indices[j] * classes;
                    double scale = x.Values[j] / lambdaN;
                    for (int k = 0; k < classes; k++)
                        v[f + k] += scale * delta[k];
                }
            }

            passes = pass;
            double objective = lossSum / n + Regularizer(v, lambda, options.L1Regularization, threshold);
            loss = objective;
            progress?.Report(new TrainingProgress(pass, options.MaximumPasses, objective));
            if (Math.Abs(previousObjective - objective) <= options.ConvergenceTolerance * Math.Abs(objective))
                break;
            previousObjective = objective;
        }

        var weights = new float[v.Length];
        for (long i = 0; i < v.Length; i++)
            weights[i] = (float)Shrink(v[i], threshold);
        return weights;
    }

    private static void Score(FeatureVector x, double[] v, double threshold, int classes, Span<double> scores)
    {
        scores.Clear();
        for (int j = 0; j < x.Count; j++)
        {
            long f = (long)x.Indices[j] * classes;
            double value = x.Values[j];
            for (int k = 0; k < classes; k++)
                scores[k] += value * Shrink(v[f + k], threshold);
        }
    }

    // The proximal map of the L1 term: weights within the threshold of zero are zero.
    private static double Shrink(double value, double threshold) =>
        threshold == 0 ? value : Math.Sign(value) * Math.Max(Math.Abs(value) - threshold, 0);

    private static double Regularizer(double[] v, double lambda, double l1, double threshold)
    {
        double squares = 0, absolutes = 0;
        foreach (double value in v)
        {
            double w = Shrink(value, threshold);
            squares += w * w;
            absolutes += Math.Abs(w);
        }
        return lambda / 2 * squares + l1 * absolutes;
    }
}
