using Attribution.Features;
using Attribution.Model;

namespace Attribution.Learning;

/// <summary>
/// Multiclass gradient boosting of regression trees (Friedman's MART with a softmax, as FastTree
/// and LightGBM do it): each round fits one tree per label to the gradient of the cross-entropy,
/// with Newton leaf values, and adds it shrunk by the learning rate. The trees of one round are
/// independent, so they grow in parallel; each has its own seeded sample, so the model does not
/// depend on the number of cores.
/// </summary>
internal static class GradientBoostedTrees
{
    /// <summary>
    /// Trains an ensemble on unnormalized vectors (see <see cref="BinnedFeatures.Create"/>). With a
    /// <paramref name="start"/> ensemble (labels in this training's order), boosting continues from
    /// its scores and the result holds its trees followed by the new ones.
    /// </summary>
    public static TreeEnsemble Train(IReadOnlyList<FeatureVector> examples, double[][] targets, int classes, int dimension, TrainerOptions options,
        TreeEnsemble? start, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, out double loss)
    {
        FastTreeOptions trees = options.Trees;
        BinnedFeatures data = BinnedFeatures.Create(examples, dimension, trees.MaximumBinCountPerFeature, trees.MinimumExampleCountPerLeaf);
        int n = data.Rows;

        float[] initial = Priors(targets, classes);
        if (start is not null)
            initial = start.Initial.ToArray();
        var scores = new double[(long)n * classes];
        for (int i = 0; i < n; i++)
        {
            Span<double> row = scores.AsSpan((int)((long)i * classes), classes);
            if (start is null)
                for (int k = 0; k < classes; k++)
                    row[k] = initial[k];
            else
                start.Scores(examples[i], row);
        }

        int workers = Math.Min(Environment.ProcessorCount, classes);
        var builders = new RegressionTreeBuilder[workers];
        for (int w = 0; w < workers; w++)
            builders[w] = new RegressionTreeBuilder(data, trees, classes);
        // Per label, each row's gradient and hessian side by side.
        var gh = new double[classes][];
        var leafOf = new int[classes][];
        for (int k = 0; k < classes; k++)
        {
            gh[k] = new double[2 * n];
            leafOf[k] = new int[n];
        }
        var ensemble = new List<RegressionTree>(start?.Trees ?? []);
        var round = new RegressionTree[classes];
        var probabilities = new double[classes];
        // The softmax of the current scores gives each label's gradient and hessian, and the loss.
        double Gradients()
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                for (int k = 0; k < classes; k++)
                    probabilities[k] = scores[(long)i * classes + k];
                ModelParameters.Softmax(probabilities);
                double[] target = targets[i];
                for (int k = 0; k < classes; k++)
                {
                    double p = probabilities[k];
                    if (target[k] > 0)
                        sum -= target[k] * Math.Log(Math.Max(p, 1e-300));
                    gh[k][2 * i] = p - target[k];
                    gh[k][2 * i + 1] = Math.Max(p * (1 - p), 1e-12);
                }
            }
            return sum / n;
        }

        for (int t = 0; t < trees.NumberOfTrees; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            loss = Gradients();
            if (t > 0)
                progress?.Report(new TrainingProgress(t, trees.NumberOfTrees, loss));

            int roundIndex = t;
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken }, w =>
            {
                for (int k = w; k < classes; k += workers)
                {
                    var random = new SplitMix64(unchecked(options.Seed * 1_000_003 + roundIndex * 1_009 + k));
                    int[] sample = Sample(n, trees.RowSampleFraction, ref random);
                    bool[]? allowed = Allowed(data.Features, trees.FeatureFraction, ref random);
                    Array.Fill(leafOf[k], -1);
                    round[k] = builders[w].Grow(k, gh[k], sample, allowed, leafOf[k]);
                }
            });

            for (int k = 0; k < classes; k++)
            {
                RegressionTree tree = round[k];
                ensemble.Add(tree);
                int[] leaves = leafOf[k];
                for (int i = 0; i < n; i++)
                {
                    // Rows outside the tree's sample walk it; the others already know their leaf.
                    int leaf = leaves[i] >= 0 ? leaves[i] : tree.Leaf(new VectorValues(examples[i]));
                    scores[(long)i * classes + k] += tree.LeafValue[leaf];
                }
            }
        }
        loss = Gradients();
        progress?.Report(new TrainingProgress(trees.NumberOfTrees, trees.NumberOfTrees, loss));
        return new TreeEnsemble(initial, ensemble.ToArray());
    }

    /// <summary>Each label's starting score: the log of its (add-one smoothed) share of the targets.</summary>
    public static float[] Priors(IReadOnlyList<double[]> targets, int classes)
    {
        var counts = new double[classes];
        foreach (double[] t in targets)
            for (int k = 0; k < classes; k++)
                counts[k] += t[k];
        var priors = new float[classes];
        for (int k = 0; k < classes; k++)
            priors[k] = (float)Math.Log((counts[k] + 1.0) / (targets.Count + classes));
        return priors;
    }

    private static int[] Sample(int n, double fraction, ref SplitMix64 random)
    {
        if (fraction >= 1)
            return Enumerable.Range(0, n).ToArray();
        var rows = new List<int>((int)(n * fraction) + 1);
        ulong cut = (ulong)(fraction * ulong.MaxValue);
        for (int i = 0; i < n; i++)
            if (random.Next() <= cut)
                rows.Add(i);
        return rows.ToArray();
    }

    private static bool[]? Allowed(int features, double fraction, ref SplitMix64 random)
    {
        if (fraction >= 1)
            return null;
        var allowed = new bool[features];
        ulong cut = (ulong)(fraction * ulong.MaxValue);
        for (int f = 0; f < features; f++)
            allowed[f] = random.Next() <= cut;
        return allowed;
    }
}
