using CourseCompanion.NN;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.NN;

/// <summary>The chapter 4 size and parameter arithmetic: the lecture's numbers, and agreement with the layers themselves.</summary>
public class ConvArithmeticTests
{
    [Theory]
    [InlineData(224, 11, 4, 0, 1, 54)]
    [InlineData(227, 11, 4, 0, 1, 55)]
    [InlineData(55, 3, 2, 0, 1, 27)]   // AlexNet's overlapping pooling
    [InlineData(32, 3, 1, 1, 1, 32)]   // "same" padding
    [InlineData(7, 3, 2, 0, 1, 3)]
    [InlineData(16, 3, 1, 0, 2, 12)]   // dilation 2: the 3×3 kernel spans 5 pixels
    [InlineData(5, 2, 2, 0, 1, 2)]     // floor, not ceiling: the last pixel is dropped
    public void OutputSizeFollowsTheFloorFormula(int input, int kernel, int stride, int padding, int dilation, int expected) =>
        Assert.Equal(expected, ConvArithmetic.OutputSize(input, kernel, stride, padding, dilation));

    [Theory]
    [InlineData(13, 3, 1, 1, 1)]
    [InlineData(13, 3, 2, 1, 1)]
    [InlineData(14, 5, 2, 2, 2)]
    [InlineData(9, 2, 3, 0, 3)]
    public void OutputSizeAgreesWithTheConvolutionOp(int input, int kernel, int stride, int padding, int dilation)
    {
        var y = Tensor.Randn([1, 1, input, input], new Generator(1)).Conv2d(Tensor.Ones(1, 1, kernel, kernel), stride: stride, padding: padding, dilation: dilation);
        Assert.Equal(ConvArithmetic.OutputSize(input, kernel, stride, padding, dilation), y.Size(2));
    }

    [Fact]
    public void OutputSizeRejectsAKernelThatDoesNotFit() =>
        Assert.Throws<ArgumentException>(() => ConvArithmetic.OutputSize(4, 3, dilation: 2));

    [Fact]
    public void ParameterCountsMatchTheLecture()
    {
        Assert.Equal(2_097_160, ConvArithmetic.LinearParameters(512 * 512, 8));
        Assert.Equal(200, ConvArithmetic.ConvParameters(1, 8, 5, 5, bias: false));
        Assert.Equal(7_296, ConvArithmetic.ConvParameters(3, 96, 5, 5));
        Assert.Equal(34_848, ConvArithmetic.ConvParameters(3, 96, 11, 11, bias: false));
        Assert.Equal(1_600_000_000, ConvArithmetic.LinearParameters(40_000, 40_000, bias: false));
        Assert.Equal(new Conv2d(16, 32, 3).ParameterCount, ConvArithmetic.ConvParameters(16, 32, 3, 3));
    }

    [Fact]
    public void ReceptiveFieldGrowsWithDepthStrideAndDilation()
    {
        Assert.Equal(3, ConvArithmetic.ReceptiveField((3, 1, 1)));
        Assert.Equal(5, ConvArithmetic.ReceptiveField((3, 1, 1), (3, 1, 1)));
        Assert.Equal(5, ConvArithmetic.ReceptiveField((3, 1, 2)));
        Assert.Equal(7, ConvArithmetic.ReceptiveField((3, 2, 1), (3, 1, 1)));  // the second layer's taps are 2 pixels apart
    }
}
