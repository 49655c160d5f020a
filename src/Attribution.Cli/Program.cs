using System.CommandLine;
using Attribution;
using Attribution.Cli;
using Attribution.Cli.Commands;

var root = new RootCommand("attribution: tag each sentence of a news article with the source its information is attributed to")
{
    TrainCommand.Create(),
    EvaluateCommand.Create(),
    CvCommand.Create(),
    PredictCommand.Create(),
    InfoCommand.Create(),
    ValidateDataCommand.Create(),
    ScoreCommand.Create(),
};

ParseResult parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
        Console.Error.WriteLine($"attribution: {error.Message}");
    Console.Error.WriteLine("Run 'attribution --help' for usage.");
    return ExitCodes.BadInput;
}

try
{
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is UsageException or DataFormatException or ModelFormatException or FileNotFoundException or DirectoryNotFoundException)
{
    Console.Error.WriteLine($"attribution: {e.Message}");
    return ExitCodes.BadInput;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("attribution: cancelled");
    return ExitCodes.Failure;
}
catch (Exception e)
{
    Console.Error.WriteLine($"attribution: {e.GetType().Name}: {e.Message}");
    return ExitCodes.Failure;
}
