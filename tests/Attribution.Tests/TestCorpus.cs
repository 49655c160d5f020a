namespace Attribution.Tests;

/// <summary>
/// A small labelled corpus generated from templates with a fixed seed: enough for a model to learn
/// the cues, small enough to train in well under a second.
/// </summary>
internal static class TestCorpus
{
    private static readonly (string Label, string[] Templates)[] Patterns =
    [
        ("OSDH", ["{0} civils ont été tués à {1}, selon l'OSDH.", "L'Observatoire syrien a fait état de {0} morts à {1}.", "Au moins {0} combattants sont morts près de {1}, a indiqué l'ONG."]),
        ("SANA", ["L'agence officielle Sana a rapporté {0} blessés à {1}.", "Selon Sana, {0} obus sont tombés sur {1}.", "{0} personnes ont été tuées à {1}, a rapporté l'agence Sana."]),
        ("MilitarySource", ["L'armée a annoncé dans un communiqué avoir repris {1}.", "Une source militaire a indiqué que {0} terroristes ont été tués à {1}.", "Le commandement de l'armée affirme contrôler {1}."]),
        ("UN", ["Selon l'ONU, {0} familles ont fui {1}.", "Le HCR a recensé {0} réfugiés venus de {1}.", "L'émissaire de l'ONU s'est dit inquiet pour {1}, a indiqué son porte-parole."]),
        ("Other", ["Un habitant de {1} a raconté avoir vu {0} frappes.", "Le ministre turc a estimé que {1} devait être évacuée.", "{0} maisons ont brûlé à {1}, a constaté un correspondant de l'AFP."]),
        ("None", ["Les combats se poursuivent à {1} depuis {0} jours.", "La ville de {1} compte environ {0} habitants.", "Le conflit a fait des milliers de morts depuis 2011."]),
    ];

    private static readonly string[] Places = ["Alep", "Idleb", "Homs", "Deir Ezzor", "Raqqa", "Daraa", "Hama", "Douma"];

    /// <summary>Documents of 6 to 9 sentences, labels in random order, with a carried sentence after some sources.</summary>
    public static List<LabelledSentence> Generate(int documents, int seed = 7)
    {
        var random = new Random(seed);
        var sentences = new List<LabelledSentence>();
        for (int d = 0; d < documents; d++)
        {
            string id = $"doc-{d:000}";
            int count = random.Next(6, 10);
            int index = 0;
            while (index < count)
            {
                var (label, templates) = Patterns[random.Next(Patterns.Length)];
                string text = string.Format(templates[random.Next(templates.Length)], random.Next(2, 90), Places[random.Next(Places.Length)]);
                sentences.Add(new LabelledSentence(id, index++, text, label));
                if (label != "None" && random.Next(4) == 0)
                    sentences.Add(new LabelledSentence(id, index++, "« La situation est très grave », a-t-il ajouté.", label));
            }
        }
        return sentences;
    }

    /// <summary>Trainer options that keep tests fast: a small hash space.</summary>
    public static TrainerOptions FastOptions(int seed = 1) =>
        new() { Seed = seed, CalibrationFolds = 0, Featurizer = new FeaturizerOptions { HashBits = 14 } };

    /// <summary>A small model with three labels, unlike the shipped model's seven, so a swap between the two is visible.</summary>
    public static AttributionModel ThreeLabelModel() =>
        AttributionTrainer.Train(Generate(20).Where(s => s.Label is "OSDH" or "SANA" or "None"), FastOptions());

    /// <summary>Writes sentences as a labelled CSV file (the format of training-data/).</summary>
    public static string WriteCsv(string path, IEnumerable<LabelledSentence> sentences)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("doc_id,sentence_index,text,labels");
        foreach (LabelledSentence s in sentences)
            writer.WriteLine($"{s.DocumentId},{s.Index},\"{s.Text.Replace("\"", "\"\"")}\",{string.Join('|', s.Labels)}");
        return path;
    }
}
