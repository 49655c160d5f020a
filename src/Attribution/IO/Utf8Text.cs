using System.Buffers;
using System.Text;

namespace Attribution.IO;

/// <summary>Strict UTF-8 decoding that names the first invalid byte instead of replacing it.</summary>
internal static class Utf8Text
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The bytes without a leading byte-order mark.</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Bom) ? bytes[3..] : bytes;

    /// <summary>Decodes <paramref name="bytes"/>; on invalid UTF-8 returns false with the offset of the first bad byte.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out int invalidAt)
    {
        if (!IsValid(bytes))
        {
            text = string.Empty;
            invalidAt = FirstInvalid(bytes);
            return false;
        }
        text = Encoding.UTF8.GetString(bytes);
        invalidAt = -1;
        return true;
    }

    /// <summary>Whether the bytes are valid UTF-8 (vectorized; the common case).</summary>
    public static bool IsValid(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    /// <summary>Offset of the first byte that is not part of valid UTF-8, or -1.</summary>
    public static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        int i = 0;
        while (i < bytes.Length)
        {
            // ASCII runs are the common case; skip them fast.
            int ascii = bytes[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (ascii < 0)
                return -1;
            i += ascii;
            if (Rune.DecodeFromUtf8(bytes[i..], out _, out int consumed) != OperationStatus.Done)
                return i;
            i += consumed;
        }
        return -1;
    }
}
