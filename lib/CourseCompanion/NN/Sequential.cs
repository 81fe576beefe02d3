using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>Applies its layers in order, feeding each output to the next; children are named "0", "1", ….</summary>
public sealed class Sequential : Module
{
    private readonly Module[] _layers;

    /// <summary>A pipeline of single-input layers.</summary>
    public Sequential(params Module[] layers)
    {
        _layers = layers;
        for (int i = 0; i < layers.Length; i++) RegisterModule(i.ToString(System.Globalization.CultureInfo.InvariantCulture), layers[i]);
    }

    /// <summary>The layers in order.</summary>
    public IReadOnlyList<Module> Layers => _layers;

    /// <summary>The i-th layer.</summary>
    public Module this[int index] => _layers[index];

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var layer in _layers) x = layer.Forward(x);
        return x;
    }
}
