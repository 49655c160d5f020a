using System.Diagnostics;
using Attribution;

// Tags each sentence of an article (a file given as argument, or a short built-in one) with its source.
string article = args.Length > 0
    ? File.ReadAllText(args[0])
    : "Huit civils ont été tués samedi à Alep, selon l'Observatoire syrien des droits de l'homme (OSDH). " +
      "L'agence officielle Sana a fait état de tirs de roquettes sur un quartier de la ville. " +
      "Les combats se poursuivent depuis une semaine.";

var clock = Stopwatch.StartNew();
AttributionModel model = AttributionModel.LoadDefault();
IReadOnlyList<SentenceAttribution> sentences = model.Attribute(article);
TimeSpan firstPrediction = clock.Elapsed;

foreach (SentenceAttribution s in sentences)
    Console.WriteLine($"{string.Join('|', s.Labels)}\t{s.Confidence:0.000}\t{s.Text}");
Console.Error.WriteLine($"load + first article: {firstPrediction.TotalMilliseconds:0} ms");
