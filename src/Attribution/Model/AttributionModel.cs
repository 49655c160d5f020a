using Attribution.Evaluation;
using Attribution.Features;
using Attribution.IO;
using Attribution.Learning;
using Attribution.Model;
using Attribution.Text;

namespace Attribution;

/// <summary>
/// A trained attribution model: tags sentences with the source their information is attributed to.
/// Immutable once loaded; one instance can serve any number of threads at once.
/// </summary>
public sealed class AttributionModel
{
    private const string DefaultModelResource = "Attribution.DefaultModel.zip";

    private readonly LinearModel _linear;
    private readonly Featurizer _featurizer;
    private readonly string[] _labels;

    internal AttributionModel(ModelManifest manifest, LinearModel linear)
    {
        Manifest = manifest;
        _linear = linear;
        _featurizer = new Featurizer(manifest.TrainerOptions.Featurizer);
        _labels = manifest.Labels.ToArray();
    }

    /// <summary>What the model file says about itself: labels, training options, data and metrics.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>The labels the model predicts.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Loads a model file; throws <see cref="ModelFormatException"/> if it is damaged or foreign.</summary>
    public static AttributionModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Loads a model from a stream holding a model file.</summary>
    public static AttributionModel Load(Stream stream) => Load(stream, "model stream");

    /// <summary>Loads the default model shipped inside this library.</summary>
    public static AttributionModel LoadDefault()
    {
        using Stream stream = typeof(AttributionModel).Assembly.GetManifestResourceStream(DefaultModelResource)
            ?? throw new InvalidOperationException("This build of the library has no default model embedded (models/attribution.zip was missing when it was built).");
        return Load(stream, "default model");
    }

    private static AttributionModel Load(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (manifest, weights) = ModelFile.Read(stream, source);
        return new AttributionModel(manifest, new LinearModel(manifest.Labels.Count, (1 << manifest.TrainerOptions.Featurizer.HashBits) + 1, weights));
    }

