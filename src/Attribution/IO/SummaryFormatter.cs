using System.Buffers;
using System.Text;

namespace Attribution.IO;

/// <summary>
/// The per-document summary: <c>doc_id,status,sentences</c>, one column per label with its count of
/// sentences, and a message. Status is <c>ok</c>, <c>empty</c> (no sentence) or <c>error</c>, so
/// every document of the input is accounted for in one file.
/// </summary>
internal static class SummaryFormatter
{
    public static void WriteHeader(IBufferWriter<byte> output, IReadOnlyList<string> labels)
    {
        Write(output, "doc_id,status,sentences");
        foreach (string label in labels)
        {
            Write(output, ",");
            CsvScoreFormatter.WriteField(output, label);
        }
        Write(output, ",message\n");
    }

    public static void WriteDocument(IBufferWriter<byte> output, string documentId, ReadOnlySpan<int> counts)
    {
        int sentences = 0;
        foreach (int c in counts)
            sentences += c;
        CsvScoreFormatter.WriteField(output, documentId);
        Write(output, sentences == 0 ? ",empty," : ",ok,");
        Write(output, sentences.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (int c in counts)
            Write(output, "," + c.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Write(output, ",\n");
    }

    public static void WriteError(IBufferWriter<byte> output, string documentId, int labels, string message)
    {
        CsvScoreFormatter.WriteField(output, documentId);
        Write(output, ",error,");
        for (int k = 0; k < labels; k++)
            Write(output, ",");
        Write(output, ",");
        CsvScoreFormatter.WriteField(output, message);
        Write(output, "\n");
    }

    private static void Write(IBufferWriter<byte> output, string text)
    {
        Span<byte> span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
