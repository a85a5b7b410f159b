using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.Training;

/// <summary>A network whose paper fixes its own training loss from what its last forward pass produced (sampled glimpse
/// sequences, attention weights, ...). When the module a trainer builds implements this interface, the trainer's loss
/// is the network's.</summary>
public interface INetworkLoss
{
    /// <summary>The loss of the batch whose forward pass gave <paramref name="output"/>.</summary>
    /// <param name="output">The network's output for the batch.</param>
    /// <param name="batch">The batch's inputs.</param>
    /// <param name="targets">The batch's labels.</param>
    Tensor Loss(Tensor output, NeuralBatch batch, NeuralTargets targets);
}
