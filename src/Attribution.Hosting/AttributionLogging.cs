using Microsoft.Extensions.Logging;

namespace Attribution.Hosting;

/// <summary>Reports the progress of long operations (scoring a corpus, training) to an <see cref="ILogger"/>.</summary>
public static class AttributionLogging
{
    /// <summary>
    /// Progress for <see cref="CorpusScorer.Score(string, string, IProgress{ScoringProgress}?, Action{DocumentError}?, CancellationToken)"/>
    /// that logs at most once per <paramref name="interval"/> (default 10 s).
    /// </summary>
    public static IProgress<ScoringProgress> ScoringProgress(this ILogger logger, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        TimeSpan every = interval ?? TimeSpan.FromSeconds(10);
        TimeSpan next = TimeSpan.Zero;
        object gate = new();
        return new Callback<ScoringProgress>(p =>
        {
            lock (gate)
            {
                if (p.Elapsed < next)
                    return;
                next = p.Elapsed + every;
            }
            double rate = p.Elapsed.TotalSeconds > 0 ? p.SentencesThisRun / p.Elapsed.TotalSeconds : 0;
            logger.LogInformation("Scoring: {Documents} documents, {Sentences} sentences, {Errors} errors, {Percent} read, {Rate:0} sentences/s",
                p.Documents, p.Sentences, p.Errors, p.Fraction is double f ? f.ToString("P0", System.Globalization.CultureInfo.InvariantCulture) : "?", rate);
        });
    }

    /// <summary>Progress for <c>AttributionTrainer.Train</c> that logs every pass.</summary>
    public static IProgress<TrainingProgress> TrainingProgress(this ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return new Callback<TrainingProgress>(p =>
            logger.LogInformation("Training: pass {Pass} of at most {MaximumPasses}, loss {Loss:0.0000}", p.Pass, p.MaximumPasses, p.Loss));
    }

    /// <summary>Calls back on the reporting thread; <see cref="Progress{T}"/> would post to a captured context.</summary>
    private sealed class Callback<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
