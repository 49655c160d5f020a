using System.Text;

namespace Attribution.Tests.Reliability;

/// <summary>Seeded generators of the text scraped pages contain: control characters, lone surrogates, mixed scripts, stray quotes.</summary>
internal static class HostileStrings
{
    private static readonly string[] Pieces =
    [
        "a", "Z", "é", "É", "ç", "0", "9", " ", "  ", ".", ",", ";", ":", "!", "?", "…", "«", "»", "\"", "'", "’", "“", "”", "‹", "›",
        "(", ")", "[", "]", "-", "—", "\n", "\r\n", "\r", "\t", "\u00A0", "\u2028", "\u200F", "\u200B", "\uFEFF", "\0", "\u0001", "\u001B", "\u007F",
        "\uD800", "\uDC00", "\uDBFF\uDFFF", "😀", "e\u0301", "ﬁ", "İ", "ß", "عبد الله", "أبو محمد", "حلب", "דמשק", "中文", "Ⅻ", "½",
        "M.", "J.", "selon", "Selon l'OSDH,", "a déclaré", "SANA", "ONU", "said", "https://x.y/z?a=1", "@sana", "#Alep", "3.5", "1,000",
    ];

    public static string Next(Random random, int maxPieces)
    {
        var text = new StringBuilder();
        int count = random.Next(maxPieces + 1);
        for (int i = 0; i < count; i++)
            text.Append(Pieces[random.Next(Pieces.Length)]);
        return text.ToString();
    }

    /// <summary>As <see cref="Next"/>, without lone surrogates: text that a file can hold as UTF-8.</summary>
    public static string NextEncodable(Random random, int maxPieces) =>
        Next(random, maxPieces).Replace("\uD800", "").Replace("\uDC00", "");
}
