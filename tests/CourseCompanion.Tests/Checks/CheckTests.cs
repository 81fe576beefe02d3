using CourseCompanion.Checks;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Checks;

/// <summary>The assertion helpers test cells use: what passes, what fails, and what the message says.</summary>
public class CheckTests
{
    private static string FailureOf(Action check) => Assert.ThrowsAny<Exception>(check).Message;

    [Fact]
    public void CloseNamesTheQuantityValuesToleranceAndHint()
    {
        double total = 1.3;
        var message = FailureOf(() => Check.Close(total, 1.0, 1e-6, hint: "normalise by the sum"));
        Assert.Contains("total", message);
        Assert.Contains("expected 1", message);
        Assert.Contains("1.3", message);
        Assert.Contains("normalise by the sum", message);
    }

    [Fact]
    public void ZeroToleranceAcceptsEqualValues()
    {
        Check.Close(Tensor.FromArray([1.0, 2.0]), Tensor.FromArray([1.0, 2.0]), tolerance: 0);
        Check.Close(1.0, 1.0, tolerance: 0);
        Assert.Contains("[1]", FailureOf(() => Check.Close(Tensor.FromArray([1.0, 2.0]), Tensor.FromArray([1.0, 2.5]), tolerance: 0)));
    }

    [Fact]
    public void EqualComparesArraysElementByElement()
    {
        Check.Equal(new[] { 1, 2, 3 }, new[] { 1, 2, 3 });
        FailureOf(() => Check.Equal(new[] { 1, 2, 3 }, new[] { 1, 2, 4 }));
        Check.Equal("abc", "abc");
    }

    [Fact]
    public void ShapeAndTrueReportWhatWasWrong()
    {
        Assert.Contains("[2, 3]", FailureOf(() => Check.Shape(Tensor.Zeros(3, 2), [2, 3])));
        FailureOf(() => Check.True(1 > 2));
    }

    [Fact]
    public void NanNeverPassesClose() =>
        FailureOf(() => Check.Close(Tensor.FromArray([double.NaN]), Tensor.FromArray([0.0])));
}
