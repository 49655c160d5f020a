namespace Attribution.Text;

/// <summary>A range of UTF-16 code units in a text: <see cref="Start"/> and <see cref="Length"/>.</summary>
/// <param name="Start">Offset of the first code unit.</param>
/// <param name="Length">Number of code units.</param>
internal readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Offset just past the last code unit.</summary>
    public int End => Start + Length;
}
