namespace Attribution.Learning;

/// <summary>
/// Temperature scaling (Guo et al., 2017): one number T that divides the scores before the softmax,
/// chosen to minimize the log-loss of predictions on documents the model did not train on. It
/// sharpens an underconfident model (T &lt; 1) or softens an overconfident one, and never changes
/// which label wins. The loss is the cross-entropy against the distributions the model was trained
/// towards: against the primary label alone, a model that learned to give secondary sources a share
/// would be sharpened until the share vanished.
/// </summary>
internal static class TemperatureScaling
{
    private const double MinLogTemperature = -3, MaxLogTemperature = 3;

    /// <summary>The temperature, between e^-3 and e^3, that minimizes the log-loss of held-out predictions.</summary>
    internal static double Choose(double[][] logProbabilities, double[][] targets) =>
        Math.Exp(GoldenSection(logT => LogLoss(logProbabilities, targets, Math.Exp(logT)), MinLogTemperature, MaxLogTemperature));

    /// <summary>Mean cross-entropy of the target distributions after dividing the log-probabilities by <paramref name="temperature"/>.</summary>
    internal static double LogLoss(double[][] logProbabilities, double[][] targets, double temperature)
    {
        double sum = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            double[] z = logProbabilities[i];
            double max = double.NegativeInfinity;
            foreach (double v in z)
                max = Math.Max(max, v / temperature);
            double total = 0;
            foreach (double v in z)
                total += Math.Exp(v / temperature - max);
            double logTotal = Math.Log(total);
            for (int k = 0; k < z.Length; k++)
                if (targets[i][k] > 0)
                    sum -= targets[i][k] * (z[k] / temperature - max - logTotal);
        }
        return sum / targets.Length;
    }

    // The log-loss is smooth and has one minimum in log T over this range, so golden-section search finds it.
    private static double GoldenSection(Func<double, double> f, double lo, double hi)
    {
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo);
        double fa = f(a), fb = f(b);
        for (int step = 0; step < 60 && hi - lo > 1e-4; step++)
        {
            if (fa < fb)
            {
                hi = b;
                b = a;
                fb = fa;
                a = hi - ratio * (hi - lo);
                fa = f(a);
            }
            else
            {
                lo = a;
                a = b;
                fa = fb;
                b = lo + ratio * (hi - lo);
                fb = f(b);
            }
        }
        return (lo + hi) / 2;
    }
}
