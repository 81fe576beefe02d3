using CourseCompanion.Tensors;

namespace CourseCompanion.Reference;

/// <summary>
/// The exercises' convolution layer (a cross-correlation, like every deep-learning framework), 1-D or 2-D:
/// convolutionShape [c, m] or [c, m, n], input [batch, c, y] or [batch, c, y, x], weights [kernels, c, m(, n)],
/// one bias per kernel. Padding is "same" as <c>scipy.signal.correlate(…, mode='same')</c> defines it: ⌊m/2⌋ zeros
/// before and ⌊(m − 1)/2⌋ after (so even kernels pad one more in front), then the output is subsampled with the
/// stride: size ⌈y / s⌉.
/// <code>
/// out[b, k, p, q] = bias[k] + Σ_c Σ_i Σ_j W[k, c, i, j] · x[b, c, p·s_y + i − ⌊m/2⌋, q·s_x + j − ⌊n/2⌋]
/// </code>
/// Backward scatters each error back along the same index map: ∂L/∂W[k,c,i,j] = Σ E[b,k,p,q]·x[…], ∂L/∂x[…] += E[b,k,p,q]·W[k,c,i,j],
/// ∂L/∂bias[k] = Σ E[b,k,·,·].
/// </summary>
public sealed class Conv : ITrainableLayer, IHasBias
{
    private readonly int _sy, _sx, _c, _m, _n;
    private double[]? _input;
    private int[]? _inputShape;
    private IOptimizer? _optimizer, _biasOptimizer;

    /// <summary>Creates the layer with weights and bias U[0, 1), as the exercises do.</summary>
    /// <param name="strideShape">[s] for 1-D or [s_y, s_x] for 2-D (a single value is used for both).</param>
    /// <param name="convolutionShape">[c, m] for 1-D or [c, m, n] for 2-D.</param>
    /// <param name="numKernels">Number of kernels (output channels).</param>
    /// <param name="generator">Random source for the default initialisation.</param>
    public Conv(int[] strideShape, int[] convolutionShape, int numKernels, Generator? generator = null)
    {
        if (convolutionShape.Length is not (2 or 3)) throw new ArgumentException("Conv: convolutionShape is [c, m] (1-D) or [c, m, n] (2-D).", nameof(convolutionShape));
        StrideShape = (int[])strideShape.Clone();
        ConvolutionShape = (int[])convolutionShape.Clone();
        NumKernels = numKernels;
        Is1D = convolutionShape.Length == 2;
        _c = convolutionShape[0];
        _m = convolutionShape[1];
        _n = Is1D ? 1 : convolutionShape[2];
        _sy = strideShape[0];
        _sx = Is1D ? 1 : (strideShape.Length > 1 ? strideShape[1] : strideShape[0]);
        Weights = Tensor.Rand([numKernels, .. convolutionShape], generator, DType.Float64);
        Bias = Tensor.Rand([numKernels], generator, DType.Float64);
    }

    /// <summary>The stride as given.</summary>
    public int[] StrideShape { get; }

    /// <summary>[c, m] or [c, m, n].</summary>
    public int[] ConvolutionShape { get; }

    /// <summary>Number of kernels.</summary>
    public int NumKernels { get; }

    /// <summary>True for a 1-D convolution.</summary>
    public bool Is1D { get; }

    /// <inheritdoc/>
    public bool Trainable => true;

    /// <inheritdoc/>
    public bool TestingPhase { get; set; }

    /// <summary>[kernels, c, m(, n)].</summary>
    public Tensor Weights { get; set; }

    /// <summary>[kernels].</summary>
    public Tensor Bias { get; set; }

    /// <inheritdoc/>
    public Tensor? GradientWeights { get; private set; }

    /// <inheritdoc/>
    public Tensor? GradientBias { get; private set; }

    /// <summary>Updates the weights; a copy updates the bias (the exercises deep-copy it).</summary>
    public IOptimizer? Optimizer
    {
        get => _optimizer;
        set { _optimizer = value; _biasOptimizer = value?.Copy(); }
    }

    /// <summary>fan_in = c·m·n, fan_out = kernels·m·n (as the exercises define them); the bias uses the same fans.</summary>
    public void Initialize(IInitializer weightsInitializer, IInitializer biasInitializer)
    {
        int fanIn = _c * _m * _n, fanOut = NumKernels * _m * _n;
        Weights = weightsInitializer.Initialize([NumKernels, .. ConvolutionShape], fanIn, fanOut).Double();
        Bias = biasInitializer.Initialize([NumKernels], fanIn, fanOut).Double().Reshape(NumKernels);
    }

