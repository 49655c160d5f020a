using Attribution.Features;

namespace Attribution.Learning;

/// <summary>
/// Multiclass maximum entropy (softmax regression) by limited-memory BFGS, with OWL-QN (Andrew and
/// Gao, 2007) for the L1 term. It minimizes the same objective as <see cref="SdcaMaximumEntropy"/>,
/// mean log-loss + L2/2 ||w - w0||^2 + L1 ||w||_1, where w0 is the starting point: zero for a new
/// model, the old weights when training continues from a base model. Centring the L2 term on the
/// old weights keeps what the old model knew wherever the new data has nothing to say.
/// </summary>
internal static class LbfgsMaximumEntropy
{
    // Pairs of (step, gradient change) kept for the inverse-Hessian estimate.
    private const int Memory = 7;

    // The gradient is summed over this many fixed slices of the examples, in parallel; fixed so
    // that the sums, and the model bytes, do not depend on the number of cores.
    private const int Slices = 4;

    private const double ArmijoFraction = 1e-4;

    /// <summary>
    /// Trains and returns the weights, feature-major: weight of feature f for class k at
    /// f * classes + k. <c>initial</c> holds the starting weights and L2 centre in the same layout,
    /// or is null for zeros. Each iteration counts as a pass for <see cref="TrainerOptions.MaximumPasses"/>.
    /// </summary>
    public static float[] Train(
        IReadOnlyList<FeatureVector> examples, double[][] targets, int classes, int dimension, double[]? initial,
        TrainerOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, out int iterations, out double loss)
    {
        long size = (long)dimension * classes;
        double l2 = options.L2Regularization, l1 = options.L1Regularization;
        double[] centre = initial ?? new double[size];
        double[] w = (double[])centre.Clone();
        var objective = new Objective(examples, targets, classes, size);

        double[] g = new double[size], pg = new double[size], d = new double[size], wNew = new double[size], gNew = new double[size];
        double[] sSpare = new double[size], ySpare = new double[size];
        var s = new List<double[]>();
        var y = new List<double[]>();
        var rho = new List<double>();
        double f = objective.Evaluate(w, centre, l2, g, cancellationToken) + l1 * L1Norm(w);
        iterations = 0;
        loss = f;
        for (int iteration = 1; iteration <= options.MaximumPasses; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            PseudoGradient(w, g, l1, pg);
            if (Norm(pg) == 0)
                break;
            Direction(pg, s, y, rho, d);
            // OWL-QN: keep only the components that descend in the orthant of the pseudo-gradient.
            for (long i = 0; i < size; i++)
                if (d[i] * pg[i] >= 0)
                    d[i] = 0;

            // Backtracking line search on the projected step; the first step is scaled to unit length.
            double step = s.Count == 0 ? 1 / Norm(pg) : 1;
            double fNew;
            int tries = 0;
            while (true)
            {
                for (long i = 0; i < size; i++)
                {
                    double candidate = w[i] + step * d[i];
                    // Project onto the orthant of w (or of -pg where w is zero): no sign crossings.
                    double orthant = w[i] != 0 ? Math.Sign(w[i]) : -Math.Sign(pg[i]);
                    wNew[i] = l1 > 0 && Math.Sign(candidate) != orthant ? 0 : candidate;
                }
                fNew = objective.Evaluate(wNew, centre, l2, gNew, cancellationToken) + l1 * L1Norm(wNew);
                double decrease = 0;
                for (long i = 0; i < size; i++)
                    decrease += pg[i] * (wNew[i] - w[i]);
                if (fNew <= f + ArmijoFraction * decrease || ++tries > 30)
                    break;
                step *= 0.5;
            }

            // The new pair is built in spare arrays; when it is kept, the oldest pair's arrays become
            // the spares (fresh 15 MB arrays every iteration would pile up on the large-object heap).
            double sy = 0;
            for (long i = 0; i < size; i++)
            {
                sSpare[i] = wNew[i] - w[i];
                ySpare[i] = gNew[i] - g[i];
                sy += sSpare[i] * ySpare[i];
            }
            if (sy > 1e-12)
            {
                s.Add(sSpare);
                y.Add(ySpare);
                rho.Add(1 / sy);
                if (s.Count > Memory)
                {
                    (sSpare, ySpare) = (s[0], y[0]);
                    s.RemoveAt(0);
                    y.RemoveAt(0);
                    rho.RemoveAt(0);
                }
                else
                {
                    (sSpare, ySpare) = (new double[size], new double[size]);
                }
            }
            (w, wNew) = (wNew, w);
            (g, gNew) = (gNew, g);
            double previous = f;
            f = fNew;
            iterations = iteration;
            loss = f;
            progress?.Report(new TrainingProgress(iteration, options.MaximumPasses, f));
            if (Math.Abs(previous - f) <= options.ConvergenceTolerance * Math.Abs(f))
                break;
        }

        var weights = new float[size];
        for (long i = 0; i < size; i++)
            weights[i] = (float)w[i];
        return weights;
    }

