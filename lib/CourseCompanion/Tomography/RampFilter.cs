using CourseCompanion.Tensors;

namespace CourseCompanion.Tomography;

/// <summary>
/// The ramp (Ram-Lak) filter of filtered back-projection as a 1D convolution along the detector coordinate s.
/// Its discrete kernel for unit detector spacing is h[0] = 1/4, h[k] = −1/(π² k²) for odd k and 0 for even k ≠ 0
/// (Kak and Slaney, eq. 3.61); in frequency space it is |ω| up to band-limiting.
/// </summary>
public static class RampFilter
{
    /// <summary>The kernel taps h[−(D − 1)] … h[D − 1] (length 2D − 1) for <paramref name="detectors"/> = D bins.</summary>
    public static Tensor Kernel(int detectors, DType dtype = DType.Float32)
    {
        if (detectors < 1) throw new ArgumentOutOfRangeException(nameof(detectors), detectors, "RampFilter: need at least one detector.");
        var taps = new double[2 * detectors - 1];
        for (int k = -(detectors - 1); k < detectors; k++)
            taps[k + detectors - 1] = k == 0 ? 0.25 : k % 2 != 0 ? -1 / (Math.PI * Math.PI * k * k) : 0;
        return Tensor.FromArray(taps).To(dtype);
    }

    /// <summary>
    /// Convolves every row (view) of <paramref name="sinogram"/> [..., D] with <paramref name="kernel"/> [2D − 1]:
    /// q[k] = Σ_j p[j] h[k − j], zero outside the detector. Differentiable in both the sinogram and the kernel
    /// (the convolution is written as a product with the Toeplitz matrix T[j, k] = h[k − j]), so the filter can be learned.
    /// </summary>
    public static Tensor Apply(Tensor sinogram, Tensor kernel)
    {
        int d = sinogram.Size(-1);
        if (kernel.Dim != 1 || kernel.Size(0) != 2 * d - 1)
            throw new ArgumentException($"RampFilter.Apply: kernel must be [{2 * d - 1}] for {d} detectors, got [{string.Join(", ", kernel.Shape)}].");
        var index = new long[d * d];
        for (int j = 0; j < d; j++)
            for (int k = 0; k < d; k++) index[j * d + k] = k - j + d - 1;
        var toeplitz = kernel.IndexSelect(0, Tensor.FromArray(index)).Reshape(d, d).To(sinogram.DType);
        return sinogram.MatMul(toeplitz);
    }
}
