using Attribution.Features;

namespace Attribution.Model;

/// <summary>
/// Scores the sentences of a document in order, each with its context: tokenize, featurize, score.
/// Holds the reusable buffers of one thread (the walker's tokens, the feature builder), so scoring
/// allocates nothing per sentence; the model it reads is shared and immutable.
/// </summary>
internal sealed class SentenceScorer
{
    private readonly ModelParameters _model;
    private readonly Featurizer _featurizer;
    private readonly DocumentWalker _walker = new();
    private readonly FeatureBuilder _builder;
    private readonly Dictionary<int, double> _contributions = [];
    private int _offset;

    public SentenceScorer(ModelParameters model, Featurizer featurizer)
    {
        _model = model;
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
        _offset = offset;
        _builder.Clear(explain);
        _featurizer.Featurize(context, _builder);
        _model.Probabilities(_builder, probabilities);
        int best = 0;
        for (int k = 1; k < _model.Classes; k++)
            if (probabilities[k] > probabilities[best])
                best = k;
        return best;
    }

    /// <summary>
    /// Why the sentence scored last (with explain on) got <paramref name="label"/>: the features that
    /// raised its score most above the average label's, strongest first, at most
    /// <paramref name="count"/> (see <see cref="ModelParameters.Contributions"/>); and, when some of
    /// those features are words around a reporting cue, the cue they support most, if they carry a
    /// tenth of the evidence.
    /// </summary>
    public (List<Evidence> Evidence, ReportingCue? Cue) Explain(int label, int count)
    {
        List<FeatureOrigin> origins = _builder.Origins ?? throw new InvalidOperationException("The last sentence was scored without explain.");
        _contributions.Clear();
        _model.Contributions(_builder, label, _contributions);
        var ranked = new List<(double Contribution, FeatureOrigin Origin)>();
        var named = new HashSet<int>();
        foreach (FeatureOrigin origin in origins)
        {
            // Several names can land in one hash slot; the slot's weight is credited to the first.
            if (!named.Add(origin.Index))
                continue;
            if (_contributions.TryGetValue(origin.Index, out double contribution) && contribution > 0)
                ranked.Add((contribution, origin));
        }
        ranked.Sort((a, b) => b.Contribution.CompareTo(a.Contribution));
        if (ranked.Count > count)
            ranked.RemoveRange(count, ranked.Count - count);

        var evidence = ranked.Select(r => new Evidence(r.Origin.Name, r.Contribution, r.Origin.Start, r.Origin.Length)).ToList();
        var cues = ranked.Where(r => r.Origin.CueText is not null)
            .GroupBy(r => r.Origin.CueStart)
            .Select(g => (Support: g.Sum(r => r.Contribution), g.First().Origin))
            .ToList();
        ReportingCue? cue = null;
        // A cue whose words carry a sliver of the evidence did not make the label (narration often
        // has a distant cue among its weakest features), so it needs a tenth of the total.
        double total = ranked.Sum(r => r.Contribution);
        if (cues.Count > 0 && cues.Max(c => c.Support) >= 0.1 * total)
        {
            FeatureOrigin best = cues.MaxBy(c => c.Support).Origin;
            cue = new ReportingCue(best.CueText!, best.CueStart, best.CueLength, best.CueStart < _offset);
        }
        return (evidence, cue);
    }

}
