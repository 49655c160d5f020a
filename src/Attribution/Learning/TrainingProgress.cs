namespace Attribution;

/// <summary>Reported after each training pass.</summary>
/// <param name="Pass">Passes done so far.</param>
/// <param name="MaximumPasses">The most passes training will make.</param>
/// <param name="Loss">Regularized training loss after the pass.</param>
public sealed record TrainingProgress(int Pass, int MaximumPasses, double Loss);
