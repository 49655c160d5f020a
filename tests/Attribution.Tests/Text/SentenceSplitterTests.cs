using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Attribution.Text;
using Xunit.Abstractions;

namespace Attribution.Tests.Text;

public sealed class SentenceSplitterTests
{
    private readonly ITestOutputHelper _output;

    public SentenceSplitterTests(ITestOutputHelper output) => _output = output;

    // ---------------------------------------------------------------- behaviour on short texts

    [Theory]
    [InlineData("Le maire a parlé. Il a été applaudi.", "Le maire a parlé.|Il a été applaudi.")]
    [InlineData("The mayor spoke. He was applauded.", "The mayor spoke.|He was applauded.")]
    [InlineData("  Une seule phrase sans point  ", "Une seule phrase sans point")]
    [InlineData("Il pleut !Demain aussi ?Peut-être.", "Il pleut !Demain aussi ?Peut-être.")]
    public void SplitsPlainSentences(string text, string expected) => AssertSplit(text, expected);

    [Fact]
    public void LineBreaksAreHardBoundaries()
    {
        const string text =
            "Grève reconduite à la SNCF\n" +
            "Par Jeanne Martin\n" +
            "\n" +
            "LYON, 3 mars (Agence) - Les cheminots ont voté la grève. Ils reprendront lundi\n" +
            "Lire aussi\r\n" +
            "\u00A0\r\n" +
            "Publié le 03/03/2019 à 10h12";
        AssertSplit(text,
            "Grève reconduite à la SNCF|Par Jeanne Martin|" +
            "LYON, 3 mars (Agence) - Les cheminots ont voté la grève.|Ils reprendront lundi|" +
            "Lire aussi|Publié le 03/03/2019 à 10h12");
    }

    [Fact]
    public void EveryKindOfLineBreakCounts()
    {
        AssertSplit("Titre\rChapeau\u2028Texte\u2029Fin\u0085Signature\vX\fY",
            "Titre|Chapeau|Texte|Fin|Signature|X|Y");
    }

    [Theory]
    [InlineData("« Nous ne céderons pas », a-t-il déclaré. Le ministre est reparti.",
        "« Nous ne céderons pas », a-t-il déclaré.|Le ministre est reparti.")]
    [InlineData("« Nous ne céderons pas. », a-t-il déclaré.", "« Nous ne céderons pas. », a-t-il déclaré.")]
    [InlineData("« Nous ne céderons pas. » Le ministre est reparti.",
        "« Nous ne céderons pas. »|Le ministre est reparti.")]
    [InlineData("Il a conclu : « Nous verrons bien ». La séance a été levée.",
        "Il a conclu : « Nous verrons bien ».|La séance a été levée.")]
    [InlineData("« Pourquoi ? » demande-t-elle. « Parce que ! » Il rit.",
        "« Pourquoi ? » demande-t-elle.|« Parce que ! »|Il rit.")]
    [InlineData("« C'est fini. » puis il est sorti.", "« C'est fini. » puis il est sorti.")]
    [InlineData("\"Nous ne céderons pas\", a-t-il déclaré. \"La grève continue.\" Il est parti.",
        "\"Nous ne céderons pas\", a-t-il déclaré.|\"La grève continue.\"|Il est parti.")]
    public void HandlesFrenchQuotes(string text, string expected) => AssertSplit(text, expected);

    [Theory]
    [InlineData("\"We will not give in,\" he said. The minister left.",
        "\"We will not give in,\" he said.|The minister left.")]
    [InlineData("He said: \"We will not give in.\" The minister left.",
        "He said: \"We will not give in.\"|The minister left.")]
    [InlineData("\"Why?\" he asked. \"Because.\" She smiled.", "\"Why?\" he asked.|\"Because.\"|She smiled.")]
    [InlineData("“It is over.” She left. ‘Really?’ he wondered.",
        "“It is over.”|She left.|‘Really?’ he wondered.")]
    [InlineData("It was called 'A New Start.' Nobody liked it.", "It was called 'A New Start.'|Nobody liked it.")]
    [InlineData("The plan was \"dead on arrival.\" and everyone knew it.",
        "The plan was \"dead on arrival.\" and everyone knew it.")]
    public void HandlesEnglishQuotes(string text, string expected) => AssertSplit(text, expected);

