using System.Security.Cryptography;
using System.Text;
using Attribution.Features;
using Attribution.Learning;
using Attribution.Model;

namespace Attribution;

/// <summary>Trains attribution models from labelled sentences.</summary>
public static class AttributionTrainer
{
    /// <summary>
    /// Trains a multiclass model (maximum entropy by SDCA or L-BFGS, or boosted trees, see
    /// <see cref="TrainerOptions.Algorithm"/>) on the primary labels. Sentences are grouped into
    /// documents by <see cref="LabelledSentence.DocumentId"/> and ordered by index, so each sees its
    /// context as it would in an article. The same data, options and seed give the same model bytes.
    /// </summary>
    /// <param name="data">Labelled sentences; every label that occurs becomes a label of the model.</param>
    /// <param name="options">Trainer options; defaults when null.</param>
    /// <param name="progress">Told after each pass (boosted trees: each round).</param>
    /// <param name="cancellationToken">Stops training between passes.</param>
    public static AttributionModel Train(IEnumerable<LabelledSentence> data, TrainerOptions? options = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new TrainerOptions();
        options.Validate();
        List<LabelledSentence[]> documents = Documents.Group(data);
        string[] labels = Labels(documents, []);
        return Train(documents, labels, options, null, null, progress, cancellationToken);
    }

    /// <summary>
    /// Continues training <paramref name="baseModel"/> on new labelled sentences. A linear model
    /// continues by L-BFGS from its weights, with the L2 term centred on them: what the new data does
    /// not contradict is kept. A tree model keeps its trees and boosting adds
    /// <see cref="FastTreeOptions.NumberOfTrees"/> rounds fitted to the new data from its scores.
    /// Labels the base model lacks are added. The featurizer is the base model's.
    /// </summary>
    /// <param name="data">The new labelled sentences.</param>
    /// <param name="baseModel">The model to start from.</param>
    /// <param name="options">Trainer options (the algorithm is L-BFGS for a linear base model and boosted trees for a tree one, whatever they say; the featurizer is the base model's); defaults when null.</param>
    /// <param name="progress">Told after each iteration.</param>
    /// <param name="cancellationToken">Stops training.</param>
    public static AttributionModel Train(IEnumerable<LabelledSentence> data, AttributionModel baseModel, TrainerOptions? options = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseModel);
        options = (options ?? new TrainerOptions()) with
        {
            Algorithm = baseModel.Parameters is TreeEnsemble ? TrainerAlgorithm.FastTree : TrainerAlgorithm.Lbfgs,
            Featurizer = baseModel.Manifest.TrainerOptions.Featurizer,
        };
        options.Validate();
        List<LabelledSentence[]> documents = Documents.Group(data);
        string[] labels = Labels(documents, baseModel.Labels);
        int[] column = baseModel.Labels.Select(l => Array.IndexOf(labels, l)).ToArray();

        if (baseModel.Parameters is TreeEnsemble baseTrees)
        {
            // A label new to the model starts from its share of the new data.
            float[] initial = GradientBoostedTrees.Priors(documents.SelectMany(d => d)
                .Select(s => TargetDistribution.For([Array.IndexOf(labels, s.Label)], labels.Length, 0)).ToArray(), labels.Length);
            return Train(documents, labels, options with { Trees = options.Trees with { CharacterNgrams = baseModel.Manifest.TrainerOptions.Trees.CharacterNgrams } }, null,
                baseTrees.WithLabels(column, labels.Length, initial), progress, cancellationToken);
        }
        var baseLinear = (LinearModel)baseModel.Parameters;

