using System.Text;
using FsCheck;
using FsCheck.Fluent;
using MlNetEmotion.Core.IO;
using MlNetEmotion.Eeg;
using MlNetEmotion.Eeg.IO;
using MlNetEmotion.Eeg.IO.Mat;
using MlNetEmotion.Fuzz.Tests.Harness;

namespace MlNetEmotion.Fuzz.Tests;

/// <summary>Header-less EEG arrays (MAT, NPY, CSV): never guessed from a multi-trial file, never accepted when inconsistent.</summary>
public sealed class ArrayInputTests
{
    [Fact]
    public void Multi_trial_mat_file_is_not_guessed_and_its_variables_are_named()
    {
        string path = Path.Combine(FuzzTargets.DataRoot, "eeg", "deap_like.mat");

        var e = Assert.Throws<EegFormatException>(() => EegFile.Read(path, new EegFileOptions { SamplingRate = 128 }));

        Assert.Contains("several trials", e.Message);
        Assert.Matches(@"data \[\d+x\d+x\d+\]", e.Message);
        Assert.Matches(@"labels \[\d+x4\]", e.Message);
        // With the trial named, the same file reads.
        var trial = EegFile.Read(path, new EegFileOptions { SamplingRate = 128, Trial = 0 });
        Assert.Equal(DeapSubject.ChannelNames[0], trial.Channels[0].Name);
    }

    [Fact]
    public void Npy_header_with_a_repeated_key_is_refused()
    {
        var e = Assert.Throws<NpyFormatException>(() => Npy.Read(NpyBytes("{'descr': '|u1', 'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", 2), "dup.npy"));
        Assert.Contains("repeats the key 'descr'", e.Message);
    }

    [Fact]
    public void Npy_data_longer_than_its_shape_is_refused()
    {
        var e = Assert.Throws<NpyFormatException>(() => Npy.Read(NpyBytes("{'descr': '|u1', 'fortran_order': False, 'shape': (2,), }", 3), "long.npy"));
        Assert.Contains("1 bytes follow the 2 elements", e.Message);
    }

    [Fact]
    public void Npy_with_a_million_channels_is_refused_before_building_channels()
    {
        using var folder = new TempFolder();
        string path = folder.File("wide.npy");
        File.WriteAllBytes(path, NpyBytes("{'descr': '|u1', 'fortran_order': False, 'shape': (1000000, 4), }", 4_000_000).ToArray());

        var (error, allocated) = Allocation.Measure(() => EegFile.Read(path, new EegFileOptions { SamplingRate = 128 }));

        Assert.Contains("ReadLimits.MaxChannels", Assert.IsType<EegFormatException>(error).Message);
        Assert.True(allocated < 16 << 20, $"allocated {allocated} bytes: the array was read before its shape was checked");
    }

    [Fact]
    public void Csv_with_only_a_header_row_is_refused()
    {
        using var folder = new TempFolder();
        string path = folder.File("header.csv");
        File.WriteAllText(path, "time,Fp1,Fp2,C3,C4\n");

        var e = Assert.Throws<EegFormatException>(() => ArrayEegReader.ReadCsv(path, 128));

        Assert.Contains("no sample rows", e.Message);
    }

    [Fact]
    public void Any_bytes_after_the_npy_magic_end_in_a_result_or_a_typed_error() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), tail =>
        {
            var bytes = new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }.Concat(tail).ToArray();
            var error = Record.Exception(() => Npy.Read(new MemoryStream(bytes), "any.npy"));
            return error is null or NpyFormatException;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Any_bytes_after_a_mat_header_end_in_a_result_or_a_typed_error() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), tail =>
        {
            var header = Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file".PadRight(124)).Concat(new byte[] { 0, 1, (byte)'I', (byte)'M' });
            var error = Record.Exception(() => MatReader.Read(header.Concat(tail).ToArray(), "any.mat"));
            return error is null or EegFormatException;
        }).QuickCheckThrowOnFailure();

    private static MemoryStream NpyBytes(string header, int dataBytes)
    {
        string padded = header.PadRight((header.Length + 11) / 64 * 64 + 64 - 11) + "\n";
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)(padded.Length & 0xFF), (byte)(padded.Length >> 8) };
        bytes.AddRange(Encoding.ASCII.GetBytes(padded));
        bytes.AddRange(new byte[dataBytes]);
        return new MemoryStream([.. bytes]);
    }
}
