using System.Text.Json;

namespace Attribution.Cli;

/// <summary>The pieces of the <c>evaluate --json</c> object of design.md, shared by <c>evaluate</c> and <c>cv</c>.</summary>
internal static class MetricsJson
{
    /// <summary>Writes <c>"labels": { label: { precision, recall, f1[, support] } }</c> in the order given.</summary>
    public static void WriteLabels(Utf8JsonWriter writer, IEnumerable<(string Label, double Precision, double Recall, double F1, int? Support)> rows)
    {
        writer.WriteStartObject("labels");
        foreach (var (label, precision, recall, f1, support) in rows)
        {
            writer.WriteStartObject(label);
            writer.WriteNumber("precision", Round(precision));
            writer.WriteNumber("recall", Round(recall));
            writer.WriteNumber("f1", Round(f1));
            if (support is { } count)
                writer.WriteNumber("support", count);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>"confusion": { "labels": [...], "matrix": [[...]] }</c>.</summary>
    public static void WriteConfusion(Utf8JsonWriter writer, ConfusionMatrix confusion)
    {
        writer.WriteStartObject("confusion");
        writer.WriteStartArray("labels");
        foreach (string label in confusion.Labels)
            writer.WriteStringValue(label);
        writer.WriteEndArray();
        writer.WriteStartArray("matrix");
        foreach (int[] row in confusion.ToRows())
        {
            writer.WriteStartArray();
            foreach (int count in row)
                writer.WriteNumberValue(count);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Six decimals; NaN (a label no fold could measure) is not valid JSON and reports 0.</summary>
    public static double Round(double value) => double.IsNaN(value) ? 0 : Math.Round(value, 6);
}
