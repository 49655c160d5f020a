using System.CommandLine;
using System.Globalization;

namespace Attribution.Cli.Commands;

/// <summary>
/// <c>predict [--model M.zip] [TEXT] [--explain]</c>: one line a sentence: label, confidence, text;
/// <c>--explain</c> adds indented lines with the cue and the strongest features. With
/// <c>--input PATH...</c> (a .txt file or a folder of them, one article a file) each article is
/// announced by a line <c># PATH</c>.
/// </summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model();
        var text = new Argument<string?>("TEXT") { Description = "Article text; read from standard input when absent", Arity = ArgumentArity.ZeroOrOne };
        var input = new Option<string[]>("--input") { Description = "Article files (.txt) or folders of them, one article a file", AllowMultipleArgumentsPerToken = true };
        var explain = new Option<bool>("--explain") { Description = "Under each sentence, the reporting cue behind its label and the features that weighed most" };
        var command = new Command("predict", "Tag each sentence of an article (argument, files, or standard input)") { model, text, input, explain };
        command.SetAction(parse =>
        {
            AttributionModel m = CommonOptions.LoadModel(parse.GetValue(model));
            var options = new PredictionOptions { EvidenceCount = parse.GetValue(explain) ? 5 : 0 };
            string[] inputs = parse.GetValue(input) ?? [];
            string? argument = parse.GetValue(text);
            if (inputs.Length > 0 && argument is not null)
                throw new UsageException("Give either TEXT or --input, not both.");
            if (inputs.Length == 0)
            {
                Write(m, argument ?? Console.In.ReadToEnd(), options);
                return ExitCodes.Success;
            }
            foreach (string file in ArticleFiles(inputs))
            {
                Console.Out.WriteLine($"# {file}");
                Write(m, File.ReadAllText(file), options);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(AttributionModel model, string article, PredictionOptions options)
    {
        foreach (SentenceAttribution s in model.Attribute(article, options))
        {
            Console.Out.WriteLine($"{s.Label}\t{s.Confidence.ToString("0.000", CultureInfo.InvariantCulture)}\t{s.Text.ReplaceLineEndings(" ")}");
            // Secondary sources go on indented lines, so each sentence keeps one line of label, confidence, text.
            foreach (string also in s.Labels.Skip(1))
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  also {also}\t{s.Scores[also]:0.000}"));
            if (options.EvidenceCount == 0)
                continue;
            // Explanations are indented so that the sentence lines stay one per sentence at the margin.
            if (s.Cue is { } cue)
                Console.Out.WriteLine($"  cue \"{cue.Text}\" at {cue.Start}+{cue.Length}{(cue.InEarlierSentence ? ", in an earlier sentence" : "")}");
            foreach (Evidence e in s.Evidence)
            {
                string source = e.Length > 0 ? $" \"{article.Substring(e.Start, e.Length).ReplaceLineEndings(" ")}\"" : "";
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {e.Contribution,7:+0.000} {e.Feature}{source}"));
            }
        }
    }

    private static List<string> ArticleFiles(string[] inputs)
    {
        var files = new List<string>();
        foreach (string path in inputs)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0)
                    throw new UsageException($"No .txt files in folder '{path}'.");
                files.AddRange(found);
            }
            else if (File.Exists(path))
                files.Add(path);
            else
                throw new UsageException($"No such file or folder: '{path}'.");
        }
        return files;
    }
}
