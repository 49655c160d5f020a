using System.Buffers;

namespace Attribution.IO;

/// <summary>
/// CSV rows <c>doc_id,sentence_index,start,length,text,label,confidence</c> (RFC 4180: a field with a
/// comma, quote or line break is quoted, quotes doubled). A document with no sentence has one row
/// with only its id.
/// </summary>
internal sealed class CsvScoreFormatter(IReadOnlyList<string> labels, double secondaryThreshold) : ScoreFormatter(labels, secondaryThreshold)
{
    public override bool WantsEvidence => false;

    public override void WriteHeader(IBufferWriter<byte> output) =>
        WriteRaw(output, "doc_id,sentence_index,start,length,text,label,confidence\n"u8);

    public override void WriteSentence(IBufferWriter<byte> output, string documentId, int index, int start, int length,
        ReadOnlySpan<char> text, int label, ReadOnlySpan<double> probabilities, IReadOnlyList<Evidence>? evidence)
    {
        WriteField(output, documentId);
        WriteRaw(output, ","u8);
        WriteInteger(output, index);
        WriteRaw(output, ","u8);
        WriteInteger(output, start);
        WriteRaw(output, ","u8);
        WriteInteger(output, length);
        WriteRaw(output, ","u8);
        WriteField(output, text);
        WriteRaw(output, ","u8);
        WriteField(output, Labels[label]);
        WriteRaw(output, ","u8);
        WriteProbability(output, probabilities[label]);
        WriteRaw(output, "\n"u8);
    }

    public override void WriteEmptyDocument(IBufferWriter<byte> output, string documentId)
    {
        WriteField(output, documentId);
        WriteRaw(output, ",,,,,,\n"u8);
    }

    /// <summary>Writes one field, quoted only when it has to be.</summary>
    public static void WriteField(IBufferWriter<byte> output, ReadOnlySpan<char> value)
    {
        if (value.IndexOfAny(",\"\r\n") < 0)
        {
            WriteUtf8(output, value);
            return;
        }
        WriteRaw(output, "\""u8);
        int quote;
        while ((quote = value.IndexOf('"')) >= 0)
        {
            WriteUtf8(output, value[..(quote + 1)]);
            WriteRaw(output, "\""u8);
            value = value[(quote + 1)..];
        }
        WriteUtf8(output, value);
        WriteRaw(output, "\""u8);
    }
}
