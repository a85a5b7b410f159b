using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Models.VideoEeg;

/// <summary>
/// One encoder per EEG band image (Liu et al. section 2.1: a CNN per θ/α/β image then FC; Wu et al. section III.B: a
/// fully connected network per image), giving the band features e_θ,n, e_α,n, e_β,n that band attention weights.
/// Children <c>bands.0</c>, <c>bands.1</c>, … in the order of the input's band axis.
/// </summary>
public sealed class EegBandEncoder : Module<Tensor, Tensor>
{
    private readonly ModuleList<Module<Tensor, Tensor>> bands;

    /// <summary>Creates the encoder from one network per band, each mapping <c>[B, 1, size, size]</c> to <c>[B, features]</c>.</summary>
    public EegBandEncoder(IEnumerable<Module<Tensor, Tensor>> bandEncoders) : base("EegBandEncoder")
    {
        bands = torch.nn.ModuleList(bandEncoders.ToArray());
        register_module("bands", bands);
    }

    /// <summary>Number of bands.</summary>
    public int Bands => bands.Count;

    /// <summary>Encodes <paramref name="input"/> <c>[B, bands, size, size]</c> into <c>[B, bands, features]</c>.</summary>
    public override Tensor forward(Tensor input)
    {
        if (input.ndim != 4 || input.size(1) != Bands)
            throw new ArgumentException($"EegBandEncoder: band images must be [B, {Bands}, size, size].", nameof(input));
        var features = new List<Tensor>(Bands);
        for (int i = 0; i < Bands; i++) features.Add(bands[i].forward(input.narrow(1, i, 1)));
        return torch.stack(features, 1);
    }
}
