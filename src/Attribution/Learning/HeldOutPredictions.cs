using Attribution.Features;
using Attribution.Model;

namespace Attribution.Learning;

/// <summary>
/// Predictions for every training example from a model that did not see its document: the
/// documents are dealt to folds, a model is trained on all folds but one, in turn, and scores the
/// one left out. What the calibration temperature and the secondary-label threshold are fitted on.
/// </summary>
internal static class HeldOutPredictions
{
    /// <summary>Returns the held-out log-probabilities of every example (uncalibrated).</summary>
    /// <param name="examples">The training examples.</param>
    /// <param name="targets">Their target distributions.</param>
    /// <param name="documentOf">Each example's document, so that no article is split between training and held-out.</param>
    /// <param name="documents">Number of documents.</param>
    /// <param name="classes">Number of labels.</param>
    /// <param name="options">Seed and number of folds (<see cref="TrainerOptions.CalibrationFolds"/>).</param>
    /// <param name="train">Trains on a subset, as the model itself is trained.</param>
    /// <param name="cancellationToken">Stops between and inside fold trainings.</param>
    public static double[][] Compute(IReadOnlyList<FeatureVector> examples, double[][] targets, int[] documentOf, int documents, int classes,
        TrainerOptions options, Func<IReadOnlyList<FeatureVector>, double[][], ModelParameters> train, CancellationToken cancellationToken)
    {
        int folds = options.CalibrationFolds;
        int[] foldOfDocument = Documents.Folds(documents, folds, options.Seed);

        // Log-probabilities: log-softmax differs from the scores by a constant per example, so
        // scaling it by 1/T is scaling the scores.
        var logProbabilities = new double[examples.Count][];
        // Folds are independent and each writes only its own held-out rows, so they run in
        // parallel and the result does not depend on the number of cores.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, folds, parallel, f =>
        {
            var probabilities = new double[classes];
            var trainIndices = Enumerable.Range(0, examples.Count).Where(i => foldOfDocument[documentOf[i]] != f).ToArray();
            ModelParameters model = train(trainIndices.Select(i => examples[i]).ToList(), trainIndices.Select(i => targets[i]).ToArray());
            for (int i = 0; i < examples.Count; i++)
            {
                if (foldOfDocument[documentOf[i]] != f)
                    continue;
                model.Probabilities(examples[i], probabilities);
                logProbabilities[i] = probabilities.Select(p => Math.Log(Math.Max(p, 1e-300))).ToArray();
            }
        });
        return logProbabilities;
    }
}
