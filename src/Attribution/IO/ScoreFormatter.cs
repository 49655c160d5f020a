using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Attribution.IO;

/// <summary>
/// Writes scored sentences as UTF-8 rows, straight into a buffer with no string per row. One
/// instance serves one thread. The bytes depend only on the values, so the output of a corpus is
/// the same whatever the thread count or the run it was resumed from.
/// </summary>
internal abstract class ScoreFormatter
{
    protected ScoreFormatter(IReadOnlyList<string> labels, double secondaryThreshold)
    {
        Labels = labels;
        SecondaryThreshold = secondaryThreshold;
    }

    /// <summary>Probability a label other than the best needs to be listed too (see <see cref="ModelManifest.SecondaryThreshold"/>).</summary>
    protected double SecondaryThreshold { get; }

    /// <summary>The model's labels, in the order of the probabilities given to <see cref="WriteSentence"/>.</summary>
    protected IReadOnlyList<string> Labels { get; }

    /// <summary>A formatter for <paramref name="format"/>.</summary>
    public static ScoreFormatter Create(ScoreFormat format, IReadOnlyList<string> labels, double secondaryThreshold = 1) => format switch
    {
        ScoreFormat.JsonLines => new JsonLinesScoreFormatter(labels, secondaryThreshold),
        _ => new CsvScoreFormatter(labels, secondaryThreshold),
    };

    /// <summary>Whether rows carry evidence (worth computing only then).</summary>
    public abstract bool WantsEvidence { get; }

    /// <summary>Writes what comes before the first row (a CSV header; nothing for JSONL).</summary>
    public abstract void WriteHeader(IBufferWriter<byte> output);

    /// <summary>Writes one scored sentence.</summary>
    public abstract void WriteSentence(IBufferWriter<byte> output, string documentId, int index, int start, int length,
        ReadOnlySpan<char> text, int label, ReadOnlySpan<double> probabilities, IReadOnlyList<Evidence>? evidence);

    /// <summary>Writes the row of a document with no sentence, so that every document appears.</summary>
    public abstract void WriteEmptyDocument(IBufferWriter<byte> output, string documentId);

    /// <summary>Writes text as UTF-8.</summary>
    protected static void WriteUtf8(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        Span<byte> span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    /// <summary>Writes bytes as they are.</summary>
    protected static void WriteRaw(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }

    protected static void WriteInteger(IBufferWriter<byte> output, long value)
    {
        Span<byte> span = output.GetSpan(24);
        Utf8Formatter.TryFormat(value, span, out int written);
        output.Advance(written);
    }

    /// <summary>
    /// A probability with four decimals (enough to rank and threshold, and short), rounded half away
    /// from zero. Written digit by digit: general double formatting cost more than the rest of a row.
    /// </summary>
    protected static void WriteProbability(IBufferWriter<byte> output, double value)
    {
        long scaled = (long)Math.Round(Math.Clamp(value, 0, 1) * 10000, MidpointRounding.AwayFromZero);
        Span<byte> span = output.GetSpan(6);
        span[0] = (byte)('0' + scaled / 10000);
        span[1] = (byte)'.';
        for (int i = 5, rest = (int)(scaled % 10000); i >= 2; i--, rest /= 10)
            span[i] = (byte)('0' + rest % 10);
        output.Advance(6);
    }
}
