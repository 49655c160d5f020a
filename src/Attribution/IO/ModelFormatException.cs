namespace Attribution;

/// <summary>A model file is damaged, foreign, or of a format version this library does not read.</summary>
public sealed class ModelFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelFormatException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
