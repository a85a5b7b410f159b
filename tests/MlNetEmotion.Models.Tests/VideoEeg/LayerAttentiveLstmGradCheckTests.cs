using MlNetEmotion.Models.HierarchicalLstm;
using MlNetEmotion.Models.VideoEeg;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Tests.Parity;

namespace MlNetEmotion.Models.Tests.VideoEeg;

/// <summary>The hierarchical core in training mode with the paper's dropout 0.6 between layers (the PyTorch fixtures run
/// dropout 0): finite-difference gradients with the masks fixed by re-seeding, and the masks really drop units.</summary>
public sealed class LayerAttentiveLstmGradCheckTests
{
    [Fact]
    public void Gradients_with_dropout_match_finite_differences()
    {
        var dropoutGenerator = new Generator(7);
        var core = new LayerAttentiveLstm(4, 3, 3, 5, 0.6, new Generator(1), dropoutGenerator);
        core.train();
        var x = torch.randn([2, 3, 4], new Generator(2)).requires_grad_();
        GradCheck.Check(() =>
        {
            dropoutGenerator.manual_seed(99);
            var state = core.Initial(2);
            var readouts = new List<Tensor>();
            for (int t = 0; t < 3; t++)
            {
                state = core.forward(x.select(1, t), state);
                readouts.Add(state.Readout);
            }

            return [torch.stack(readouts, 1), state.HiddenLayerWeights!, state.CellLayerWeights!];
        }, core.named_parameters().Select(p => (p.name, p.parameter)).Append(("x", x)));
    }

    [Fact]
    public void Dropout_changes_the_training_forward_but_not_the_evaluation_forward()
    {
        CoreState Step(LayerAttentiveLstm core, long seed) =>
            core.forward(torch.randn([2, 4], new Generator(seed)), core.Initial(2));

        var core = new LayerAttentiveLstm(4, 3, 3, 5, 0.6, new Generator(1), new Generator(2));
        var training = Step(core, 3).Readout.ToArray();
        core.eval();
        var evaluation = Step(core, 3).Readout.ToArray();
        Assert.Equal(evaluation, Step(core, 3).Readout.ToArray());
        Assert.NotEqual(evaluation, training);
    }
}
