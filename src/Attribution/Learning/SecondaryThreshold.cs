namespace Attribution.Learning;

/// <summary>
/// The probability above which a label other than the most likely one is also given to a sentence
/// ("a military source told SANA" is MilitarySource and SANA). Chosen on held-out predictions to
/// maximize the F1 of all (sentence, label) pairs; 1 when no threshold beats giving one label.
/// </summary>
internal static class SecondaryThreshold
{
    /// <summary>No secondary label can pass it: a probability other than the highest is below 1.</summary>
    public const double None = 1;

    private static readonly double[] Candidates = Enumerable.Range(1, 50).Select(i => i / 100.0).ToArray();

    /// <param name="logProbabilities">Held-out log-probabilities of each example.</param>
    /// <param name="temperature">The calibration temperature applied to them first.</param>
    /// <param name="gold">Each example's gold label indices.</param>
    public static double Choose(double[][] logProbabilities, double temperature, int[][] gold)
    {
        int n = logProbabilities.Length;
        var probabilities = new double[n][];
        for (int i = 0; i < n; i++)
            probabilities[i] = Softmax(logProbabilities[i], temperature);

        double best = None, bestF1 = F1(probabilities, gold, None);
        foreach (double threshold in Candidates)
        {
            double f1 = F1(probabilities, gold, threshold);
            if (f1 > bestF1 + 1e-9)
                (best, bestF1) = (threshold, f1);
        }
        return best;
    }

    /// <summary>Micro-F1 over (sentence, label) pairs when secondary labels need <paramref name="threshold"/>.</summary>
    internal static double F1(double[][] probabilities, int[][] gold, double threshold)
    {
        long truePositives = 0, predicted = 0, actual = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            double[] p = probabilities[i];
            int top = 0;
            for (int k = 1; k < p.Length; k++)
                if (p[k] > p[top])
                    top = k;
            actual += gold[i].Length;
            for (int k = 0; k < p.Length; k++)
            {
                if (k != top && p[k] < threshold)
                    continue;
                predicted++;
                if (Array.IndexOf(gold[i], k) >= 0)
                    truePositives++;
            }
        }
        return predicted + actual == 0 ? 0 : 2.0 * truePositives / (predicted + actual);
    }

    private static double[] Softmax(double[] logProbabilities, double temperature)
    {
        double max = logProbabilities.Max(v => v / temperature);
        double[] p = logProbabilities.Select(v => Math.Exp(v / temperature - max)).ToArray();
        double sum = p.Sum();
        for (int k = 0; k < p.Length; k++)
            p[k] /= sum;
        return p;
    }
}
