namespace Attribution;

/// <summary>The trainer: a maximum-entropy (linear) model by SDCA or L-BFGS, or boosted trees.</summary>
public enum TrainerAlgorithm
{
    /// <summary>Stochastic dual coordinate ascent: fast on sparse text, the default.</summary>
    Sdca,

    /// <summary>L-BFGS, with OWL-QN for an L1 term; can continue from a base model's weights.</summary>
    Lbfgs,

    /// <summary>
    /// Gradient-boosted regression trees (FastTree/MART family, softmax multiclass): can learn
    /// interactions of features that a linear model cannot; slower to train and to score.
    /// </summary>
    FastTree,
}
