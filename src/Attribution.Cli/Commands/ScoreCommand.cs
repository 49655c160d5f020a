using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Attribution.Cli.Commands;

/// <summary>
/// <c>score [--model M.zip] --input PATH|- --output PATH|- [--input-format txt|jsonl|csv]
/// [--format csv|jsonl] [--id-column C --text-column C] [--threads N] [--shard K/N] [--resume]
/// [--summary FILE] [--checkpoint-interval SECONDS] [--max-document-chars N]</c>: tags every sentence of a corpus. Unreadable documents are reported on
/// stderr and make the exit code 1 after the rest is done; Ctrl-C or SIGTERM stops cleanly for
/// <c>--resume</c>.
/// </summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model();
        var input = new Option<string>("--input") { Description = "Folder of .txt articles, JSONL or CSV file (.gz allowed), or - for JSONL on standard input", Required = true };
        var output = new Option<string>("--output") { Description = "Output file, or - for standard output", Required = true };
        var inputFormat = new Option<string?>("--input-format") { Description = "txt, jsonl or csv; default: from the input (folder: txt, .csv: csv, else jsonl)" };
        inputFormat.AcceptOnlyFromAmong("txt", "jsonl", "csv");
        var format = new Option<string>("--format") { Description = "Output format: csv or jsonl (adds scores and evidence)", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var idColumn = new Option<string>("--id-column") { Description = "JSONL field or CSV column of the document id", DefaultValueFactory = _ => "id" };
        var textColumn = new Option<string>("--text-column") { Description = "JSONL field or CSV column of the document text", DefaultValueFactory = _ => "text" };
        var threads = new Option<int>("--threads") { Description = "Scoring threads (output is identical for any number)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var shard = new Option<string?>("--shard") { Description = "Score only slice K of N (1 <= K <= N), by a stable hash of the document id" };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted run into the same output" };
        var summary = new Option<string?>("--summary") { Description = "Also write a CSV with one row per document: sentences per label" };
        var checkpoint = new Option<double>("--checkpoint-interval") { Description = "Seconds between resume checkpoints", DefaultValueFactory = _ => 2.0 };
        var maxChars = new Option<int>("--max-document-chars")
        {
            Description = "Longest document scored, in characters; a longer one is reported as an error and the run goes on",
            DefaultValueFactory = _ => ScoringOptions.Default.MaxDocumentCharacters,
        };
        var command = new Command("score", "Tag every sentence of a corpus (folder, JSONL, CSV or standard input)")
        {
            model, input, output, inputFormat, format, idColumn, textColumn, threads, shard, resume, summary, checkpoint, maxChars,
        };
        command.SetAction(parse =>
        {
            ScoringOptions options;
            try
            {
                options = new ScoringOptions
                {
                    InputFormat = parse.GetValue(inputFormat) switch
                    {
                        "txt" => CorpusFormat.Text,
                        "jsonl" => CorpusFormat.JsonLines,
                        "csv" => CorpusFormat.Csv,
                        _ => null,
                    },
                    Format = parse.GetValue(format) == "jsonl" ? ScoreFormat.JsonLines : ScoreFormat.Csv,
                    IdField = parse.GetValue(idColumn)!,
                    TextField = parse.GetValue(textColumn)!,
                    Threads = parse.GetValue(threads),
                    Shard = parse.GetValue(shard) is { } s ? Shard.Parse(s) : Shard.All,
                    Resume = parse.GetValue(resume),
                    SummaryPath = parse.GetValue(summary),
                    CheckpointInterval = TimeSpan.FromSeconds(parse.GetValue(checkpoint)),
                    MaxDocumentCharacters = parse.GetValue(maxChars),
                };
                options.Validate();
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw new UsageException(e.Message);
            }
            string outputPath = parse.GetValue(output)!;
            if (options.Resume && outputPath == "-")
                throw new UsageException("--resume needs --output FILE: standard output cannot be resumed.");
            AttributionModel m = CommonOptions.LoadModel(parse.GetValue(model));
            try
            {
                return Run(new CorpusScorer(m, options), parse.GetValue(input)!, outputPath);
            }
            catch (InvalidOperationException e)
            {
                // A resume that does not match the interrupted run is a usage error.
                throw new UsageException(e.Message);
            }
        });
        return command;
    }

    private static int Run(CorpusScorer scorer, string input, string output)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl-C stops cleanly; a second one kills as usual.
            e.Cancel = !stop.IsCancellationRequested;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using PosixSignalRegistration onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        using var bar = ProgressBar.ForStandardError();
        try
        {
            ScoringReport report = scorer.Score(input, output, bar, error => bar.Error(error.ToString()), stop.Token);
            bar.Finish();
            double rate = report.SentencesThisRun / Math.Max(report.Elapsed.TotalSeconds, 1e-3);
            string where = output == "-" ? "standard output" : output;
            string resumed = report.ResumedDocuments > 0 ? $", resuming after {report.ResumedDocuments:N0} records" : "";
            string shards = report.OtherShards > 0 ? $", {report.OtherShards:N0} left to other shards" : "";
            if (report.Interrupted)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"attribution: interrupted after {report.Documents:N0} documents; run the same command with --resume to finish {where}."));
                return ExitCodes.Failure;
            }
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scored {report.Documents:N0} documents, {report.Sentences:N0} sentences, {report.Errors:N0} errors{shards}{resumed} in {report.Elapsed.TotalSeconds:0.0} s ({rate:N0} sentences/s) -> {where}"));
            return report.Errors > 0 ? ExitCodes.Failure : ExitCodes.Success;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
