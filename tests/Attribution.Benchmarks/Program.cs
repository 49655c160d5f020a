using Attribution.Benchmarks;

// Figures for the notes: run with -c Release. Each verb prints what it measured.
return args.FirstOrDefault() switch
{
    "speed" => SpeedBenchmark.Run(args[1..]),
    "stages" => StageProfile.Run(args[1..]),
    "quality" => QualityBenchmark.Run(args[1..]),
    "segmentation" => SegmentationEval.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Attribution.Benchmarks speed|quality|segmentation [args]");
    Console.Error.WriteLine("  speed [--data training-data] [--eval ../shared/eval/dev.csv]   training time, sentences/s, peak memory");
    Console.Error.WriteLine("  quality [--data training-data] [--folds 5]                    document-grouped CV and eval macro-F1");
    Console.Error.WriteLine("  segmentation fr|en OUT.jsonl                                  system output for score.py");
    return 2;
}