    [Fact]
    public void SpacedStraightQuoteClosesOnlyWhenAQuoteIsOpen()
    {
        AssertSplit("Il a dit \"nous partirons demain. \" Le maire a répondu.",
            "Il a dit \"nous partirons demain. \"|Le maire a répondu.");
        AssertSplit("Le maire a répondu. \" Nous verrons \", a-t-il dit.",
            "Le maire a répondu.|\" Nous verrons \", a-t-il dit.");
    }

    [Theory]
    [InlineData("M. Dupont et Mme Durand ont rencontré MM. Martin et Petit. Le Dr. Benoît était absent.",
        "M. Dupont et Mme Durand ont rencontré MM. Martin et Petit.|Le Dr. Benoît était absent.")]
    [InlineData("Le Gén. Dupuis, le Col. Martin et le Lt. Petit sont arrivés. Ste. Marie aussi.",
        "Le Gén. Dupuis, le Col. Martin et le Lt. Petit sont arrivés.|Ste. Marie aussi.")]
    [InlineData("Lire à ce sujet cf. Le Monde du 3 mars. La ville compte env. 3000 habitants.",
        "Lire à ce sujet cf. Le Monde du 3 mars.|La ville compte env. 3000 habitants.")]
    [InlineData("Rome fut fondée en 753 av. J.-C. à ce que dit la légende. Les fouilles continuent.",
        "Rome fut fondée en 753 av. J.-C. à ce que dit la légende.|Les fouilles continuent.")]
    [InlineData("Le temple date de 300 av. J.-C. La ville est plus ancienne.",
        "Le temple date de 300 av. J.-C.|La ville est plus ancienne.")]
    [InlineData("On y vend des pommes, des poires, etc. Le marché ferme à midi.",
        "On y vend des pommes, des poires, etc.|Le marché ferme à midi.")]
    [InlineData("Voir p. 12 et l'art. 5 du règlement. Fin.", "Voir p. 12 et l'art. 5 du règlement.|Fin.")]
    [InlineData("Le Pr. Martin a signé la tribune. Mlle Roux aussi.",
        "Le Pr. Martin a signé la tribune.|Mlle Roux aussi.")]
    public void KeepsFrenchAbbreviations(string text, string expected) => AssertSplit(text, expected);

    [Theory]
    [InlineData("Mr. Smith met Mrs. Jones and Dr. Brown. They talked.",
        "Mr. Smith met Mrs. Jones and Dr. Brown.|They talked.")]
    [InlineData("Apple Inc. Chief Executive Tim Cook spoke. Shares rose.",
        "Apple Inc. Chief Executive Tim Cook spoke.|Shares rose.")]
    [InlineData("He moved to the U.S. The move was a success.", "He moved to the U.S.|The move was a success.")]
    [InlineData("The U.S. Supreme Court ruled on Jan. 5 in Smith vs. Jones.",
        "The U.S. Supreme Court ruled on Jan. 5 in Smith vs. Jones.")]
    [InlineData("Sen. Warren and Gov. Newsom met at 10 a.m. Friday with Rep. Lee.",
        "Sen. Warren and Gov. Newsom met at 10 a.m. Friday with Rep. Lee.")]
    [InlineData("The U.N. Security Council voted on Feb. 3. No. 10 Downing St. was silent.",
        "The U.N. Security Council voted on Feb. 3.|No. 10 Downing St. was silent.")]
    [InlineData("Big firms, e.g. Acme Co. and Widget Ltd. were there, i.e. Detroit's finest.",
        "Big firms, e.g. Acme Co. and Widget Ltd. were there, i.e. Detroit's finest.")]
    [InlineData("Ms. Lee joined Acme Ltd. In May she left.", "Ms. Lee joined Acme Ltd.|In May she left.")]
    [InlineData("Spokesman Lt.-Col. Peter Hale spoke. He left.", "Spokesman Lt.-Col. Peter Hale spoke.|He left.")]
    [InlineData("She loves modern art. Paintings fill her home. No. 5 is her favourite.",
        "She loves modern art.|Paintings fill her home.|No. 5 is her favourite.")]
    public void KeepsEnglishAbbreviations(string text, string expected) => AssertSplit(text, expected);

