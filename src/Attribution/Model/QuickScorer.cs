using System.Numerics;

namespace Attribution.Model;

/// <summary>
/// Scores a tree ensemble by QuickScorer (Lucchese et al., 2015) instead of walking each tree. The
/// leaves of a tree are numbered left to right and a sentence starts with every leaf possible; each
/// split a sentence fails (its value is above the threshold, so it goes right) rules out the leaves
/// of the split's left subtree, one AND of a 64-bit mask; the exit leaf is the leftmost survivor.
/// Splits are grouped by feature and sorted by threshold, and an absent feature (0) never goes
/// right, so only the splits on the sentence's few present features are visited, with no branch to
/// mispredict per node. Needs trees of at most 64 leaves. Immutable; per-thread masks.
/// </summary>
internal sealed class QuickScorer
{
    public const int MaximumLeaves = 64;

    private readonly int[] _label;
    // Slot -> the run of splits on it: [_start[slot], _start[slot + 1]), by threshold.
    private readonly int[] _start;
    private readonly float[] _threshold;
    private readonly int[] _tree;
    private readonly ulong[] _mask;
    // Leaf values by tree and left-to-right position: _leafBase[t] + position.
    private readonly int[] _leafBase;
    private readonly float[] _leafValue;
    private readonly ThreadLocal<ulong[]> _masks;

    public QuickScorer(IReadOnlyList<RegressionTree> trees)
    {
        int count = trees.Count, splits = 0, leaves = 0, slots = 0;
        _label = new int[count];
        _leafBase = new int[count];
        foreach (RegressionTree tree in trees)
        {
            splits += tree.InternalNodes;
            leaves += tree.LeafValue.Length;
            foreach (int slot in tree.Feature)
                slots = Math.Max(slots, slot + 1);
        }
        _leafValue = new float[leaves];
        _start = new int[slots + 1];
        foreach (RegressionTree tree in trees)
            foreach (int slot in tree.Feature)
                _start[slot + 1]++;
        for (int s = 0; s < slots; s++)
            _start[s + 1] += _start[s];
        _threshold = new float[splits];
        _tree = new int[splits];
        _mask = new ulong[splits];
        // Splits are dealt to their slot's run, then each (short) run is sorted by threshold.
        int[] next = _start[..slots];
        for (int t = 0, leafBase = 0; t < count; t++)
        {
            RegressionTree tree = trees[t];
            _label[t] = tree.Label;
            _leafBase[t] = leafBase;
            int position = 0;
            Visit(tree, tree.InternalNodes == 0 ? ~0 : 0, ref position, t, leafBase, next);
            leafBase += tree.LeafValue.Length;
        }
        for (int s = 0; s < slots; s++)
            for (int i = _start[s] + 1; i < _start[s + 1]; i++)
                for (int j = i; j > _start[s] && _threshold[j - 1] > _threshold[j]; j--)
                {
                    (_threshold[j - 1], _threshold[j]) = (_threshold[j], _threshold[j - 1]);
                    (_tree[j - 1], _tree[j]) = (_tree[j], _tree[j - 1]);
                    (_mask[j - 1], _mask[j]) = (_mask[j], _mask[j - 1]);
                }
        _masks = new ThreadLocal<ulong[]>(() => new ulong[count]);
    }

    /// <summary>Numbers the leaves under <paramref name="node"/> left to right; returns their first and end positions.</summary>
    private (int First, int End) Visit(RegressionTree tree, int node, ref int position, int t, int leafBase, int[] next)
    {
        if (node < 0)
        {
            _leafValue[leafBase + position] = tree.LeafValue[~node];
            return (position, ++position);
        }
        var (first, middle) = Visit(tree, tree.Left[node], ref position, t, leafBase, next);
        var (_, end) = Visit(tree, tree.Right[node], ref position, t, leafBase, next);
        // Going right rules out the left subtree's leaves, positions first..middle-1.
        ulong left = middle - first == 64 ? ulong.MaxValue : ((1UL << (middle - first)) - 1) << first;
        int at = next[tree.Feature[node]]++;
        _threshold[at] = tree.Threshold[node];
        _tree[at] = t;
        _mask[at] = ~left;
        return (first, end);
    }

    /// <summary>Adds each tree's leaf value for the sentence with these (slot, value) pairs to its label's score.</summary>
    public void AddScores(ReadOnlySpan<int> slots, ReadOnlySpan<float> values, Span<double> scores)
    {
        ulong[] masks = _masks.Value!;
        Array.Fill(masks, ulong.MaxValue);
        for (int j = 0; j < slots.Length; j++)
        {
            int slot = slots[j];
            if (slot + 1 >= _start.Length)
                continue;
            float value = values[j];
            for (int k = _start[slot], end = _start[slot + 1]; k < end && value > _threshold[k]; k++)
                masks[_tree[k]] &= _mask[k];
        }
        for (int t = 0; t < masks.Length; t++)
            scores[_label[t]] += _leafValue[_leafBase[t] + BitOperations.TrailingZeroCount(masks[t])];
    }
}
