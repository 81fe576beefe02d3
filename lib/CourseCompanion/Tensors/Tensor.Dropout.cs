namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// Inverted dropout, like <c>F.dropout(x, p, training)</c>: in training each element is zeroed with probability
    /// <paramref name="p"/> and the survivors are scaled by 1/(1 − p), so the expected value is unchanged and evaluation
    /// needs no rescaling; with <paramref name="training"/> false it is the identity. The gradient is multiplied by the
    /// same mask and scale. Note: p is the <em>drop</em> probability, as in PyTorch; the FAU exercises' Dropout layer takes
    /// the <em>keep</em> probability, so their probability 0.8 is p = 0.2 here.
    /// </summary>
    public Tensor Dropout(double p = 0.5, bool training = true, Generator? generator = null)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "Dropout: p (the drop probability) must lie in [0, 1].");
        RequireFloatingPoint("Dropout");
        if (!training || p == 0) return this;
        var mask = Bernoulli(1 - p, ShapeArray, generator).To(DType);
        if (p < 1) mask = mask * (1 / (1 - p));
        var result = Detach() * mask;
        return Autograd.Record(result, "Dropout", [this], g => [g * mask]);
    }
}
