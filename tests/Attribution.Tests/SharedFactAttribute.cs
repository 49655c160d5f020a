namespace Attribution.Tests;

/// <summary>
/// A fact that needs the read-only shared data folder (seeds, eval sets). Where that folder is not
/// available (a clone outside the workspace, without ATTRIBUTION_SHARED) it is reported as skipped
/// rather than failed; everywhere else it runs and asserts.
/// </summary>
public sealed class SharedFactAttribute : FactAttribute
{
    /// <summary>Marks the test skipped when the shared folder cannot be found.</summary>
    public SharedFactAttribute()
    {
        if (!SharedData.Available)
            Skip = "shared data folder not found (set ATTRIBUTION_SHARED)";
    }
}
