using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Attribution.Text;

namespace Attribution.Benchmarks;

/// <summary>
/// Writes the sentence splitter's output on the UD segmentation test set as the system JSONL that
/// <c>shared/eval/segmentation/score.py</c> scores: one <c>{"doc_id","start","length"}</c> row per
/// sentence.
/// </summary>
/// <remarks>
/// Usage: <c>segmentation (fr|en|PATH.jsonl) OUT.jsonl</c>; <c>-</c> as OUT writes to stdout.
/// A language is looked up as <c>shared/eval/segmentation/{lang}.jsonl</c> (see <see cref="Paths.Shared"/>). Then:
/// <c>python3 shared/eval/segmentation/score.py shared/eval/segmentation/gold-fr.csv OUT.jsonl</c>.
/// </remarks>
internal static class SegmentationEval
{
    /// <summary>Runs the evaluation export; returns a process exit code (0 on success, 2 on bad usage).</summary>
    public static int Run(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: segmentation (fr|en|PATH.jsonl) OUT.jsonl   (OUT '-' = stdout)");
            return 2;
        }

        if (args[0] is not ("fr" or "en") && !args[0].EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"segmentation: expected fr, en or a .jsonl path, not '{args[0]}'");
            return 2;
        }

        string? input = ResolveInput(args[0]);
        if (input is null)
        {
            Console.Error.WriteLine(
                $"segmentation: cannot find the test set for '{args[0]}' (set ATTRIBUTION_SHARED to the shared folder)");
            return 2;
        }

        var stopwatch = Stopwatch.StartNew();
        int documents = 0, sentences = 0;
        var spans = new List<TextSpan>();
        using Stream output = args[1] == "-" ? Console.OpenStandardOutput() : File.Create(args[1]);
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true }))
        {
            foreach (string line in File.ReadLines(input, Encoding.UTF8))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using JsonDocument document = JsonDocument.Parse(line);
                JsonElement root = document.RootElement;
                string id = root.GetProperty("id").ToString();
                string text = root.GetProperty("text").GetString() ?? string.Empty;

                spans.Clear();
                SentenceSplitter.Default.Split(text.AsSpan(), spans);
                foreach (TextSpan span in spans)
                {
                    writer.WriteStartObject();
                    writer.WriteString("doc_id", id);
                    writer.WriteNumber("start", span.Start);
                    writer.WriteNumber("length", span.Length);
                    writer.WriteEndObject();
                    writer.Flush();
                    output.WriteByte((byte)'\n');
                    writer.Reset();
                }

                documents++;
                sentences += spans.Count;
            }
        }

        Console.Error.WriteLine(
            $"segmentation: {documents} documents, {sentences} sentences from {input} in {stopwatch.ElapsedMilliseconds} ms");
        return 0;
    }

    private static string? ResolveInput(string languageOrPath)
    {
        if (languageOrPath.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return File.Exists(languageOrPath) ? Path.GetFullPath(languageOrPath) : null;
        }

        string path = Path.Combine(Paths.Shared, "eval", "segmentation", languageOrPath + ".jsonl");
        return File.Exists(path) ? path : null;
    }
}
