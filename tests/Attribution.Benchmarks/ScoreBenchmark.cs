using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Attribution.Benchmarks;

/// <summary>
/// Corpus scoring with the CLI, as users run it: each configuration is one <c>attribution score</c>
/// process timed by <c>/usr/bin/time -v</c> (wall time and peak resident memory). Prints documents,
/// sentences and MB of input per second at <c>--threads 1</c> and <c>--threads 2</c>, for the real
/// articles of <c>../shared/corpora/articles.jsonl</c> and for a generated corpus.
/// </summary>
internal static partial class ScoreBenchmark
{
    public static int Run(string[] args)
    {
        long sentences = long.Parse(Paths.Option(args, "--sentences", "1000000"), CultureInfo.InvariantCulture);
        string work = Paths.Option(args, "--work", Path.Combine(Path.GetTempPath(), "attribution-score-bench"));
        Directory.CreateDirectory(work);
        if (Paths.Cli() is not { } cli)
            return 2;

        string generated = Path.Combine(work, $"generated-{sentences}.jsonl");
        if (!File.Exists(generated))
            CorpusGenerator.Run(["--sentences", sentences.ToString(CultureInfo.InvariantCulture), "--output", generated]);
        var corpora = new List<(string Name, string Path, string[] Extra)>();
        string real = Path.Combine(Paths.Shared, "corpora", "articles.jsonl");
        if (File.Exists(real))
            corpora.Add(("articles.jsonl (real)", real, ["--id-column", "doc_id"]));
        corpora.Add(($"generated {sentences:N0}", generated, []));

        Console.WriteLine("| corpus | threads | documents | sentences | wall s | docs/s | sentences/s | MB/s | peak MB |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, path, extra) in corpora)
        {
            double megabytes = new FileInfo(path).Length / 1e6;
            foreach (int threads in new[] { 1, 2 })
            {
                string output = Path.Combine(work, $"out-{threads}.csv");
                var (wall, peakKb, stderr) = TimedProcess.Run(["dotnet", cli, "score", "--input", path, "--output", output, "--threads", threads.ToString(CultureInfo.InvariantCulture), .. extra]);
                Match m = Summary().Match(stderr);
                if (!m.Success)
                {
                    Console.Error.WriteLine(stderr);
                    return 1;
                }
                long documents = long.Parse(m.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture);
                long scored = long.Parse(m.Groups[2].Value.Replace(",", ""), CultureInfo.InvariantCulture);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {threads} | {documents:N0} | {scored:N0} | {wall:0.00} | {documents / wall:N0} | {scored / wall:N0} | {megabytes / wall:0.0} | {peakKb / 1024.0:0} |"));
            }
        }
        Console.WriteLine("Wall time includes process start and model load; sentences are as the splitter finds them.");
        return 0;
    }

    [GeneratedRegex(@"scored ([\d,]+) documents, ([\d,]+) sentences")]
    private static partial Regex Summary();
}