    [Theory]
    [InlineData("Ils étaient 120.000 selon la police, soit 3,5 % de plus. The rate was 1.5 percent.",
        "Ils étaient 120.000 selon la police, soit 3,5 % de plus.|The rate was 1.5 percent.")]
    [InlineData("Le bilan est passé de 1.250 à 2.300 morts. Il pourrait encore s'alourdir.",
        "Le bilan est passé de 1.250 à 2.300 morts.|Il pourrait encore s'alourdir.")]
    [InlineData("Ils étaient 300 en 1995. 41 d'entre eux sont revenus.",
        "Ils étaient 300 en 1995.|41 d'entre eux sont revenus.")]
    [InlineData("It costs U.S. $5 billion a year.", "It costs U.S. $5 billion a year.")]
    public void KeepsNumbers(string text, string expected) => AssertSplit(text, expected);

    [Theory]
    [InlineData("J. Smith and G. W. Bush met J.-P. Raffarin in Paris. They spoke.",
        "J. Smith and G. W. Bush met J.-P. Raffarin in Paris.|They spoke.")]
    [InlineData("Le roman de P.D.Q. Martin est paru. Au second tour, L. Morel l'emporte.",
        "Le roman de P.D.Q. Martin est paru.|Au second tour, L. Morel l'emporte.")]
    [InlineData("Il faut de la vitamine C. Elle protège.", "Il faut de la vitamine C.|Elle protège.")]
    [InlineData("The case was Baker v. Ohio. It was decided.", "The case was Baker v. Ohio.|It was decided.")]
    public void KeepsInitials(string text, string expected) => AssertSplit(text, expected);

    [Theory]
    [InlineData("Il hésita... puis il partit.", "Il hésita... puis il partit.")]
    [InlineData("Il hésita... Puis il partit.", "Il hésita...|Puis il partit.")]
    [InlineData("He waited… Then he left. She waited … and left.", "He waited…|Then he left.|She waited … and left.")]
    [InlineData("« Il faut parler à Moscou (...) Mais pas à n'importe quel prix », dit-il.",
        "« Il faut parler à Moscou (...)|Mais pas à n'importe quel prix », dit-il.")]
    [InlineData("Il a ajouté [...] que la ville (...) serait reconstruite.",
        "Il a ajouté [...] que la ville (...) serait reconstruite.")]
    [InlineData("Il y avait 30... 40 personnes.", "Il y avait 30... 40 personnes.")]
    public void SplitsEllipsesOnlyBeforeACapital(string text, string expected) => AssertSplit(text, expected);

    [Theory]
    [InlineData("Quelle victoire ! Les supporters ont fêté. Vraiment ?! Oui.",
        "Quelle victoire !|Les supporters ont fêté.|Vraiment ?!|Oui.")]
    [InlineData("Really? Yes. Wow! Great.", "Really?|Yes.|Wow!|Great.")]
    [InlineData("Qui paiera ? M. Leroy ne le dit pas.", "Qui paiera ?|M. Leroy ne le dit pas.")]
    [InlineData("Un doute (?) subsiste. Fin.", "Un doute (?) subsiste.|Fin.")]
    public void SplitsAfterExclamationAndQuestionMarks(string text, string expected) => AssertSplit(text, expected);

    [Theory]
    [InlineData("(Il a démissionné depuis.) Son successeur est connu.",
        "(Il a démissionné depuis.)|Son successeur est connu.")]
    [InlineData("They left (for good.) Then it rained.", "They left (for good.)|Then it rained.")]
    [InlineData("Les FDS ont repris la ville. (Reportage de Jean Dupont)",
        "Les FDS ont repris la ville.|(Reportage de Jean Dupont)")]
    [InlineData("Le prix a doublé (voir encadré). Les clients protestent.",
        "Le prix a doublé (voir encadré).|Les clients protestent.")]
    [InlineData("Renault (par ex.) Les autres suivent.", "Renault (par ex.)|Les autres suivent.")]
    public void HandlesBrackets(string text, string expected) => AssertSplit(text, expected);

