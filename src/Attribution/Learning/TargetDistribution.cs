namespace Attribution.Learning;

/// <summary>
/// What a sentence teaches the model: its primary label, or for a sentence with several sources
/// ("a military source told SANA") a distribution that gives the others a share
/// (<see cref="TrainerOptions.SecondaryLabelShare"/>) and the primary the rest. The primary label
/// stays the most probable, and the others get a probability the secondary threshold can find.
/// </summary>
internal static class TargetDistribution
{
    /// <summary>The target distribution over <paramref name="classes"/> for gold label indices, primary first.</summary>
    public static double[] For(IReadOnlyList<int> labels, int classes, double secondaryShare)
    {
        var target = new double[classes];
        if (labels.Count == 1 || secondaryShare == 0)
        {
            target[labels[0]] = 1;
            return target;
        }
        target[labels[0]] = 1 - secondaryShare;
        for (int i = 1; i < labels.Count; i++)
            target[labels[i]] += secondaryShare / (labels.Count - 1);
        return target;
    }
}
