namespace Attribution.Cli;

/// <summary>Bad usage or bad input: reported as a message and exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
