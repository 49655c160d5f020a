using Attribution.Model;

namespace Attribution.Learning;

/// <summary>
/// Grows one regression tree on gradients and hessians, best leaf first (leaf-wise), by histogram
/// split finding. A leaf's histogram sums gh and count per (feature, bin) over its
/// rows' nonzeros; the zero bin is the leaf's total minus the rest. Only the smaller child of a
/// split is summed from its rows; the larger is its parent's histogram minus the smaller, in place.
/// Each leaf also lists the features its rows have, and only those are scanned, subtracted and
/// cleared. So a tree costs about the nonzeros of its rows times the log of its leaves, never
/// rows x features. Owns its buffers and is reused from tree to tree by one thread.
/// </summary>
internal sealed class RegressionTreeBuilder
{
    // A small L2 term on leaf values: keeps a Newton step finite when a leaf's hessians vanish.
    private const double Lambda = 1e-3;

    private readonly BinnedFeatures _data;
    private readonly FastTreeOptions _options;
    private readonly double _shrink;
    private readonly Histogram[] _pool;
    private readonly Stack<Histogram> _free = new();
    private readonly int[] _rows;
    private readonly int[] _scratch;
    private readonly int[] _touchStamp;
    private readonly int[] _rightStamp;
    private readonly int[] _memberStamp;
    private int _stamp;

    /// <param name="data">The binned training rows.</param>
    /// <param name="options">Leaves, leaf size and learning rate.</param>
    /// <param name="classes">Number of labels: a leaf value is the Newton step times (K-1)/K, as in multiclass MART.</param>
    public RegressionTreeBuilder(BinnedFeatures data, FastTreeOptions options, int classes)
    {
        _data = data;
        _options = options;
        _shrink = options.LearningRate * (classes - 1) / classes;
        _pool = new Histogram[options.NumberOfLeaves];
        _rows = new int[data.Rows];
        _scratch = new int[data.Rows];
        _touchStamp = new int[data.Features];
        _rightStamp = new int[data.Rows];
        _memberStamp = new int[data.Rows];
    }

    /// <summary>
    /// Grows a tree for <paramref name="label"/> on the rows of <paramref name="sample"/>, splitting
    /// only on allowed features, and writes into <paramref name="leafOf"/> the leaf of each sampled row.
    /// <paramref name="gh"/> holds each row's gradient and hessian side by side.
    /// </summary>
    public RegressionTree Grow(int label, double[] gh, int[] sample, bool[]? allowed, int[] leafOf)
    {
        sample.CopyTo(_rows, 0);
        var leaves = new List<Leaf>();
        var root = new Leaf { Begin = 0, End = sample.Length, Parent = -1, Histogram = Rent() };
        Totals(root, gh);
        root.Touched = Accumulate(root, gh, allowed);
        FindSplit(root);
        leaves.Add(root);

        var feature = new List<int>();
        var threshold = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var nodeValue = new List<float>();
        while (leaves.Count < _options.NumberOfLeaves)
        {
            int best = -1;
            for (int l = 0; l < leaves.Count; l++)
                if (leaves[l].Gain > 0 && (best < 0 || leaves[l].Gain > leaves[best].Gain))
                    best = l;
            if (best < 0)
                break;
            Leaf parent = leaves[best];

            // The leaf becomes an internal node; its left child keeps its leaf number, the right takes a new one.
            int node = feature.Count;
            feature.Add(_data.Slot[parent.SplitFeature]);
            threshold.Add(_data.Threshold[_data.BinOffset[parent.SplitFeature] + parent.SplitBin]);
            nodeValue.Add((float)Value(parent.G, parent.H));
            left.Add(~best);
            right.Add(~leaves.Count);
            if (parent.Parent >= 0)
                (parent.IsLeft ? left : right)[parent.Parent] = node;

            int middle = Partition(parent);
            var l0 = new Leaf { Begin = parent.Begin, End = middle, Parent = node, IsLeft = true };
            var r0 = new Leaf { Begin = middle, End = parent.End, Parent = node, IsLeft = false };
            Totals(l0, gh);
            Totals(r0, gh);
            (Leaf small, Leaf large) = l0.End - l0.Begin <= r0.End - r0.Begin ? (l0, r0) : (r0, l0);
            small.Histogram = Rent();
            small.Touched = Accumulate(small, gh, allowed);
            large.Histogram = parent.Histogram;
            large.Touched = Subtract(large.Histogram!, small.Histogram, parent.Touched!);
            FindSplit(small);
            FindSplit(large);
            leaves[best] = l0;
            leaves.Add(r0);
        }

        var leafValue = new float[leaves.Count];
        for (int l = 0; l < leaves.Count; l++)
        {
            leafValue[l] = (float)Value(leaves[l].G, leaves[l].H);
            for (int i = leaves[l].Begin; i < leaves[l].End; i++)
                leafOf[_rows[i]] = l;
            Return(leaves[l]);
        }
        return new RegressionTree(label, feature.ToArray(), threshold.ToArray(), left.ToArray(), right.ToArray(), nodeValue.ToArray(), leafValue);
    }

