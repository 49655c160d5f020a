using Attribution.Learning;

namespace Attribution.Tests.Learning;

public class CalibrationTests
{
    // Held-out predictions that put 0.99 on their choice but are right only 70% of the time.
    private static (double[][] LogProbabilities, double[][] Targets) Overconfident()
    {
        var random = new Random(4);
        var logs = new double[1000][];
        var targets = new double[1000][];
        for (int i = 0; i < logs.Length; i++)
        {
            logs[i] = [Math.Log(0.99), Math.Log(0.005), Math.Log(0.005)];
            targets[i] = OneHot(random.NextDouble() < 0.7 ? 0 : 1 + random.Next(2));
        }
        return (logs, targets);
    }

    private static double[] OneHot(int label)
    {
        var target = new double[3];
        target[label] = 1;
        return target;
    }

    [Fact]
    public void An_overconfident_model_gets_a_temperature_above_1_that_brings_confidence_to_its_accuracy()
    {
        var (logs, targets) = Overconfident();
        double t = TemperatureScaling.Choose(logs, targets);
        Assert.True(t > 1, $"temperature {t}");
        Assert.True(TemperatureScaling.LogLoss(logs, targets, t) < TemperatureScaling.LogLoss(logs, targets, 1));
        // At the fitted temperature the confidence of the top label matches the 70% accuracy.
        double[] scaled = logs[0].Select(v => Math.Exp(v / t)).ToArray();
        double accuracy = targets.Count(y => y[0] == 1) / (double)targets.Length;
        Assert.Equal(accuracy, scaled[0] / scaled.Sum(), 2);
    }

    [Fact]
    public void An_underconfident_model_gets_a_temperature_below_1()
    {
        var logs = Enumerable.Range(0, 500).Select(_ => new[] { Math.Log(0.5), Math.Log(0.3), Math.Log(0.2) }).ToArray();
        var targets = Enumerable.Repeat(0, 500).Select(OneHot).ToArray();
        Assert.True(TemperatureScaling.Choose(logs, targets) < 1);
    }

    [Fact]
    public void Calibrating_against_soft_targets_keeps_the_share_they_give_a_second_label()
    {
        // Every sentence is taught 2/3 label 0 and 1/3 label 1, and the model says 0.9 / 0.09 / 0.01.
        var logs = Enumerable.Range(0, 300).Select(_ => new[] { Math.Log(0.9), Math.Log(0.09), Math.Log(0.01) }).ToArray();
        var soft = Enumerable.Range(0, 300).Select(_ => new[] { 2 / 3.0, 1 / 3.0, 0 }).ToArray();
        double t = TemperatureScaling.Choose(logs, soft);
        double[] scaled = logs[0].Select(v => Math.Exp(v / t)).ToArray();
        Assert.True(t > 1, $"temperature {t}");
        Assert.True(scaled[1] / scaled.Sum() > 0.15, $"second label keeps {scaled[1] / scaled.Sum()}");
        // Against the primary labels alone the same predictions are sharpened and the share fades.
        Assert.True(TemperatureScaling.Choose(logs, logs.Select(_ => OneHot(0)).ToArray()) < 1);
    }

    [Fact]
    public void A_calibrated_model_stores_its_temperature_and_keeps_every_label_of_the_uncalibrated_one()
    {
        var data = TestCorpus.Generate(40, seed: 9);
        AttributionModel plain = AttributionTrainer.Train(data, TestCorpus.FastOptions());
        AttributionModel calibrated = AttributionTrainer.Train(data, TestCorpus.FastOptions() with { CalibrationFolds = 4 });
        Assert.Equal(1, plain.Manifest.Temperature);
        Assert.NotEqual(1, calibrated.Manifest.Temperature);
        Assert.Equal(4, calibrated.Manifest.TrainerOptions.CalibrationFolds);

        var test = TestCorpus.Generate(10, seed: 10).Select(s => new LabelledSentence("t-" + s.DocumentId, s.Index, s.Text, s.Labels)).ToList();
        var text = string.Join("\n", test.Where(s => s.DocumentId == test[0].DocumentId).Select(s => s.Text));
        Assert.Equal(plain.Attribute(text).Select(s => s.Label), calibrated.Attribute(text).Select(s => s.Label));

        var saved = new MemoryStream();
        calibrated.Save(saved);
        Assert.Equal(calibrated.Manifest.Temperature, AttributionModel.Load(new MemoryStream(saved.ToArray())).Manifest.Temperature);
        Assert.Throws<ArgumentOutOfRangeException>(() => AttributionTrainer.Train(data, TestCorpus.FastOptions() with { CalibrationFolds = 1 }));

        // Folds train in parallel; the model bytes must not depend on it.
        var again = new MemoryStream();
        AttributionTrainer.Train(data, TestCorpus.FastOptions() with { CalibrationFolds = 4 }).Save(again);
        Assert.Equal(saved.ToArray(), again.ToArray());
    }
}
