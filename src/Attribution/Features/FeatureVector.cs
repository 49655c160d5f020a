namespace Attribution.Features;

/// <summary>
/// A sparse feature vector: sorted distinct indices and their values, L2-normalized, with the bias
/// feature last. Immutable once built.
/// </summary>
internal sealed class FeatureVector
{
    public FeatureVector(int[] indices, float[] values)
    {
        Indices = indices;
        Values = values;
    }

    public int[] Indices { get; }

    public float[] Values { get; }

    public int Count => Indices.Length;

    /// <summary>Squared L2 norm, bias included.</summary>
    public double SquaredNorm()
    {
        double sum = 0;
        foreach (float v in Values)
            sum += (double)v * v;
        return sum;
    }
}
