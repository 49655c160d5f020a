namespace Attribution.IO;

/// <summary>
/// Reads the documents of a corpus in a stable order: a folder of text files, a JSONL file or a CSV
/// file, plain or gzip-compressed, or standard input. Every record comes out, readable or not.
/// </summary>
internal abstract class CorpusReader : IDisposable
{
    /// <summary>How much of the input has been read, from 0 to 1, or null when the size is unknown.</summary>
    public abstract double? Fraction { get; }

    /// <summary>
    /// The records in input order, numbered from 0, leaving out the first <paramref name="skip"/>
    /// (already done by an interrupted run) as cheaply as the format allows. Records may be raw;
    /// pass them to <see cref="Decode"/>.
    /// </summary>
    public abstract IEnumerable<CorpusRecord> Records(long skip);

    /// <summary>
    /// The longest document the run accepts, in characters. A record whose bytes could not hold
    /// fewer is refused unread (JSON escapes take at most 6 bytes a character), so memory stays
    /// bounded; the scorer checks the decoded length itself.
    /// </summary>
    public int MaxDocumentCharacters { get; init; } = int.MaxValue;

    /// <summary>Raw bytes beyond which a record is refused without being held.</summary>
    protected long MaxRecordBytes => 6L * MaxDocumentCharacters + (1 << 16);

    private const string LimitNote = " (MaxDocumentCharacters, --max-document-chars); not scored.";

    /// <summary>The error for a record refused by its size.</summary>
    protected string TooLong(string what, long bytes) =>
        $"{what} {bytes:N0} bytes long, more than a document of at most {MaxDocumentCharacters:N0} characters can take{LimitNote}";

    /// <summary>The decoded record, or an error in its place when its text is longer than <see cref="MaxDocumentCharacters"/>.</summary>
    public CorpusRecord WithinLimit(CorpusRecord record) =>
        record.Text is { Length: var length } && length > MaxDocumentCharacters
            ? record with { Text = null, Error = $"{length:N0} characters long, more than the limit of {MaxDocumentCharacters:N0}{LimitNote}" }
            : record;

    /// <summary>Decodes a raw record into its id and text, or its error. Thread-safe.</summary>
    public virtual CorpusRecord Decode(CorpusRecord record) => record;

    /// <summary>Opens <paramref name="input"/> (a path, or "-" for <paramref name="standardInput"/>).</summary>
    /// <exception cref="DataFormatException">The input does not exist or lacks the columns asked for.</exception>
    public static CorpusReader Open(string input, CorpusFormat format, string idField, string textField, Func<Stream> standardInput,
        int maxDocumentCharacters = int.MaxValue)
    {
        if (input == "-")
            return Lines(InputStreams.Decompressed(standardInput()), null, "stdin", format, idField, textField, maxDocumentCharacters);
        if (Directory.Exists(input))
        {
            if (format != CorpusFormat.Text)
                throw new DataFormatException([new DataError(input, 0, $"is a folder, which holds text files, but the input format is {format}.")]);
            return new TextFolderReader(input) { MaxDocumentCharacters = maxDocumentCharacters };
        }
        if (!File.Exists(input))
            throw new DataFormatException([new DataError(input, 0, "no such file or folder.")]);
        if (format == CorpusFormat.Text)
            return new TextFolderReader(input) { MaxDocumentCharacters = maxDocumentCharacters };
        Stream stream = InputStreams.OpenFile(input, out FileStream file);
        return Lines(stream, file, Path.GetFileName(input), format, idField, textField, maxDocumentCharacters);
    }

    /// <summary>The format an input path implies: a folder is text files, .csv is CSV, anything else JSONL.</summary>
    public static CorpusFormat InferFormat(string input)
    {
        if (input != "-" && Directory.Exists(input))
            return CorpusFormat.Text;
        string name = input.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? input[..^3] : input;
        if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            return CorpusFormat.Csv;
        if (name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            return CorpusFormat.Text;
        return CorpusFormat.JsonLines;
    }

    private static CorpusReader Lines(Stream stream, FileStream? file, string name, CorpusFormat format, string idField, string textField,
        int maxDocumentCharacters) => format switch
    {
        CorpusFormat.JsonLines => new JsonLinesCorpusReader(stream, file, name, idField, textField) { MaxDocumentCharacters = maxDocumentCharacters },
        CorpusFormat.Csv => new CsvCorpusReader(stream, file, name, idField, textField) { MaxDocumentCharacters = maxDocumentCharacters },
        _ => throw new DataFormatException([new DataError(name, 0, "standard input can carry JSONL or CSV, not a folder of text files.")]),
    };

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the input.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Progress through a file by the position of its raw (possibly compressed) bytes.</summary>
    protected static double? FileFraction(FileStream? file)
    {
        if (file is null)
            return null;
        try
        {
            long length = file.Length;
            return length == 0 ? 1 : Math.Min(1, (double)file.Position / length);
        }
        catch (ObjectDisposedException)
        {
            return 1;
        }
    }
}
