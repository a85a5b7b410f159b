namespace MlNetEmotion.Eeg.Features;

/// <summary>How <see cref="BaselineRemoval"/> uses the pre-trial baseline.</summary>
public enum BaselineMethod
{
    /// <summary>Subtract the mean of the whole baseline, per channel, from every trial sample.</summary>
    Mean,

    /// <summary>
    /// DEAP-paper style (Yang et al. 2018 and followers): cut the baseline into 1-second segments,
    /// average them sample by sample into one 1-second template, and subtract the template from every
    /// 1-second segment of the trial (a trailing partial second uses the template's first samples).
    /// </summary>
    PerSecondMean,
}
