namespace Attribution.Tests.Evaluation;

public sealed class CorpusStatisticsTests
{
    private static LabelledSentence S(string doc, int index, string text, params string[] labels) => new(doc, index, text, labels);

    private static readonly LabelledSentence[] Corpus =
    [
        S("fr1", 0, "Huit civils ont été tués dans des raids sur la ville, selon l'OSDH.", "OSDH"),
        S("fr1", 1, "« Les raids ont repris à l'aube », a-t-il précisé.", "OSDH"),
        S("fr1", 2, "Deux enfants figurent parmi les victimes de la nuit.", "OSDH"),
        S("fr1", 3, "L'armée a repris le contrôle de la ville la semaine dernière.", "None"),
        S("fr1", 4, "Selon Sana, deux obus sont tombés sur le quartier de la gare.", "SANA"),
        S("fr1", 5, "Une source militaire a déclaré à Sana que les tirs venaient du nord.", "MilitarySource", "SANA"),
        S("fr1", 6, "Sana a été fondée en 1965 et dépend du ministère de l'Information.", "None"),
        S("en1", 0, "The army said it had retaken the town of Palmyra on Sunday.", "MilitarySource"),
        S("en1", 1, "It added that engineers were clearing mines from the old city.", "MilitarySource"),
        S("en1", 2, "The town was held by the Islamic State group for a year.", "None"),
    ];

    [Fact]
    public void Counts_documents_sentences_and_labels_per_language()
    {
        var stats = CorpusStatistics.Compute(Corpus);
        Assert.Equal(["en", "fr"], stats.Languages.Select(l => l.Language));
        LanguageStatistics fr = stats.Languages[1], en = stats.Languages[0];
        Assert.Equal((1, 7), (fr.Documents, fr.Sentences));
        Assert.Equal((1, 3), (en.Documents, en.Sentences));
        Assert.Equal((2, 10), (stats.Total.Documents, stats.Total.Sentences));
        Assert.Equal(3, fr.PrimaryCounts["OSDH"]);
        Assert.Equal(1, fr.PrimaryCounts["SANA"]);
        Assert.Equal(2, fr.LabelCounts["SANA"]);
        Assert.Equal(1, fr.MultiLabelSentences);
        Assert.Equal(5, fr.AttributedSentences);
        Assert.Equal(["MilitarySource", "None", "OSDH", "SANA"], stats.Labels);
    }

    [Fact]
    public void Carried_sentences_are_those_that_take_the_previous_source_without_naming_it()
    {
        var stats = CorpusStatistics.Compute(Corpus);
        // fr: the "a-t-il précisé" quote and the cue-less continuation; en: "It added".
        Assert.Equal(2, stats.Languages[1].CarriedSentences);
        Assert.Equal(1, stats.Languages[0].CarriedSentences);
        Assert.Equal(0.4, stats.Languages[1].CarriedShare, 6);
    }

    [Fact]
    public void Hard_negatives_are_unattributed_sentences_naming_a_source()
    {
        var fr = CorpusStatistics.Compute(Corpus).Languages[1];
        Assert.Equal(1, fr.HardNegatives["MilitarySource"]);
        Assert.Equal(1, fr.HardNegatives["SANA"]);
        Assert.False(fr.HardNegatives.ContainsKey("OSDH"));
    }

    [Fact]
    public void Cues_are_counted_under_one_name_per_verb_in_the_document_language()
    {
        var stats = CorpusStatistics.Compute(Corpus);
        LanguageStatistics fr = stats.Languages[1], en = stats.Languages[0];
        Assert.Equal(2, fr.Cues["fr:selon"]);
        Assert.Equal(1, fr.Cues["fr:préciser"]);
        Assert.Equal(1, fr.Cues["fr:déclarer"]);
        Assert.Equal(["en:added", "en:said"], en.Cues.Keys);
        Assert.Equal(fr.DistinctCues + en.DistinctCues, stats.Total.DistinctCues);
    }

    [Fact]
    public void The_UN_is_told_from_the_French_article_un()
    {
        var stats = CorpusStatistics.Compute(
        [
            S("d", 0, "Un convoi est entré dans la ville assiégée.", "None"),
            S("d", 1, "Un convoi de l'ONU est entré dans la ville assiégée.", "None"),
            S("d", 2, "A UN convoy entered the besieged town.", "None"),
        ]);
        Assert.Equal(2, stats.Total.HardNegatives["UN"]);
    }
}
