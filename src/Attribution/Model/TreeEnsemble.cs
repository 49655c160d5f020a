using Attribution.Features;

namespace Attribution.Model;

/// <summary>
/// A multiclass boosted tree ensemble: the score of a label is its initial score plus the leaf
/// values its trees give the sentence. Trees read features as summed, not normalized, so a word's
/// presence means the same in a short sentence as in a long one. Immutable; for scoring, all trees'
/// nodes are laid out in flat arrays and read the features they split on from a small dense array
/// per thread, so a walk never searches for a feature.
/// </summary>
internal sealed class TreeEnsemble : ModelParameters
{
    private readonly float[] _initial;
    private readonly RegressionTree[] _trees;
    // Slot -> index among the features the trees split on (-1: unused); those features' values per thread.
    private readonly int[] _compact;
    private readonly int _used;
    private readonly ThreadLocal<float[]> _dense;
    // Every tree's nodes in one run: feature (compact), threshold, children (internal: absolute node
    // index; leaf: ~absolute leaf index); each tree's root and label.
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly float[] _leafValue;
    private readonly int[] _root;

    /// <param name="initial">Each label's score before any tree (the log of its prior).</param>
    /// <param name="trees">The trees, in the order they were grown.</param>
    /// <param name="temperature">Scores are divided by it before the softmax.</param>
    public TreeEnsemble(float[] initial, RegressionTree[] trees, double temperature = 1)
        : base(initial.Length, temperature)
    {
        _initial = initial;
        _trees = trees;
        int maxSlot = trees.SelectMany(t => t.Feature).DefaultIfEmpty(-1).Max();
        _compact = new int[maxSlot + 1];
        Array.Fill(_compact, -1);
        foreach (int slot in trees.SelectMany(t => t.Feature))
            if (_compact[slot] < 0)
                _compact[slot] = _used++;
        _dense = new ThreadLocal<float[]>(() => new float[_used]);

        int nodes = trees.Sum(t => t.InternalNodes), leaves = trees.Sum(t => t.LeafValue.Length);
        _feature = new int[nodes];
        _threshold = new float[nodes];
        _left = new int[nodes];
        _right = new int[nodes];
        _leafValue = new float[leaves];
        _root = new int[trees.Length];
        int nodeBase = 0, leafBase = 0;
        for (int t = 0; t < trees.Length; t++)
        {
            RegressionTree tree = trees[t];
            _root[t] = tree.InternalNodes == 0 ? ~leafBase : nodeBase;
            for (int i = 0; i < tree.InternalNodes; i++)
            {
                _feature[nodeBase + i] = _compact[tree.Feature[i]];
                _threshold[nodeBase + i] = tree.Threshold[i];
                _left[nodeBase + i] = tree.Left[i] >= 0 ? nodeBase + tree.Left[i] : ~(leafBase + ~tree.Left[i]);
                _right[nodeBase + i] = tree.Right[i] >= 0 ? nodeBase + tree.Right[i] : ~(leafBase + ~tree.Right[i]);
            }
            tree.LeafValue.CopyTo(_leafValue, leafBase);
            nodeBase += tree.InternalNodes;
            leafBase += tree.LeafValue.Length;
        }
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

    public override ModelParameters WithTemperature(double temperature) => new TreeEnsemble(_initial, _trees, temperature);

    public override void Scores(FeatureBuilder x, Span<double> scores) => Scores(x.Slots, x.Values, scores);

    public override void Scores(FeatureVector x, Span<double> scores) => Scores(x.Indices, x.Values, scores);

    private void Scores(ReadOnlySpan<int> slots, ReadOnlySpan<float> values, Span<double> scores)
    {
        float[] dense = _dense.Value!;
        for (int j = 0; j < slots.Length; j++)
            if (slots[j] < _compact.Length && _compact[slots[j]] >= 0)
                dense[_compact[slots[j]]] = values[j];
        for (int k = 0; k < Classes; k++)
            scores[k] = _initial[k];
        for (int t = 0; t < _root.Length; t++)
        {
            int node = _root[t];
            // A branch, not a computed index: the processor's guess lets it fetch the next node
            // early, and measured 2.5 times faster than selecting the child without one.
            while (node >= 0)
                node = dense[_feature[node]] <= _threshold[node] ? _left[node] : _right[node];
            scores[_trees[t].Label] += _leafValue[~node];
        }
        foreach (int slot in slots)
            if (slot < _compact.Length && _compact[slot] >= 0)
                dense[_compact[slot]] = 0;
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
