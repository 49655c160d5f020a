using System.Globalization;
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

    private readonly ModelParameters _parameters;
    private readonly Featurizer _featurizer;
    private readonly string[] _labels;
    private readonly ThreadLocal<SentenceScorer> _scorers;

    internal AttributionModel(ModelManifest manifest, ModelParameters parameters)
    {
        Manifest = manifest;
        _parameters = parameters;
        _featurizer = new Featurizer(manifest.TrainerOptions.Featurizer);
        _labels = manifest.Labels.ToArray();
        _scorers = new ThreadLocal<SentenceScorer>(CreateScorer);
    }

    /// <summary>What the trainer fitted: weights or trees.</summary>
    internal ModelParameters Parameters => _parameters;

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
        var (manifest, parameters) = ModelFile.Read(stream, source);
        return new AttributionModel(manifest, parameters);
    }

    /// <summary>
    /// Saves the model. The file is written beside the target and renamed into place, so an
    /// interrupted save never leaves a half-written model at <paramref name="path"/>; the
    /// temporary file a killed save left behind is removed by the next save to the same path.
    /// </summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        RemoveAbandonedTemporaries(full);
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

    /// <summary>Deletes <c>PATH.PID.tmp</c> files whose process is gone: saves that were killed.</summary>
    private static void RemoveAbandonedTemporaries(string full)
    {
        string? folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
            return;
        string prefix = Path.GetFileName(full) + ".";
        foreach (string file in Directory.EnumerateFiles(folder, prefix + "*.tmp"))
        {
            string name = Path.GetFileName(file);
            if (name.Length <= prefix.Length + ".tmp".Length
                || !int.TryParse(name.AsSpan(prefix.Length, name.Length - prefix.Length - ".tmp".Length), NumberStyles.None, CultureInfo.InvariantCulture, out int id)
                || IsRunning(id))
                continue;
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another save removed it first, or it is in use: it is not this save's to insist on.
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Writes the model file to a stream.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ModelFile.Write(stream, Manifest, _parameters);
    }

    /// <summary>Tags one sentence on its own, without the context of a document.</summary>
    public SentenceAttribution Predict(string sentence, PredictionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        options ??= PredictionOptions.Default;
        options.Validate();
        SentenceScorer scorer = Scorer();
        scorer.StartDocument();
        return Score(scorer, sentence, 0, 0, sentence.Length, 0, options.EvidenceCount);
    }

    /// <summary>
    /// Splits an article into sentences and tags each in order, with the sentences before it as
    /// context. Offsets refer to <paramref name="text"/>.
    /// </summary>
    public IReadOnlyList<SentenceAttribution> Attribute(string text, PredictionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= PredictionOptions.Default;
        options.Validate();
        var spans = new List<TextSpan>();
        SentenceSplitter.Default.Split(text, spans);
        SentenceScorer scorer = Scorer();
        scorer.StartDocument();
        var results = new List<SentenceAttribution>(spans.Count);
        for (int i = 0; i < spans.Count; i++)
            results.Add(Score(scorer, text, i, spans[i].Start, spans[i].Length, spans[i].Start, options.EvidenceCount));
        return results;
    }

    /// <summary>Tags the sentences of one document, already split, in order and in context.</summary>
    public IReadOnlyList<SentenceAttribution> AttributeSentences(IEnumerable<string> sentences, PredictionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        options ??= PredictionOptions.Default;
        options.Validate();
        SentenceScorer scorer = Scorer();
        scorer.StartDocument();
        var results = new List<SentenceAttribution>();
        int offset = 0;
        foreach (string s in sentences)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(sentences));
            results.Add(Score(scorer, s, results.Count, 0, s.Length, offset, options.EvidenceCount));
            offset += s.Length + 1;
        }
        return results;
    }

    /// <summary>
    /// Tags a stream of articles on several threads and yields them in input order, as soon as each
    /// is done. A bounded number of articles is in flight (twice the processor count), so memory
    /// stays flat however long the stream; a slow consumer slows the reading.
    /// </summary>
    /// <param name="articles">The articles, read as they are needed.</param>
    /// <param name="options">Prediction options, or null for the defaults.</param>
    /// <param name="cancellationToken">Stops reading and scoring; the enumeration then throws <see cref="OperationCanceledException"/>.</param>
    public IAsyncEnumerable<ArticleAttribution> AttributeAsync(IAsyncEnumerable<Article> articles, PredictionOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        options ??= PredictionOptions.Default;
        options.Validate();
        return AttributeInOrder(articles, options, cancellationToken);
    }

    /// <summary>
    /// Tags a sequence of articles on several threads and yields them in input order; see
    /// <see cref="AttributeAsync(IAsyncEnumerable{Article}, PredictionOptions?, CancellationToken)"/>.
    /// </summary>
    public IAsyncEnumerable<ArticleAttribution> AttributeAsync(IEnumerable<Article> articles, PredictionOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return AttributeAsync(AsAsync(articles), options, cancellationToken);
    }

    private async IAsyncEnumerable<ArticleAttribution> AttributeInOrder(IAsyncEnumerable<Article> articles, PredictionOptions options,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int window = 2 * Environment.ProcessorCount;
        var pending = new Queue<Task<ArticleAttribution>>(window);
        await foreach (Article article in articles.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (article is null)
                throw new ArgumentException("The sequence holds a null article.", nameof(articles));
            pending.Enqueue(Task.Run(() => new ArticleAttribution(article.Id, Attribute(article.Text, options)), cancellationToken));
            if (pending.Count >= window)
                yield return await pending.Dequeue().ConfigureAwait(false);
        }
        while (pending.Count > 0)
            yield return await pending.Dequeue().ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<Article> AsAsync(IEnumerable<Article> articles)
    {
        foreach (Article article in articles)
            yield return article;
        await Task.CompletedTask.ConfigureAwait(false);  // an async iterator needs one await; net8.0 has no ToAsyncEnumerable
    }

    /// <summary>A scorer with the calling thread's reusable buffers; each thread gets its own.</summary>
    internal SentenceScorer Scorer() => _scorers.Value!;

    /// <summary>A new scorer for one thread's exclusive use.</summary>
    internal SentenceScorer CreateScorer() => new(_parameters, _featurizer);

    /// <summary>Evaluates the model against gold labels, scoring each document's sentences in order and in context.</summary>
    public EvaluationResult Evaluate(IEnumerable<LabelledSentence> data)
    {
        List<LabelledSentence[]> documents = Documents.Group(data);
        return Evaluate(Featurize(_featurizer, documents, _parameters.Normalized), documents.SelectMany(d => d).ToList());
    }

    /// <summary>Evaluates already featurized sentences against their gold labels.</summary>
    internal EvaluationResult Evaluate(IReadOnlyList<FeatureVector> vectors, IReadOnlyList<LabelledSentence> gold)
    {
        var evaluator = new Evaluator(_labels);
        Span<double> probabilities = stackalloc double[_labels.Length];
        for (int i = 0; i < vectors.Count; i++)
        {
            _parameters.Probabilities(vectors[i], probabilities);
            int goldIndex = Array.IndexOf(_labels, gold[i].Label);
            int best = ArgMax(probabilities);
            evaluator.Add(gold[i].Label, _labels[best], goldIndex < 0 ? 0 : probabilities[goldIndex], probabilities[best]);
            evaluator.AddSets(gold[i].Labels, LabelSet(probabilities, best).Select(k => _labels[k]));
        }
        return evaluator.Result();
    }

    /// <summary>
    /// Featurizes the sentences of each document in order, each with its context, normalized or not.
    /// Documents are independent, so they are featurized in parallel; each vector lands at its
    /// sentence's position, so the result does not depend on the number of cores.
    /// </summary>
    internal static FeatureVector[] Featurize(Featurizer featurizer, List<LabelledSentence[]> documents, bool normalize)
    {
        var first = new int[documents.Count + 1];
        for (int d = 0; d < documents.Count; d++)
            first[d + 1] = first[d] + documents[d].Length;
        var vectors = new FeatureVector[first[^1]];
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, documents.Count, 256),
            () => (Walker: new DocumentWalker(), Builder: new FeatureBuilder(featurizer.Options.HashBits)),
            (range, _, state) =>
            {
                for (int d = range.Item1; d < range.Item2; d++)
                {
                    state.Walker.Reset();
                    for (int s = 0; s < documents[d].Length; s++)
                    {
                        state.Builder.Clear();
                        featurizer.Featurize(state.Walker.Next(documents[d][s].Text, 0), state.Builder);
                        vectors[first[d] + s] = state.Builder.Build(normalize);
                    }
                }
                return state;
            },
            _ => { });
        return vectors;
    }

    private SentenceAttribution Score(SentenceScorer scorer, string text, int index, int start, int length, int offset, int evidenceCount)
    {
        Span<double> probabilities = stackalloc double[_labels.Length];
        int best = scorer.Next(text, start, length, offset, probabilities, explain: evidenceCount > 0);
        var scores = new Dictionary<string, double>(_labels.Length, StringComparer.Ordinal);
        for (int k = 0; k < _labels.Length; k++)
            scores[_labels[k]] = probabilities[k];
        var (evidence, cue) = evidenceCount > 0 ? scorer.Explain(best, evidenceCount) : ([], null);
        return new SentenceAttribution(index, offset, length, text.Substring(start, length), _labels[best], probabilities[best], scores, evidence, cue,
            LabelSet(probabilities, best).Select(k => _labels[k]).ToArray());
    }

    /// <summary>The best label's index, then those of the labels that reach the secondary threshold, most likely first.</summary>
    private List<int> LabelSet(ReadOnlySpan<double> probabilities, int best)
    {
        var set = new List<int> { best };
        for (int k = 0; k < _labels.Length; k++)
            if (k != best && probabilities[k] >= Manifest.SecondaryThreshold)
                set.Add(k);
        double[] p = probabilities.ToArray();
        set.Sort(1, set.Count - 1, Comparer<int>.Create((a, b) => p[a] != p[b] ? p[b].CompareTo(p[a]) : a.CompareTo(b)));
        return set;
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
