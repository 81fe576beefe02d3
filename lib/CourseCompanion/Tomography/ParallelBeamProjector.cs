using CourseCompanion.Tensors;

namespace CourseCompanion.Tomography;

/// <summary>
/// The parallel-beam X-ray transform of a square image of <c>size</c> × <c>size</c> pixels (unit spacing, centred) and its
/// adjoint. A line integral p(s, θ) collects the pixels with x cos θ + y sin θ ≈ s, each split between its two nearest
/// detector bins by linear interpolation (pixel-driven). <see cref="BackProject"/> uses exactly the same weights,
/// so it is the transpose Aᵀ of the projection A: ⟨A f, p⟩ = ⟨f, Aᵀ p⟩. Both are tensor operations with autograd, so a
/// reconstruction pipeline built from them can be trained end to end.
/// </summary>
public sealed class ParallelBeamProjector
{
    private readonly Tensor bins, weights;

    /// <summary>
    /// A projector with <paramref name="views"/> angles evenly spaced over [0°, <paramref name="arcDegrees"/>) and
    /// <paramref name="detectors"/> bins of unit width (default: as many as the image is wide, times √2 to see the corners).
    /// </summary>
    public ParallelBeamProjector(int size, int views, int? detectors = null, double arcDegrees = 180)
    {
        if (size < 2 || views < 1) throw new ArgumentException($"ParallelBeamProjector: need size ≥ 2 and views ≥ 1, got {size} and {views}.");
        Size = size;
        Views = views;
        Detectors = detectors ?? (int)Math.Ceiling(size * Math.Sqrt(2)) + 1;
        ArcDegrees = arcDegrees;
        Angles = Enumerable.Range(0, views).Select(v => arcDegrees * Math.PI / 180 * v / views).ToArray();

        int pixels = size * size;
        var binIndex = new long[views * pixels * 2];
        var weight = new float[views * pixels * 2];
        double centre = (size - 1) / 2.0, detectorCentre = (Detectors - 1) / 2.0;
        for (int v = 0; v < views; v++)
        {
            double cos = Math.Cos(Angles[v]), sin = Math.Sin(Angles[v]);
            for (int r = 0; r < size; r++)
                for (int c = 0; c < size; c++)
                {
                    double x = c - centre, y = centre - r;
                    double s = x * cos + y * sin + detectorCentre;
                    int k = (int)Math.Floor(s);
                    double t = s - k;
                    int at = ((v * pixels) + r * size + c) * 2;
                    if (k >= 0 && k < Detectors) { binIndex[at] = v * Detectors + k; weight[at] = (float)(1 - t); }
                    if (k + 1 >= 0 && k + 1 < Detectors) { binIndex[at + 1] = v * Detectors + k + 1; weight[at + 1] = (float)t; }
                }
        }
        bins = Tensor.FromArray(binIndex);
        weights = Tensor.FromArray(weight, views, pixels, 2);
    }

    /// <summary>Image side length in pixels.</summary>
    public int Size { get; }

    /// <summary>Number of projection angles.</summary>
    public int Views { get; }

    /// <summary>Number of detector bins per view.</summary>
    public int Detectors { get; }

    /// <summary>The angular range covered, in degrees (180 is a complete parallel-beam scan).</summary>
    public double ArcDegrees { get; }

    /// <summary>The projection angles θ in radians.</summary>
    public IReadOnlyList<double> Angles { get; }

    /// <summary>The sinogram p = A f [views, detectors] of an image [size, size] (or a batch [B, size, size] → [B, views, detectors]).</summary>
    public Tensor Project(Tensor image)
    {
        bool batched = CheckShape(image, Size, Size, "Project");
        var f = batched ? image : image.Unsqueeze(0);
        int b = f.Size(0);
        var contributions = f.Reshape(b, 1, Size * Size, 1) * weights.To(f.DType);
        var index = bins.Unsqueeze(0).Expand(b, bins.Size(0));
        var sinogram = Tensor.Zeros([b, Views * Detectors], f.DType).ScatterAdd(1, index, contributions.Reshape(b, -1));
        sinogram = sinogram.Reshape(b, Views, Detectors);
        return batched ? sinogram : sinogram.Squeeze(0);
    }

    /// <summary>
    /// The back-projection Aᵀ p [size, size] of a sinogram [views, detectors] (or a batch): every pixel sums, over the views,
    /// the interpolated value at its own s = x cos θ + y sin θ. Unfiltered, this gives a blurred image.
    /// </summary>
    public Tensor BackProject(Tensor sinogram)
    {
        bool batched = CheckShape(sinogram, Views, Detectors, "BackProject");
        var p = batched ? sinogram : sinogram.Unsqueeze(0);
        int b = p.Size(0);
        var picked = p.Reshape(b, Views * Detectors).IndexSelect(1, bins).Reshape(b, Views, Size * Size, 2) * weights.To(p.DType);
        var image = picked.Sum([1, 3]).Reshape(b, Size, Size);
        return batched ? image : image.Squeeze(0);
    }

    /// <summary>
    /// Filtered back-projection with the Ram-Lak filter: f = max(0, π / views · Aᵀ (p ∗ h)) for a full 180° scan.
    /// The three steps are the three "layers" of the lecture's reconstruction network: convolution, back-projection, ReLU.
    /// </summary>
    public Tensor FilteredBackProject(Tensor sinogram) =>
        (BackProject(RampFilter.Apply(sinogram, RampFilter.Kernel(Detectors, sinogram.DType))) * (Math.PI / Views)).Relu();

    /// <inheritdoc/>
    public override string ToString() => $"ParallelBeamProjector(size = {Size}, views = {Views}, detectors = {Detectors}, arc = {ArcDegrees}°)";

    private static bool CheckShape(Tensor t, int rows, int columns, string who)
    {
        bool ok = (t.Dim == 2 || t.Dim == 3) && t.Size(-2) == rows && t.Size(-1) == columns;
        if (!ok) throw new ArgumentException($"ParallelBeamProjector.{who}: expected [{rows}, {columns}] or [B, {rows}, {columns}], got [{string.Join(", ", t.Shape)}].");
        return t.Dim == 3;
    }
}
