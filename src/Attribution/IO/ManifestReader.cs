using System.Globalization;
using System.Text.Json;

namespace Attribution.IO;

/// <summary>
/// Reads <c>manifest.json</c> from a parsed JSON document. Loading a model is on the start-up path of
/// every user, and the JSON serializer's first use costs about 50 ms there, five times a document
/// parse; so reading maps the few fields by hand, while writing keeps the serializer
/// (<see cref="ModelManifestJson"/>). A missing field takes its default, as with the serializer.
/// </summary>
internal static class ManifestReader
{
    /// <exception cref="JsonException">The text is not JSON.</exception>
    /// <exception cref="InvalidOperationException">A field has the wrong JSON type.</exception>
    /// <exception cref="ArgumentException">The trainer algorithm is unknown.</exception>
    public static ModelManifest Read(byte[] json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        var defaults = new ModelManifest();
        JsonElement trainer = Object(root, "trainerOptions"), featurizer = Object(trainer, "featurizer"), trees = Object(trainer, "trees");
        JsonElement data = Object(root, "trainingData"), metrics = Object(root, "metrics");
        var trainerDefaults = new TrainerOptions();
        var featurizerDefaults = new FeaturizerOptions();
        var treeDefaults = new FastTreeOptions();
        return new ModelManifest
        {
            FormatVersion = Int(root, "formatVersion", 0),
            Labels = root.TryGetProperty("labels", out JsonElement labels) ? labels.EnumerateArray().Select(l => l.GetString() ?? "").ToArray() : [],
            Trainer = String(root, "trainer", defaults.Trainer),
            TrainerOptions = new TrainerOptions
            {
                Algorithm = Enum.Parse<TrainerAlgorithm>(String(trainer, "algorithm", nameof(TrainerAlgorithm.Sdca)), ignoreCase: true),
                Seed = Int(trainer, "seed", trainerDefaults.Seed),
                L2Regularization = Double(trainer, "l2Regularization", trainerDefaults.L2Regularization),
                L1Regularization = Double(trainer, "l1Regularization", trainerDefaults.L1Regularization),
                MaximumPasses = Int(trainer, "maximumPasses", trainerDefaults.MaximumPasses),
                ConvergenceTolerance = Double(trainer, "convergenceTolerance", trainerDefaults.ConvergenceTolerance),
                // Models written before calibration existed were not calibrated.
                CalibrationFolds = Int(trainer, "calibrationFolds", 0),
                SecondaryLabelShare = Double(trainer, "secondaryLabelShare", 0),
                Featurizer = new FeaturizerOptions
                {
                    HashBits = Int(featurizer, "hashBits", featurizerDefaults.HashBits),
                    CharNgramMin = Int(featurizer, "charNgramMin", featurizerDefaults.CharNgramMin),
                    CharNgramMax = Int(featurizer, "charNgramMax", featurizerDefaults.CharNgramMax),
                    CharNgramWeight = (float)Double(featurizer, "charNgramWeight", featurizerDefaults.CharNgramWeight),
                    ContextSentences = Int(featurizer, "contextSentences", featurizerDefaults.ContextSentences),
                    ContextWeight = (float)Double(featurizer, "contextWeight", featurizerDefaults.ContextWeight),
                    CarriedWeight = (float)Double(featurizer, "carriedWeight", featurizerDefaults.CarriedWeight),
                },
                Trees = new FastTreeOptions
                {
                    NumberOfTrees = Int(trees, "numberOfTrees", treeDefaults.NumberOfTrees),
                    NumberOfLeaves = Int(trees, "numberOfLeaves", treeDefaults.NumberOfLeaves),
                    MinimumExampleCountPerLeaf = Int(trees, "minimumExampleCountPerLeaf", treeDefaults.MinimumExampleCountPerLeaf),
                    LearningRate = Double(trees, "learningRate", treeDefaults.LearningRate),
                    MaximumBinCountPerFeature = Int(trees, "maximumBinCountPerFeature", treeDefaults.MaximumBinCountPerFeature),
                    RowSampleFraction = Double(trees, "rowSampleFraction", treeDefaults.RowSampleFraction),
                    FeatureFraction = Double(trees, "featureFraction", treeDefaults.FeatureFraction),
                    CharacterNgrams = trees.ValueKind == JsonValueKind.Object && trees.TryGetProperty("characterNgrams", out JsonElement ngrams) && ngrams.GetBoolean(),
                },
            },
            TrainingData = new TrainingDataSummary
            {
                Sentences = Int(data, "sentences", 0),
                Documents = Int(data, "documents", 0),
                LabelCounts = data.TryGetProperty("labelCounts", out JsonElement counts) && counts.ValueKind == JsonValueKind.Object
                    ? counts.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal)
                    : new Dictionary<string, int>(),
                Sha256 = String(data, "sha256", ""),
            },
            Metrics = new TrainingMetrics
            {
                Passes = Int(metrics, "passes", 0),
                Loss = Double(metrics, "loss", 0),
                TrainingAccuracy = Double(metrics, "trainingAccuracy", 0),
                TrainingMacroF1 = Double(metrics, "trainingMacroF1", 0),
            },
            Temperature = Double(root, "temperature", 1),
            SecondaryThreshold = Double(root, "secondaryThreshold", 1),
            WeightsLength = root.TryGetProperty("weightsLength", out JsonElement length) ? length.GetInt64() : 0,
            WeightsSha256 = String(root, "weightsSha256", ""),
        };
    }

    // An absent object reads as an empty one, so its fields take their defaults.
    private static JsonElement Object(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Object
            ? value
            : default;

    private static int Int(JsonElement parent, string name, int fallback) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out JsonElement value) ? value.GetInt32() : fallback;

    private static string String(JsonElement parent, string name, string fallback) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out JsonElement value) ? value.GetString() ?? fallback : fallback;

    // Numbers may also be written as "NaN" or "Infinity" (the writer allows named literals).
    private static double Double(JsonElement parent, string name, double fallback)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out JsonElement value))
            return fallback;
        return value.ValueKind == JsonValueKind.String
            ? double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
            : value.GetDouble();
    }
}
