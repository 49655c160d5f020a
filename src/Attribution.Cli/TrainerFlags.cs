using System.CommandLine;

namespace Attribution.Cli;

/// <summary>The trainer's flags, shared by <c>train</c> and <c>cv</c>, and how they become <see cref="TrainerOptions"/>.</summary>
internal sealed class TrainerFlags
{
    private readonly Option<string> _trainer = new("--trainer") { Description = "Training algorithm", DefaultValueFactory = _ => "sdca" };
    private readonly Option<int> _seed = new("--seed") { Description = "Random seed (same data, options and seed: same model bytes)", DefaultValueFactory = _ => new TrainerOptions().Seed };
    private readonly Option<double?> _l2 = new("--l2") { Description = "sdca, lbfgs: L2 regularization strength (default 3e-6)" };
    private readonly Option<double?> _l1 = new("--l1") { Description = "sdca, lbfgs: L1 regularization strength (default 0)" };
    private readonly Option<int?> _passes = new("--passes") { Description = "sdca, lbfgs: maximum passes over the data (default 40)" };
    private readonly Option<int?> _trees = new("--trees") { Description = "fasttree: boosting rounds, one tree per label each (default 100)" };
    private readonly Option<int?> _leaves = new("--leaves") { Description = "fasttree: most leaves per tree (default 20)" };
    private readonly Option<double?> _learningRate = new("--learning-rate") { Description = "fasttree: shrinkage (default 0.2)" };
    private readonly Option<double?> _secondaryShare = new("--secondary-share") { Description = "Share of the training target given to a sentence's secondary sources (0 to 0.5, default 0)" };
    private readonly Option<int?> _calibration = new("--calibration-folds") { Description = "Folds for fitting the confidence temperature; 0 skips calibration (default 5)" };

    public TrainerFlags() => _trainer.AcceptOnlyFromAmong("sdca", "lbfgs", "fasttree");

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { _trainer, _seed, _l2, _l1, _passes, _trees, _leaves, _learningRate, _secondaryShare, _calibration })
            command.Options.Add(option);
    }

    /// <summary>Whether <c>--trainer</c> was given on the command line.</summary>
    public bool TrainerGiven(ParseResult parse) => parse.GetResult(_trainer) is { Implicit: false };

    /// <summary>The options the flags say, validated; a bad value is a usage error.</summary>
    public TrainerOptions Read(ParseResult parse)
    {
        var defaults = new TrainerOptions();
        var options = defaults with
        {
            Algorithm = parse.GetValue(_trainer) switch
            {
                "lbfgs" => TrainerAlgorithm.Lbfgs,
                "fasttree" => TrainerAlgorithm.FastTree,
                _ => TrainerAlgorithm.Sdca,
            },
            Seed = parse.GetValue(_seed),
            L2Regularization = parse.GetValue(_l2) ?? defaults.L2Regularization,
            L1Regularization = parse.GetValue(_l1) ?? defaults.L1Regularization,
            MaximumPasses = parse.GetValue(_passes) ?? defaults.MaximumPasses,
            CalibrationFolds = parse.GetValue(_calibration) ?? defaults.CalibrationFolds,
            SecondaryLabelShare = parse.GetValue(_secondaryShare) ?? defaults.SecondaryLabelShare,
            Trees = defaults.Trees with
            {
                NumberOfTrees = parse.GetValue(_trees) ?? defaults.Trees.NumberOfTrees,
                NumberOfLeaves = parse.GetValue(_leaves) ?? defaults.Trees.NumberOfLeaves,
                LearningRate = parse.GetValue(_learningRate) ?? defaults.Trees.LearningRate,
            },
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        return options;
    }
}
