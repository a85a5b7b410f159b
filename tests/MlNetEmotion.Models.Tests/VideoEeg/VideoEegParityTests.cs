using MlNetEmotion.Models.Attention;
using MlNetEmotion.Models.HierarchicalLstm;
using MlNetEmotion.Models.VideoEeg;
using MlNetEmotion.Models.VisEegLstm;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Tests.Parity;
using F = MlNetEmotion.Neural.torch.nn.functional;

namespace MlNetEmotion.Models.Tests.VideoEeg;

/// <summary>
/// The seed 000 / 002 modules against their PyTorch 1.13 twins written from the papers
/// (tests/data/neural/make_model_fixtures.py): outputs, parameter gradients and input gradients of
/// Σ output ⊙ upstream, each element within 1e-4 relative (<see cref="Tolerance"/>'s criterion).
/// </summary>
public sealed class VideoEegParityTests
{
    private const double Rel = 1e-4;

    [Fact]
    public void Band_attention_matches_pytorch()
    {
        var p = new ModuleParity("seed000_band_attention", new BandAttention(3, 5, 4, 6));
        var r = ((BandAttention)p.Module).forward(p.Input("e"), p.Input("h"));
        p.Check(Rel, ("x", r.Features), ("theta", r.Weights));
    }

    [Fact]
    public void Layer_attention_matches_pytorch()
    {
        var p = new ModuleParity("seed002_layer_attention", new LayerAttention(5, 4));
        var r = ((LayerAttention)p.Module).forward(p.Input("x"));
        p.Check(Rel, ("y", r.State), ("a", r.Weights));
    }

    [Fact]
    public void Location_head_mean_and_log_probability_match_pytorch()
    {
        var head = new LocationHead(4, 0.2, learnStandardDeviation: true);
        var p = new ModuleParity("seed000_location_head", head);
        var mean = head.forward(p.Input("h"));
        p.Check(Rel, ("mean", mean), ("log_prob", head.LogProbability(mean, p.Input("actions"))));
    }

    [Fact]
    public void Glimpse_matches_pytorch()
    {
        var p = new ModuleParity("seed000_glimpse", new Glimpse(5, 4));
        var previous = new GlimpseState(new LstmState(p.Input("hv"), p.Input("cv")), new LstmState(p.Input("he"), p.Input("ce")));
        var s = ((Glimpse)p.Module).forward(new GlimpseInput(p.Input("xv"), p.Input("xe"), previous));
        p.Check(Rel, ("hv", s.Visual.H), ("cv", s.Visual.C), ("he", s.Eeg.H), ("ce", s.Eeg.C));
    }

    [Fact]
    public void Band_image_cnn_matches_pytorch()
    {
        var p = new ModuleParity("seed000_band_image_cnn", new BandImageCnn(8, (2, 3), 5));
        p.Check(Rel, ("y", ((BandImageCnn)p.Module).forward(p.Input("x"))));
    }

    [Fact]
    public void Band_image_fc_matches_pytorch()
    {
        var p = new ModuleParity("seed002_band_image_fc", new BandImageFc(8, 9, 5));
        p.Check(Rel, ("y", ((BandImageFc)p.Module).forward(p.Input("x"))));
    }

    [Fact]
    public void Layer_and_band_penalties_match_pytorch()
    {
        var p = new ModuleParity("seed002_penalties", torch.nn.Identity());
        var layer = LayerAttentionPenalty.Compute(p.Input("u_alpha").softmax(2), p.Input("u_beta").softmax(2));
        var band = BandBalancePenalty.Compute(p.Input("u_theta").softmax(2), 0.02f);
        p.Check(Rel, ("penalty", layer.reshape(1)), ("band_penalty", band.reshape(1)));
    }

    [Fact]
    public void Vis_eeg_lstm_network_matches_pytorch()
    {
        var network = new VisEegLstmNetwork(new VisEegLstmOptions
        {
            FaceFeatures = 7, ImageSize = 8, BandFeatures = 5, Features = 6, GlimpseHidden = 4, CoreHidden = 5,
            ConvolutionChannels = (2, 3), Classes = 3, Dropout = 0, LocationStandardDeviation = 0.2, LearnLocationStandardDeviation = true,
        });
        var p = new ModuleParity("seed000_network", network);
        var o = network.forward(new VideoEegTrial(p.Input("faces"), p.Input("images")), p.Input("frames"));
        var loss = VisEegLstmLoss.Compute(o.Logits, p.Input("target"), o.BandWeights);
        p.Check(Rel, Common(network, p, o)
            .Append(("band_penalty", BandBalancePenalty.Compute(o.BandWeights).reshape(1))).Append(("loss", loss.reshape(1))).ToArray());
    }

    [Fact]
    public void Hierarchical_lstm_network_matches_pytorch()
    {
        var network = new HierarchicalLstmNetwork(new HierarchicalLstmOptions
        {
            FaceFeatures = 7, ImageSize = 8, BandFeatures = 5, Features = 6, GlimpseHidden = 4, BandHidden = 9, CoreHidden = 5,
            Layers = 3, AttentionSize = 4, Classes = 3, Dropout = 0, LocationStandardDeviation = 0.2, LearnLocationStandardDeviation = true,
        });
        var p = new ModuleParity("seed002_network", network);
        var o = network.forward(new VideoEegTrial(p.Input("faces"), p.Input("images")), p.Input("frames"));
        var penalty = LayerAttentionPenalty.Compute(o.HiddenLayerWeights!, o.CellLayerWeights!);
        var loss = LayerAttentionPenalty.Loss(F.cross_entropy(o.Logits, p.Input("target")), o.HiddenLayerWeights!, o.CellLayerWeights!);
        p.Check(Rel, Common(network, p, o)
            .Append(("alpha", o.HiddenLayerWeights!)).Append(("beta", o.CellLayerWeights!))
            .Append(("penalty", penalty.reshape(1))).Append(("loss", loss.reshape(1))).ToArray());
    }

    /// <summary>The outputs both network fixtures hold: scores, band weights, location means and readouts, and
    /// log π of the given actions under the means of all but the last glimpse.</summary>
    private static IEnumerable<(string, Tensor)> Common(GlimpseSequenceNetwork network, ModuleParity p, GlimpseSequenceOutput o)
    {
        long steps = o.LocationMeans.size(1);
        var logProb = network.Location.LogProbability(o.LocationMeans.narrow(1, 0, steps - 1), p.Input("actions"));
        return [("logits", o.Logits), ("band_weights", o.BandWeights), ("location_means", o.LocationMeans), ("readouts", o.Readouts), ("log_prob", logProb)];
    }
}
