namespace Attribution;

/// <summary>The optimizer that fits a maximum-entropy model's weights.</summary>
public enum TrainerAlgorithm
{
    /// <summary>Stochastic dual coordinate ascent: fast on sparse text, the default.</summary>
    Sdca,

    /// <summary>L-BFGS, with OWL-QN for an L1 term; can continue from a base model's weights.</summary>
    Lbfgs,
}
