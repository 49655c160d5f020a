namespace Attribution;

/// <summary>One problem found in a labelled data file.</summary>
/// <param name="File">The file.</param>
/// <param name="Line">1-based line where the row starts (0 when the problem concerns the whole file).</param>
/// <param name="Message">What is wrong.</param>
public sealed record DataError(string File, int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
