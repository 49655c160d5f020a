using System.CommandLine;
using System.Globalization;

namespace Attribution.Cli.Commands;

/// <summary><c>predict [--model M.zip] [TEXT]</c>: one line a sentence: label, confidence, text.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model();
        var text = new Argument<string?>("TEXT") { Description = "Article text; read from standard input when absent", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("predict", "Tag each sentence of an article (argument or standard input)") { model, text };
        command.SetAction(parse =>
        {
            AttributionModel m = CommonOptions.LoadModel(parse.GetValue(model));
            string article = parse.GetValue(text) ?? Console.In.ReadToEnd();
            var options = new PredictionOptions { EvidenceCount = 0 };
            foreach (SentenceAttribution s in m.Attribute(article, options))
                Console.Out.WriteLine($"{s.Label}\t{s.Confidence.ToString("0.000", CultureInfo.InvariantCulture)}\t{s.Text.ReplaceLineEndings(" ")}");
            return ExitCodes.Success;
        });
        return command;
    }
}
