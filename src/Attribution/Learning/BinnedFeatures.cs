using Attribution.Features;

namespace Attribution.Learning;

/// <summary>
/// Training sentences as the tree learner reads them: each feature's values sorted into at most
/// 255 bins, bin 0 holding the zero (absent) value, and each sentence a sorted list of its nonzero
/// (feature, bin) pairs. Only the nonzeros are stored, so building a histogram costs the nonzeros of
/// the sentences in a leaf, whatever the number of features. Features present in fewer sentences
/// than a leaf may hold are dropped: no split on them could leave enough sentences on both sides.
/// </summary>
internal sealed class BinnedFeatures
{
    private BinnedFeatures(int rows, int[] slot, int[] binOffset, float[] threshold, int[] rowStart, int[] feature, byte[] bin,
        int[] columnStart, int[] columnRow, byte[] columnBin)
    {
        ColumnStart = columnStart;
        ColumnRow = columnRow;
        ColumnBin = columnBin;
        Rows = rows;
        Slot = slot;
        BinOffset = binOffset;
        Threshold = threshold;
        RowStart = rowStart;
        Feature = feature;
        Bin = bin;
    }

    public int Rows { get; }

    public int Features => Slot.Length;

    /// <summary>The hash slot of each kept feature; kept features are numbered in slot order.</summary>
    public int[] Slot { get; }

    /// <summary>Where each feature's bins start in a histogram; the last entry is the histogram's length.</summary>
    public int[] BinOffset { get; }

    /// <summary>Per histogram entry: the largest value in that bin, so "value &lt;= threshold" is "bin &lt;= this bin".</summary>
    public float[] Threshold { get; }

    /// <summary>Where each row's nonzeros start in <see cref="Feature"/> and <see cref="Bin"/>; one entry more than rows.</summary>
    public int[] RowStart { get; }

    public int[] Feature { get; }

    public byte[] Bin { get; }

    /// <summary>The same nonzeros by feature (rows in order), for partitioning a leaf on a split.</summary>
    public int[] ColumnStart { get; }

    public int[] ColumnRow { get; }

    public byte[] ColumnBin { get; }

    public int BinCount(int feature) => BinOffset[feature + 1] - BinOffset[feature];

    /// <param name="rows">Unnormalized vectors, slots sorted, the bias (slot <paramref name="dimension"/> - 1) last.</param>
    /// <param name="dimension">Number of slots, bias included; the bias is not a feature for trees.</param>
    /// <param name="maximumBins">Most bins per feature, the zero bin included (at most 255).</param>
    /// <param name="minimumCount">Fewest rows a kept feature must be present in.</param>
    public static BinnedFeatures Create(IReadOnlyList<FeatureVector> rows, int dimension, int maximumBins, int minimumCount)
    {
        int bias = dimension - 1;
        var present = new int[dimension];
        foreach (FeatureVector row in rows)
            foreach (int slot in row.Indices)
                present[slot]++;
        present[bias] = 0;

        // Kept features are numbered in slot order, so each row's kept features stay sorted.
        var compact = new int[dimension];
        var slots = new List<int>();
        for (int s = 0; s < dimension; s++)
        {
            compact[s] = present[s] >= minimumCount && present[s] > 0 ? slots.Count : -1;
            if (compact[s] >= 0)
                slots.Add(s);
        }
        int features = slots.Count;

        // Each feature's nonzero values, gathered contiguously (counting sort by feature).
        var valueStart = new int[features + 1];
        for (int f = 0; f < features; f++)
            valueStart[f + 1] = valueStart[f] + present[slots[f]];
        var values = new float[valueStart[features]];
        var fill = valueStart[..features];
        var rowStart = new int[rows.Count + 1];
        for (int r = 0; r < rows.Count; r++)
        {
            FeatureVector row = rows[r];
            int kept = 0;
            for (int j = 0; j < row.Count; j++)
            {
                int f = compact[row.Indices[j]];
                if (f >= 0 && row.Values[j] > 0)
                {
                    values[fill[f]++] = row.Values[j];
                    kept++;
                }
            }
            rowStart[r + 1] = rowStart[r] + kept;
        }

        // Bins: every distinct value its own when there are few, else equal-count groups of them.
        var upper = new List<float>[features];
        var binOffset = new int[features + 1];
        for (int f = 0; f < features; f++)
        {
            Span<float> v = values.AsSpan(valueStart[f], fill[f] - valueStart[f]);
            v.Sort();
            upper[f] = Bounds(v, maximumBins - 1);
            binOffset[f + 1] = binOffset[f] + 1 + upper[f].Count;
        }
        var threshold = new float[binOffset[features]];
        for (int f = 0; f < features; f++)
        {
            threshold[binOffset[f]] = 0f;
            for (int b = 0; b < upper[f].Count; b++)
                threshold[binOffset[f] + 1 + b] = upper[f][b];
        }

        var feature = new int[rowStart[rows.Count]];
        var bin = new byte[feature.Length];
        for (int r = 0, at = 0; r < rows.Count; r++)
        {
            FeatureVector row = rows[r];
            for (int j = 0; j < row.Count; j++)
            {
                int f = compact[row.Indices[j]];
                if (f < 0 || !(row.Values[j] > 0))
                    continue;
                int b = upper[f].BinarySearch(row.Values[j]);
                feature[at] = f;
                bin[at++] = (byte)(1 + (b >= 0 ? b : ~b));
            }
        }
        var columnStart = new int[features + 1];
        foreach (int f in feature)
            columnStart[f + 1]++;
        for (int f = 0; f < features; f++)
            columnStart[f + 1] += columnStart[f];
        var columnRow = new int[feature.Length];
        var columnBin = new byte[feature.Length];
        var next = columnStart[..features];
        for (int r = 0; r < rows.Count; r++)
            for (int j = rowStart[r]; j < rowStart[r + 1]; j++)
            {
                int at = next[feature[j]]++;
                columnRow[at] = r;
                columnBin[at] = bin[j];
            }
        return new BinnedFeatures(rows.Count, slots.ToArray(), binOffset, threshold, rowStart, feature, bin, columnStart, columnRow, columnBin);
    }

    /// <summary>Upper bounds (largest members) of at most <paramref name="bins"/> bins over sorted values.</summary>
    private static List<float> Bounds(ReadOnlySpan<float> sorted, int bins)
    {
        var distinct = new List<(float Value, int Count)>();
        foreach (float v in sorted)
        {
            if (distinct.Count > 0 && distinct[^1].Value == v)
                distinct[^1] = (v, distinct[^1].Count + 1);
            else
                distinct.Add((v, 1));
        }
        var bounds = new List<float>(Math.Min(bins, distinct.Count));
        if (distinct.Count <= bins)
        {
            foreach (var (value, _) in distinct)
                bounds.Add(value);
            return bounds;
        }
        // Close a bin once it holds its share of the values left, keeping enough values for the bins left.
        int remaining = sorted.Length, filled = 0;
        for (int i = 0; i < distinct.Count; i++)
        {
            filled += distinct[i].Count;
            int binsLeft = bins - bounds.Count;
            bool last = i == distinct.Count - 1;
            if (last || (binsLeft > 1 && (filled >= (double)remaining / binsLeft || distinct.Count - 1 - i < binsLeft)))
            {
                bounds.Add(distinct[i].Value);
                remaining -= filled;
                filled = 0;
            }
        }
        return bounds;
    }
}
