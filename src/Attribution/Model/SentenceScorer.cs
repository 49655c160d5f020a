using Attribution.Features;

namespace Attribution.Model;

/// <summary>
/// Scores the sentences of a document in order, each with its context: tokenize, featurize, score.
/// Holds the reusable buffers of one thread (the walker's tokens, the feature builder), so scoring
/// allocates nothing per sentence; the model it reads is shared and immutable.
/// </summary>
internal sealed class SentenceScorer
{
    private readonly LinearModel _linear;
    private readonly Featurizer _featurizer;
    private readonly DocumentWalker _walker = new();
    private readonly FeatureBuilder _builder;

    public SentenceScorer(LinearModel linear, Featurizer featurizer)
    {
        _linear = linear;
        _featurizer = featurizer;
        _builder = new FeatureBuilder(featurizer.Options.HashBits);
    }

    /// <summary>Starts a new document: the next sentence has no context.</summary>
    public void StartDocument() => _walker.Reset();

    /// <summary>
    /// Scores the next sentence of the document, the <paramref name="length"/> characters at
    /// <paramref name="start"/> in <paramref name="text"/>, placed at <paramref name="offset"/> in the
    /// document. Fills <paramref name="probabilities"/> and returns the index of the best label.
    /// </summary>
    public int Next(string text, int start, int length, int offset, Span<double> probabilities, bool explain)
    {
        SentenceContext context = _walker.Next(text, start, length, offset);
        _builder.Clear(explain);
        _featurizer.Featurize(context, _builder);
        _linear.Probabilities(_builder, probabilities);
        int best = 0;
        for (int k = 1; k < _linear.Classes; k++)
            if (probabilities[k] > probabilities[best])
                best = k;
        return best;
    }

    /// <summary>
    /// The features of the sentence scored last (with explain on) that raised <paramref name="label"/>'s
    /// score most above the average label's: a feature's contribution is its normalized value times
    /// (its weight for the label minus its mean weight). Strongest first, at most <paramref name="count"/>.
    /// </summary>
    public List<Evidence> Explain(int label, int count)
    {
        List<FeatureOrigin> origins = _builder.Origins ?? throw new InvalidOperationException("The last sentence was scored without explain.");
        float scale = _builder.Scale();
        var evidence = new List<Evidence>();
        var named = new HashSet<int>();
        foreach (FeatureOrigin origin in origins)
        {
            // Several names can land in one hash slot; the slot's weight is credited to the first.
            if (!named.Add(origin.Index))
                continue;
            double mean = 0;
            for (int k = 0; k < _linear.Classes; k++)
                mean += _linear.Weight(origin.Index, k);
            mean /= _linear.Classes;
            double contribution = _builder.ValueOf(origin.Index) * scale * (_linear.Weight(origin.Index, label) - mean);
            if (contribution > 0)
                evidence.Add(new Evidence(origin.Name, contribution, origin.Start, origin.Length));
        }
        evidence.Sort((a, b) => b.Contribution.CompareTo(a.Contribution));
        return evidence.Count > count ? evidence.GetRange(0, count) : evidence;
    }
}
