namespace Attribution.Text;

/// <summary>
/// One sentence of a document, as found by <see cref="SentenceSplitter"/>.
/// </summary>
/// <param name="Index">Zero-based position of the sentence in its document.</param>
/// <param name="Start">UTF-16 offset of the first character of the sentence in the original text.</param>
/// <param name="Length">Number of UTF-16 code units of the sentence in the original text.</param>
/// <param name="Text">
/// The sentence itself: exactly <c>text.Substring(Start, Length)</c> of the original text, with no
/// leading or trailing whitespace.
/// </param>
public sealed record Sentence(int Index, int Start, int Length, string Text);
