using Attribution.Evaluation;

namespace Attribution.Tests.Evaluation;

public class EvaluatorTests
{
    [Fact]
    public void Computes_accuracy_per_label_scores_macro_f1_and_log_loss_by_hand()
    {
        var evaluator = new Evaluator(["A", "B", "C"]);
        evaluator.Add("A", "A", 0.5, 0.5);
        evaluator.Add("A", "B", 0.25, 0.75);
        evaluator.Add("B", "B", 1.0, 1.0);
        evaluator.Add("B", "B", 0.5, 0.5);
        EvaluationResult r = evaluator.Result();

        Assert.Equal(4, r.Sentences);
        Assert.Equal(0.75, r.Accuracy, 10);
        // A: P 1/1, R 1/2, F1 2/3. B: P 2/3, R 1, F1 0.8. C never occurs in gold: not in the macro mean.
        Assert.Equal(2.0 / 3, r.PerLabel["A"].F1, 10);
        Assert.Equal(0.8, r.PerLabel["B"].F1, 10);
        Assert.Equal((2.0 / 3 + 0.8) / 2, r.MacroF1, 10);
        Assert.False(r.PerLabel.ContainsKey("C"));
        Assert.Equal(-(Math.Log(0.5) + Math.Log(0.25) + Math.Log(1.0) + Math.Log(0.5)) / 4, r.LogLoss, 10);
        Assert.Equal(1, r.Confusion.Count("A", "B"));
        Assert.Equal(2, r.Confusion.Count("B", "B"));
        Assert.Equal(["A", "B", "C"], r.Confusion.Labels);
    }

    [Fact]
    public void Calibration_error_is_the_weighted_gap_between_accuracy_and_confidence_per_bin()
    {
        var evaluator = new Evaluator(["A", "B"]);
        // Bin 0.9-1.0: confidences 0.95 and 0.95, one right: accuracy 0.5, gap 0.45.
        evaluator.Add("A", "A", 0.95, 0.95);
        evaluator.Add("B", "A", 0.05, 0.95);
        // Bin 0.6-0.7: confidence 0.65, right: gap 0.35.
        evaluator.Add("B", "B", 0.65, 0.65);
        // Confidence exactly 1 goes to the last bin: right, gap 0.
        evaluator.Add("A", "A", 1.0, 1.0);
        EvaluationResult r = evaluator.Result();

        Assert.Equal(10, r.Calibration.Count);
        CalibrationBin top = r.Calibration[9];
        Assert.Equal(3, top.Count);
        Assert.Equal((0.95 + 0.95 + 1.0) / 3, top.MeanConfidence, 10);
        Assert.Equal(2.0 / 3, top.Accuracy, 10);
        Assert.Equal(1, r.Calibration[6].Count);
        Assert.Equal(4, r.Calibration.Sum(b => b.Count));
        double expected = 3.0 / 4 * Math.Abs(2.0 / 3 - 2.9 / 3) + 1.0 / 4 * 0.35;
        Assert.Equal(expected, r.ExpectedCalibrationError, 10);
    }

    [Fact]
    public void A_gold_label_the_model_lacks_counts_as_an_error_with_floored_probability()
    {
        var evaluator = new Evaluator(["A"]);
        evaluator.Add("New", "A", 0, 0.9);
        EvaluationResult r = evaluator.Result();
        Assert.Equal(0, r.Accuracy);
        Assert.Equal(-Math.Log(1e-15), r.LogLoss, 6);
        Assert.Equal(["A", "New"], r.Confusion.Labels);
        Assert.Equal(0, r.MacroF1);
    }
}
