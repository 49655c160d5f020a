namespace Attribution;

/// <summary>One article to tag: an identifier of the caller's choosing and its text.</summary>
public sealed record Article
{
    /// <summary>Creates an article; neither argument may be null.</summary>
    /// <param name="id">Identifies the article in the results (a URL, a database key, a file name).</param>
    /// <param name="text">The article's text.</param>
    public Article(string id, string text)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(text);
        Id = id;
        Text = text;
    }

    /// <summary>Identifies the article in the results.</summary>
    public string Id { get; }

    /// <summary>The article's text.</summary>
    public string Text { get; }
}
