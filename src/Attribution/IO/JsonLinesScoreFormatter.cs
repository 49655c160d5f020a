using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Attribution.IO;

/// <summary>
/// JSONL rows: the CSV fields, then <c>labels</c> (every source of the sentence: the label, then
/// any other reaching the model's secondary threshold), <c>scores</c> (every label's probability) and <c>evidence</c>
/// (feature, contribution, start and length in document coordinates). Text stays readable UTF-8
/// rather than \u escapes. A document with no sentence has one row with null sentence fields.
/// </summary>
internal sealed class JsonLinesScoreFormatter : ScoreFormatter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly Utf8JsonWriter _json = new(Stream.Null, WriterOptions);
    private readonly List<(double Probability, int Label)> _secondary = [];

    public JsonLinesScoreFormatter(IReadOnlyList<string> labels, double secondaryThreshold)
        : base(labels, secondaryThreshold)
    {
    }

    public override bool WantsEvidence => true;

    public override void WriteHeader(IBufferWriter<byte> output)
    {
    }

    public override void WriteSentence(IBufferWriter<byte> output, string documentId, int index, int start, int length,
        ReadOnlySpan<char> text, int label, ReadOnlySpan<double> probabilities, IReadOnlyList<Evidence>? evidence)
    {
        _json.Reset(output);
        _json.WriteStartObject();
        _json.WriteString("doc_id", documentId);
        _json.WriteNumber("sentence_index", index);
        _json.WriteNumber("start", start);
        _json.WriteNumber("length", length);
        _json.WriteString("text", text);
        _json.WriteString("label", Labels[label]);
        _json.WriteNumber("confidence", Math.Round(probabilities[label], 4));
        _json.WriteStartArray("labels");
        _json.WriteStringValue(Labels[label]);
        // Secondary labels, most likely first; ties keep the label order, so the bytes are stable.
        _secondary.Clear();
        for (int k = 0; k < Labels.Count; k++)
            if (k != label && probabilities[k] >= SecondaryThreshold)
                _secondary.Add((probabilities[k], k));
        _secondary.Sort((a, b) => a.Probability != b.Probability ? b.Probability.CompareTo(a.Probability) : a.Label.CompareTo(b.Label));
        foreach (var (_, k) in _secondary)
            _json.WriteStringValue(Labels[k]);
        _json.WriteEndArray();
        _json.WriteStartObject("scores");
        for (int k = 0; k < Labels.Count; k++)
            _json.WriteNumber(Labels[k], Math.Round(probabilities[k], 4));
        _json.WriteEndObject();
        _json.WriteStartArray("evidence");
        foreach (Evidence e in evidence ?? [])
        {
            _json.WriteStartObject();
            _json.WriteString("feature", e.Feature);
            _json.WriteNumber("contribution", Math.Round(e.Contribution, 4));
            _json.WriteNumber("start", e.Start);
            _json.WriteNumber("length", e.Length);
            _json.WriteEndObject();
        }
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        WriteRaw(output, "\n"u8);
    }

    public override void WriteEmptyDocument(IBufferWriter<byte> output, string documentId)
    {
        _json.Reset(output);
        _json.WriteStartObject();
        _json.WriteString("doc_id", documentId);
        foreach (string field in (ReadOnlySpan<string>)["sentence_index", "start", "length", "text", "label", "confidence"])
            _json.WriteNull(field);
        _json.WriteStartArray("labels");
        _json.WriteEndArray();
        _json.WriteStartObject("scores");
        _json.WriteEndObject();
        _json.WriteStartArray("evidence");
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        WriteRaw(output, "\n"u8);
    }
}
