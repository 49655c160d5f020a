using System.CommandLine;

namespace Attribution.Cli;

/// <summary>Options shared by several verbs, and loading what they name.</summary>
internal static class CommonOptions
{
    public static Option<string?> Model(string description = "Model file (.zip); default: the shipped default model") =>
        new("--model") { Description = description };

    public static Option<string[]> Data() =>
        new("--data") { Description = "Labelled CSV file or folder of them (repeatable)", Required = true, AllowMultipleArgumentsPerToken = true };

    public static AttributionModel LoadModel(string? path)
    {
        if (path is null)
            return AttributionModel.LoadDefault();
        if (!File.Exists(path))
            throw new UsageException($"Model file not found: '{path}'");
        return AttributionModel.Load(path);
    }
}
