namespace Attribution.Hosting;

/// <summary>Where <see cref="AttributionModelProvider"/> gets its model, and whether it follows changes.</summary>
public sealed class AttributionHostingOptions
{
    /// <summary>A model file to load; null (the default) loads the model shipped inside the library.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Reload the model when <see cref="ModelPath"/> changes on disk. Default true.</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>
    /// How long the file must stay unchanged before it is reloaded, so that a file still being
    /// copied is not read half-written. Default 500 ms.
    /// </summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Throws <see cref="ArgumentException"/> when an option is invalid.</summary>
    public void Validate()
    {
        if (ModelPath is not null && string.IsNullOrWhiteSpace(ModelPath))
            throw new ArgumentException("ModelPath is empty; leave it null for the shipped model.", nameof(ModelPath));
        if (ReloadDelay < TimeSpan.Zero || ReloadDelay > TimeSpan.FromMinutes(10))
            throw new ArgumentOutOfRangeException(nameof(ReloadDelay), ReloadDelay, "ReloadDelay must be between 0 and 10 minutes.");
    }
}
