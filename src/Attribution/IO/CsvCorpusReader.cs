using System.Runtime.InteropServices;
using System.Text;

namespace Attribution.IO;

/// <summary>
/// A CSV corpus (RFC 4180: header row, comma-separated, double-quoted fields that may hold commas,
/// quotes and line breaks), one document a record, id and text in the named columns. Parsed as
/// bytes so that a record with invalid UTF-8 or a broken quote is an error for that record alone,
/// named by the line it starts on.
/// </summary>
internal sealed class CsvCorpusReader : CorpusReader
{
    private readonly Stream _stream;
    private readonly FileStream? _file;
    private readonly string _name;
    private readonly string _idColumn;
    private readonly string _textColumn;

    public CsvCorpusReader(Stream stream, FileStream? file, string name, string idColumn, string textColumn)
    {
        _stream = stream;
        _file = file;
        _name = name;
        _idColumn = idColumn;
        _textColumn = textColumn;
    }

    public override double? Fraction => FileFraction(_file);

    public override IEnumerable<CorpusRecord> Records(long skip)
    {
        var lines = new ByteLineReader(_stream, MaxRecordBytes);
        var fields = new List<(int Start, int Length)>();
        var record = new List<byte>();
        if (ReadRecord(lines, record, fields) is not { } headerLine)
            throw new DataFormatException([new DataError(_name, 1, "empty input: a header row naming the columns is required.")]);
        if (headerLine.Error is { } headerError)
            throw new DataFormatException([new DataError(_name, 1, headerError)]);
        string[] header = fields.Select(f => Encoding.UTF8.GetString(record.GetRange(f.Start, f.Length).ToArray()).Trim()).ToArray();
        int idIndex = Array.IndexOf(header, _idColumn), textIndex = Array.IndexOf(header, _textColumn);
        if (idIndex < 0 || textIndex < 0)
            throw new DataFormatException([new DataError(_name, 1,
                $"no column \"{(idIndex < 0 ? _idColumn : _textColumn)}\" in the header ({string.Join(", ", header)}); name the columns with --id-column and --text-column.")]);

        for (long ordinal = 0; ; ordinal++)
        {
            if (ReadRecord(lines, record, fields) is not { } read)
                yield break;
            if (ordinal < skip)
                continue;
            string location = $"{_name}:{read.Line}";
            if (read.Error is { } error)
                yield return new CorpusRecord(ordinal, location, null, location, error);
            else if (fields.Count != header.Length)
                yield return new CorpusRecord(ordinal, location, null, location, $"{fields.Count} fields where the header has {header.Length}.");
            else
                yield return Decode(ordinal, location, read.Offset, record, fields[idIndex], fields[textIndex]);
        }
    }

    private static CorpusRecord Decode(long ordinal, string location, long offset, List<byte> record, (int Start, int Length) idField, (int Start, int Length) textField)
    {
        ReadOnlySpan<byte> bytes = CollectionsMarshal.AsSpan(record);
        if (!Utf8Text.TryDecode(bytes.Slice(idField.Start, idField.Length), out string id, out int bad)
            || !Utf8Text.TryDecode(bytes.Slice(textField.Start, textField.Length), out string text, out bad))
            return new CorpusRecord(ordinal, location, null, location, $"invalid UTF-8 near byte {offset + bad} of the input.");
        return new CorpusRecord(ordinal, id, text, location, null);
    }

    /// <summary>
    /// Reads one record into <paramref name="record"/> (field contents, unquoted) and
    /// <paramref name="fields"/> (their ranges). Null at the end of the input.
    /// </summary>
    private (long Line, long Offset, string? Error)? ReadRecord(ByteLineReader lines, List<byte> record, List<(int, int)> fields)
    {
        record.Clear();
        fields.Clear();
        ReadOnlySpan<byte> line;
        do
        {
            if (!lines.TryReadLine(out line))
                return null;
        }
        while (line.IsEmpty && !lines.LineTooLong);
        long first = lines.LineNumber, offset = lines.LineOffset;
        int fieldStart = 0;
        bool quoted = false, inQuotes = false, afterQuote = false;
        long dropped = 0;  // bytes of an over-long record let go of, so that it is never held whole
        while (true)
        {
            if (lines.LineTooLong)
            {
                // The skipped line is not parsed, but in well-formed CSV every quote it holds
                // toggles the quoted state (a doubled quote toggles twice), so the parity of its
                // quotes says whether the record runs on past it.
                dropped += record.Count + lines.LineBytes;
                record.Clear();
                fields.Clear();
                fieldStart = 0;
                if (lines.SkippedQuotes % 2 == 1)
                    inQuotes = !inQuotes;
                quoted = inQuotes;
                afterQuote = false;
            }
            for (int i = 0; i < line.Length; i++)
            {
                byte b = line[i];
                if (inQuotes)
                {
                    if (b != '"')
                        record.Add(b);
                    else if (i + 1 < line.Length && line[i + 1] == '"')
                        record.Add(line[++i]);
                    else
                    {
                        inQuotes = false;
                        afterQuote = true;
                    }
                }
                else if (b == ',')
                {
                    fields.Add((fieldStart, record.Count - fieldStart));
                    fieldStart = record.Count;
                    quoted = afterQuote = false;
                }
                else if (afterQuote)
                    return (first, offset, "text after a closing quote; a quote inside a quoted field is written twice.");
                else if (b == '"' && record.Count == fieldStart && !quoted)
                    quoted = inQuotes = true;
                else
                    record.Add(b);
            }
            if (record.Count > MaxRecordBytes)
            {
                dropped += record.Count;
                record.Clear();
                fields.Clear();
                fieldStart = 0;
            }
            if (!inQuotes)
                break;
            // A quoted field runs on over the line break.
            if (!lines.TryReadLine(out line))
                return (first, offset, "a quoted field is never closed.");
            record.Add((byte)'\n');
        }
        fields.Add((fieldStart, record.Count - fieldStart));
        return dropped > 0 ? (first, offset, TooLong("the record is", dropped + record.Count)) : (first, offset, null);
    }
}
