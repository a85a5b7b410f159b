using MlNetEmotion.Neural.Autograd;

namespace MlNetEmotion.Neural;

public static partial class torch
{
    /// <summary>
    /// Custom differentiable ops with a hand-written backward, like PyTorch's <c>torch.autograd.Function</c>:
    /// the forward runs without recording, then one node is put on the tape for all its outputs.
    /// </summary>
    public static class autograd
    {
        /// <summary>Runs <paramref name="forward"/> under no-grad and records one node with <paramref name="backward"/>.</summary>
        /// <param name="name">Op name shown in <see cref="Tensor.grad_fn"/> and in error messages.</param>
        /// <param name="inputs">Tensors the op differentiates through (gradients are returned for them, in order).</param>
        /// <param name="forward">Computes the output; it may read <paramref name="inputs"/> through spans and capture saved buffers.</param>
        /// <param name="backward">Maps the output gradient to one gradient per input (null where not needed, e.g. when
        /// <c>inputs[i].requires_grad</c> is false).</param>
        public static Tensor apply(string name, Tensor[] inputs, Func<Tensor> forward, Func<Tensor, Tensor?[]> backward)
        {
            Tensor output;
            using (no_grad()) output = forward();
            return Engine.Record(name, output, inputs, backward);
        }

        /// <summary>Multi-output form: one node for all outputs; unused outputs get zero gradients.</summary>
        /// <param name="name">Op name.</param>
        /// <param name="inputs">Tensors the op differentiates through.</param>
        /// <param name="forward">Computes all outputs (fresh tensors).</param>
        /// <param name="backward">Maps one gradient per output to one gradient per input.</param>
        public static Tensor[] apply(string name, Tensor[] inputs, Func<Tensor[]> forward, BackwardFunction backward)
        {
            Tensor[] outputs;
            using (no_grad()) outputs = forward();
            Engine.Record(name, inputs, outputs, backward);
            return outputs;
        }
    }
}
