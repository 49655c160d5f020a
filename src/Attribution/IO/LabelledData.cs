using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Attribution;

/// <summary>
/// Reads labelled sentences from CSV files (<c>doc_id,sentence_index,text,labels</c>, UTF-8, header
/// row, RFC 4180 quoting, labels joined by <c>|</c>, extra columns ignored). Every row is checked;
/// a bad row is reported with its file and line, never skipped silently.
/// </summary>
public static class LabelledData
{
    private static readonly string[] Columns = ["doc_id", "sentence_index", "text", "labels"];

    /// <summary>
    /// Reads every CSV file named in <paramref name="paths"/> (a folder stands for the <c>.csv</c> files
    /// under it, recursively, in ordinal path order). Throws <see cref="DataFormatException"/> listing
    /// every bad row, or <see cref="FileNotFoundException"/> for a path that does not exist.
    /// </summary>
    public static IReadOnlyList<LabelledSentence> Read(params string[] paths)
    {
        var sentences = Read(paths, out List<DataError> errors);
        if (errors.Count > 0)
            throw new DataFormatException(errors);
        return sentences;
    }

    /// <summary>
    /// Checks every row of the files named in <paramref name="paths"/> without stopping at the first
    /// problem, and profiles the rows that could be read (<see cref="CorpusStatistics"/>). Throws
    /// <see cref="FileNotFoundException"/> only for a path that does not exist.
    /// </summary>
    public static DataValidationResult Validate(params string[] paths)
    {
        var sentences = Read(paths, out List<DataError> errors);
        return new DataValidationResult(errors, CorpusStatistics.Compute(sentences));
    }

    /// <summary>Reads what can be read and collects every error instead of throwing.</summary>
    internal static List<LabelledSentence> Read(IEnumerable<string> paths, out List<DataError> errors)
    {
        errors = [];
        var sentences = new List<LabelledSentence>();
        var seen = new Dictionary<(string, int), (string File, int Line)>();
        foreach (string file in ExpandPaths(paths))
            ReadFile(file, sentences, seen, errors);
        return sentences;
    }

    /// <summary>The CSV files a list of files and folders stands for, in a stable order.</summary>
    internal static List<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.csv", SearchOption.AllDirectories).ToList();
                found.Sort(StringComparer.Ordinal);
                if (found.Count == 0)
                    throw new FileNotFoundException($"No .csv files in folder '{path}'.", path);
                files.AddRange(found);
            }
            else if (File.Exists(path))
                files.Add(path);
            else
                throw new FileNotFoundException($"No such file or folder: '{path}'.", path);
        }
        return files;
    }

    private static void ReadFile(string file, List<LabelledSentence> sentences,
        Dictionary<(string, int), (string File, int Line)> seen, List<DataError> errors)
    {
        int rowStart = 1;
        try
        {
            // Invalid UTF-8 is an error, not a silent replacement character.
            using var reader = new StreamReader(file, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            var badData = new List<string>();
            var config = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                BadDataFound = args => badData.Add($"malformed quoting near '{Truncate(args.RawRecord)}'"),
                MissingFieldFound = null,
                DetectColumnCountChanges = false,
            };
            using var csv = new CsvReader(reader, config);
            if (!csv.Read())
            {
                errors.Add(new DataError(file, 0, "the file is empty; expected a header row " + string.Join(',', Columns)));
                return;
            }
            csv.ReadHeader();
            string[] header = csv.HeaderRecord ?? [];
            var position = new int[Columns.Length];
            for (int c = 0; c < Columns.Length; c++)
            {
                position[c] = Array.FindIndex(header, h => h.Trim() == Columns[c]);
                if (position[c] < 0)
                {
                    errors.Add(new DataError(file, 1, $"the header has no '{Columns[c]}' column (found: {string.Join(',', header)})"));
                    return;
                }
            }
            rowStart = csv.Parser.RawRow + 1;
            while (csv.Read())
            {
                int line = rowStart;
                rowStart = csv.Parser.RawRow + 1;
                string[] record = csv.Parser.Record ?? [];
                if (badData.Count > 0)
                {
                    errors.AddRange(badData.Select(m => new DataError(file, line, m)));
                    badData.Clear();
                    continue;
                }
                if (ParseRow(record, position, out string? error) is { } sentence)
                {
                    if (seen.TryGetValue((sentence.DocumentId, sentence.Index), out var first))
                        errors.Add(new DataError(file, line, $"duplicate sentence: doc_id '{sentence.DocumentId}' sentence_index {sentence.Index} already at {first.File}:{first.Line}"));
                    else
                    {
                        seen.Add((sentence.DocumentId, sentence.Index), (file, line));
                        sentences.Add(sentence);
                    }
                }
                else
                    errors.Add(new DataError(file, line, error!));
            }
        }
        catch (DecoderFallbackException e)
        {
            errors.Add(new DataError(file, rowStart, $"invalid UTF-8: {e.Message}"));
        }
        catch (CsvHelperException e)
        {
            errors.Add(new DataError(file, rowStart, $"unreadable CSV: {e.Message.Split('\n')[0]}"));
        }
    }

    private static LabelledSentence? ParseRow(string[] record, int[] position, out string? error)
    {
        for (int c = 0; c < Columns.Length; c++)
        {
            if (position[c] >= record.Length)
            {
                error = $"missing column '{Columns[c]}' (the row has {record.Length} fields)";
                return null;
            }
        }
        string docId = record[position[0]].Trim();
        string indexText = record[position[1]].Trim();
        string text = record[position[2]];
        string labelsText = record[position[3]].Trim();
        if (docId.Length == 0)
            error = "empty doc_id";
        else if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            error = $"sentence_index '{Truncate(indexText)}' is not a non-negative integer";
        else if (string.IsNullOrWhiteSpace(text))
            error = "empty text";
        else if (labelsText.Length == 0)
            error = "empty labels";
        else
        {
            string[] labels = labelsText.Split('|');
            if (labels.Any(l => l.Trim().Length == 0))
                error = $"labels '{Truncate(labelsText)}' contain an empty label";
            else if (labels.Select(l => l.Trim()).Distinct(StringComparer.Ordinal).Count() != labels.Length)
                error = $"labels '{Truncate(labelsText)}' repeat a label";
            else
            {
                error = null;
                return new LabelledSentence(docId, index, text, labels.Select(l => l.Trim()).ToArray());
            }
        }
        return null;
    }

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "...";
}
