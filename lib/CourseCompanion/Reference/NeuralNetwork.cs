using CourseCompanion.Tensors;

namespace CourseCompanion.Reference;

/// <summary>
/// The exercises' NeuralNetwork: a list of layers between a data layer and a loss layer.
/// <see cref="AppendLayer"/> gives each trainable layer its own copy of the optimizer and initialises it;
/// <see cref="Train"/> runs forward (loss + regularization penalty) and backward per iteration and records the loss;
/// <see cref="Test"/> switches every layer to the testing phase and returns the prediction.
/// </summary>
public sealed class NeuralNetwork(IOptimizer optimizer, IInitializer weightsInitializer, IInitializer biasInitializer)
{
    private Tensor? _label;

    /// <summary>The optimizer each trainable layer gets a copy of.</summary>
    public IOptimizer Optimizer { get; } = optimizer;

    /// <summary>The layers in order.</summary>
    public List<ILayer> Layers { get; } = [];

    /// <summary>The loss of every training iteration (including the regularization penalty).</summary>
    public List<double> Loss { get; } = [];

    /// <summary>Where training batches come from.</summary>
    public IDataLayer? DataLayer { get; set; }

    /// <summary>The loss at the end of the network.</summary>
    public ILossLayer? LossLayer { get; set; }

    /// <summary>True while testing; setting it sets every layer's phase.</summary>
    public bool Phase
    {
        get => Layers.Count > 0 && Layers[0].TestingPhase;
        set { foreach (var layer in Layers) layer.TestingPhase = value; }
    }

    /// <summary>Appends a layer; a trainable one gets a fresh optimizer copy and the network's initializers.</summary>
    public void AppendLayer(ILayer layer)
    {
        if (layer is ITrainableLayer trainable)
        {
            trainable.Optimizer = Optimizer.Copy();
            trainable.Initialize(weightsInitializer, biasInitializer);
        }
        Layers.Add(layer);
    }

    /// <summary>One batch through all layers and the loss; returns data loss + Σ regularizer norms of the trainable layers' weights.</summary>
    public double Forward()
    {
        var data = DataLayer ?? throw new InvalidOperationException("NeuralNetwork.Forward: set DataLayer first.");
        var lossLayer = LossLayer ?? throw new InvalidOperationException("NeuralNetwork.Forward: set LossLayer first.");
        var (input, label) = data.Next();
        _label = label;
        double penalty = 0;
        foreach (var layer in Layers)
        {
            input = layer.Forward(input);
            if (layer is ITrainableLayer { Optimizer.Regularizer: { } regularizer } trainable)
                penalty += regularizer.Norm(trainable.Weights);
        }
        return lossLayer.Forward(input, label) + penalty;
    }

    /// <summary>The error from the loss back through the layers (each updates its weights).</summary>
    public void Backward()
    {
        var error = LossLayer!.Backward(_label ?? throw new InvalidOperationException("NeuralNetwork.Backward: call Forward first."));
        for (int i = Layers.Count - 1; i >= 0; i--) error = Layers[i].Backward(error);
    }

    /// <summary>Trains for the given number of iterations (one batch each) in the training phase.</summary>
    public void Train(int iterations)
    {
        Phase = false;
        for (int i = 0; i < iterations; i++)
        {
            Loss.Add(Forward());
            Backward();
        }
    }

    /// <summary>The prediction for an input in the testing phase (no loss, no update).</summary>
    public Tensor Test(Tensor input)
    {
        Phase = true;
        foreach (var layer in Layers) input = layer.Forward(input);
        return input;
    }
}