    /// <summary>The L1-aware steepest-descent direction's negative (Andrew and Gao's pseudo-gradient).</summary>
    private static void PseudoGradient(double[] w, double[] g, double l1, double[] pg)
    {
        for (long i = 0; i < w.LongLength; i++)
        {
            if (l1 == 0)
                pg[i] = g[i];
            else if (w[i] > 0)
                pg[i] = g[i] + l1;
            else if (w[i] < 0)
                pg[i] = g[i] - l1;
            else if (g[i] + l1 < 0)
                pg[i] = g[i] + l1;
            else if (g[i] - l1 > 0)
                pg[i] = g[i] - l1;
            else
                pg[i] = 0;
        }
    }

    /// <summary>d = -H pg by the two-loop recursion over the stored pairs.</summary>
    private static void Direction(double[] pg, List<double[]> s, List<double[]> y, List<double> rho, double[] d)
    {
        Array.Copy(pg, d, pg.LongLength);
        var alpha = new double[s.Count];
        for (int k = s.Count - 1; k >= 0; k--)
        {
            alpha[k] = rho[k] * Dot(s[k], d);
            Axpy(-alpha[k], y[k], d);
        }
        if (s.Count > 0)
        {
            double scale = Dot(s[^1], y[^1]) / Dot(y[^1], y[^1]);
            for (long i = 0; i < d.LongLength; i++)
                d[i] *= scale;
        }
        for (int k = 0; k < s.Count; k++)
        {
            double beta = rho[k] * Dot(y[k], d);
            Axpy(alpha[k] - beta, s[k], d);
        }
        for (long i = 0; i < d.LongLength; i++)
            d[i] = -d[i];
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (long i = 0; i < a.LongLength; i++)
            sum += a[i] * b[i];
        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (long i = 0; i < x.LongLength; i++)
            y[i] += a * x[i];
    }

    private static double Norm(double[] v) => Math.Sqrt(Dot(v, v));

    private static double L1Norm(double[] v)
    {
        double sum = 0;
        foreach (double x in v)
            sum += Math.Abs(x);
        return sum;
    }

    /// <summary>Mean log-loss plus the centred L2 term, and its gradient, summed over fixed slices in parallel.</summary>
    private sealed class Objective(IReadOnlyList<FeatureVector> examples, double[][] targets, int classes, long size)
    {
        private readonly double[][] _gradients = Enumerable.Range(0, Slices).Select(_ => new double[size]).ToArray();
        private readonly double[] _losses = new double[Slices];

        public double Evaluate(double[] w, double[] centre, double l2, double[] gradient, CancellationToken cancellationToken)
        {
            int n = examples.Count;
            Parallel.For(0, Slices, new ParallelOptions { CancellationToken = cancellationToken }, slice =>
            {
                double[] g = _gradients[slice];
                Array.Clear(g);
                Span<double> p = stackalloc double[classes];
                double lossSum = 0;
                for (int i = (int)((long)n * slice / Slices); i < (int)((long)n * (slice + 1) / Slices); i++)
                {
                    FeatureVector x = examples[i];
                    p.Clear();
                    for (int j = 0; j < x.Count; j++)
                    {
                        long f = (long)x.Indices[j] * classes;
                        for (int k = 0; k < classes; k++)
                            p[k] += x.Values[j] * w[f + k];
                    }
                    Model.ModelParameters.Softmax(p);
                    double[] t = targets[i];
                    for (int k = 0; k < classes; k++)
                    {
                        if (t[k] > 0)
                            lossSum -= t[k] * Math.Log(Math.Max(p[k], 1e-300));
                        p[k] -= t[k];
                    }
                    for (int j = 0; j < x.Count; j++)
                    {
                        long f = (long)x.Indices[j] * classes;
                        for (int k = 0; k < classes; k++)
                            g[f + k] += x.Values[j] * p[k];
                    }
                }
                _losses[slice] = lossSum;
            });

            double loss = 0, penalty = 0;
            for (int slice = 0; slice < Slices; slice++)
                loss += _losses[slice];
            for (long i = 0; i < size; i++)
            {
                double sum = 0;
                for (int slice = 0; slice < Slices; slice++)
                    sum += _gradients[slice][i];
                double offset = w[i] - centre[i];
                gradient[i] = sum / n + l2 * offset;
                penalty += offset * offset;
            }
            return loss / n + l2 / 2 * penalty;
        }
    }
}
