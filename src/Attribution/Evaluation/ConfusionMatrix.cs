namespace Attribution;

/// <summary>Counts of gold label (row) against predicted label (column).</summary>
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts;

    internal ConfusionMatrix(IReadOnlyList<string> labels, int[,] counts)
    {
        Labels = labels;
        _counts = counts;
    }

    /// <summary>Labels of the rows and columns, in order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Sentences whose gold label is <paramref name="gold"/> and predicted label <paramref name="predicted"/>.</summary>
    public int this[int gold, int predicted] => _counts[gold, predicted];

    /// <summary>Sentences with gold label <paramref name="gold"/> predicted as <paramref name="predicted"/>; 0 for unknown labels.</summary>
    public int Count(string gold, string predicted)
    {
        int g = IndexOf(gold), p = IndexOf(predicted);
        return g < 0 || p < 0 ? 0 : _counts[g, p];
    }

    /// <summary>The matrix as rows of counts (gold rows, predicted columns).</summary>
    public int[][] ToRows()
    {
        var rows = new int[Labels.Count][];
        for (int g = 0; g < rows.Length; g++)
        {
            rows[g] = new int[Labels.Count];
            for (int p = 0; p < rows.Length; p++)
                rows[g][p] = _counts[g, p];
        }
        return rows;
    }

    private int IndexOf(string label)
    {
        for (int i = 0; i < Labels.Count; i++)
            if (Labels[i] == label)
                return i;
        return -1;
    }
}
