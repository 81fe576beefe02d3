using System.Globalization;

namespace CourseCompanion.Reference;

/// <summary>
/// The outcome of one of <see cref="LayerCheck"/>'s gradient checks. The pass criterion is the exercises' own:
/// the SUM over all checked entries of |a − n| / max(|a|, |n|) (entries where both are below 1e-15 count 0) must not
/// exceed <see cref="Tolerance"/>. The maximum is reported too (the syllabus convention: below 1e-6, or 1e-5 for
/// batch statistics and BPTT).
/// </summary>
public sealed record LayerCheckResult(
    string What, bool Passed, double SumRelativeError, double MaxRelativeError, int[] WorstIndex,
    double Analytic, double Numeric, double Tolerance, IReadOnlyList<string> Hints)
{
    /// <summary>A message for a student: what was checked, the worst entry, and every hint that applies.</summary>
    public string Message
    {
        get
        {
            var text = string.Create(CultureInfo.InvariantCulture,
                $"{What}: {(Passed ? "passed" : "FAILED")}; sum of relative errors {SumRelativeError:E2} (tolerance {Tolerance:E0}), worst {MaxRelativeError:E2} at [{string.Join(", ", WorstIndex)}]: analytic {Analytic:G8}, numeric {Numeric:G8}.");
            foreach (var hint in Hints) text += "\n  Possible reason: " + hint;
            return text;
        }
    }

    /// <summary>Throws a <see cref="LayerCheckException"/> carrying <see cref="Message"/> unless the check passed.</summary>
    public LayerCheckResult EnsurePassed() => Passed ? this : throw new LayerCheckException(Message);

    /// <inheritdoc/>
    public override string ToString() => Message;
}

/// <summary>Thrown by <see cref="LayerCheckResult.EnsurePassed"/>; the message carries the hints.</summary>
public sealed class LayerCheckException(string message) : Exception(message);
