using CourseCompanion.Classical;
using CourseCompanion.Data;
using CourseCompanion.Metrics;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Classical;

public class TreeTests
{
    [Fact]
    public void AStumpFindsTheThresholdBetweenTwoClasses()
    {
        var x = Tensor.FromArray(new double[] { 1, 5, 2, 5, 3, 5, 7, 5, 8, 5, 9, 5 }, 6, 2);
        var y = Tensor.FromArray(new long[] { 0, 0, 0, 1, 1, 1 });
        var tree = new DecisionTree(maxDepth: 1).Fit(x, y);
        Assert.Equal(1, tree.Depth);
        Assert.Equal(2, tree.Leaves);
        // the split lies halfway between 3 and 7 on feature 0; feature 1 is constant and useless
        var probe = Tensor.FromArray(new double[] { 4.9, 0, 5.1, 0 }, 2, 2);
        Assert.Equal(new long[] { 0, 1 }, tree.Predict(probe).ToArray<long>());
    }

    [Fact]
    public void AnUnlimitedTreeFitsTheTrainingSetExactlyAndDepthLimitsHold()
    {
        var (x, y) = Synthetic.Moons(200, noise: 0.25, generator: new Generator(3));
        Assert.Equal(1.0, Accuracy.Of(new DecisionTree().Fit(x, y).Predict(x), y));
        var shallow = new DecisionTree(maxDepth: 2).Fit(x, y);
        Assert.True(shallow.Depth <= 2 && shallow.Leaves <= 4);
        Assert.True(Accuracy.Of(shallow.Predict(x), y) < 1.0);
    }

    [Fact]
    public void ForestsAndBaggingGeneraliseAtLeastAsWellAsOneTreeOnNoisyMoons()
    {
        var (x, y) = Synthetic.Moons(600, noise: 0.35, generator: new Generator(4));
        var (xTrain, yTrain, xTest, yTest) = (x.Narrow(0, 0, 300), y.Narrow(0, 0, 300), x.Narrow(0, 300, 300), y.Narrow(0, 300, 300));
        double tree = Accuracy.Of(new DecisionTree(generator: new Generator(5)).Fit(xTrain, yTrain).Predict(xTest), yTest);
        double bagged = Accuracy.Of(new RandomForest(30, generator: new Generator(5)).Fit(xTrain, yTrain).Predict(xTest), yTest);
        double forest = Accuracy.Of(new RandomForest(30, maxFeatures: 1, generator: new Generator(5)).Fit(xTrain, yTrain).Predict(xTest), yTest);
        Assert.True(bagged > tree, $"bagging {bagged} vs tree {tree}");
        Assert.True(forest > tree, $"forest {forest} vs tree {tree}");
    }

    [Fact]
    public void ForestIsDeterministicForAGivenGenerator()
    {
        var (x, y) = Synthetic.Moons(100, noise: 0.3, generator: new Generator(6));
        var a = new RandomForest(5, maxFeatures: 1, generator: new Generator(7)).Fit(x, y).Predict(x).ToArray<long>();
        var b = new RandomForest(5, maxFeatures: 1, generator: new Generator(7)).Fit(x, y).Predict(x).ToArray<long>();
        Assert.Equal(a, b);
    }
}