    [Fact]
    public void LowercaseAAfterAFullStopStartsASentence()
    {
        // Sentence-initial "À" is often typed "à"; after an abbreviation it is just a preposition.
        AssertSplit("Le conseil s'est réuni. à l'ordre du jour, le budget.",
            "Le conseil s'est réuni.|à l'ordre du jour, le budget.");
        AssertSplit("Il est né en 52 av. J.-C. à Rome.", "Il est né en 52 av. J.-C. à Rome.");
    }

    [Theory]
    [InlineData("Le conseil a voté la loi SRU.Le maire s'en félicite.",
        "Le conseil a voté la loi SRU.|Le maire s'en félicite.")]
    [InlineData("Le vote a eu lieu en janvier.\"Selon nos sources, c'est fini\", dit-il.D'après lui, rien ne change.",
        "Le vote a eu lieu en janvier.|\"Selon nos sources, c'est fini\", dit-il.|D'après lui, rien ne change.")]
    [InlineData("Le quartier a été rasé.M. Dupont est reparti.", "Le quartier a été rasé.|M. Dupont est reparti.")]
    [InlineData("Voir M.Dupont, J.Smith, ASP.NET, Annuaire.Com et l'article 3.Le reste suit.",
        "Voir M.Dupont, J.Smith, ASP.NET, Annuaire.Com et l'article 3.Le reste suit.")]
    [InlineData("Que coûte le projet ?Selon la mairie, 2 millions.", "Que coûte le projet ?Selon la mairie, 2 millions.")]
    public void SplitsParagraphsGluedByScraping(string text, string expected) => AssertSplit(text, expected);

    [Theory]
    [InlineData("Le maire a démenti.- Un budget \"intenable\" -Citant la préfecture, il parle de 5.000 euros.",
        "Le maire a démenti.|- Un budget \"intenable\" -|Citant la préfecture, il parle de 5.000 euros.")]
    [InlineData("Le maire a démenti. - \"Et après\" ? -Sur son blog, il insiste.",
        "Le maire a démenti.|- \"Et après\" ? -|Sur son blog, il insiste.")]
    [InlineData("- Un hiver difficile -\nLes stocks baissent.", "- Un hiver difficile -|Les stocks baissent.")]
    [InlineData("Les élus du centre -une minorité- ont voté contre.", "Les élus du centre -une minorité- ont voté contre.")]
    public void SplitsGluedIntertitles(string text, string expected) => AssertSplit(text, expected);

    [Fact]
    public void KeepsListNumbersWithTheirItem()
    {
        AssertSplit("1. Le budget\n2. Les travaux", "1. Le budget|2. Les travaux");
    }

    // ---------------------------------------------------------------- contract

