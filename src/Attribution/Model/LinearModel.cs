using Attribution.Features;

namespace Attribution.Model;

/// <summary>
/// The weights of a linear multiclass model, feature-major so that scoring a sparse vector reads
/// each feature's weights for all labels from one place. Immutable after construction.
/// </summary>
internal sealed class LinearModel
{
    private readonly float[] _weights;

    public LinearModel(int classes, int dimension, float[] weights)
    {
        if (weights.LongLength != (long)classes * dimension)
            throw new ArgumentException($"Expected {(long)classes * dimension} weights, got {weights.LongLength}.", nameof(weights));
        Classes = classes;
        Dimension = dimension;
        _weights = weights;
    }

    public int Classes { get; }

    public int Dimension { get; }

    public ReadOnlySpan<float> Weights => _weights;

    public float Weight(int feature, int label) => _weights[(long)feature * Classes + label];

    /// <summary>Fills <paramref name="probabilities"/> with the softmax of the label scores.</summary>
    public void Probabilities(FeatureVector x, Span<double> probabilities)
    {
        probabilities.Clear();
        int classes = Classes;
        for (int j = 0; j < x.Count; j++)
        {
            long f = (long)x.Indices[j] * classes;
            double value = x.Values[j];
            for (int k = 0; k < classes; k++)
                probabilities[k] += value * _weights[f + k];
        }
        Softmax(probabilities);
    }

    /// <summary>Turns scores into probabilities in place.</summary>
    public static void Softmax(Span<double> scores)
    {
        double max = double.NegativeInfinity;
        foreach (double s in scores)
            max = Math.Max(max, s);
        double sum = 0;
        for (int k = 0; k < scores.Length; k++)
        {
            scores[k] = Math.Exp(scores[k] - max);
            sum += scores[k];
        }
        for (int k = 0; k < scores.Length; k++)
            scores[k] /= sum;
    }
}