    private double Value(double g, double h) => -_shrink * g / (h + Lambda);

    private void Totals(Leaf leaf, double[] gh)
    {
        double g = 0, h = 0;
        for (int i = leaf.Begin; i < leaf.End; i++)
        {
            g += gh[2 * _rows[i]];
            h += gh[2 * _rows[i] + 1];
        }
        leaf.G = g;
        leaf.H = h;
    }

    /// <summary>
    /// Sums the leaf's rows into its histogram; returns the features met. A leaf with a large share of
    /// the rows is summed by column: the histogram is then written in order and only the rows'
    /// gradients are read at random, which beats visiting its rows once the share passes a quarter.
    /// </summary>
    private int[] Accumulate(Leaf leaf, double[] gh, bool[]? allowed) =>
        4 * (leaf.End - leaf.Begin) >= _data.Rows ? AccumulateByColumn(leaf, gh, allowed) : AccumulateByRow(leaf, gh, allowed);

    private int[] AccumulateByColumn(Leaf leaf, double[] gh, bool[]? allowed)
    {
        int stamp = ++_stamp;
        for (int i = leaf.Begin; i < leaf.End; i++)
            _memberStamp[_rows[i]] = stamp;
        float[] sums = leaf.Histogram!.Sums;
        int[] columnStart = _data.ColumnStart, columnRow = _data.ColumnRow, offsets = _data.BinOffset;
        byte[] columnBin = _data.ColumnBin;
        var touched = new List<int>();
        for (int f = 0; f < _data.Features; f++)
        {
            if (allowed is not null && !allowed[f])
                continue;
            int met = 0, first = 3 * offsets[f];
            for (int j = columnStart[f]; j < columnStart[f + 1]; j++)
            {
                int row = columnRow[j];
                if (_memberStamp[row] != stamp)
                    continue;
                int e = first + 3 * columnBin[j];
                sums[e] += (float)gh[2 * row];
                sums[e + 1] += (float)gh[2 * row + 1];
                sums[e + 2]++;
                met++;
            }
            if (met > 0)
                touched.Add(f);
        }
        return touched.ToArray();
    }

    private int[] AccumulateByRow(Leaf leaf, double[] gh, bool[]? allowed)
    {
        Histogram histogram = leaf.Histogram!;
        int stamp = ++_stamp;
        var touched = new List<int>();
        int[] rowStart = _data.RowStart, features = _data.Feature, offsets = _data.BinOffset;
        byte[] bins = _data.Bin;
        float[] sums = histogram.Sums;
        for (int i = leaf.Begin; i < leaf.End; i++)
        {
            int row = _rows[i];
            float g = (float)gh[2 * row], h = (float)gh[2 * row + 1];
            for (int j = rowStart[row]; j < rowStart[row + 1]; j++)
            {
                int f = features[j];
                if (allowed is not null && !allowed[f])
                    continue;
                if (_touchStamp[f] != stamp)
                {
                    _touchStamp[f] = stamp;
                    touched.Add(f);
                }
                int e = 3 * (offsets[f] + bins[j]);
                sums[e] += g;
                sums[e + 1] += h;
                sums[e + 2]++;
            }
        }
        return touched.ToArray();
    }

    /// <summary>Takes the smaller child's sums from its parent's; returns the features the larger child still has.</summary>
    private int[] Subtract(Histogram into, Histogram small, int[] touched)
    {
        var left = new List<int>(touched.Length);
        float[] a = into.Sums, b = small.Sums;
        foreach (int f in touched)
        {
            double count = 0;
            for (int e = 3 * (_data.BinOffset[f] + 1); e < 3 * _data.BinOffset[f + 1]; e += 3)
            {
                a[e] -= b[e];
                a[e + 1] -= b[e + 1];
                count += a[e + 2] -= b[e + 2];
            }
            if (count > 0)
                left.Add(f);
            else
                Clear(into, f);
        }
        return left.ToArray();
    }

