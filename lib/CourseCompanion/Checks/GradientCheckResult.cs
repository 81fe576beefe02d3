using System.Globalization;

namespace CourseCompanion.Checks;

/// <summary>The worst entry of a gradient check: which input and element, both gradients, and their relative error.</summary>
public sealed record GradientCheckResult(bool Passed, int InputIndex, int[] Index, double Analytic, double Numeric, double RelativeError, double Tolerance)
{
    /// <inheritdoc/>
    public override string ToString() => InputIndex < 0
        ? "Gradient check passed: no floating-point input requires a gradient."
        : string.Create(CultureInfo.InvariantCulture,
            $"Gradient check {(Passed ? "passed" : "FAILED")}: worst at input {InputIndex}, element [{string.Join(", ", Index)}]: analytic {Analytic:G8}, numeric {Numeric:G8}, relative error {RelativeError:E2} (tolerance {Tolerance:E0}).");
}

/// <summary>Thrown by <see cref="GradientCheck.Assert"/> when analytic and numeric gradients disagree.</summary>
public sealed class GradientCheckException(string message) : Exception(message);
