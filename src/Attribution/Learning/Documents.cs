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

    /// <summary>
    /// Deals <paramref name="documents"/> documents to <paramref name="folds"/> folds in an order
    /// shuffled by <paramref name="seed"/>; the fold of each document. Cross-validation and the
    /// held-out fits use it, so that no article is ever on both sides.
    /// </summary>
    public static int[] Folds(int documents, int folds, int seed)
    {
        int[] order = Enumerable.Range(0, documents).ToArray();
        new SplitMix64(seed).Shuffle(order);
        var foldOf = new int[documents];
        for (int i = 0; i < order.Length; i++)
            foldOf[order[i]] = i % folds;
        return foldOf;
    }
}