    [Fact]
    public void OffsetsIndexTheOriginalText()
    {
        const string text = "  \u00A0Premier titre\r\n\r\n\t« Citation. » Suite de la phrase.   Fin !  \n  ";
        IReadOnlyList<Sentence> sentences = SentenceSplitter.Default.Split(text);
        AssertConsistent(text, sentences);
        Assert.Equal(["Premier titre", "« Citation. »", "Suite de la phrase.", "Fin !"], sentences.Select(s => s.Text));
        Assert.Equal(text.IndexOf("Premier", StringComparison.Ordinal), sentences[0].Start);
        Assert.Equal(text.IndexOf("Fin", StringComparison.Ordinal), sentences[3].Start);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\n\r\n\t \u00A0 \u2028")]
    public void EmptyTextHasNoSentences(string text) => Assert.Empty(SentenceSplitter.Default.Split(text));

    [Fact]
    public void NullTextThrows() => Assert.Throws<ArgumentNullException>(() => SentenceSplitter.Default.Split(null!));

    [Fact]
    public void SpanOverloadAppendsWithoutClearing()
    {
        var spans = new List<TextSpan> { new(-1, -1) };
        SentenceSplitter.Default.Split("Un. Deux.".AsSpan(), spans);
        Assert.Equal([new TextSpan(-1, -1), new TextSpan(0, 3), new TextSpan(4, 5)], spans);
    }

    [Fact]
    public void NeverThrowsOnOddInput()
    {
        string[] inputs =
        [
            "\0\u0001\u0002. \u001F? \u007F!",
            "\uD800. \uDC00 x. \uDBFF\uDFFF Y. \uD83D",
            "... … ?!?! !!! ... ?",
            ". . . a. b. C. D.",
            "« » “ ” ( ) [ ] \" ' ’ ‘",
            "\". \" \" . \" ' . ' ’. ‘",
            "((((((. )))))) [[[[. ]]]]",
            ".", "!", "?", "…", "\"", "«", "a.", ". A", "M.", "U.S.", "J.-C.",
            new string('.', 10_000),
            string.Concat(Enumerable.Repeat("a. ", 10_000)),
            string.Concat(Enumerable.Repeat("M. ", 10_000)),
            string.Concat(Enumerable.Repeat("\" ", 10_000)),
            string.Concat(Enumerable.Repeat(". ) ", 10_000)),
        ];
        foreach (string text in inputs)
        {
            AssertConsistent(text, SentenceSplitter.Default.Split(text));
        }
    }

    [Fact]
    public void RandomTextKeepsTheInvariants()
    {
        const string alphabet = "aAéÉàÀzZ0 9 .,;:!?…«»\"'’“”()[]-—\n\r\t\u00A0\u2028\uD800\uDC00MSJ";
        var random = new Random(12345);
        var builder = new StringBuilder();
        for (int round = 0; round < 2_000; round++)
        {
            builder.Clear();
            int length = random.Next(0, 200);
            for (int i = 0; i < length; i++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            string text = builder.ToString();
            AssertConsistent(text, SentenceSplitter.Default.Split(text));
        }
    }

    [Fact]
    public void HugeInputsRunInLinearTime()
    {
        var inputs = new (string Name, string Text, int Sentences)[]
        {
            ("1 MB without a full stop", string.Concat(Enumerable.Repeat("mot ", 250_000)), 1),
            ("1 MB of one word", new string('x', 1_000_000), 1),
            ("100k newlines", string.Concat(Enumerable.Repeat("Ligne\n", 100_000)), 100_000),
            ("100k empty lines", new string('\n', 100_000), 0),
            ("1 MB of spaces after a stop", "Fin." + new string(' ', 1_000_000) + "Suite", 2),
            ("1 MB of openers", "Fin. " + new string('(', 1_000_000), 1),
            ("1 MB of closers", "Fin." + string.Concat(Enumerable.Repeat(" )", 500_000)) + " Suite", 2),
            ("1 MB of dots", new string('.', 1_000_000), 1),
            ("300k short sentences", string.Concat(Enumerable.Repeat("Ab. ", 300_000)), 300_000),
            ("300k initials", string.Concat(Enumerable.Repeat("J. ", 300_000)), 1),
        };

        foreach ((string name, string text, int expected) in inputs)
        {
            var stopwatch = Stopwatch.StartNew();
            IReadOnlyList<Sentence> sentences = SentenceSplitter.Default.Split(text);
            stopwatch.Stop();
            _output.WriteLine($"{name}: {sentences.Count} sentences in {stopwatch.ElapsedMilliseconds} ms");
            Assert.Equal(expected, sentences.Count);
            AssertConsistent(text, sentences);

            // A quadratic scan of a megabyte takes minutes; linear takes milliseconds.
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"{name} took {stopwatch.Elapsed}");
        }
    }

    [Fact]
    public void IsThreadSafe()
    {
        string text = string.Concat(Enumerable.Repeat("M. Dupont est venu. « Oui ! » Il part…\nTitre\n", 200));
        string[] expected = Texts(text);
        Parallel.For(0, 64, _ => Assert.Equal(expected, Texts(text)));
    }

    // ---------------------------------------------------------------- seed articles

    [SharedFact]
    public void SeedArticlesSplitCleanly()
    {
        string[] files = Directory.GetFiles(SharedData.Path("seeds"), "*.txt");
        Assert.NotEmpty(files);
        foreach (string file in files.Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file);
            IReadOnlyList<Sentence> sentences = SentenceSplitter.Default.Split(text);
            AssertConsistent(text, sentences);
            Assert.NotEmpty(sentences);

            // Every non-empty line starts a sentence, and no sentence crosses a line break.
            var starts = sentences.Select(s => s.Start).ToHashSet();
            int lineStart = 0;
            foreach (string line in text.Split('\n'))
            {
                int offset = 0;
                while (offset < line.Length && char.IsWhiteSpace(line[offset]))
                {
                    offset++;
                }

                if (offset < line.Length)
                {
                    Assert.True(starts.Contains(lineStart + offset),
                        $"{System.IO.Path.GetFileName(file)}: no sentence starts the line \"{line.Trim()}\"");
                }

                lineStart += line.Length + 1;
            }

            Assert.All(sentences, s => Assert.DoesNotContain('\n', s.Text));
            _output.WriteLine($"{System.IO.Path.GetFileName(file)}: {sentences.Count} sentences");
        }
    }

