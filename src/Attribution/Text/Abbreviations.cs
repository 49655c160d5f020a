namespace Attribution.Text;

/// <summary>
/// Word lists used by <see cref="SentenceSplitter"/> to decide whether a full stop ends a sentence.
/// Entries are written without the final full stop and matched case-sensitively (ordinal), because
/// case carries the signal: "Mme" is a title, "mme" is not a word anyone writes.
/// </summary>
internal static class Abbreviations
{
    /// <summary>
    /// Abbreviations that practically never end a sentence: titles before a name (M. Dupont, Dr. Who)
    /// and Latin or editorial shorthands that always announce something (cf., vs., e.g.).
    /// A full stop after them is not a boundary unless a closing bracket or quote follows it.
    /// </summary>
    public static readonly WordSet NeverFinal = new(
        // French titles and forms of address.
        "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Mgrs", "Dr", "Drs", "Pr", "Ste", "Sts",
        "Gén", "Gal", "Cdt", "Lt", "Lieut", "Col", "Cne", "Adj", "Sgt",
        // English titles.
        "Mr", "Mrs", "Ms", "Mx", "Messrs", "Mmes", "Prof", "Gen", "Capt", "Cpt", "Cmdr", "Cmdt", "Cpl",
        "Pvt", "Adm", "Maj", "Brig", "Sen", "Sens", "Rep", "Reps", "Gov", "Rev", "Hon", "Pres", "Supt",
        "Insp", "Det", "Atty", "Sgt", "Lt",
        // Shorthands that introduce what follows.
        "cf", "Cf", "vs", "Vs", "viz", "e.g", "E.g", "i.e", "I.e", "ca", "env", "Env", "approx", "Approx",
        "av", "apr", "ex", "Ex", "resp", "c.-à-d", "C.-à-d", "op", "réf", "Réf", "ref", "Ref");

