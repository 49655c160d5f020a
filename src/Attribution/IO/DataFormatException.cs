namespace Attribution;

/// <summary>Labelled data has rows that cannot be used; <see cref="Errors"/> lists every one with its file and line.</summary>
public sealed class DataFormatException : Exception
{
    private const int ErrorsInMessage = 20;

    /// <summary>Creates the exception from the errors found (at least one).</summary>
    public DataFormatException(IReadOnlyList<DataError> errors) : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Every error found, in file and line order.</summary>
    public IReadOnlyList<DataError> Errors { get; }

    private static string Describe(IReadOnlyList<DataError> errors)
    {
        var lines = errors.Take(ErrorsInMessage).Select(e => e.ToString()).ToList();
        if (errors.Count > ErrorsInMessage)
            lines.Add($"... and {errors.Count - ErrorsInMessage} more errors");
        return string.Join(Environment.NewLine, lines);
    }
}
