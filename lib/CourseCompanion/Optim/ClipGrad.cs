using CourseCompanion.Tensors;

namespace CourseCompanion.Optim;

/// <summary>Gradient clipping, as <c>torch.nn.utils.clip_grad_norm_</c> and <c>clip_grad_value_</c>; call after Backward, before Step.</summary>
public static class ClipGrad
{
    /// <summary>Scales all gradients together so their joint L2 norm is at most maxNorm; returns the norm before clipping.</summary>
    public static double Norm(IEnumerable<Tensor> parameters, double maxNorm)
    {
        var grads = parameters.Select(p => p.Grad).OfType<Tensor>().ToList();
        double total = Math.Sqrt(grads.Sum(g => g.ToArray<double>().Sum(v => v * v)));
        double scale = maxNorm / (total + 1e-6);
        if (scale < 1)
            using (Autograd.NoGrad())
                foreach (var g in grads) g.Mul_(scale);
        return total;
    }

    /// <summary>Clamps every gradient element into [−clip, clip].</summary>
    public static void Value(IEnumerable<Tensor> parameters, double clip)
    {
        foreach (var p in parameters)
            if (p.Grad is { } g)
            {
                var values = g.ToArray<double>().Select(v => Math.Clamp(v, -clip, clip)).ToArray();
                using (Autograd.NoGrad()) g.Copy_(Tensor.FromArray(values, g.Shape));
            }
    }
}
