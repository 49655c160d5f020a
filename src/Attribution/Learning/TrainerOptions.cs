namespace Attribution;

/// <summary>
/// Options of <see cref="AttributionTrainer"/>: a multiclass maximum-entropy model trained by
/// stochastic dual coordinate ascent (SDCA) or L-BFGS, or boosted trees (<see cref="Trees"/>).
/// Validated in one place when training starts.
/// </summary>
public sealed record TrainerOptions
{
    /// <summary>The trainer. SDCA and L-BFGS minimize the same objective. Default <see cref="TrainerAlgorithm.Sdca"/>.</summary>
    public TrainerAlgorithm Algorithm { get; init; } = TrainerAlgorithm.Sdca;

    /// <summary>Seed of the example order; the same data, options and seed give the same model bytes. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>L2 regularization strength (lambda). Default 3e-6, chosen by document-grouped cross-validation on the shipped corpus.</summary>
    public double L2Regularization { get; init; } = 3e-6;

    /// <summary>L1 regularization strength; above 0 it zeroes weak weights (soft threshold). Default 0.</summary>
    public double L1Regularization { get; init; }

    /// <summary>Maximum passes over the data (L-BFGS: iterations). Default 40.</summary>
    public int MaximumPasses { get; init; } = 40;

    /// <summary>Training stops when a pass improves the regularized loss by less than this fraction. Default 1e-4.</summary>
    public double ConvergenceTolerance { get; init; } = 1e-4;

    /// <summary>
    /// Folds (split by document) on which a softmax temperature is fitted after training, so that a
    /// confidence of 0.8 is right about 80% of the time; 0 skips calibration. It costs this many
    /// extra trainings on part of the data, and changes confidences, never labels. Default 5.
    /// </summary>
    public int CalibrationFolds { get; init; } = 5;

    /// <summary>
    /// For a sentence with several gold sources, the share of the training target given to the
    /// labels after the primary (the primary keeps the rest). Above 0 the model learns to give them
    /// a probability that the secondary threshold (<see cref="ModelManifest.SecondaryThreshold"/>)
    /// can pick up; 0 trains on primary labels only. Must stay below 1/2 so the primary remains
    /// the most probable. Default 0, the threshold alone then finds secondary sources where the
    /// model hesitates: on the shipped corpus a share found more of them (dev, every gold label
    /// found: SDCA 0.856 at 0, 0.867 at 0.2, 0.871 at 1/3; trees 0.871 at 0, 0.887 at 1/3) but
    /// cost primary macro-F1 (SDCA -0.004 and -0.009; trees -0.044 at 1/3).
    /// </summary>
    public double SecondaryLabelShare { get; init; }

    /// <summary>How sentences become features.</summary>
    public FeaturizerOptions Featurizer { get; init; } = new();

    /// <summary>Options of the boosted-trees trainer; the regularization and pass options above do not apply to it.</summary>
    public FastTreeOptions Trees { get; init; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Algorithm))
            throw new ArgumentOutOfRangeException(nameof(Algorithm), Algorithm, "Unknown training algorithm.");
        if (!(L2Regularization > 0 && double.IsFinite(L2Regularization)))
            throw new ArgumentOutOfRangeException(nameof(L2Regularization), L2Regularization, "L2Regularization must be a finite number > 0.");
        if (!(L1Regularization >= 0 && double.IsFinite(L1Regularization)))
            throw new ArgumentOutOfRangeException(nameof(L1Regularization), L1Regularization, "L1Regularization must be a finite number >= 0.");
        if (MaximumPasses < 1)
            throw new ArgumentOutOfRangeException(nameof(MaximumPasses), MaximumPasses, "MaximumPasses must be at least 1.");
        if (!(ConvergenceTolerance >= 0 && double.IsFinite(ConvergenceTolerance)))
            throw new ArgumentOutOfRangeException(nameof(ConvergenceTolerance), ConvergenceTolerance, "ConvergenceTolerance must be a finite number >= 0.");
        if (CalibrationFolds is < 0 or 1 or > 20)
            throw new ArgumentOutOfRangeException(nameof(CalibrationFolds), CalibrationFolds, "CalibrationFolds must be 0 (no calibration) or from 2 to 20.");
        if (!(SecondaryLabelShare >= 0 && SecondaryLabelShare < 0.5))
            throw new ArgumentOutOfRangeException(nameof(SecondaryLabelShare), SecondaryLabelShare, "SecondaryLabelShare must be at least 0 and below 0.5.");
        ArgumentNullException.ThrowIfNull(Featurizer);
        Featurizer.Validate();
        ArgumentNullException.ThrowIfNull(Trees);
        Trees.Validate();
    }
}
