using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Tensors;

/// <summary>Creation, views sharing storage, conversions, devices and error messages.</summary>
public class TensorBasicsTests
{
    [Fact]
    public void CreationFunctionsHaveTorchShapesAndValues()
    {
        Assert.Equal([0L, 1, 2, 3, 4], Tensor.Arange(5).ToArray<long>());
        Assert.Equal([2L, 5, 8], Tensor.Arange(2, 10, 3).ToArray<long>());
        Assert.Equal([5L, 3, 1], Tensor.Arange(5, 0, -2).ToArray<long>());
        Assert.Equal([0.0, 0.25, 0.5, 0.75, 1.0], Tensor.Linspace(0, 1, 5, DType.Float64).ToArray<double>());
        Assert.Equal([1f, 0, 0, 0, 1, 0], Tensor.Eye(2, 3).ToArray<float>());
        Assert.Equal(DType.Int64, Tensor.Arange(3).DType);
        Assert.Equal([3, 0], Tensor.Zeros(3, 0).Shape);
        Assert.Equal(28.0, Tensor.Full([2, 2], 7).Sum().Item());
    }

    [Fact]
    public void FromArrayRejectsAShapeThatDoesNotFit()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.FromArray(new float[5], 2, 3));
        Assert.Contains("[2, 3]", e.Message);
    }

    [Fact]
    public void ViewsShareStorageWithTheirBase()
    {
        var x = Tensor.Zeros(3, 4);
        var column = x.Narrow(1, 2, 1);
        using (Autograd.NoGrad()) column.Fill_(5);
        Assert.Equal(15.0, x.Sum().Item());
        var t = x.T;
        Assert.False(t.IsContiguous);
        Assert.Equal([4, 3], t.Shape);
        Assert.Equal(5.0, t.GetDouble(2, 1));
    }

    [Fact]
    public void ReshapeOfANonContiguousViewCopiesAndViewRefuses()
    {
        var x = Tensor.Arange(6).Reshape(2, 3).T;
        Assert.Equal([0L, 3, 1, 4, 2, 5], x.Reshape(-1).ToArray<long>());
        var e = Assert.Throws<InvalidOperationException>(() => x.View(6));
        Assert.Contains("not contiguous", e.Message);
    }

    [Fact]
    public void MatMulShapeErrorNamesBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(64, 784).MatMul(Tensor.Zeros(100, 10)));
        Assert.Equal("MatMul: [64, 784] x [100, 10]: inner dimensions 784 and 100 differ.", e.Message);
    }

    [Fact]
    public void BroadcastErrorNamesTheOpAndShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3) + Tensor.Zeros(4));
        Assert.Contains("Add: shapes [2, 3] and [4] cannot be broadcast", e.Message);
    }

    [Fact]
    public void NanAndInfinityPropagate()
    {
        var x = Tensor.FromArray([float.NaN, float.PositiveInfinity, 1f]);
        var y = (x * 2).ToArray<float>();
        Assert.True(float.IsNaN(y[0]));
        Assert.Equal(float.PositiveInfinity, y[1]);
        Assert.True(double.IsNaN(x.Sum().Item()));
    }

    [Fact]
    public void ConversionsRoundTrip()
    {
        var x = Tensor.FromArray([1.7f, -2.2f, 0f]);
        Assert.Equal([1L, -2, 0], x.Long().ToArray<long>());
        Assert.Equal([true, true, false], x.Bool().ToArray<bool>());
        Assert.Equal(DType.Float64, x.Double().DType);
        Assert.Equal(9007199254740993L, Tensor.FromArray([9007199254740993L]).Long().ToArray<long>()[0]);
    }

    [Fact]
    public void DeviceIsTheCpuAndCudaExplainsItsAbsence()
    {
        Assert.Equal(Device.Cpu, Device.Default);
        Assert.Same(Device.Cpu, Tensor.Zeros(1).To(Device.Cpu).Device);
        Assert.False(Device.IsCudaAvailable);
        var e = Assert.Throws<NotSupportedException>(() => Device.Parse("cuda:0"));
        Assert.Contains("no GPU", e.Message);
    }

    [Fact]
    public void SeededGeneratorsRepeatAndDiffer()
    {
        var a = Tensor.Randn([5], new Generator(42)).ToArray<float>();
        var b = Tensor.Randn([5], new Generator(42)).ToArray<float>();
        var c = Tensor.Randn([5], new Generator(43)).ToArray<float>();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }
}
