using Attribution.Evaluation;

namespace Attribution.Tests.Evaluation;

public class EvaluatorTests
{
    [Fact]
    public void Computes_accuracy_per_label_scores_macro_f1_and_log_loss_by_hand()
    {
        var evaluator = new Evaluator(["A", "B", "C"]);
        evaluator.Add("A", "A", 0.5);
        evaluator.Add("A", "B", 0.25);
        evaluator.Add("B", "B", 1.0);
        evaluator.Add("B", "B", 0.5);
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
    public void A_gold_label_the_model_lacks_counts_as_an_error_with_floored_probability()
    {
        var evaluator = new Evaluator(["A"]);
        evaluator.Add("New", "A", 0);
        EvaluationResult r = evaluator.Result();
        Assert.Equal(0, r.Accuracy);
        Assert.Equal(-Math.Log(1e-15), r.LogLoss, 6);
        Assert.Equal(["A", "New"], r.Confusion.Labels);
        Assert.Equal(0, r.MacroF1);
    }
}
