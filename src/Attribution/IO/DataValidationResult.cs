namespace Attribution;

/// <summary>What <see cref="LabelledData.Validate"/> found: every bad row, and the profile of the good ones.</summary>
public sealed class DataValidationResult
{
    internal DataValidationResult(IReadOnlyList<DataError> errors, CorpusStatistics statistics)
    {
        Errors = errors;
        Statistics = statistics;
    }

    /// <summary>Every problem, each with its file and line, in file order.</summary>
    public IReadOnlyList<DataError> Errors { get; }

    /// <summary>Whether every row was well formed.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Statistics of the rows that could be read.</summary>
    public CorpusStatistics Statistics { get; }
}