    /// <summary>
    /// Abbreviations that usually sit inside a sentence but can also end one ("Apple Inc.", "in the
    /// U.S.", "etc."): a full stop after them is a boundary only when the next word is one that
    /// typically starts a sentence (see <see cref="SentenceStarters"/>), and never before a number
    /// (Jan. 9, Sept. 11).
    /// </summary>
    public static readonly WordSet MaybeFinal = new(
        "etc", "al", "Inc", "Ltd", "Co", "Corp", "Cie", "Ets", "Sté", "Plc", "plc", "Jr", "Sr", "Bros",
        "St", "Mt", "Ft", "Ave", "Blvd", "Rd", "Dept", "Univ", "Assn", "Intl",
        // Two-letter French initials (Philippe, Thierry, Charles, Christian).
        "Ph", "Th", "Ch", "Chr",
        // Months and days (English news style and French).
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat",
        // US states and Canadian provinces, AP style ("Kingston, Ont.").
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
        "Md", "Mass", "Mich", "Minn", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn",
        "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "Ont", "Sask", "Alta");

    /// <summary>
    /// Abbreviations that announce a number (numéro, page, article, volume, téléphone): a full stop
    /// after them is not a boundary before a digit ("No. 10", "l'art. 5"). Before anything else
    /// they are ordinary words, since several are also words ("art", "no").
    /// </summary>
    public static readonly WordSet BeforeNumber = new(
        "No", "no", "Nos", "nos", "Nr", "nr", "N", "n", "p", "pp", "art", "Art", "arts", "vol", "Vol",
        "vols", "chap", "Chap", "ch", "fig", "Fig", "figs", "tel", "Tel", "tél", "Tél", "éd", "ed", "pop",
        "min", "max", "sq");

    /// <summary>
    /// Capitalised words that commonly open a sentence in French or English news (articles,
    /// pronouns, conjunctions, prepositions, sentence adverbs). After an initial or an ambiguous
    /// abbreviation, "W. Bush" continues the sentence but "U.S. The" starts a new one.
    /// </summary>
    public static readonly WordSet SentenceStarters = new(
        // French.
        "Le", "La", "Les", "Un", "Une", "Des", "Du", "De", "Il", "Elle", "Ils", "Elles", "On", "Nous",
        "Vous", "Je", "Tu", "Ce", "Cet", "Cette", "Ces", "Cela", "Ceci", "Ça", "Celui", "Celle", "Ceux",
        "Mais", "Et", "Ou", "Donc", "Or", "Car", "Puis", "Ensuite", "Enfin", "Alors", "Selon", "Pour",
        "Par", "Avec", "Sans", "Dans", "En", "Au", "Aux", "À", "A", "Si", "Quand", "Lorsque", "Depuis",
        "Après", "Avant", "Pendant", "Sur", "Sous", "Son", "Sa", "Ses", "Leur", "Leurs", "Notre", "Nos",
        "Votre", "Vos", "Mon", "Ma", "Mes", "Tout", "Tous", "Toute", "Toutes", "Plusieurs", "Aucun",
        "Aucune", "Chaque", "Certains", "Certaines", "Cependant", "Toutefois", "Pourtant", "Néanmoins",
        "Ainsi", "Aussi", "Déjà", "Même", "Qui", "Que", "Quoi", "Comment", "Pourquoi", "Où", "Parmi",
        "Outre", "Lors", "Dès", "Hier", "Demain", "Aujourd", "Voici", "Voilà", "Ni", "Non", "Oui",
        "Entre", "Vers", "Contre", "Malgré", "Grâce", "Face", "Quant", "Cet", "Y",
        // English.
        "The", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I",
        "You", "His", "Her", "Their", "Our", "My", "Your", "There", "Here", "But", "And", "Or", "So",
        "Yet", "If", "When", "While", "After", "Before", "As", "At", "In", "On", "For", "From", "With",
        "By", "Of", "To", "Since", "Although", "Though", "However", "Meanwhile", "Also", "Still", "Then",
        "Now", "What", "Who", "Why", "How", "Where", "Which", "Some", "Many", "Most", "All", "No", "Not",
        "One", "Both", "Each", "Such", "According", "Earlier", "Later", "Today", "Yesterday", "Last",
        "Other", "Others", "Under", "During", "Despite", "Instead", "Unlike", "Like", "Even", "Only",
        "Because", "Just", "Do", "Does", "Did", "Is", "Are", "Was", "Were", "Will", "Would", "Can",
        "Could", "Should", "Has", "Have", "Had", "Let", "Please", "Thanks", "Yes");

    /// <summary>
    /// Capitalised top-level domains: "Annuaire.Com" is a web address, not two sentences glued
    /// together by scraping.
    /// </summary>
    public static readonly WordSet WebDomains = new(
        // Only those that are not also words ("De", "Me", "Us", "Be" are).
        "Com", "Net", "Org", "Info", "Biz", "Edu", "Gov", "Fr", "Uk", "Eu", "Tv", "Io");

    /// <summary>
    /// French elided words ("L'armée", "D'autre part", "Qu'il") that open a sentence; matched on
    /// the letters before the apostrophe.
    /// </summary>
    public static readonly WordSet Elisions = new(
        "L", "D", "C", "J", "N", "S", "M", "T", "Qu", "Lorsqu", "Puisqu", "Jusqu", "Quoiqu", "Aujourd");

    /// <summary>
    /// Whether <paramref name="prefix"/> (the letters before an apostrophe) is a French elided word
    /// in either case ("l", "D", "qu"), so "l'art." can be judged as "art.".
    /// </summary>
    public static bool IsElision(ReadOnlySpan<char> prefix)
    {
        if (prefix.Length > 7 || prefix.IsEmpty)
        {
            return false;
        }

        // Lists hold the capitalised form; a lowercase elision only differs in its first letter.
        Span<char> capitalised = stackalloc char[prefix.Length];
        prefix.CopyTo(capitalised);
        capitalised[0] = char.ToUpperInvariant(capitalised[0]);
        return Elisions.Contains(capitalised) && !prefix[1..].ContainsAnyInRange('A', 'Z');
    }

}
