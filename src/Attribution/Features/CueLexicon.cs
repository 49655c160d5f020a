using Attribution.Text;

namespace Attribution.Features;

/// <summary>
/// The reporting verbs and phrases of French and English news ("annoncer", "selon", "faire état de",
/// "said", "according to"), each under one name whatever its inflection, so corpus statistics can
/// say how many distinct ways of attributing a corpus uses. Forms are folded like the tokenizer's
/// output; "~" after a stem stands for the regular endings of the language, "+" joins the words of
/// a phrase, and a trailing inverted pronoun ("précise-t-il") is ignored.
/// </summary>
internal sealed class CueLexicon
{
    private static readonly string[] FrenchEndings =
        ["e", "es", "ent", "er", "ee", "ees", "ais", "ait", "aient", "ant", "era", "eront", "erait", "ons", "ez"];

    private static readonly string[] EnglishEndings = ["", "s", "es", "ed", "d", "ing"];

    private static readonly string[] InvertedSuffixes = ["-t-il", "-t-elle", "-t-on", "-t-ils", "-t-elles", "-il", "-elle", "-ils", "-elles", "-on"];

    private static readonly (string Language, string Name, string Forms)[] Entries =
    [
        ("fr", "selon", "selon"),
        ("fr", "d'après", "d'+apres"),
        ("fr", "citer", "cit~ cite+par citee+par cites+par"),
        ("fr", "de source", "de+source de+sources"),
        ("fr", "de même source", "meme+source"),
        ("fr", "aux dires de", "aux+dires"),
        ("fr", "faire état de", "fait+etat font+etat faisait+etat faisaient+etat faire+etat faisant+etat fera+etat"),
        ("fr", "a-t-on appris", "appris"),
        ("fr", "communiqué", "communique communiques"),
        ("fr", "annoncer", "annonc~"),
        ("fr", "affirmer", "affirm~"),
        ("fr", "réaffirmer", "reaffirm~"),
        ("fr", "indiquer", "indiqu~"),
        ("fr", "préciser", "precis~"),
        ("fr", "rapporter", "rapport~"),
        ("fr", "déclarer", "declar~"),
        ("fr", "dire", "dit dits dite disent dire disait disaient disant dira"),
        ("fr", "ajouter", "ajout~"),
        ("fr", "poursuivre", "poursuit poursuivi poursuivant poursuivait"),
        ("fr", "souligner", "soulign~"),
        ("fr", "expliquer", "expliqu~"),
        ("fr", "assurer", "assur~"),
        ("fr", "confirmer", "confirm~"),
        ("fr", "démentir", "dement dementent dementi dementait dementi"),
        ("fr", "nier", "nie nient nier niant niait"),
        ("fr", "signaler", "signal~"),
        ("fr", "relater", "relat~"),
        ("fr", "raconter", "racont~"),
        ("fr", "témoigner", "temoign~"),
        ("fr", "dénoncer", "denonc~"),
        ("fr", "accuser", "accus~"),
        ("fr", "estimer", "estim~"),
        ("fr", "juger", "jug~"),
        ("fr", "considérer", "consider~"),
        ("fr", "avertir", "avertit avertissent averti avertissant avertissait"),
        ("fr", "mettre en garde", "en+garde"),
        ("fr", "prévenir", "previent previennent prevenu prevenant"),
        ("fr", "s'inquiéter", "inquiet~ inquiete inquietent"),
        ("fr", "déplorer", "deplor~"),
        ("fr", "condamner", "condamn~"),
        ("fr", "réclamer", "reclam~"),
        ("fr", "exiger", "exig~ exigeant exigeait"),
        ("fr", "appeler à", "appelle+a appele+a appellent+a appelant+a appeler+a appelait+a"),
        ("fr", "revendiquer", "revendiqu~"),
        ("fr", "reconnaître", "reconnait reconnaissent reconnu reconnaissant reconnaitre"),
        ("fr", "admettre", "admet admettent admis admettant"),
        ("fr", "faire savoir", "fait+savoir faire+savoir"),
        ("fr", "publier", "publi~ publie"),
        ("fr", "diffuser", "diffus~"),
        ("fr", "recenser", "recens~"),
        ("fr", "dénombrer", "denombr~"),
        ("fr", "comptabiliser", "comptabilis~"),
        ("fr", "documenter", "document~"),
        ("fr", "chiffrer", "chiffr~"),
        ("fr", "évaluer", "evalu~"),
        ("fr", "avancer", "avanc~"),
        ("fr", "se féliciter", "felicit~"),
        ("fr", "saluer", "salu~"),
        ("fr", "insister", "insist~"),
        ("fr", "marteler", "martel~ martele"),
        ("fr", "réitérer", "reiter~"),
        ("fr", "rappeler", "rappel~ rappelle rappellent"),
        ("fr", "noter", "not~"),
        ("fr", "observer", "observ~"),
        ("fr", "constater", "constat~"),
        ("fr", "décrire", "decrit decrivent decrivant decrivait"),
        ("fr", "répondre", "repond repondent repondu repondant"),
        ("fr", "confier", "confi~ confie"),
        ("fr", "détailler", "detaill~"),
        ("fr", "menacer", "menac~"),
        ("fr", "promettre", "promet promettent promis promettant"),
        ("fr", "un démenti", "un+dementi"),
        ("fr", "mentionner", "mentionn~"),
        ("fr", "évoquer", "evoqu~"),
        ("fr", "qualifier", "qualifi~"),
        ("fr", "alerter", "alert~"),
        ("fr", "fustiger", "fustig~"),
        ("fr", "s'alarmer", "alarm~"),
        ("fr", "regretter", "regrett~"),
        ("fr", "demander", "demand~"),
        ("fr", "exhorter", "exhort~"),
        ("fr", "réagir", "reagi reagit reagissant"),
        ("fr", "interrogé par", "interroge+par interrogee+par"),
        ("fr", "au micro de", "au+micro"),
        ("fr", "à l'antenne de", "l'+antenne"),
        ("fr", "relever", "relev~ releve relevent"),
        ("fr", "conclure", "conclut concluent conclu concluant"),
        ("fr", "écrire", "ecrit ecrivent ecrivant ecrivait"),
        ("fr", "plaider", "plaid~"),
        ("fr", "rejeter", "rejet~ rejette rejettent"),
        ("fr", "imputer", "imput~"),
        ("fr", "proclamer", "proclam~"),
        ("fr", "ironiser", "ironis~"),
        ("en", "said", "said say says saying"),
        ("en", "told", "told tell tells telling"),
        ("en", "reported", "report~"),
        ("en", "according to", "according+to"),
        ("en", "cited", "cit~"),
        ("en", "quoted", "quot~"),
        ("en", "added", "add~"),
        ("en", "noted", "note notes noted noting"),
        ("en", "warned", "warn~"),
        ("en", "claimed", "claim~"),
        ("en", "confirmed", "confirm~"),
        ("en", "denied", "denied denies deny denying"),
        ("en", "announced", "announc~"),
        ("en", "stated", "stated stating"),
        ("en", "statement", "statement statements"),
        ("en", "explained", "explain~"),
        ("en", "stressed", "stress~"),
        ("en", "insisted", "insist~"),
        ("en", "estimated", "estimat~"),
        ("en", "counted", "counted counting"),
        ("en", "documented", "documented documenting"),
        ("en", "tallied", "tally tallied tallies"),
        ("en", "described", "describ~"),
        ("en", "recounted", "recount~"),
        ("en", "accused", "accus~"),
        ("en", "condemned", "condemn~"),
        ("en", "urged", "urg~"),
        ("en", "called for", "call+for calls+for called+for calling+for"),
        ("en", "acknowledged", "acknowledg~"),
        ("en", "admitted", "admit admits admitted admitting"),
        ("en", "revealed", "reveal~"),
        ("en", "indicated", "indicat~"),
        ("en", "pointed out", "point+out points+out pointed+out"),
        ("en", "broadcast", "broadcast broadcasts broadcasting"),
        ("en", "aired", "aired airing"),
        ("en", "showed", "showed showing shown"),
        ("en", "per", "per"),
        ("en", "wrote", "wrote write writes written"),
        ("en", "posted", "posted posting"),
        ("en", "published", "publish~"),
        ("en", "put the toll", "put+the+toll puts+the+toll"),
        ("en", "alleged", "alleg~"),
        ("en", "blamed", "blam~"),
        ("en", "vowed", "vow~"),
        ("en", "threatened", "threaten~"),
        ("en", "demanded", "demand~"),
        ("en", "asserted", "assert~"),
        ("en", "affirmed", "affirm~"),
        ("en", "detailed", "detail~"),
        ("en", "mentioned", "mention~"),
        ("en", "observed", "observ~"),
        ("en", "recorded", "recorded recording"),
        ("en", "maintained", "maintain~"),
        ("en", "dismissed", "dismiss~"),
        ("en", "rejected", "reject~"),
        ("en", "welcomed", "welcom~"),
        ("en", "recalled", "recall~"),
    ];