        // The base weights, moved to the columns of the (possibly longer) label list; new labels start at 0.
        float[] old = baseLinear.CopyWeights();
        int oldClasses = baseModel.Labels.Count, dimension = baseLinear.Dimension;
        var weights = new double[(long)dimension * labels.Length];
        for (long f = 0; f < dimension; f++)
            for (int k = 0; k < oldClasses; k++)
                weights[f * labels.Length + column[k]] = old[f * oldClasses + k];
        return Train(documents, labels, options, weights, null, progress, cancellationToken);
    }

    private static string[] Labels(List<LabelledSentence[]> documents, IEnumerable<string> known)
    {
        LabelledSentence[] sentences = documents.SelectMany(d => d).ToArray();
        if (sentences.Length == 0)
            throw new ArgumentException("No labelled sentences to train on.", "data");
        string[] labels = sentences.SelectMany(s => s.Labels).Concat(known).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
            throw new ArgumentException($"Training needs at least two labels; the data has only '{labels[0]}'.", "data");
        return labels;
    }

    private static AttributionModel Train(List<LabelledSentence[]> documents, string[] labels, TrainerOptions options, double[]? initial,
        TreeEnsemble? startTrees, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        if (options.Algorithm == TrainerAlgorithm.FastTree && !options.Trees.CharacterNgrams)
            options = options with { Featurizer = options.Featurizer with { CharNgramMax = 0 } };
        LabelledSentence[] sentences = documents.SelectMany(d => d).ToArray();
        var featurizer = new Featurizer(options.Featurizer);
        bool trees = options.Algorithm == TrainerAlgorithm.FastTree;
        FeatureVector[] vectors = AttributionModel.Featurize(featurizer, documents, normalize: !trees);
        int[] targets = sentences.Select(s => Array.IndexOf(labels, s.Label)).ToArray();
        int[][] gold = sentences.Select(s => s.Labels.Select(l => Array.IndexOf(labels, l)).ToArray()).ToArray();
        double[][] distributions = gold.Select(g => TargetDistribution.For(g, labels.Length, options.SecondaryLabelShare)).ToArray();
        int classes = labels.Length, dimension = featurizer.Dimension;
        // One way to fit, for the model and for the held-out fold models alike.
        ModelParameters Fit(IReadOnlyList<FeatureVector> x, double[][] y, IProgress<TrainingProgress>? report, out int passes, out double loss)
        {
            switch (options.Algorithm)
            {
                case TrainerAlgorithm.FastTree:
                    passes = options.Trees.NumberOfTrees;
                    return GradientBoostedTrees.Train(x, y, classes, dimension, options, startTrees, report, cancellationToken, out loss);
                case TrainerAlgorithm.Lbfgs:
                    return new LinearModel(classes, dimension,
                        LbfgsMaximumEntropy.Train(x, y, classes, dimension, initial, options, report, cancellationToken, out passes, out loss));
                default:
                    return new LinearModel(classes, dimension,
                        SdcaMaximumEntropy.Train(x, y, classes, dimension, options, report, cancellationToken, out passes, out loss));
            }
        }
        ModelParameters parameters = Fit(vectors, distributions, progress, out int passes, out double loss);
        var metrics = new TrainingMetrics { Passes = passes, Loss = loss };

        // The calibration temperature and the secondary-label threshold are fitted on held-out predictions.
        double temperature = 1, secondaryThreshold = SecondaryThreshold.None;
        if (options.CalibrationFolds >= 2 && documents.Count >= options.CalibrationFolds)
        {
            int[] documentOf = documents.SelectMany((d, index) => Enumerable.Repeat(index, d.Length)).ToArray();
            double[][] heldOut = HeldOutPredictions.Compute(vectors, distributions, documentOf, documents.Count, classes, options,
                (x, y) => Fit(x, y, null, out _, out _), cancellationToken);
            temperature = TemperatureScaling.Choose(heldOut, distributions);
            secondaryThreshold = SecondaryThreshold.Choose(heldOut, temperature, gold);
            parameters = parameters.WithTemperature(temperature);
        }
        EvaluationResult fit = new AttributionModel(new ModelManifest { Labels = labels, TrainerOptions = options, Metrics = metrics, SecondaryThreshold = secondaryThreshold }, parameters)
            .Evaluate(vectors, sentences);

        var manifest = new ModelManifest
        {
            Labels = labels,
            Trainer = options.Algorithm.ToString().ToLowerInvariant(),
            TrainerOptions = options,
            TrainingData = new TrainingDataSummary
            {
                Sentences = sentences.Length,
                Documents = documents.Count,
                LabelCounts = labels.ToDictionary(l => l, l => sentences.Count(s => s.Label == l), StringComparer.Ordinal),
                Sha256 = HashData(sentences),
            },
            Metrics = metrics with { TrainingAccuracy = fit.Accuracy, TrainingMacroF1 = fit.MacroF1 },
            Temperature = temperature,
            SecondaryThreshold = secondaryThreshold,
        };
        return new AttributionModel(manifest, parameters);
    }

    /// <summary>
    /// K-fold cross-validation split by document: the documents are shuffled with the options' seed
    /// and dealt to <paramref name="folds"/> folds, so no article has sentences on both sides. Each
    /// fold is scored by a model trained on the others with <paramref name="options"/>.
    /// </summary>
    /// <param name="data">Labelled sentences.</param>
    /// <param name="folds">Number of folds, from 2 to the number of documents. Default 5.</param>
    /// <param name="options">Trainer options; defaults when null.</param>
    /// <param name="progress">Told when each fold is done (its number, from 1).</param>
    /// <param name="cancellationToken">Stops between folds and inside training.</param>
    public static CrossValidationResult CrossValidate(IEnumerable<LabelledSentence> data, int folds = 5, TrainerOptions? options = null,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new TrainerOptions();
        options.Validate();
        List<LabelledSentence[]> documents = Documents.Group(data);
        if (folds < 2 || folds > documents.Count)
            throw new ArgumentOutOfRangeException(nameof(folds), folds, $"Cross-validation needs 2 to {documents.Count} folds (one document at least in each).");
        int[] foldOf = Documents.Folds(documents.Count, folds, options.Seed);

        var results = new List<EvaluationResult>(folds);
        for (int f = 0; f < folds; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var train = documents.Where((_, d) => foldOf[d] != f).SelectMany(d => d);
            var test = documents.Where((_, d) => foldOf[d] == f).SelectMany(d => d).ToList();
            results.Add(Train(train, options, null, cancellationToken).Evaluate(test));
            progress?.Report(f + 1);
        }
        return new CrossValidationResult(results);
    }

    /// <summary>
    /// SHA-256 (lower-case hex) of labelled sentences in a canonical form: documents in order of first
    /// appearance, sentences by index, one line each of doc_id, index, text and labels. A model records
    /// the hash of its training data so that a model and its data can be checked to match.
    /// </summary>
    public static string HashData(IEnumerable<LabelledSentence> data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (LabelledSentence[] document in Documents.Group(data))
            foreach (LabelledSentence s in document)
                hash.AppendData(Encoding.UTF8.GetBytes($"{s.DocumentId}\t{s.Index}\t{s.Text.ReplaceLineEndings(" ")}\t{string.Join('|', s.Labels)}\n"));
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }
}
