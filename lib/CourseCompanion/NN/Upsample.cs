using System.Globalization;
using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>Resizes [N, C, H, W] to a size or by a scale factor, as <c>torch.nn.Upsample</c> (see <see cref="Tensor.Interpolate"/>).</summary>
public sealed class Upsample : Module
{
    private readonly Pair? _size;
    private readonly double? _scaleFactor;
    private readonly InterpolationMode _mode;
    private readonly bool? _alignCorners;

    /// <summary>Give either the output size or the scale factor.</summary>
    public Upsample(Pair? size = null, double? scaleFactor = null, InterpolationMode mode = InterpolationMode.Nearest, bool? alignCorners = null)
    {
        if ((size is null) == (scaleFactor is null))
            throw new ArgumentException("Upsample: give either size or scaleFactor, not both and not neither.");
        (_size, _scaleFactor, _mode, _alignCorners) = (size, scaleFactor, mode, alignCorners);
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Interpolate(_size, _scaleFactor, _mode, _alignCorners);

    /// <inheritdoc/>
    protected override string ExtraRepr()
    {
        string what = _scaleFactor is double s ? "scale_factor=" + PythonFloat(s) : $"size={_size}";
        return $"{what}, mode={_mode.ToString().ToLowerInvariant()}";
    }

    private static string PythonFloat(double v)
    {
        var s = v.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.') || s.Contains('E') ? s : s + ".0";
    }
}
