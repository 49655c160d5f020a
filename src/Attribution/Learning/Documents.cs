namespace Attribution.Learning;

/// <summary>Groups labelled sentences into documents, in order of first appearance, each sorted by index.</summary>
internal static class Documents
{
    public static List<LabelledSentence[]> Group(IEnumerable<LabelledSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var byId = new Dictionary<string, List<LabelledSentence>>(StringComparer.Ordinal);
        var order = new List<List<LabelledSentence>>();
        foreach (LabelledSentence sentence in sentences)
        {
            ArgumentNullException.ThrowIfNull(sentence);
            if (!byId.TryGetValue(sentence.DocumentId, out var list))
            {
                list = [];
                byId.Add(sentence.DocumentId, list);
                order.Add(list);
            }
            list.Add(sentence);
        }
        var documents = new List<LabelledSentence[]>(order.Count);
        foreach (var list in order)
        {
            LabelledSentence[] doc = list.OrderBy(s => s.Index).ToArray();
            for (int i = 1; i < doc.Length; i++)
                if (doc[i].Index == doc[i - 1].Index)
                    throw new ArgumentException($"Document '{doc[i].DocumentId}' has two sentences with index {doc[i].Index}.", nameof(sentences));
            documents.Add(doc);
        }
        return documents;
    }
}