    /// <summary>The lexicon of the two languages the project ships with.</summary>
    public static CueLexicon Default { get; } = new(Entries);

    // Language -> first word of a cue -> the cues starting with it.
    private readonly Dictionary<string, Dictionary<string, List<(string[] Words, string Name)>>> _byLanguage = new(StringComparer.Ordinal);

    private CueLexicon((string Language, string Name, string Forms)[] entries)
    {
        foreach (var (language, name, forms) in entries)
        {
            string[] endings = language == "fr" ? FrenchEndings : EnglishEndings;
            if (!_byLanguage.TryGetValue(language, out var byFirstWord))
                _byLanguage[language] = byFirstWord = new(StringComparer.Ordinal);
            foreach (string form in forms.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                string[] words = form.Split('+');
                foreach (string first in Expand(words[0], endings))
                {
                    string[] phrase = [first, .. words.Skip(1)];
                    if (!byFirstWord.TryGetValue(first, out var list))
                        byFirstWord[first] = list = [];
                    list.Add((phrase, $"{language}:{name}"));
                }
            }
        }
        // Only one-word cues: the first word of a phrase ("de" source, "en" garde) is no cue alone.
        SingleWords = (_byLanguage.Values.SelectMany(d => d.Values).SelectMany(l => l)
            .Where(c => c.Words.Length == 1).Select(c => c.Words[0]).ToArray());
    }