    /// <summary>The best split of a leaf: the feature and bin ("bin &lt;= b goes left") of most gain, with enough rows each side.</summary>
    private void FindSplit(Leaf leaf)
    {
        leaf.Gain = 0;
        int count = leaf.End - leaf.Begin, minimum = _options.MinimumExampleCountPerLeaf;
        if (count < 2 * minimum)
            return;
        float[] sums = leaf.Histogram!.Sums;
        double parentScore = leaf.G * leaf.G / (leaf.H + Lambda);
        foreach (int f in leaf.Touched!)
        {
            int first = _data.BinOffset[f], end = _data.BinOffset[f + 1];
            double nonzeroG = 0, nonzeroH = 0, nonzeroN = 0;
            for (int e = 3 * (first + 1); e < 3 * end; e += 3)
            {
                nonzeroG += sums[e];
                nonzeroH += sums[e + 1];
                nonzeroN += sums[e + 2];
            }
            // Left takes the zero bin, then bins in order; a split after an empty bin repeats the one before.
            double lg = leaf.G - nonzeroG, lh = leaf.H - nonzeroH;
            int ln = count - (int)nonzeroN;
            for (int e = first; e < end - 1; e++)
            {
                if (e > first)
                {
                    int n = (int)sums[3 * e + 2];
                    if (n == 0)
                        continue;
                    lg += sums[3 * e];
                    lh += sums[3 * e + 1];
                    ln += n;
                }
                if (ln < minimum)
                    continue;
                if (count - ln < minimum)
                    break;
                double rg = leaf.G - lg, rh = leaf.H - lh;
                double gain = lg * lg / (lh + Lambda) + rg * rg / (rh + Lambda) - parentScore;
                if (gain > leaf.Gain)
                {
                    leaf.Gain = gain;
                    leaf.SplitFeature = f;
                    leaf.SplitBin = e - first;
                }
            }
        }
    }

    /// <summary>
    /// Orders the leaf's rows left then right (stably) and returns where the right ones start. The
    /// rows going right are marked from the split feature's column, so no row is searched.
    /// </summary>
    private int Partition(Leaf leaf)
    {
        int stamp = ++_stamp;
        int f = leaf.SplitFeature;
        for (int j = _data.ColumnStart[f]; j < _data.ColumnStart[f + 1]; j++)
            if (_data.ColumnBin[j] > leaf.SplitBin)
                _rightStamp[_data.ColumnRow[j]] = stamp;
        int write = leaf.Begin, spill = 0;
        for (int i = leaf.Begin; i < leaf.End; i++)
        {
            int row = _rows[i];
            if (_rightStamp[row] != stamp)
                _rows[write++] = row;
            else
                _scratch[spill++] = row;
        }
        Array.Copy(_scratch, 0, _rows, write, spill);
        return write;
    }

    private Histogram Rent()
    {
        if (_free.Count > 0)
            return _free.Pop();
        for (int i = 0; i < _pool.Length; i++)
            if (_pool[i] is null)
                return _pool[i] = new Histogram(_data.BinOffset[^1]);
        throw new InvalidOperationException("More histograms in use than leaves.");
    }

    /// <summary>Clears what the leaf's histogram holds (only its touched features) and returns it to the pool.</summary>
    private void Return(Leaf leaf)
    {
        Histogram h = leaf.Histogram!;
        foreach (int f in leaf.Touched!)
            Clear(h, f);
        _free.Push(h);
    }

    private void Clear(Histogram h, int feature) =>
        Array.Clear(h.Sums, 3 * _data.BinOffset[feature], 3 * _data.BinCount(feature));

    /// <summary>Gradient, hessian and count of each (feature, bin), side by side so that an update touches one cache line.</summary>
    private sealed class Histogram(int length)
    {
        public readonly float[] Sums = new float[3 * length];
    }

    private sealed class Leaf
    {
        public int Begin, End, Parent;
        public bool IsLeft;
        public double G, H, Gain;
        public int SplitFeature, SplitBin;
        public Histogram? Histogram;
        public int[]? Touched;
    }
}
