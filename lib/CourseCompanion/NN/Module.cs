using System.Text;
using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// Base of every layer and model, as <c>torch.nn.Module</c>: it owns named parameters (tensors that
/// require grad), buffers (state such as running statistics) and child modules, all registered in the
/// constructor, and switches between training and evaluation behaviour.
/// </summary>
public abstract class Module
{
    private readonly List<(string Name, Tensor Value)> _parameters = [];
    private readonly List<(string Name, Tensor Value)> _buffers = [];
    private readonly List<(string Name, Module Value)> _children = [];

    /// <summary>True in training mode (dropout active, batch norm uses batch statistics).</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Maps the input to the output. Modules with several inputs (recurrent layers) offer their own overloads.</summary>
    public virtual Tensor Forward(Tensor input) =>
        throw new NotSupportedException($"{GetType().Name} does not take a single tensor; call its own Forward overload.");

    /// <summary>Registers a trainable parameter under a name and returns it (marked RequiresGrad).</summary>
    protected Tensor RegisterParameter(string name, Tensor value)
    {
        CheckNewName(name);
        value.RequiresGrad = true;
        _parameters.Add((name, value));
        return value;
    }

    /// <summary>Registers non-trainable state that is saved with the weights (e.g. running means).</summary>
    protected Tensor RegisterBuffer(string name, Tensor value)
    {
        CheckNewName(name);
        _buffers.Add((name, value));
        return value;
    }

    /// <summary>Registers a child module under a name and returns it.</summary>
    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        CheckNewName(name);
        _children.Add((name, module));
        return module;
    }

    /// <summary>Replaces the value of a registered parameter or buffer (used when loading weights).</summary>
    private void Replace(List<(string Name, Tensor Value)> list, string name, Tensor value)
    {
        int i = list.FindIndex(p => p.Name == name);
        var old = list[i].Value;
        if (!old.Shape.SequenceEqual(value.Shape))
            throw new ArgumentException($"{GetType().Name}.{name}: shape [{string.Join(", ", value.Shape)}] does not match [{string.Join(", ", old.Shape)}].");
        using (Autograd.NoGrad()) old.Copy_(value);
    }

    private void CheckNewName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
            throw new ArgumentException($"{GetType().Name}: '{name}' is not a valid name (non-empty, no dots).", nameof(name));
        if (_parameters.Any(p => p.Name == name) || _buffers.Any(b => b.Name == name) || _children.Any(c => c.Name == name))
            throw new ArgumentException($"{GetType().Name}: the name '{name}' is already registered.", nameof(name));
    }

    /// <summary>Direct children with their names.</summary>
    public IEnumerable<(string Name, Module Module)> NamedChildren() => _children.Select(c => (c.Name, c.Value));

    /// <summary>This module and all descendants, depth first, with dotted names ("" for this one).</summary>
    public IEnumerable<(string Name, Module Module)> NamedModules(string prefix = "")
    {
        yield return (prefix, this);
        foreach (var (name, child) in _children)
            foreach (var item in child.NamedModules(Join(prefix, name))) yield return item;
    }

    /// <summary>All parameters with dotted names, e.g. "0.weight".</summary>
    public IEnumerable<(string Name, Tensor Parameter)> NamedParameters() =>
        NamedModules().SelectMany(m => m.Module._parameters.Select(p => (Join(m.Name, p.Name), p.Value)));

    /// <summary>All buffers with dotted names.</summary>
    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers() =>
        NamedModules().SelectMany(m => m.Module._buffers.Select(b => (Join(m.Name, b.Name), b.Value)));

    /// <summary>All trainable tensors, for an optimizer.</summary>
    public IEnumerable<Tensor> Parameters() => NamedParameters().Select(p => p.Parameter);

    /// <summary>Number of trainable scalars.</summary>
    public long ParameterCount => Parameters().Sum(p => (long)p.NumEl);

    /// <summary>Clears the gradients of all parameters.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters()) p.Grad = null;
    }

    /// <summary>Sets training mode on this module and all descendants; returns this module.</summary>
    public Module Train(bool mode = true)
    {
        foreach (var (_, m) in NamedModules()) m.Training = mode;
        return this;
    }

    /// <summary>Sets evaluation mode (dropout off, batch norm uses running statistics).</summary>
    public Module Eval() => Train(false);

    /// <summary>Parameters and buffers by dotted name: what <see cref="Save"/> writes.</summary>
    public Dictionary<string, Tensor> StateDict() =>
        NamedParameters().Concat(NamedBuffers()).ToDictionary(p => p.Item1, p => p.Item2.Detach());

    /// <summary>Copies values from a state dict; every name must match and every entry must be used.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state)
    {
        var expected = StateDict().Keys.ToHashSet();
        var missing = expected.Except(state.Keys).ToList();
        var unexpected = state.Keys.Except(expected).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
            throw new ArgumentException($"{GetType().Name}.LoadStateDict: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}].");
        foreach (var (name, module) in NamedModules())
        {
            foreach (var p in module._parameters.ToList()) module.Replace(module._parameters, p.Name, state[Join(name, p.Name)]);
            foreach (var b in module._buffers.ToList()) module.Replace(module._buffers, b.Name, state[Join(name, b.Name)]);
        }
    }

    /// <summary>Saves parameters and buffers to a safetensors file (written atomically).</summary>
    public void Save(string path) => IO.SafeTensors.Save(path, StateDict());

    /// <summary>Loads parameters and buffers saved by <see cref="Save"/> (or by PyTorch's safetensors with the same names).</summary>
    public void Load(string path) => LoadStateDict(IO.SafeTensors.Load(path));

    /// <summary>One line describing this module's own settings, e.g. "in_features=784, out_features=10".</summary>
    protected virtual string ExtraRepr() => "";

    /// <summary>PyTorch-style nested description of the model.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(GetType().Name).Append('(').Append(ExtraRepr());
        if (_children.Count > 0)
        {
            sb.Append('\n');
            foreach (var (name, child) in _children)
                sb.Append("  (").Append(name).Append("): ").Append(child.ToString().Replace("\n", "\n  ")).Append('\n');
        }
        return sb.Append(')').ToString();
    }

    /// <summary>A table of layers with output shapes and parameter counts, for a given input shape.</summary>
    public string Summary(params int[] inputShape) => ModuleSummary.Format(this, inputShape);

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;
}
