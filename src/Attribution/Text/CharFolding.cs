namespace Attribution.Text;

/// <summary>
/// Lower-casing and accent folding of single characters, so that "Armée", "ARMEE" and "armée"
/// become the same feature. A table rather than Unicode normalization: it costs nothing per call,
/// allocates nothing and behaves the same under invariant globalization.
/// </summary>
internal static class CharFolding
{
    // Pairs of (accented, folded). Ligatures that fold to two letters are handled in Fold.
    private const string Accented = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž";
    private const string Plain = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrssssttttuuuuuuuuuuwyyyzzz";

    private static readonly char[] Table = BuildTable();

    private static char[] BuildTable()
    {
        var table = new char[0x250];
        for (int c = 0; c < table.Length; c++)
            table[c] = char.ToLowerInvariant((char)c);
        for (int i = 0; i < Accented.Length; i++)
        {
            table[Accented[i]] = Plain[i];
            table[char.ToUpperInvariant(Accented[i])] = Plain[i];
        }
        return table;
    }

    /// <summary>Folds one character; writes one or two characters and returns how many.</summary>
    public static int Fold(char c, Span<char> destination)
    {
        switch (c)
        {
            case 'œ': case 'Œ': destination[0] = 'o'; destination[1] = 'e'; return 2;
            case 'æ': case 'Æ': destination[0] = 'a'; destination[1] = 'e'; return 2;
            case 'ß': destination[0] = 's'; destination[1] = 's'; return 2;
        }
        destination[0] = c < Table.Length ? Table[c] : char.ToLowerInvariant(c);
        return 1;
    }

    /// <summary>True for the apostrophes found in news text (straight, typographic, modifier letter).</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ' or '‘' or '`' or '´';

    /// <summary>True for double-quote marks of any style, including guillemets.</summary>
    public static bool IsDoubleQuote(char c) => c is '"' or '«' or '»' or '“' or '”' or '„' or '‹' or '›';

    /// <summary>True for hyphens and dashes that can join the parts of a word.</summary>
    public static bool IsHyphen(char c) => c is '-' or '‑' or '‐';
}
