using Attribution.Features;

namespace Attribution.Model;

/// <summary>
/// A multiclass boosted tree ensemble: the score of a label is its initial score plus the leaf
/// values its trees give the sentence. Trees read features as summed, not normalized, so a word's
/// presence means the same in a short sentence as in a long one. Immutable. Scored by
/// <see cref="QuickScorer"/> when every tree has at most 64 leaves, else by walking each tree.
/// </summary>
internal sealed class TreeEnsemble : ModelParameters
{
    private readonly float[] _initial;
    private readonly RegressionTree[] _trees;
    private readonly QuickScorer? _quick;

    /// <param name="initial">Each label's score before any tree (the log of its prior).</param>
    /// <param name="trees">The trees, in the order they were grown.</param>
    /// <param name="temperature">Scores are divided by it before the softmax.</param>
    public TreeEnsemble(float[] initial, RegressionTree[] trees, double temperature = 1)
        : base(initial.Length, temperature)
    {
        _initial = initial;
        _trees = trees;
        if (trees.All(t => t.InternalNodes < QuickScorer.MaximumLeaves))
            _quick = new QuickScorer(trees);
    }

    private TreeEnsemble(TreeEnsemble other, double temperature)
        : base(other.Classes, temperature)
    {
        _initial = other._initial;
        _trees = other._trees;
        _quick = other._quick;
    }

    public IReadOnlyList<float> Initial => _initial;

    public IReadOnlyList<RegressionTree> Trees => _trees;

    public override bool Normalized => false;

    /// <summary>
    /// The same trees for a longer label list: label k becomes <paramref name="column"/>[k] of
    /// <paramref name="classes"/>; a label it did not have takes its score from
    /// <paramref name="initial"/> and no tree adds to it.
    /// </summary>
    public TreeEnsemble WithLabels(int[] column, int classes, float[] initial)
    {
        initial = (float[])initial.Clone();
        for (int k = 0; k < Classes; k++)
            initial[column[k]] = _initial[k];
        RegressionTree[] trees = _trees.Select(t => new RegressionTree(column[t.Label], t.Feature, t.Threshold, t.Left, t.Right, t.NodeValue, t.LeafValue)).ToArray();
        return new TreeEnsemble(initial, trees, Temperature);
    }

    public override ModelParameters WithTemperature(double temperature) => new TreeEnsemble(this, temperature);

    public override void Scores(FeatureBuilder x, Span<double> scores)
    {
        if (_quick is null)
            Walk(new BuilderValues(x), scores);
        else
            Quick(x.Slots, x.Values, scores);
    }

    public override void Scores(FeatureVector x, Span<double> scores)
    {
        if (_quick is null)
            Walk(new VectorValues(x), scores);
        else
            Quick(x.Indices, x.Values, scores);
    }

    private void Quick(ReadOnlySpan<int> slots, ReadOnlySpan<float> values, Span<double> scores)
    {
        for (int k = 0; k < Classes; k++)
            scores[k] = _initial[k];
        _quick!.AddScores(slots, values, scores);
    }

    private void Walk<TValues>(in TValues values, Span<double> scores) where TValues : struct, IFeatureValues
    {
        for (int k = 0; k < Classes; k++)
            scores[k] = _initial[k];
        foreach (RegressionTree tree in _trees)
            scores[tree.Label] += tree.LeafValue[tree.Leaf(values)];
    }

    /// <summary>Saabas attribution: each tree's leaf value is shared among the features on the path to it.</summary>
    public override void Contributions(FeatureBuilder x, int label, Dictionary<int, double> bySlot)
    {
        var values = new BuilderValues(x);
        double mean = 1.0 / Classes;
        foreach (RegressionTree tree in _trees)
            tree.Credit(values, bySlot, (tree.Label == label ? 1 : 0) - mean);
    }
}