    /// <summary>Every one-word cue of either language, inflected forms included.</summary>
    public IReadOnlyList<string> SingleWords { get; }

    private static IEnumerable<string> Expand(string word, string[] endings) =>
        word.EndsWith('~') ? endings.Select(e => word[..^1] + e) : [word];

    /// <summary>
    /// Adds the name ("fr:annoncer") of every cue of <paramref name="language"/> in the sentence to
    /// <paramref name="found"/>; a language without a lexicon finds nothing.
    /// </summary>
    public void Find(TokenizedSentence sentence, string language, ISet<string> found)
    {
        if (!_byLanguage.TryGetValue(language, out var byFirstWord))
            return;
        ReadOnlySpan<Token> tokens = sentence.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            string word = StripInversion(sentence.Normalized(tokens[i])).ToString();
            if (!byFirstWord.TryGetValue(word, out var candidates))
                continue;
            foreach (var (words, name) in candidates)
                if (sentence.WordsAt(i + 1, words.AsSpan(1)))
                    found.Add(name);
        }
    }

    /// <summary>The verb of an inverted form ("precise-t-il" -> "precise"); other words unchanged.</summary>
    public static ReadOnlySpan<char> StripInversion(ReadOnlySpan<char> word)
    {
        foreach (string suffix in InvertedSuffixes)
            if (word.Length > suffix.Length + 1 && word.EndsWith(suffix, StringComparison.Ordinal))
                return word[..^suffix.Length];
        return word;
    }
}
