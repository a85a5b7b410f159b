namespace MlNetEmotion.Neural.Autograd;

/// <summary>Reverse-mode engine: orders the graph behind a tensor and pushes gradients back to the leaves.</summary>
internal static class Engine
{
    /// <summary>Records <paramref name="outputs"/> as produced by <paramref name="inputs"/> when grad mode is on and an input needs a gradient.</summary>
    public static void Record(string name, Tensor[] inputs, Tensor[] outputs, BackwardFunction backward)
    {
        if (!NeedsGrad(inputs)) return;
        var shapes = new long[outputs.Length][];
        for (int i = 0; i < outputs.Length; i++) shapes[i] = outputs[i].shape;
        var node = new Node(name, inputs, shapes, backward);
        for (int i = 0; i < outputs.Length; i++) outputs[i].SetGradFn(node, i);
    }

    /// <summary>Single-output form of <see cref="Record(string, Tensor[], Tensor[], BackwardFunction)"/>.</summary>
    public static Tensor Record(string name, Tensor output, Tensor[] inputs, Func<Tensor, Tensor?[]> backward)
    {
        if (NeedsGrad(inputs))
        {
            var node = new Node(name, inputs, [output.shape], g => backward(g[0]));
            output.SetGradFn(node, 0);
        }
        return output;
    }

    public static bool NeedsGrad(Tensor[] inputs)
    {
        if (!GradMode.IsEnabled) return false;
        foreach (var t in inputs)
            if (t.requires_grad) return true;
        return false;
    }

    public static bool NeedsGrad(Tensor a) => a.requires_grad && GradMode.IsEnabled;

    public static bool NeedsGrad(Tensor a, Tensor b) => (a.requires_grad || b.requires_grad) && GradMode.IsEnabled;

    public static void Backward(Tensor root, Tensor? gradient)
    {
        if (!root.requires_grad)
            throw new InvalidOperationException("backward: the tensor does not require grad and has no grad_fn.");
        if (gradient is null)
        {
            if (root.numel() != 1)
                throw new InvalidOperationException($"backward: grad can be implicitly created only for one-element outputs, got shape {Shapes.Format(root.Dims)}.");
            gradient = torch.ones(root.shape);
        }
        else if (!Shapes.Equal(gradient.Dims, root.Dims))
            throw new ShapeMismatchException("backward", root.Dims, gradient.Dims, "gradient must have the tensor's shape");

        using var scope = new GradModeScope(false);
        if (root.GradFn is null)
        {
            AccumulateLeaf(root, gradient);
            return;
        }

        var order = TopologicalOrder(root.GradFn);
        var pending = new Dictionary<Node, Tensor?[]>(ReferenceEqualityComparer.Instance);
        var rootGrads = new Tensor?[root.GradFn.OutputShapes.Length];
        rootGrads[root.OutputIndex] = gradient;
        pending[root.GradFn] = rootGrads;

        for (int n = order.Count - 1; n >= 0; n--)
        {
            var node = order[n];
            if (!pending.Remove(node, out var slots)) continue;
            var gradOutputs = new Tensor[slots.Length];
            for (int i = 0; i < slots.Length; i++) gradOutputs[i] = slots[i] ?? torch.zeros(node.OutputShapes[i]);

            var gradInputs = node.Backward(gradOutputs);
            if (gradInputs.Length != node.Inputs.Length)
                throw new InvalidOperationException($"backward of {node.Name}: returned {gradInputs.Length} gradients for {node.Inputs.Length} inputs.");

            for (int i = 0; i < gradInputs.Length; i++)
            {
                var input = node.Inputs[i];
                var g = gradInputs[i];
                if (g is null || !input.requires_grad) continue;
                if (!Shapes.Equal(g.Dims, input.Dims))
                    throw new ShapeMismatchException($"backward of {node.Name} (input {i})", input.Dims, g.Dims, "gradient must have the input's shape");
                if (input.GradFn is null)
                {
                    AccumulateLeaf(input, g);
                    continue;
                }
                if (!pending.TryGetValue(input.GradFn, out var inputSlots))
                {
                    inputSlots = new Tensor?[input.GradFn.OutputShapes.Length];
                    pending[input.GradFn] = inputSlots;
                }
                ref var slot = ref inputSlots[input.OutputIndex];
                slot = slot is null ? g : slot + g;
            }
        }
    }

    /// <summary>
    /// The storage of <paramref name="t"/>'s gradient when <paramref name="t"/> is a leaf that needs one and already
    /// holds one of its shape, else null. An op's backward may add its share straight into that storage and return a
    /// null gradient for <paramref name="t"/>: the same sum <see cref="AccumulateLeaf"/> would form, without a
    /// gradient-sized temporary per call (megabytes per step for recurrent weights).
    /// </summary>
    public static float[]? ExistingLeafGradient(Tensor t) =>
        t.requires_grad && t.is_leaf && t.grad is { } g && Shapes.Equal(g.Dims, t.Dims) ? g.Data : null;

    /// <summary>Where an op's backward accumulates <paramref name="parameter"/>'s gradient: its existing <c>.grad</c>
    /// storage (see <see cref="ExistingLeafGradient"/>; then <paramref name="fresh"/> is null and the op returns no
    /// gradient for it), else a new zeroed gradient tensor, returned in <paramref name="fresh"/> for the op to hand back.</summary>
    public static float[] GradientTarget(Tensor parameter, out Tensor? fresh)
    {
        var existing = ExistingLeafGradient(parameter);
        fresh = existing is null ? new Tensor(new float[parameter.Count], parameter.shape) : null;
        return existing ?? fresh!.Data;
    }

    private static void AccumulateLeaf(Tensor leaf, Tensor g)
    {
        if (leaf.grad is null) leaf.grad = g.DetachedClone();
        else System.Numerics.Tensors.TensorPrimitives.Add(leaf.grad.Data, g.Data, leaf.grad.Data);
    }

    /// <summary>Nodes in post-order (inputs before the nodes that consume them), iteratively to survive long graphs.</summary>
    private static List<Node> TopologicalOrder(Node root)
    {
        var order = new List<Node>();
        var visited = new HashSet<Node>(ReferenceEqualityComparer.Instance) { root };
        var stack = new Stack<(Node Node, int Next)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (next < node.Inputs.Length)
            {
                stack.Push((node, next + 1));
                var child = node.Inputs[next].GradFn;
                if (child is not null && visited.Add(child)) stack.Push((child, 0));
            }
            else order.Add(node);
        }
        return order;
    }
}
