using System.Text;
using System.Text.Json;

namespace Attribution.IO;

/// <summary>
/// A JSONL corpus: one JSON object a line, the document id and text in the named fields (the id may
/// be a string or a number). Blank lines are not records. A line that is not valid UTF-8, not an
/// object, or lacks a field is an error for that line only.
/// </summary>
internal sealed class JsonLinesCorpusReader : CorpusReader
{
    private readonly Stream _stream;
    private readonly FileStream? _file;
    private readonly string _name;
    private readonly byte[] _idField;
    private readonly byte[] _textField;

    public JsonLinesCorpusReader(Stream stream, FileStream? file, string name, string idField, string textField)
    {
        _stream = stream;
        _file = file;
        _name = name;
        _idField = Encoding.UTF8.GetBytes(idField);
        _textField = Encoding.UTF8.GetBytes(textField);
    }

    public override double? Fraction => FileFraction(_file);

    public override IEnumerable<CorpusRecord> Records(long skip)
    {
        var lines = new ByteLineReader(_stream, MaxRecordBytes);
        long ordinal = 0;
        while (true)
        {
            CorpusRecord? record = Next(lines, ordinal, skip);
            if (record is null)
                yield break;
            ordinal++;
            if (record.Ordinal < skip)
                continue;
            // The first record is decoded here, so that wrong field names stop the run at once.
            yield return record.Ordinal == 0 ? Decode(record) : record;
        }
    }

    /// <summary>The next non-blank line as a raw record; skipped records are not even copied.</summary>
    private CorpusRecord? Next(ByteLineReader lines, long ordinal, long skip)
    {
        ReadOnlySpan<byte> line;
        do
        {
            if (!lines.TryReadLine(out line))
                return null;
        }
        while (line.Trim(" \t"u8).IsEmpty && !lines.LineTooLong);
        string location = $"{_name}:{lines.LineNumber}";
        if (lines.LineTooLong)
            return new CorpusRecord(ordinal, location, null, location, TooLong("the line is", lines.LineBytes));
        if (ordinal < skip)
            return new CorpusRecord(ordinal, location, null, location, null);
        return new CorpusRecord(ordinal, location, null, location, null) { RawLine = line.ToArray(), RawOffset = lines.LineOffset };
    }

    public override CorpusRecord Decode(CorpusRecord record)
    {
        if (record.RawLine is not { } line)
            return record;
        long ordinal = record.Ordinal;
        string location = record.Location;
        if (!Utf8Text.IsValid(line))
        {
            int invalid = Utf8Text.FirstInvalid(line);
            return Error(ordinal, location, $"invalid UTF-8 at byte {invalid} of the line (byte {record.RawOffset + invalid} of the input).");
        }
        try
        {
            return Parse(line, ordinal, location);
        }
        catch (JsonException e)
        {
            return Error(ordinal, location, $"not valid JSON: {e.Message}");
        }
    }

    private CorpusRecord Parse(ReadOnlySpan<byte> line, long ordinal, string location)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return Error(ordinal, location, "not a JSON object.");
        string? id = null, text = null;
        var names = ordinal == 0 ? new List<string>() : null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            names?.Add(reader.GetString()!);
            bool isId = reader.ValueTextEquals(_idField), isText = reader.ValueTextEquals(_textField);
            reader.Read();
            if (isId && reader.TokenType == JsonTokenType.String)
                id = reader.GetString();
            else if (isId && reader.TokenType == JsonTokenType.Number)
                id = Encoding.UTF8.GetString(reader.ValueSpan);
            else if (isText && reader.TokenType == JsonTokenType.String)
                text = reader.GetString();
            else if (isId || isText)
                return Error(ordinal, location, $"field \"{Encoding.UTF8.GetString(isId ? _idField : _textField)}\" is {reader.TokenType}, not a string.");
            else
                reader.Skip();
        }
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            return Error(ordinal, location, "not a single JSON object.");
        // Fields missing from the very first record mean the wrong field names, not a bad record:
        // stop before reporting every line of the corpus.
        if (names is not null && (id is null || text is null))
            throw new DataFormatException([new DataError(_name, 1,
                $"no \"{Encoding.UTF8.GetString(id is null ? _idField : _textField)}\" field; the first record has {string.Join(", ", names)}. Name the fields with --id-column and --text-column.")]);
        if (id is null)
            return Error(ordinal, location, $"no \"{Encoding.UTF8.GetString(_idField)}\" field (choose another with --id-column).");
        if (text is null)
            return new CorpusRecord(ordinal, id, null, location, $"no \"{Encoding.UTF8.GetString(_textField)}\" field (choose another with --text-column).");
        return new CorpusRecord(ordinal, id, text, location, null);
    }

    private static CorpusRecord Error(long ordinal, string location, string message) =>
        new(ordinal, location, null, location, message);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _stream.Dispose();
    }
}
