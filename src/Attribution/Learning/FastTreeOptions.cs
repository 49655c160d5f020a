namespace Attribution;

/// <summary>
/// Options of the boosted-trees trainer (<see cref="TrainerAlgorithm.FastTree"/>), with the
/// defaults of ML.NET's FastTree. Validated with the <see cref="TrainerOptions"/> that hold them.
/// </summary>
public sealed record FastTreeOptions
{
    /// <summary>Boosting rounds; each grows one tree per label. Default 100.</summary>
    public int NumberOfTrees { get; init; } = 100;

    /// <summary>Most leaves per tree; trees grow best leaf first up to it. Default 20.</summary>
    public int NumberOfLeaves { get; init; } = 20;

    /// <summary>Fewest training sentences a leaf may hold. Default 10.</summary>
    public int MinimumExampleCountPerLeaf { get; init; } = 10;

    /// <summary>Shrinkage: each tree's leaf values are multiplied by it. Default 0.2.</summary>
    public double LearningRate { get; init; } = 0.2;

    /// <summary>Most bins a feature's values are sorted into for split finding (2 to 255). Default 255.</summary>
    public int MaximumBinCountPerFeature { get; init; } = 255;

    /// <summary>Share of the sentences, drawn afresh for each tree, that it is grown on. Default 1 (all).</summary>
    public double RowSampleFraction { get; init; } = 1;

    /// <summary>Share of the features, drawn afresh for each tree, that it may split on. Default 1 (all).</summary>
    public double FeatureFraction { get; init; } = 1;

    /// <summary>
    /// Whether trees also see the featurizer's character n-grams. Default false: trees split on
    /// words, and the n-grams triple the nonzeros and so the training and scoring time, for no
    /// significant gain by document cross-validation on the shipped corpus (macro-F1 0.878 ± 0.009
    /// with them, 0.873 ± 0.004 without). When false the model's featurizer has them turned off.
    /// </summary>
    public bool CharacterNgrams { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (NumberOfTrees is < 1 or > 100_000)
            throw new ArgumentOutOfRangeException(nameof(NumberOfTrees), NumberOfTrees, "NumberOfTrees must be from 1 to 100000.");
        if (NumberOfLeaves is < 2 or > 1024)
            throw new ArgumentOutOfRangeException(nameof(NumberOfLeaves), NumberOfLeaves, "NumberOfLeaves must be from 2 to 1024.");
        if (MinimumExampleCountPerLeaf < 1)
            throw new ArgumentOutOfRangeException(nameof(MinimumExampleCountPerLeaf), MinimumExampleCountPerLeaf, "MinimumExampleCountPerLeaf must be at least 1.");
        if (!(LearningRate > 0 && LearningRate <= 1))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be in (0, 1].");
        if (MaximumBinCountPerFeature is < 2 or > 255)
            throw new ArgumentOutOfRangeException(nameof(MaximumBinCountPerFeature), MaximumBinCountPerFeature, "MaximumBinCountPerFeature must be from 2 to 255.");
        if (!(RowSampleFraction > 0 && RowSampleFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(RowSampleFraction), RowSampleFraction, "RowSampleFraction must be in (0, 1].");
        if (!(FeatureFraction > 0 && FeatureFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(FeatureFraction), FeatureFraction, "FeatureFraction must be in (0, 1].");
    }
}
