using MlNetEmotion.Models.ConvLstm;

namespace MlNetEmotion.Models.Tests.ConvLstm;

/// <summary>Paper 001's ConvLSTM network and its CNN-LSTM / CNN-GRU baselines against their PyTorch 1.13 twins
/// (<c>tests/data/models/make_convlstm_fixtures.py</c>): outputs and all gradients within 1e-4 relative.</summary>
public sealed class ConvLstmNetworkParityTests
{
    [Fact]
    public void ConvLstm_regressor_matches_pytorch()
    {
        var model = new ConvLstmRegressor(6, 8, 8, [5, 4, 3], kernel_size: 7, pool: 4, hidden_units: 6);
        ModelFixture.CheckModule("convlstm_regressor", model, model.forward);
    }

    [Fact]
    public void Cnn_lstm_baseline_matches_pytorch()
    {
        var model = new CnnLstmRegressor(6, 8, 8, hidden_size: 5, num_layers: 2, pool: 4);
        ModelFixture.CheckModule("cnn_lstm_regressor", model, model.forward);
    }

    [Fact]
    public void Cnn_gru_baseline_matches_pytorch()
    {
        var model = new CnnGruRegressor(6, 8, 8, hidden_size: 5, num_layers: 2, pool: 4);
        ModelFixture.CheckModule("cnn_gru_regressor", model, model.forward);
    }

    [Fact]
    public void Paper_configuration_has_three_layers_of_32_16_8_filters_and_7x7_kernels()
    {
        var model = new ConvLstmRegressor(16, 14, 14);
        Assert.Equal([32L, 16L, 8L], model.encoder.filters);
        Assert.All(model.encoder.cells, c => Assert.Equal(7L, c.kernel_size));
        Assert.Equal(8L * 3 * 3, model.fc1.in_features);
        var y = model.forward(MlNetEmotion.Neural.torch.randn(2, 3, 16, 14, 14));
        Assert.Equal([2L, 3L, 2L], y.shape);
        Assert.All(y.ToArray(), v => Assert.InRange(v, -1f, 1f));
    }
}
