using CourseCompanion.Tensors;

namespace CourseCompanion.Reference;

// The FAU exercise framework's contract in .NET casing. The lecture's exercises build these in NumPy;
// a student's C# class implements the same interfaces, so the checks in LayerCheck run on it unchanged.
// Layout conventions (as in the exercises): a batch is the first dimension; images are [batch, channels, y(, x)];
// recurrent layers read the first dimension as time.

/// <summary>A layer: <c>forward(input_tensor)</c> caches what <c>backward(error_tensor)</c> needs.</summary>
public interface ILayer
{
    /// <summary>True when the layer has weights that an optimizer updates.</summary>
    bool Trainable { get; }

    /// <summary>False while training (the default), true while testing; dropout and batch norm change behaviour.</summary>
    bool TestingPhase { get; set; }

    /// <summary>Computes the output and caches what the backward pass needs.</summary>
    Tensor Forward(Tensor input);

    /// <summary>Takes ∂L/∂output, stores the weight gradients, updates the weights if an optimizer is set, returns ∂L/∂input.</summary>
    Tensor Backward(Tensor error);
}

/// <summary>A layer with weights: <c>weights</c>, <c>gradient_weights</c>, a settable <c>optimizer</c> and <c>initialize</c>.</summary>
public interface ITrainableLayer : ILayer
{
    /// <summary>The weights the gradient checks perturb (for FullyConnected: [in + 1, out], the last row is the bias).</summary>
    Tensor Weights { get; set; }

    /// <summary>∂L/∂Weights from the last <see cref="ILayer.Backward"/> (summed over the batch), or null before it.</summary>
    Tensor? GradientWeights { get; }

    /// <summary>Updates the weights in Backward when set; each layer owns its copy (the exercises' <c>copy.deepcopy</c>).</summary>
    IOptimizer? Optimizer { get; set; }

    /// <summary>Re-initialises the weights and the bias with the given initializers.</summary>
    void Initialize(IInitializer weightsInitializer, IInitializer biasInitializer);
}

/// <summary>A trainable layer that keeps its bias apart from its weights (Conv, BatchNormalization).</summary>
public interface IHasBias
{
    /// <summary>The bias (Conv: one per kernel; BatchNormalization: β, one per channel).</summary>
    Tensor Bias { get; set; }

    /// <summary>∂L/∂Bias from the last backward pass, or null before it.</summary>
    Tensor? GradientBias { get; }
}

/// <summary>A loss layer: <c>forward(prediction_tensor, label_tensor)</c> returns a number, <c>backward(label_tensor)</c> the error.</summary>
public interface ILossLayer
{
    /// <summary>The loss of a prediction against the labels (caches the prediction).</summary>
    double Forward(Tensor prediction, Tensor label);

    /// <summary>∂L/∂prediction for the cached prediction.</summary>
    Tensor Backward(Tensor label);
}

/// <summary>An optimizer: <c>calculate_update(weight_tensor, gradient_tensor)</c> returns the new weights.</summary>
public interface IOptimizer
{
    /// <summary>The new weights after one step (the input is not changed).</summary>
    Tensor CalculateUpdate(Tensor weights, Tensor gradient);

    /// <summary>An optional regularizer (the exercises' <c>add_regularizer</c>); its gradient is applied to the old weights.</summary>
    IRegularizer? Regularizer { get; set; }

    /// <summary>A fresh optimizer with the same hyper-parameters and regularizer and no state (the exercises' deepcopy).</summary>
    IOptimizer Copy();
}

/// <summary>A regularizer ("constraint" in the exercises): its loss term and its (sub)gradient.</summary>
public interface IRegularizer
{
    /// <summary>The (sub)gradient of the penalty with respect to the weights.</summary>
    Tensor CalculateGradient(Tensor weights);

    /// <summary>The penalty added to the loss.</summary>
    double Norm(Tensor weights);
}

/// <summary>A weight initializer: <c>initialize(weights_shape, fan_in, fan_out)</c>.</summary>
public interface IInitializer
{
    /// <summary>New float64 weights of the given shape.</summary>
    Tensor Initialize(int[] shape, int fanIn, int fanOut);
}

/// <summary>Where a network gets its batches: <c>next()</c> returns (input, one-hot labels).</summary>
public interface IDataLayer
{
    /// <summary>The next training batch.</summary>
    (Tensor Input, Tensor Label) Next();
}