    [SharedFact]
    public void ReproducesTheSeedSentences()
    {
        List<string[]> rows = ReadCsv(SharedData.Path("eval", "seeds.csv"));
        string[] header = rows[0];
        int docColumn = Array.IndexOf(header, "doc_id");
        int textColumn = Array.IndexOf(header, "text");
        Assert.True(docColumn >= 0 && textColumn >= 0, "seeds.csv needs doc_id and text columns");

        var sentencesByDoc = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        int total = 0, found = 0;
        var missed = new List<string>();
        foreach (string[] row in rows.Skip(1).Where(r => r.Length == header.Length))
        {
            string docId = row[docColumn];
            if (!sentencesByDoc.TryGetValue(docId, out HashSet<string>? sentences))
            {
                string text = File.ReadAllText(SharedData.Path("seeds", docId + ".txt"));
                sentences = SentenceSplitter.Default.Split(text).Select(s => s.Text).ToHashSet(StringComparer.Ordinal);
                sentencesByDoc[docId] = sentences;
            }

            total++;
            if (sentences.Contains(row[textColumn].Trim()))
            {
                found++;
            }
            else
            {
                missed.Add($"{docId}: {row[textColumn]}");
            }
        }

        double share = (double)found / total;
        _output.WriteLine($"seeds.csv sentences reproduced exactly: {found}/{total} = {share:P1}");
        foreach (string miss in missed)
        {
            _output.WriteLine("  missed " + miss);
        }

        Assert.True(total > 0, "seeds.csv has no rows");
        Assert.True(share >= 0.90, $"only {found}/{total} seed sentences reproduced");
    }

    // ---------------------------------------------------------------- UD segmentation test set

    [SharedFact]
    public void ScoresOnTheFrenchSegmentationTestSet() => ScoreSegmentation("fr", minimumF1: 0.985);

    [SharedFact]
    public void ScoresOnTheEnglishSegmentationTestSet() => ScoreSegmentation("en", minimumF1: 0.93);

