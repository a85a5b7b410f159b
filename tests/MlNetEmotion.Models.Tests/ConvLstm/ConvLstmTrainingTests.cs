using MlNetEmotion.Models.ConvLstm;
using MlNetEmotion.Neural;

namespace MlNetEmotion.Models.Tests.ConvLstm;

/// <summary>Paper 001's network and baselines learn a per-frame target with the 1 − CCC loss and Adam (lr 1e-2 here;
/// the paper uses 1e-4 over many more epochs).</summary>
public sealed class ConvLstmTrainingTests
{
    [Theory]
    [InlineData("convlstm")]
    [InlineData("cnn-lstm")]
    [InlineData("cnn-gru")]
    public void Ccc_loss_falls_with_training(string kind)
    {
        torch.manual_seed(5);
        var x = torch.randn([4, 5, 4, 8, 8], new Generator(41));
        // Target per frame: valence from the mean of channel 0, arousal from the mean of channel 1 (in [-1, 1]).
        var valence = x.select(2, 0).mean([2, 3]).mul(3f).tanh();
        var arousal = x.select(2, 1).mean([2, 3]).mul(-3f).tanh();
        var target = torch.stack([valence, arousal], 2);
        Func<Tensor, Tensor> model;
        IEnumerable<Tensor> parameters;
        switch (kind)
        {
            case "convlstm":
                var net = new ConvLstmRegressor(4, 8, 8, [4, 3, 2], kernel_size: 7, pool: 4, hidden_units: 8, generator: new Generator(42));
                (model, parameters) = (net.forward, net.parameters());
                break;
            case "cnn-lstm":
                var lstm = new CnnLstmRegressor(4, 8, 8, hidden_size: 8, pool: 4, generator: new Generator(43));
                (model, parameters) = (lstm.forward, lstm.parameters());
                break;
            default:
                var gru = new CnnGruRegressor(4, 8, 8, hidden_size: 8, pool: 4, generator: new Generator(44));
                (model, parameters) = (gru.forward, gru.parameters());
                break;
        }

        var loss = new ConcordanceLoss();
        var optimizer = torch.optim.Adam(parameters, 1e-2);
        float first = 0, last = 0;
        for (int step = 0; step < 40; step++)
        {
            optimizer.zero_grad();
            var value = loss.forward(model(x), target);
            if (step == 0) first = value.item();
            last = value.item();
            value.backward();
            optimizer.step();
        }

        Assert.True(float.IsFinite(last));
        Assert.True(last < 0.5f * first, $"{kind}: 1 − CCC went from {first} to {last}");
    }
}
