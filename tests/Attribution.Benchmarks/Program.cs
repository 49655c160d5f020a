using Attribution.Benchmarks;

// Figures for the notes: run with -c Release. Each verb prints what it measured.
return args.FirstOrDefault() switch
{
    "speed" => SpeedBenchmark.Run(args[1..]),
    "stages" => StageProfile.Run(args[1..]),
    "generate" => CorpusGenerator.Run(args[1..]),
    "score" => ScoreBenchmark.Run(args[1..]),
    "load" => LoadBenchmark.Run(args[1..]),
    "quality" => QualityBenchmark.Run(args[1..]),
    "trainers" => TrainerBenchmark.Run(args[1..]),
    "segmentation" => SegmentationEval.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Attribution.Benchmarks speed|stages|quality|trainers|segmentation|generate|score|load [args]");
    Console.Error.WriteLine("  speed [--data training-data] [--eval ../shared/eval/dev.csv]   training time, sentences/s, peak memory");
    Console.Error.WriteLine("  quality [--data training-data] [--folds 5]                    document-grouped CV and eval macro-F1");
    Console.Error.WriteLine("  trainers [--scale]                                            per trainer: time, memory, model size, CV and dev macro-F1; --scale: 1M/100k generated");
    Console.Error.WriteLine("  segmentation fr|en OUT.jsonl                                  system output for score.py");
    Console.Error.WriteLine("  stages [--jsonl CORPUS.jsonl] [--model M.zip]                  microseconds per sentence per stage; in-process pipeline at 1 and 2 threads");
    Console.Error.WriteLine("  generate --sentences N --output OUT.jsonl [--seed 1]          synthetic corpus from the training sentences");
    Console.Error.WriteLine("  generate --labelled --sentences N --output OUT.csv            the same as labelled training CSV, one chain per label");
    Console.Error.WriteLine("  load [--runs 9]                                               cold LoadDefault in fresh processes, median");
    Console.Error.WriteLine("  score [--sentences 1000000]                                   attribution score on real and generated corpora, threads 1 and 2");
    return 2;
}
