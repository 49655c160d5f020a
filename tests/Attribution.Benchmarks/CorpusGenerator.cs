using System.Text;
using System.Text.Json;

namespace Attribution.Benchmarks;

/// <summary>
/// Writes a synthetic corpus of any size as JSONL (<c>{"id","text"}</c>), from the team's own
/// training sentences: a second-order Markov chain over their words produces new wire-style
/// sentences of the same length and vocabulary, grouped into articles of 6 to 30 sentences in
/// paragraphs, each article in one language (French or English, in the corpus's proportions).
/// With <c>--labelled</c> it writes training CSV instead: one chain per language and label, each
/// sentence labelled with the label whose sentences it was walked from, labels in the corpus's
/// proportions (for timing trainers at scale; the labels are only as right as the walk).
/// Deterministic for a seed.
/// </summary>
internal static class CorpusGenerator
{
    private const string End = "</s>";

    public static int Run(string[] args)
    {
        long sentences = long.Parse(Paths.Option(args, "--sentences", "1000000"), System.Globalization.CultureInfo.InvariantCulture);
        string output = Paths.Option(args, "--output", "generated.jsonl");
        int seed = int.Parse(Paths.Option(args, "--seed", "1"), System.Globalization.CultureInfo.InvariantCulture);
        string data = Paths.Option(args, "--data", Path.Combine(Paths.Repository, "training-data"));
        // One chain per language, so an article does not switch language halfway.
        var byLanguage = LabelledData.Read(data).GroupBy(s => s.DocumentId)
            .GroupBy(d => Text.LanguageGuesser.Guess(d.Select(s => s.Text)))
            .Where(g => g.Key is "fr" or "en")
            .ToDictionary(g => g.Key, g => g.SelectMany(d => d).ToList());
        var (documents, written, bytes) = args.Contains("--labelled")
            ? WriteLabelled(byLanguage.Values.ToList(), sentences, output, seed)
            : Write(byLanguage.Values.Select(l => l.Select(s => s.Text).ToList()).ToList(), sentences, output, seed);
        Console.WriteLine($"wrote {output}: {documents:N0} documents, {written:N0} sentences, {bytes / 1e6:0.0} MB");
        return 0;
    }

    public static (long Documents, long Sentences, long Bytes) Write(List<List<string>> languages, long sentences, string output, int seed)
    {
        var chains = languages.Select(Chain).ToList();
        double[] shares = languages.Select(l => (double)l.Count / languages.Sum(x => x.Count)).ToArray();
        var random = new Random(seed);
        long written = 0, documents = 0;
        using var stream = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var article = new StringBuilder();
        while (written < sentences)
        {
            var (chain, starts) = chains[Pick(shares, random)];
            article.Clear();
            int count = (int)Math.Min(random.Next(6, 31), sentences - written);
            for (int s = 0; s < count; s++)
            {
                if (s > 0)
                    article.Append(random.Next(4) == 0 ? '\n' : ' ');
                article.Append(Sentence(chain, starts, random));
            }
            json.WriteStartObject();
            json.WriteString("id", $"gen-{documents:D8}");
            json.WriteString("text", article.ToString());
            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
            json.Reset();
            written += count;
            documents++;
        }
        return (documents, written, stream.Length);
    }

    public static (long Documents, long Sentences, long Bytes) WriteLabelled(List<List<LabelledSentence>> languages, long sentences, string output, int seed)
    {
        double[] shares = languages.Select(l => (double)l.Count / languages.Sum(x => x.Count)).ToArray();
        var labelled = languages.Select(l => l.GroupBy(s => s.Label).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Label: g.Key, Share: (double)g.Count() / l.Count, Chain: Chain(g.Select(s => s.Text).ToList())))
            .Where(c => c.Chain.Starts.Count > 0).ToList()).ToList();
        var random = new Random(seed);
        long written = 0, documents = 0;
        using var writer = new StreamWriter(output, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("doc_id,sentence_index,text,labels\n");
        while (written < sentences)
        {
            int language = Pick(shares, random);
            var chains = labelled[language];
            int count = (int)Math.Min(random.Next(6, 31), sentences - written);
            for (int s = 0; s < count; s++)
            {
                var (label, _, (chain, starts)) = chains[Pick(chains.Select(c => c.Share).ToArray(), random)];
                string text = Sentence(chain, starts, random).Replace("\"", "\"\"", StringComparison.Ordinal);
                writer.Write($"gen-{documents:D8},{s},\"{text}\",{label}\n");
            }
            written += count;
            documents++;
        }
        writer.Flush();
        return (documents, written, writer.BaseStream.Length);
    }

    private static int Pick(double[] shares, Random random)
    {
        double pick = random.NextDouble();
        int i = 0;
        while (i < shares.Length - 1 && pick > shares[i])
            pick -= shares[i++];
        return i;
    }

    private static (Dictionary<(string, string), List<string>> Chain, List<(string, string)> Starts) Chain(List<string> source)
    {
        var chain = new Dictionary<(string, string), List<string>>();
        var starts = new List<(string, string)>();
        foreach (string text in source)
        {
            string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 4)
                continue;
            starts.Add((words[0], words[1]));
            for (int i = 0; i + 2 <= words.Length; i++)
            {
                var key = (words[i], words[i + 1]);
                string next = i + 2 < words.Length ? words[i + 2] : End;
                if (!chain.TryGetValue(key, out var followers))
                    chain[key] = followers = [];
                followers.Add(next);
            }
        }

        return (chain, starts);
    }

    // A walk from a sentence start to a sentence end, kept between 6 and 60 words and closed with a full stop.
    private static string Sentence(Dictionary<(string, string), List<string>> chain, List<(string, string)> starts, Random random)
    {
        var words = new List<string>();
        var (a, b) = starts[random.Next(starts.Count)];
        words.Add(a);
        words.Add(b);
        while (words.Count < 60)
        {
            if (!chain.TryGetValue((a, b), out var followers))
                break;
            string next = followers[random.Next(followers.Count)];
            if (next == End)
            {
                if (words.Count >= 6)
                    break;
                (a, b) = starts[random.Next(starts.Count)];
                continue;
            }
            words.Add(next);
            (a, b) = (b, next);
        }
        string sentence = string.Join(' ', words);
        // A sentence must end where the splitter will end it, so the corpus has the sentences it claims.
        sentence = sentence.TrimEnd('.', ',', ';', ':', '!', '?', '…', ' ');
        return sentence.Length == 0 ? "Rien." : sentence + ".";
    }
}
