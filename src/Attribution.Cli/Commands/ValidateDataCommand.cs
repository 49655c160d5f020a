using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Attribution.Cli.Commands;

/// <summary>
/// <c>validate-data --data PATH... [--json]</c>: checks every row of labelled CSV files, prints each
/// bad row as <c>file:line: message</c> on stderr, and the corpus statistics on stdout (Markdown
/// tables, or one JSON object). Exits 2 when any row is bad.
/// </summary>
internal static class ValidateDataCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var json = new Option<bool>("--json") { Description = "Print the statistics and errors as one JSON object" };
        var command = new Command("validate-data", "Check labelled CSV files row by row and print corpus statistics") { data, json };
        command.SetAction(parse =>
        {
            DataValidationResult result = LabelledData.Validate(parse.GetRequiredValue(data));
            foreach (DataError error in result.Errors)
                Console.Error.WriteLine(error);
            if (parse.GetValue(json))
                WriteJson(result, Console.OpenStandardOutput());
            else
                WriteMarkdown(result.Statistics, Console.Out);
            if (!result.IsValid)
            {
                Console.Error.WriteLine($"attribution: {result.Errors.Count} bad row(s)");
                return ExitCodes.BadInput;
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes the statistics as the Markdown tables that training-data/README.md quotes.</summary>
    public static void WriteMarkdown(CorpusStatistics statistics, TextWriter output)
    {
        var rows = statistics.Languages.Append(statistics.Total).ToList();
        output.WriteLine("| language | documents | sentences | attributed | carried | carried share | multi-label | distinct cues |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (LanguageStatistics s in rows)
            output.WriteLine(Invariant($"| {s.Language} | {s.Documents} | {s.Sentences} | {s.AttributedSentences} | {s.CarriedSentences} | {s.CarriedShare:P1} | {s.MultiLabelSentences} | {s.DistinctCues} |"));

        output.WriteLine();
        output.WriteLine("Sentences per label: primary label (label anywhere, primary or secondary).");
        output.WriteLine();
        output.WriteLine("| language | " + string.Join(" | ", statistics.Labels) + " |");
        output.WriteLine("|---|" + string.Concat(statistics.Labels.Select(_ => "---:|")));
        foreach (LanguageStatistics s in rows)
            output.WriteLine($"| {s.Language} | " + string.Join(" | ", statistics.Labels.Select(l =>
                $"{s.PrimaryCounts.GetValueOrDefault(l)} ({s.LabelCounts.GetValueOrDefault(l)})")) + " |");

        var sources = rows.SelectMany(s => s.HardNegatives.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        output.WriteLine();
        output.WriteLine("Hard negatives: unattributed sentences that name the source as actor or topic.");
        output.WriteLine();
        output.WriteLine("| language | " + string.Join(" | ", sources) + " |");
        output.WriteLine("|---|" + string.Concat(sources.Select(_ => "---:|")));
        foreach (LanguageStatistics s in rows)
            output.WriteLine($"| {s.Language} | " + string.Join(" | ", sources.Select(l => s.HardNegatives.GetValueOrDefault(l))) + " |");

        output.WriteLine();
        output.WriteLine("Reporting verbs and phrases: attributed sentences using each.");
        output.WriteLine();
        foreach (LanguageStatistics s in statistics.Languages)
        {
            var cues = s.Cues.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => $"{c.Key[(c.Key.IndexOf(':') + 1)..]} {c.Value}");
            output.WriteLine($"- {s.Language} ({s.DistinctCues} distinct): " + string.Join(", ", cues));
        }
    }

    private static void WriteJson(DataValidationResult result, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteNumber("sentences", result.Statistics.Total.Sentences);
        writer.WriteNumber("documents", result.Statistics.Total.Documents);
        writer.WriteStartArray("errors");
        foreach (DataError error in result.Errors)
        {
            writer.WriteStartObject();
            writer.WriteString("file", error.File);
            writer.WriteNumber("line", error.Line);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartObject("languages");
        foreach (LanguageStatistics s in result.Statistics.Languages.Append(result.Statistics.Total))
        {
            writer.WriteStartObject(s.Language);
            writer.WriteNumber("documents", s.Documents);
            writer.WriteNumber("sentences", s.Sentences);
            writer.WriteNumber("attributed", s.AttributedSentences);
            writer.WriteNumber("carried", s.CarriedSentences);
            writer.WriteNumber("carriedShare", Math.Round(s.CarriedShare, 6));
            writer.WriteNumber("multiLabel", s.MultiLabelSentences);
            writer.WriteNumber("distinctCues", s.DistinctCues);
            WriteCounts(writer, "primary", s.PrimaryCounts);
            WriteCounts(writer, "anywhere", s.LabelCounts);
            WriteCounts(writer, "hardNegatives", s.HardNegatives);
            WriteCounts(writer, "cues", s.Cues);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
        output.Write("\n"u8);
        output.Flush();
    }

    private static void WriteCounts(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, int> counts)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in counts)
            writer.WriteNumber(key, value);
        writer.WriteEndObject();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
