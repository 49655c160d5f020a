namespace Attribution;

/// <summary>How far a <see cref="CorpusScorer"/> run has got; reported a few times a second.</summary>
/// <param name="Documents">Documents written so far (this run and any run it resumes).</param>
/// <param name="Sentences">Sentences written so far.</param>
/// <param name="Errors">Documents that could not be read or scored.</param>
/// <param name="Fraction">Share of the input read, from 0 to 1, or null when its size is unknown (standard input).</param>
/// <param name="Elapsed">Time since this run started.</param>
/// <param name="SentencesThisRun">Sentences written by this run, for its rate.</param>
public sealed record ScoringProgress(long Documents, long Sentences, long Errors, double? Fraction, TimeSpan Elapsed, long SentencesThisRun);
