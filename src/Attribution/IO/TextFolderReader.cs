namespace Attribution.IO;

/// <summary>
/// A folder of articles, one a file: every <c>.txt</c> (or <c>.txt.gz</c>) below it, sorted by
/// path; a document's id is its path relative to the folder, with <c>/</c> separators. A single
/// text file is a corpus of one document.
/// </summary>
internal sealed class TextFolderReader : CorpusReader
{
    private readonly string _root;
    private readonly string _display;
    private readonly string[] _files;
    private long _done;

    public TextFolderReader(string path)
    {
        _display = path;
        if (File.Exists(path))
        {
            _root = Path.GetDirectoryName(Path.GetFullPath(path))!;
            _files = [Path.GetFullPath(path)];
            _display = Path.GetDirectoryName(path) ?? "";
            return;
        }
        _root = Path.GetFullPath(path);
        _files = Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".txt.gz", StringComparison.OrdinalIgnoreCase))
            .Select(f => (Id: Path.GetRelativePath(_root, f).Replace('\\', '/'), Path: f))
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .Select(f => f.Path)
            .ToArray();
    }

    public override double? Fraction => _files.Length == 0 ? 1 : (double)Interlocked.Read(ref _done) / _files.Length;

    public override IEnumerable<CorpusRecord> Records(long skip)
    {
        for (long i = skip; i < _files.Length; i++)
        {
            string id = Path.GetRelativePath(_root, _files[i]).Replace('\\', '/');
            string location = Path.Join(_display, id);
            yield return new CorpusRecord(i, id, null, location, null) { RawFile = _files[i] };
            Interlocked.Exchange(ref _done, i + 1);
        }
    }

    public override CorpusRecord Decode(CorpusRecord record) =>
        record.RawFile is { } path ? Read(record.Ordinal, record.Id, path, record.Location) : record;

    private CorpusRecord Read(long ordinal, string id, string path, string location)
    {
        byte[] bytes;
        try
        {
            using Stream stream = InputStreams.OpenFile(path, out _);
            using var memory = new MemoryStream();
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                // Not read to its end: a compressed file may inflate without bound.
                if (total > MaxRecordBytes)
                    return new CorpusRecord(ordinal, id, null, location, TooLong("the file is over", MaxRecordBytes));
                memory.Write(buffer, 0, read);
            }
            bytes = memory.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return new CorpusRecord(ordinal, id, null, location, $"cannot be read: {e.Message}");
        }
        ReadOnlySpan<byte> content = Utf8Text.WithoutBom(bytes);
        int bomLength = bytes.Length - content.Length;
        return Utf8Text.TryDecode(content, out string text, out int invalidAt)
            ? new CorpusRecord(ordinal, id, text, location, null)
            : new CorpusRecord(ordinal, id, null, location, $"invalid UTF-8 at byte {invalidAt + bomLength}.");
    }
}