    /// <inheritdoc/>
    public Tensor Forward(Tensor input)
    {
        using var _ = Autograd.NoGrad();
        if (input.Dim != (Is1D ? 3 : 4) || input.Size(1) != _c)
            throw new ArgumentException($"Conv.Forward: expected [batch, {_c}, y{(Is1D ? "" : ", x")}], got [{string.Join(", ", input.Shape)}].");
        _inputShape = input.Shape;
        _input = input.Double().Contiguous().ToArray<double>();
        var (batch, ny, nx, oy, ox) = Sizes();
        var w = Weights.Double().Contiguous().ToArray<double>();
        var bias = Bias.Double().Contiguous().ToArray<double>();
        var output = new double[batch * NumKernels * oy * ox];
        int padY = _m / 2, padX = _n / 2;
        for (int b = 0; b < batch; b++)
            for (int k = 0; k < NumKernels; k++)
                for (int p = 0; p < oy; p++)
                    for (int q = 0; q < ox; q++)
                    {
                        double sum = bias[k];
                        for (int c = 0; c < _c; c++)
                            for (int i = 0; i < _m; i++)
                            {
                                int y = p * _sy + i - padY;
                                if (y < 0 || y >= ny) continue;
                                for (int j = 0; j < _n; j++)
                                {
                                    int x = q * _sx + j - padX;
                                    if (x < 0 || x >= nx) continue;
                                    sum += w[((k * _c + c) * _m + i) * _n + j] * _input[((b * _c + c) * ny + y) * nx + x];
                                }
                            }
                        output[((b * NumKernels + k) * oy + p) * ox + q] = sum;
                    }
        return Tensor.FromArray(output, Is1D ? [batch, NumKernels, oy] : [batch, NumKernels, oy, ox]);
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor error)
    {
        using var _ = Autograd.NoGrad();
        var input = _input ?? throw new InvalidOperationException("Conv.Backward: call Forward first.");
        var (batch, ny, nx, oy, ox) = Sizes();
        var e = error.Double().Contiguous().ToArray<double>();
        if (e.Length != batch * NumKernels * oy * ox)
            throw new ArgumentException($"Conv.Backward: the error has {e.Length} elements, the output had {batch * NumKernels * oy * ox}.");
        var w = Weights.Double().Contiguous().ToArray<double>();
        var dw = new double[w.Length];
        var db = new double[NumKernels];
        var dx = new double[input.Length];
        int padY = _m / 2, padX = _n / 2;
        for (int b = 0; b < batch; b++)
            for (int k = 0; k < NumKernels; k++)
                for (int p = 0; p < oy; p++)
                    for (int q = 0; q < ox; q++)
                    {
                        double g = e[((b * NumKernels + k) * oy + p) * ox + q];
                        db[k] += g;
                        for (int c = 0; c < _c; c++)
                            for (int i = 0; i < _m; i++)
                            {
                                int y = p * _sy + i - padY;
                                if (y < 0 || y >= ny) continue;
                                for (int j = 0; j < _n; j++)
                                {
                                    int x = q * _sx + j - padX;
                                    if (x < 0 || x >= nx) continue;
                                    int wi = ((k * _c + c) * _m + i) * _n + j, xi = ((b * _c + c) * ny + y) * nx + x;
                                    dw[wi] += g * input[xi];
                                    dx[xi] += g * w[wi];
                                }
                            }
                    }
        GradientWeights = Tensor.FromArray(dw, Weights.Shape);
        GradientBias = Tensor.FromArray(db, NumKernels);
        if (_optimizer is not null) Weights = _optimizer.CalculateUpdate(Weights, GradientWeights);
        if (_biasOptimizer is not null) Bias = _biasOptimizer.CalculateUpdate(Bias, GradientBias);
        return Tensor.FromArray(dx, _inputShape!);
    }

    private (int Batch, int Ny, int Nx, int Oy, int Ox) Sizes()
    {
        var s = _inputShape!;
        int ny = s[2], nx = Is1D ? 1 : s[3];
        return (s[0], ny, nx, (ny + _sy - 1) / _sy, (nx + _sx - 1) / _sx);
    }
}
