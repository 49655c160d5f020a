namespace Attribution.IO;

/// <summary>
/// Reads a stream line by line as raw bytes, so each line can be decoded (and rejected) on its own
/// and errors can name the line and its byte offset. Handles LF and CRLF; a leading UTF-8 BOM is
/// dropped. The buffer grows to the longest line up to a limit; a longer line is skipped without
/// being held, and reported by <see cref="LineTooLong"/>, so that memory stays bounded whatever the input.
/// </summary>
internal sealed class ByteLineReader
{
    private readonly Stream _stream;
    private readonly long _maxLineBytes;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private long _consumed;

    public ByteLineReader(Stream stream, long maxLineBytes = long.MaxValue)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
    }

    /// <summary>True when the line read last was longer than the limit: it came back empty, and was skipped.</summary>
    public bool LineTooLong { get; private set; }

    /// <summary>
    /// Number of double-quote bytes in the line read last when it was skipped as too long: their
    /// parity tells a CSV reader whether the skipped line ends inside a quoted field.
    /// </summary>
    public long SkippedQuotes { get; private set; }

    /// <summary>Length in bytes of the line read last, without its terminator.</summary>
    public long LineBytes { get; private set; }

    /// <summary>1-based number of the line read last.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Byte offset in the (decompressed) input of the line read last.</summary>
    public long LineOffset { get; private set; }

    /// <summary>Reads the next line without its terminator; false at the end of the input.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        LineTooLong = false;
        int scanFrom = _start;
        while (true)
        {
            int newline = _buffer.AsSpan(scanFrom, _end - scanFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                int lineEnd = scanFrom + newline;
                line = Take(lineEnd, lineEnd + 1);
                return true;
            }
            if (_eof)
            {
                if (_start == _end)
                {
                    line = default;
                    return false;
                }
                line = Take(_end, _end);
                return true;
            }
            if (_end - _start >= _maxLineBytes)
            {
                line = SkipLongLine();
                return true;
            }
            int scanned = _end;
            scanFrom = scanned - Fill();
        }
    }

    private ReadOnlySpan<byte> Take(int lineEnd, int next)
    {
        LineNumber++;
        LineOffset = _consumed;
        LineBytes = lineEnd - _start;
        ReadOnlySpan<byte> line = _buffer.AsSpan(_start, lineEnd - _start);
        _consumed += next - _start;
        _start = next;
        // Held already (it fitted in the buffer's last growth), but refused like any longer line.
        LineTooLong = LineBytes > _maxLineBytes;
        if (LineTooLong)
        {
            SkippedQuotes = line.Count((byte)'"');
            return ReadOnlySpan<byte>.Empty;
        }
        if (LineNumber == 1)
            line = Utf8Text.WithoutBom(line);
        if (!line.IsEmpty && line[^1] == '\r')
            line = line[..^1];
        return line;
    }

    /// <summary>Reads past the rest of an over-long line, a buffer at a time, keeping none of it.</summary>
    private ReadOnlySpan<byte> SkipLongLine()
    {
        LineNumber++;
        LineOffset = _consumed;
        long length = _end - _start;
        long quotes = _buffer.AsSpan(_start, _end - _start).Count((byte)'"');
        _start = _end = 0;
        while (true)
        {
            int read = _stream.Read(_buffer, 0, _buffer.Length);
            if (read == 0)
            {
                _eof = true;
                _consumed += length;
                break;
            }
            int newline = _buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                length += newline;
                quotes += _buffer.AsSpan(0, newline).Count((byte)'"');
                _start = newline + 1;
                _end = read;
                _consumed += length + 1;
                break;
            }
            length += read;
            quotes += _buffer.AsSpan(0, read).Count((byte)'"');
        }
        LineBytes = length;
        SkippedQuotes = quotes;
        LineTooLong = true;
        return ReadOnlySpan<byte>.Empty;
    }

    /// <summary>Reads more input; returns how far the unfinished line moved towards the front.</summary>
    private int Fill()
    {
        // Move the unfinished line to the front, growing the buffer when it already fills it.
        int shift = _start;
        int pending = _end - _start;
        if (pending == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2);
        else if (_start > 0)
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
        _start = 0;
        _end = pending;
        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _eof = true;
        _end += read;
        return shift;
    }
}
