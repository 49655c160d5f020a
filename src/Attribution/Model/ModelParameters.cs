using Attribution.Features;

namespace Attribution.Model;

/// <summary>
/// What a trainer fits: a function from a sentence's features to one score per label, turned into
/// probabilities by a temperature-scaled softmax. A linear model (<see cref="LinearModel"/>) or a
/// boosted tree ensemble (<see cref="TreeEnsemble"/>). Immutable, so one instance serves all threads.
/// </summary>
internal abstract class ModelParameters
{
    protected ModelParameters(int classes, double temperature)
    {
        Classes = classes;
        Temperature = temperature;
    }

    /// <summary>Number of labels.</summary>
    public int Classes { get; }

    /// <summary>The softmax temperature (see <see cref="ModelManifest.Temperature"/>).</summary>
    public double Temperature { get; }

    /// <summary>
    /// Whether the stored vectors this model scores are L2-normalized (linear models) or hold the
    /// summed feature values as they are (trees, whose splits should not move with sentence length).
    /// </summary>
    public abstract bool Normalized { get; }

    /// <summary>The same parameters with another temperature.</summary>
    public abstract ModelParameters WithTemperature(double temperature);

    /// <summary>Fills <paramref name="scores"/> with the label scores of what a builder holds.</summary>
    public abstract void Scores(FeatureBuilder x, Span<double> scores);

    /// <summary>Fills <paramref name="scores"/> with the label scores of a stored vector (normalized as <see cref="Normalized"/> says).</summary>
    public abstract void Scores(FeatureVector x, Span<double> scores);

    /// <summary>
    /// How much each slot of the sentence a builder holds raised the score of <paramref name="label"/>
    /// above the mean of all labels' scores, added to <paramref name="bySlot"/>.
    /// </summary>
    public abstract void Contributions(FeatureBuilder x, int label, Dictionary<int, double> bySlot);

    /// <summary>Fills <paramref name="probabilities"/> with the calibrated label probabilities of what a builder holds.</summary>
    public void Probabilities(FeatureBuilder x, Span<double> probabilities)
    {
        Scores(x, probabilities);
        Calibrate(probabilities[..Classes]);
    }

    /// <summary>Fills <paramref name="probabilities"/> with the calibrated label probabilities of a stored vector.</summary>
    public void Probabilities(FeatureVector x, Span<double> probabilities)
    {
        Scores(x, probabilities);
        Calibrate(probabilities[..Classes]);
    }

    private void Calibrate(Span<double> scores)
    {
        double inverse = 1 / Temperature;
        for (int k = 0; k < scores.Length; k++)
            scores[k] *= inverse;
        Softmax(scores);
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
