using CourseCompanion.NN;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.NN;

/// <summary>Convolution, pooling and upsampling layers: output shapes, parameter counts, PyTorch's initialisation bounds and reprs.</summary>
public class ConvModuleTests
{
    private static Sequential LeNet5() => new(
        new Conv2d(1, 6, 5, padding: 2, generator: new Generator(1)), new MaxPool2d(2),
        new Conv2d(6, 16, 5, generator: new Generator(2)), new AvgPool2d(2),
        new Flatten(), new Linear(400, 120), new Linear(120, 84), new Linear(84, 10));

    [Fact]
    public void LeNet5HasTheTextbookShapesAndParameterCount()
    {
        var net = LeNet5();
        Assert.Equal(156 + 2416 + 48120 + 10164 + 850, net.ParameterCount);
        var summary = net.Summary(2, 1, 28, 28);
        Assert.Contains("[2, 6, 28, 28]", summary);
        Assert.Contains("[2, 6, 14, 14]", summary);
        Assert.Contains("[2, 16, 10, 10]", summary);
        Assert.Contains("[2, 16, 5, 5]", summary);
        Assert.Contains("[2, 10]", summary);
    }

    [Fact]
    public void LeNet5TrainsAStepWithGradientsForEveryParameter()
    {
        var net = LeNet5();
        net.Forward(Tensor.Randn([3, 1, 28, 28], new Generator(4))).Sum().Backward();
        Assert.All(net.Parameters(), p => Assert.True(p.Grad is not null && p.Grad.Shape.SequenceEqual(p.Shape)));
    }

    [Theory]
    [InlineData(3, 8, 5, 1)]
    [InlineData(4, 8, 3, 2)]
    [InlineData(16, 4, 1, 1)]
    public void ConvInitialisationIsBoundedByOneOverSqrtFanIn(int inChannels, int outChannels, int kernel, int groups)
    {
        var layer = new Conv2d(inChannels, outChannels, kernel, groups: groups, generator: new Generator(3));
        double bound = 1 / Math.Sqrt(inChannels / groups * kernel * kernel);
        Assert.Equal([outChannels, inChannels / groups, kernel, kernel], layer.Weight.Shape);
        var w = layer.Weight.ToArray<float>();
        Assert.All(w, v => Assert.InRange(v, -bound, bound));
        Assert.True(w.Max() > 0.8 * bound && w.Min() < -0.8 * bound, "weights should fill U(-b, b), not a narrower range");
        Assert.All(layer.Bias!.ToArray<float>(), v => Assert.InRange(v, -bound, bound));
        Assert.Equal(w, new Conv2d(inChannels, outChannels, kernel, groups: groups, generator: new Generator(3)).Weight.ToArray<float>());
    }

    [Fact]
    public void ConvTransposeWeightIsInByOutAndFanInComesFromOutChannels()
    {
        var layer = new ConvTranspose2d(8, 4, 3, stride: 2, padding: 1, outputPadding: 1, generator: new Generator(5));
        Assert.Equal([8, 4, 3, 3], layer.Weight.Shape);
        double bound = 1 / Math.Sqrt(4 * 9);
        Assert.All(layer.Weight.ToArray<float>(), v => Assert.InRange(v, -bound, bound));
        Assert.Equal([2, 4, 10, 12], layer.Forward(Tensor.Zeros(2, 8, 5, 6)).Shape);
        Assert.Equal(8 * 4 * 9 + 4, layer.ParameterCount);
    }

    [Fact]
    public void LayersComputeTheirFunctionalOp()
    {
        var x = Tensor.Randn([2, 4, 6, 6], new Generator(6));
        var conv = new Conv2d(4, 2, (3, 1), stride: 2, bias: false);
        Assert.Equal(x.Conv2d(conv.Weight, stride: 2).ToArray<float>(), conv.Forward(x).ToArray<float>());
        var c1 = new Conv1d(4, 3, 3, padding: 1);
        Assert.Equal([2, 3, 6], c1.Forward(x.Select(2, 0)).Shape);
        Assert.Equal(x.MaxPool2d(3, 2, 1).ToArray<float>(), new MaxPool2d(3, 2, 1).Forward(x).ToArray<float>());
        Assert.Equal([2, 4, 3], new MaxPool1d(2).Forward(x.Select(2, 0)).Shape);
        Assert.Equal(x.Mean([2, 3], keepDim: true).ToArray<float>(), new AdaptiveAvgPool2d(1).Forward(x).ToArray<float>());
        Assert.Equal([2, 4, 12, 12], new Upsample(scaleFactor: 2).Forward(x).Shape);
        Assert.Equal([2, 4, 5, 7], new Upsample((5, 7), mode: InterpolationMode.Bilinear, alignCorners: true).Forward(x).Shape);
        var (output, indices) = new MaxPool2d(2).ForwardWithIndices(x);
        Assert.Equal(output.Shape, indices.Shape);
        Assert.Equal(DType.Int64, indices.DType);
    }

    [Fact]
    public void ReprsMatchPyTorch()
    {
        Assert.Equal("Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2))", new Conv2d(1, 6, 5, padding: 2).ToString());
        Assert.Equal("Conv2d(4, 8, kernel_size=(3, 1), stride=(2, 2), dilation=(2, 2), groups=2, bias=False)",
            new Conv2d(4, 8, (3, 1), stride: 2, dilation: 2, groups: 2, bias: false).ToString());
        Assert.Equal("Conv1d(3, 4, kernel_size=(3,), stride=(2,), padding=(1,))", new Conv1d(3, 4, 3, stride: 2, padding: 1).ToString());
        Assert.Equal("ConvTranspose2d(3, 2, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), output_padding=(1, 1))",
            new ConvTranspose2d(3, 2, 3, stride: 2, padding: 1, outputPadding: 1).ToString());
        Assert.Equal("MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)", new MaxPool2d(2).ToString());
        Assert.Equal("MaxPool2d(kernel_size=(3, 2), stride=1, padding=1, dilation=1, ceil_mode=False)", new MaxPool2d((3, 2), 1, 1).ToString());
        Assert.Equal("MaxPool1d(kernel_size=3, stride=2, padding=0, dilation=1, ceil_mode=False)", new MaxPool1d(3, 2).ToString());
        Assert.Equal("AvgPool2d(kernel_size=3, stride=2, padding=1)", new AvgPool2d(3, 2, 1, countIncludePad: false).ToString());
        Assert.Equal("AdaptiveAvgPool2d(output_size=(3, 4))", new AdaptiveAvgPool2d((3, 4)).ToString());
        Assert.Equal("Upsample(scale_factor=2.0, mode=nearest)", new Upsample(scaleFactor: 2).ToString());
        Assert.Equal("Upsample(size=(4, 5), mode=bilinear)", new Upsample((4, 5), mode: InterpolationMode.Bilinear, alignCorners: true).ToString());
    }

    [Fact]
    public void BadChannelCountsAreRefusedWithTheLayerName()
    {
        var e = Assert.Throws<ArgumentException>(() => new Conv2d(3, 4, 3, groups: 2));
        Assert.Contains("Conv2d: in_channels=3", e.Message);
    }
}
