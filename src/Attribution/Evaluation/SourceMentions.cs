using Attribution.Text;

namespace Attribution;

/// <summary>
/// The names under which the shipped labels' sources appear in text ("l'OSDH", "Sana", "al-Manar",
/// "l'armée", "l'ONU", "OCHA"), used to count hard negatives: sentences that name a source as actor
/// or topic while attributing nothing to it. Labels a user adds have no entry and are not counted.
/// Forms are folded words; "+" joins the words of a name; "=" asks for the exact original spelling
/// ("UN" but not the French article "un").
/// </summary>
internal sealed class SourceMentions
{
    private static readonly (string Label, string Forms)[] Entries =
    [
        ("OSDH", "osdh sohr observatoire observatory rahmane abdulrahman abdel+rahman"),
        ("SANA", "sana"),
        ("HezbollahMedia", "hezbollah hizbollah hezballah hizbullah hezbollahs manar al-manar"),
        ("MilitarySource", "armee armees army armies militaire militaires military soldat soldats soldiers troupes troops"),
        ("UN", "onu =UN nations+unies united+nations ocha hcr unhcr unicef pam wfp oms =WHO finul unifil unrwa pedersen mistura guterres"),
    ];

    /// <summary>The mentions of the shipped labels.</summary>
    public static SourceMentions Default { get; } = new(Entries);

    private readonly Dictionary<string, List<(string[] Words, string Label)>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly List<(string Exact, string Label)> _exact = [];

    private SourceMentions((string Label, string Forms)[] entries)
    {
        foreach (var (label, forms) in entries)
            foreach (string form in forms.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (form.StartsWith('='))
                {
                    _exact.Add((form[1..], label));
                    continue;
                }
                string[] words = form.Split('+');
                if (!_byFirstWord.TryGetValue(words[0], out var list))
                    _byFirstWord[words[0]] = list = [];
                list.Add((words, label));
            }
    }

    /// <summary>Adds every label whose source the sentence names to <paramref name="labels"/>.</summary>
    public void Find(TokenizedSentence sentence, ISet<string> labels)
    {
        ReadOnlySpan<Token> tokens = sentence.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            ReadOnlySpan<char> original = sentence.Text.Slice(tokens[i].SourceStart, tokens[i].SourceLength);
            foreach (var (exact, label) in _exact)
                if (original.SequenceEqual(exact))
                    labels.Add(label);

            if (!_byFirstWord.TryGetValue(sentence.Normalized(tokens[i]).ToString(), out var candidates))
                continue;
            foreach (var (words, label) in candidates)
                if (sentence.WordsAt(i + 1, words.AsSpan(1)))
                    labels.Add(label);
        }
    }
}
