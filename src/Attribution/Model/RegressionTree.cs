namespace Attribution.Model;

/// <summary>
/// One regression tree of a boosted ensemble, adding to the score of one label. Internal node
/// <c>i</c> sends a sentence left when the value of feature slot <see cref="Feature"/>[i] (0 when
/// absent) is at most <see cref="Threshold"/>[i]. A child reference of 0 or more is an internal
/// node, which always comes after its parent; a negative one, <c>~leaf</c>, is a leaf. Each internal
/// node also keeps the value it would have as a leaf, so that a prediction can be credited to the
/// features along its path (Saabas). Immutable.
/// </summary>
internal sealed class RegressionTree
{
    public RegressionTree(int label, int[] feature, float[] threshold, int[] left, int[] right, float[] nodeValue, float[] leafValue)
    {
        Label = label;
        Feature = feature;
        Threshold = threshold;
        Left = left;
        Right = right;
        NodeValue = nodeValue;
        LeafValue = leafValue;
    }

    /// <summary>The label whose score the tree adds to.</summary>
    public int Label { get; }

    public int[] Feature { get; }

    public float[] Threshold { get; }

    public int[] Left { get; }

    public int[] Right { get; }

    /// <summary>Each internal node's value as a leaf (its examples' Newton step).</summary>
    public float[] NodeValue { get; }

    public float[] LeafValue { get; }

    /// <summary>Number of internal nodes; the tree has one more leaf.</summary>
    public int InternalNodes => Feature.Length;

    /// <summary>The leaf a sentence reaches, given how to read a feature slot's value.</summary>
    public int Leaf<TValues>(in TValues values) where TValues : struct, IFeatureValues
    {
        if (Feature.Length == 0)
            return 0;
        int node = 0;
        while (node >= 0)
            node = values.ValueOf(Feature[node]) <= Threshold[node] ? Left[node] : Right[node];
        return ~node;
    }

    /// <summary>
    /// Adds to <paramref name="bySlot"/>, times <paramref name="sign"/>, each present split feature's
    /// share of the sentence's leaf value: how much the value changes across its node on the
    /// sentence's path.
    /// </summary>
    public void Credit<TValues>(in TValues values, Dictionary<int, double> bySlot, double sign)
        where TValues : struct, IFeatureValues
    {
        if (Feature.Length == 0)
            return;
        int node = 0;
        while (node >= 0)
        {
            float value = values.ValueOf(Feature[node]);
            int next = value <= Threshold[node] ? Left[node] : Right[node];
            // Evidence names only the features a sentence has, so absent ones are not credited.
            if (value != 0)
            {
                double after = next >= 0 ? NodeValue[next] : LeafValue[~next];
                bySlot[Feature[node]] = bySlot.GetValueOrDefault(Feature[node]) + sign * (after - NodeValue[node]);
            }
            node = next;
        }
    }
}