    private void ScoreSegmentation(string language, double minimumF1)
    {
        // Same computation as shared/eval/segmentation/score.py: spans trimmed of whitespace, a
        // boundary is the trimmed end of every sentence but the last, micro-averaged P/R/F1.
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(SharedData.Path("eval", "segmentation", language + ".jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using JsonDocument document = JsonDocument.Parse(line);
            texts[document.RootElement.GetProperty("id").ToString()] =
                document.RootElement.GetProperty("text").GetString() ?? string.Empty;
        }

        var gold = new Dictionary<string, List<(int Start, int Length)>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (string[] row in ReadCsv(SharedData.Path("eval", "segmentation", $"gold-{language}.csv")).Skip(1).Where(r => r.Length == 3))
        {
            if (!gold.TryGetValue(row[0], out List<(int, int)>? spans))
            {
                gold[row[0]] = spans = [];
                order.Add(row[0]);
            }

            spans.Add((int.Parse(row[1], CultureInfo.InvariantCulture), int.Parse(row[2], CultureInfo.InvariantCulture)));
        }

        var counts = new SortedDictionary<string, int[]>(StringComparer.Ordinal); // tp, system, gold, exact, docs
        var systemSpans = new List<TextSpan>();
        foreach (string id in order)
        {
            string text = texts[id];
            systemSpans.Clear();
            SentenceSplitter.Default.Split(text.AsSpan(), systemSpans);
            AssertConsistent(text, systemSpans);

            HashSet<int> goldBoundaries = Boundaries(text, gold[id]);
            HashSet<int> systemBoundaries = Boundaries(text, systemSpans.Select(s => (s.Start, s.Length)));
            int truePositives = goldBoundaries.Count(systemBoundaries.Contains);
            foreach (string key in new[] { "ALL", id[..id.LastIndexOf('-')] })
            {
                int[] c = counts.TryGetValue(key, out int[]? existing) ? existing : counts[key] = new int[5];
                c[0] += truePositives;
                c[1] += systemBoundaries.Count;
                c[2] += goldBoundaries.Count;
                c[3] += goldBoundaries.SetEquals(systemBoundaries) ? 1 : 0;
                c[4]++;
            }
        }

        foreach ((string key, int[] c) in counts)
        {
            (double p, double r, double f) = Prf(c[0], c[1], c[2]);
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{key,-8} gold={c[2]} sys={c[1]} tp={c[0]} P={p:F4} R={r:F4} F1={f:F4} exact={c[3]}/{c[4]}"));
        }

        int[] all = counts["ALL"];
        double f1 = Prf(all[0], all[1], all[2]).F1;
        Assert.True(f1 >= minimumF1, $"{language} boundary F1 {f1:F4} < {minimumF1}");
    }

    private static HashSet<int> Boundaries(string text, IEnumerable<(int Start, int Length)> spans)
    {
        var ends = new HashSet<int>();
        foreach ((int start, int length) in spans)
        {
            int s = Math.Max(0, start), e = Math.Min(text.Length, start + length);
            while (s < e && IsPythonSpace(text[s]))
            {
                s++;
            }

            while (e > s && IsPythonSpace(text[e - 1]))
            {
                e--;
            }

            if (e > s)
            {
                ends.Add(e);
            }
        }

        if (ends.Count > 0)
        {
            ends.Remove(ends.Max());
        }

        return ends;
    }

    // Python's str.isspace also counts the information separators U+001C..U+001F.
    private static bool IsPythonSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F';

    private static (double P, double R, double F1) Prf(int truePositives, int system, int gold)
    {
        double p = system > 0 ? (double)truePositives / system : 0;
        double r = gold > 0 ? (double)truePositives / gold : 0;
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }

    // ---------------------------------------------------------------- helpers

    private static string[] Texts(string text) => SentenceSplitter.Default.Split(text).Select(s => s.Text).ToArray();

    private static void AssertSplit(string text, string expected)
    {
        IReadOnlyList<Sentence> sentences = SentenceSplitter.Default.Split(text);
        AssertConsistent(text, sentences);
        Assert.Equal(expected.Split('|'), sentences.Select(s => s.Text));
    }

    private static void AssertConsistent(string text, IReadOnlyList<Sentence> sentences)
    {
        for (int i = 0; i < sentences.Count; i++)
        {
            Sentence sentence = sentences[i];
            Assert.Equal(i, sentence.Index);
            Assert.Equal(text.Substring(sentence.Start, sentence.Length), sentence.Text);
        }

        AssertConsistent(text, sentences.Select(s => new TextSpan(s.Start, s.Length)).ToList());
    }

    private static void AssertConsistent(string text, List<TextSpan> spans)
    {
        int previousEnd = 0;
        foreach (TextSpan span in spans)
        {
            Assert.True(span.Length > 0, "empty sentence");
            Assert.True(span.Start >= previousEnd, "sentences overlap or are out of order");
            Assert.True(span.Start + span.Length <= text.Length, "sentence outside the text");
            Assert.False(char.IsWhiteSpace(text[span.Start]), "leading whitespace");
            Assert.False(char.IsWhiteSpace(text[span.Start + span.Length - 1]), "trailing whitespace");
            previousEnd = span.Start + span.Length;
        }
    }

    /// <summary>Minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and newlines.</summary>
    private static List<string[]> ReadCsv(string path)
    {
        string content = File.ReadAllText(path, Encoding.UTF8);
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < content.Length; i++)
        {
            char c = content[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < content.Length && content[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < content.Length && content[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }
}
