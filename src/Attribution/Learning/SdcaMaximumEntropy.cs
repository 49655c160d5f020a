using Attribution.Features;
using Attribution.Model;

namespace Attribution.Learning;

/// <summary>
/// Multiclass maximum entropy (softmax regression) by stochastic dual coordinate ascent
/// (Shalev-Shwartz and Zhang, 2013). Each example keeps a dual vector alpha_i; the primal weights
/// are v = sum_i alpha_i x_i / (lambda n), soft-thresholded when there is an L1 term. A visit to an
/// example moves alpha_i towards the negative loss gradient with the step of the paper's Option III,
/// which needs no line search because softmax cross-entropy is 1/2-smooth.
/// With many examples the time goes to fetching each feature's row of v from memory, so rows are
/// padded to whole 64-byte cache lines and fetched a few features ahead.
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
        // Row f of v (its weight per class) starts at offset + f * stride, on a cache line of its own.
        int stride = (classes + 7) / 8 * 8;
        var v = GC.AllocateArray<double>(checked(dimension * stride + 8), pinned: true);
        int offset = AlignedOffset(v);
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
                Score(x, v, offset, stride, threshold, classes, scores);
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
                    int f = offset + x.Indices[j] * stride;
                    double scale = x.Values[j] / lambdaN;
                    for (int k = 0; k < classes; k++)
                        v[f + k] += scale * delta[k];
                }
            }

            passes = pass;
            double objective = lossSum / n + Regularizer(v, offset, stride, dimension, classes, lambda, options.L1Regularization, threshold);
            loss = objective;
            progress?.Report(new TrainingProgress(pass, options.MaximumPasses, objective));
            if (Math.Abs(previousObjective - objective) <= options.ConvergenceTolerance * Math.Abs(objective))
                break;
            previousObjective = objective;
        }

        var weights = new float[(long)dimension * classes];
        for (int f = 0; f < dimension; f++)
            for (int k = 0; k < classes; k++)
                weights[(long)f * classes + k] = (float)Shrink(v[offset + f * stride + k], threshold);
        return weights;
    }

    private static unsafe void Score(FeatureVector x, double[] v, int offset, int stride, double threshold, int classes, Span<double> scores)
    {
        // The rows are scattered over megabytes; asking for them a few features ahead overlaps the misses.
        const int Ahead = 8;
        scores.Clear();
        int[] indices = x.Indices;
        for (int j = 0; j < indices.Length; j++)
        {
            if (j + Ahead < indices.Length && System.Runtime.Intrinsics.X86.Sse.IsSupported)
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(System.Runtime.CompilerServices.Unsafe.AsPointer(ref v[offset + indices[j + Ahead] * stride]));
            int f = offset + indices[j] * stride;
            double value = x.Values[j];
            for (int k = 0; k < classes; k++)
                scores[k] += value * Shrink(v[f + k], threshold);
        }
    }

    // The array is pinned, so its address, and the alignment found here, never change.
    private static unsafe int AlignedOffset(double[] pinned)
    {
        long address = (long)System.Runtime.CompilerServices.Unsafe.AsPointer(ref pinned[0]);
        int misalignment = (int)(address % 64);
        return misalignment == 0 ? 0 : (64 - misalignment) / sizeof(double);
    }

    // The proximal map of the L1 term: weights within the threshold of zero are zero.
    private static double Shrink(double value, double threshold) =>
        threshold == 0 ? value : Math.Sign(value) * Math.Max(Math.Abs(value) - threshold, 0);

    private static double Regularizer(double[] v, int offset, int stride, int dimension, int classes, double lambda, double l1, double threshold)
    {
        double squares = 0, absolutes = 0;
        for (int f = 0; f < dimension; f++)
            for (int k = 0; k < classes; k++)
            {
                double w = Shrink(v[offset + f * stride + k], threshold);
                squares += w * w;
                absolutes += Math.Abs(w);
            }
        return lambda / 2 * squares + l1 * absolutes;
    }
}
