namespace MlNetEmotion.Neural.Autograd;

/// <summary>Computes input gradients from output gradients for one recorded op.</summary>
/// <param name="gradOutputs">Gradient for every output of the op (zeros where none flowed).</param>
/// <returns>Gradient for every input, in input order; null where an input needs none.</returns>
public delegate Tensor?[] BackwardFunction(Tensor[] gradOutputs);

/// <summary>One recorded op on the autograd tape: its inputs and how to push gradients back to them.</summary>
internal sealed class Node(string name, Tensor[] inputs, long[][] outputShapes, BackwardFunction backward)
{
    public string Name { get; } = name;

    public Tensor[] Inputs { get; } = inputs;

    public long[][] OutputShapes { get; } = outputShapes;

    public BackwardFunction Backward { get; } = backward;
}