    /// <summary>
    /// Saves the model. The file is written beside the target and renamed into place, so an
    /// interrupted save never leaves a half-written model at <paramref name="path"/>.
    /// </summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        string temporary = full + $".{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
                Save(stream);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    /// <summary>Writes the model file to a stream.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ModelFile.Write(stream, Manifest, _linear.Classes, _linear.Dimension, _linear.Weights);
    }

    /// <summary>Tags one sentence on its own, without the context of a document.</summary>
    public SentenceAttribution Predict(string sentence, PredictionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        options ??= PredictionOptions.Default;
        options.Validate();
        var walker = new DocumentWalker();
        var builder = new FeatureBuilder(_featurizer.Options.HashBits, explain: options.EvidenceCount > 0);
        return Score(walker.Next(sentence, 0), builder, options.EvidenceCount, 0, sentence.Length);
    }

    /// <summary>
    /// Splits an article into sentences and tags each in order, with the sentences before it as
    /// context. Offsets refer to <paramref name="text"/>.
    /// </summary>
    public IReadOnlyList<SentenceAttribution> Attribute(string text, PredictionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        IReadOnlyList<Sentence> sentences = SentenceSplitter.Default.Split(text);
        return Attribute(sentences.Select(s => (s.Text, s.Start)).ToList(), options);
    }

    /// <summary>Tags the sentences of one document, already split, in order and in context.</summary>
    public IReadOnlyList<SentenceAttribution> AttributeSentences(IEnumerable<string> sentences, PredictionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var withOffsets = new List<(string, int)>();
        int offset = 0;
        foreach (string s in sentences)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(sentences));
            withOffsets.Add((s, offset));
            offset += s.Length + 1;
        }
        return Attribute(withOffsets, options);
    }

    private List<SentenceAttribution> Attribute(List<(string Text, int Start)> sentences, PredictionOptions? options)
    {
        options ??= PredictionOptions.Default;
        options.Validate();
        var walker = new DocumentWalker();
        var builder = new FeatureBuilder(_featurizer.Options.HashBits, explain: options.EvidenceCount > 0);
        var results = new List<SentenceAttribution>(sentences.Count);
        foreach (var (sentence, start) in sentences)
            results.Add(Score(walker.Next(sentence, start), builder, options.EvidenceCount, start, sentence.Length));
        return results;
    }

    /// <summary>Evaluates the model against gold labels, scoring each document's sentences in order and in context.</summary>
    public EvaluationResult Evaluate(IEnumerable<LabelledSentence> data)
    {
        List<LabelledSentence[]> documents = Documents.Group(data);
        return Evaluate(Featurize(_featurizer, documents), documents.SelectMany(d => d).ToList());
    }

    /// <summary>Evaluates already featurized sentences against their gold labels.</summary>
    internal EvaluationResult Evaluate(IReadOnlyList<FeatureVector> vectors, IReadOnlyList<LabelledSentence> gold)
    {
        var evaluator = new Evaluator(_labels);
        Span<double> probabilities = stackalloc double[_labels.Length];
        for (int i = 0; i < vectors.Count; i++)
        {
            _linear.Probabilities(vectors[i], probabilities);
            int goldIndex = Array.IndexOf(_labels, gold[i].Label);
            evaluator.Add(gold[i].Label, _labels[ArgMax(probabilities)], goldIndex < 0 ? 0 : probabilities[goldIndex]);
        }
        return evaluator.Result();
    }

    /// <summary>Featurizes the sentences of each document in order, each with its context.</summary>
    internal static List<FeatureVector> Featurize(Featurizer featurizer, List<LabelledSentence[]> documents)
    {
        var walker = new DocumentWalker();
        var builder = new FeatureBuilder(featurizer.Options.HashBits, explain: false);
        var vectors = new List<FeatureVector>();
        foreach (LabelledSentence[] document in documents)
        {
            walker.Reset();
            foreach (LabelledSentence sentence in document)
            {
                builder.Clear();
                featurizer.Featurize(walker.Next(sentence.Text, 0), builder);
                vectors.Add(builder.Build());
            }
        }
        return vectors;
    }

    private SentenceAttribution Score(in SentenceContext context, FeatureBuilder builder, int evidenceCount, int start, int length)
    {
        builder.Clear();
        _featurizer.Featurize(context, builder);
        FeatureVector x = builder.Build();
        Span<double> probabilities = stackalloc double[_labels.Length];
        _linear.Probabilities(x, probabilities);
        int best = ArgMax(probabilities);
        var scores = new Dictionary<string, double>(_labels.Length, StringComparer.Ordinal);
        for (int k = 0; k < _labels.Length; k++)
            scores[_labels[k]] = probabilities[k];
        IReadOnlyList<Evidence> evidence = evidenceCount > 0 ? Explain(x, builder.Origins!, best, evidenceCount) : [];
        return new SentenceAttribution(context.Index, start, length, context.Current.Source, _labels[best], probabilities[best], scores, evidence);
    }

    /// <summary>
    /// The features that raised the chosen label's score most above the average label's: a feature's
    /// contribution is its value times (its weight for the label minus its mean weight).
    /// </summary>
    private List<Evidence> Explain(FeatureVector x, List<FeatureOrigin> origins, int label, int count)
    {
        var firstOrigin = new Dictionary<int, FeatureOrigin>();
        foreach (FeatureOrigin origin in origins)
            firstOrigin.TryAdd(origin.Index, origin);
        var evidence = new List<Evidence>();
        for (int j = 0; j < x.Count; j++)
        {
            if (!firstOrigin.TryGetValue(x.Indices[j], out FeatureOrigin origin))
                continue;
            double mean = 0;
            for (int k = 0; k < _linear.Classes; k++)
                mean += _linear.Weight(x.Indices[j], k);
            mean /= _linear.Classes;
            double contribution = x.Values[j] * (_linear.Weight(x.Indices[j], label) - mean);
            if (contribution > 0)
                evidence.Add(new Evidence(origin.Name, contribution, origin.Start, origin.Length));
        }
        evidence.Sort((a, b) => b.Contribution.CompareTo(a.Contribution));
        return evidence.Count > count ? evidence.GetRange(0, count) : evidence;
    }

    private static int ArgMax(ReadOnlySpan<double> values)
    {
        int best = 0;
        for (int k = 1; k < values.Length; k++)
            if (values[k] > values[best])
                best = k;
        return best;
    }
}
