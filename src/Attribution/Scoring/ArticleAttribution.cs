namespace Attribution;

/// <summary>The tagged sentences of one <see cref="Article"/>.</summary>
public sealed class ArticleAttribution
{
    internal ArticleAttribution(string id, IReadOnlyList<SentenceAttribution> sentences)
    {
        Id = id;
        Sentences = sentences;
    }

    /// <summary>The <see cref="Article.Id"/> of the article.</summary>
    public string Id { get; }

    /// <summary>The article's sentences in order, each with its source; offsets refer to <see cref="Article.Text"/>.</summary>
    public IReadOnlyList<SentenceAttribution> Sentences { get; }
}
