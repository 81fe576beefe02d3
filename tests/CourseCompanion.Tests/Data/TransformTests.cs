using CourseCompanion.Data;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Data;

public class TransformTests
{
    private static Tensor Ramp(int c, int h, int w) =>
        Tensor.FromArray(Enumerable.Range(0, c * h * w).Select(i => (float)i).ToArray(), c, h, w);

    [Fact]
    public void NormalizeUsesEachChannelsMeanAndStd()
    {
        var x = Tensor.FromArray(new float[] { 1, 3, 10, 20 }, 2, 1, 2);
        var y = new Normalize([1, 10], [2, 5]).Apply(x);
        Assert.Equal(new float[] { 0, 1, 0, 2 }, y.ToArray<float>());
        Assert.Throws<ArgumentException>(() => new Normalize([0, 0, 0], [1, 1, 1]).Apply(x));
    }

    [Fact]
    public void HorizontalFlipTwiceIsIdentityAndOnceMirrorsRows()
    {
        var x = Ramp(2, 3, 4);
        var flip = new RandomHorizontalFlip(p: 1, generator: new Generator(0));
        var once = flip.Apply(x);
        Assert.Equal(new float[] { 3, 2, 1, 0 }, once.ToArray<float>()[..4]);
        Assert.Equal(x.ToArray<float>(), flip.Apply(once).ToArray<float>());
        Assert.Equal(x.ToArray<float>(), new RandomHorizontalFlip(p: 0).Apply(x).ToArray<float>());
    }

    [Fact]
    public void RandomCropKeepsShapeAndShiftsContentWithinPadding()
    {
        var x = Ramp(1, 5, 5).Add(1);
        var crop = new RandomCrop(5, padding: 2, generator: new Generator(7));
        var shifts = new HashSet<(int, int)>();
        for (int t = 0; t < 50; t++)
        {
            var y = crop.Apply(x);
            Assert.Equal([1, 5, 5], y.Shape);
            var v = y.ToArray<float>();
            // find where input pixel (2,2) (value 13) went: a shift by at most the padding
            int at = Array.IndexOf(v, 13f);
            Assert.True(at >= 0);
            shifts.Add((at / 5 - 2, at % 5 - 2));
            Assert.True(Math.Abs(at / 5 - 2) <= 2 && Math.Abs(at % 5 - 2) <= 2);
        }
        Assert.True(shifts.Count > 5, "the crop position should vary");
        Assert.Equal([1, 3, 3], new RandomCrop(3).Apply(x).Shape);
    }

    [Fact]
    public void RotationByAQuarterTurnMovesThePixelRightOfCentreToAboveIt()
    {
        var data = new float[9];
        data[1 * 3 + 2] = 1; // right of centre
        var x = Tensor.FromArray(data, 1, 3, 3);
        foreach (var bilinear in new[] { true, false })
        {
            var y = RandomRotation.Rotate(x, Math.PI / 2, bilinear).ToArray<float>();
            Assert.Equal(1f, y[0 * 3 + 1], 5);
            Assert.Equal(1f, y.Sum(), 5);
        }
        var random = new RandomRotation(15, generator: new Generator(0)).Apply(Ramp(1, 27, 27));
        Assert.Equal([1, 27, 27], random.Shape);
        Assert.Equal(13 * 27 + 13, random.ToArray<float>()[13 * 27 + 13], 3); // the centre stays put
    }

    [Fact]
    public void GaussianNoiseHasTheRequestedMeanAndStd()
    {
        var x = Tensor.Full([1, 100, 100], 0.5);
        var noisy = new GaussianNoise(0.1, generator: new Generator(5)).Apply(x).ToArray<float>();
        double mean = noisy.Average(v => (double)v), std = Math.Sqrt(noisy.Average(v => (v - mean) * (v - mean)));
        Assert.Equal(0.5, mean, 0.005);   // 4 standard errors of 0.001
        Assert.Equal(0.1, std, 0.003);
        Assert.Equal(0.5f, x.ToArray<float>()[0]);
    }

    [Fact]
    public void ComposeAppliesInOrderAndSeededPipelinesRepeat()
    {
        var composed = new Compose(new Lambda(t => t + 1), new Lambda(t => t * 10));
        Assert.Equal(new float[] { 10, 20 }, composed.Apply(Tensor.FromArray(new float[] { 0, 1 }, 1, 1, 2)).ToArray<float>());

        Compose Augment(ulong seed)
        {
            var g = new Generator(seed);
            return new Compose(new RandomCrop(28, 4, g), new RandomHorizontalFlip(0.5, g), new RandomRotation(10, generator: g), new GaussianNoise(0.05, generator: g));
        }
        var image = Ramp(1, 28, 28).Div(784);
        Assert.Equal(Augment(1).Apply(image).ToArray<float>(), Augment(1).Apply(image).ToArray<float>());
        Assert.NotEqual(Augment(1).Apply(image).ToArray<float>(), Augment(2).Apply(image).ToArray<float>());
    }
}
