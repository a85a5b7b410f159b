using System.Security.Cryptography;
using System.Text;
using MlNetEmotion.Core.IO;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Optim;
using MlNetEmotion.Persistence;

namespace MlNetEmotion.Models.Training;

/// <summary>Everything needed to continue a neural training run exactly where it stopped: the epoch reached, weights,
/// optimizer moments, schedule, the random generator's state, early-stopping state and history. Written atomically
/// after every epoch as <c>checkpoint.bin</c> in the checkpoint folder.</summary>
/// <remarks>Layout: magic <c>MLNECKPT</c>, int32 version 1, the run's fingerprint (SHA-256 of the network recipe,
/// the options and the training labels: a checkpoint of another run is ignored), then the fields in declaration order.</remarks>
internal sealed class TrainingCheckpoint
{
    private static readonly byte[] Magic = "MLNECKPT"u8.ToArray();
    private const int Version = 1;
    public const string FileName = "checkpoint.bin";

    public required byte[] Fingerprint { get; init; }
    public required int Stage { get; init; }
    public required int EpochInStage { get; init; }
    public required int GlobalEpoch { get; init; }
    public required Dictionary<string, Tensor> Weights { get; init; }
    public required OptimizerState Optimizer { get; init; }
    public required int ScheduleEpoch { get; init; }
    public required GeneratorState Random { get; init; }
    public required double BestMetric { get; init; }
    public required int Stale { get; init; }
    public required Dictionary<string, Tensor>? BestWeights { get; init; }
    public required TrainingHistory History { get; init; }
    public required bool Finished { get; init; }

    public static byte[] FingerprintOf(params byte[][] parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var p in parts) hash.AppendData(p);
        return hash.GetHashAndReset();
    }

    public void Save(string directory) => AtomicFile.Write(Path.Combine(directory, FileName), stream =>
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write(Fingerprint.Length);
        w.Write(Fingerprint);
        w.Write(Stage);
        w.Write(EpochInStage);
        w.Write(GlobalEpoch);
        StateDictFormat.Write(w, Weights);
        w.Write(Optimizer.StepCount);
        w.Write(Optimizer.LearningRates.Count);
        foreach (double lr in Optimizer.LearningRates) w.Write(lr);
        w.Write(Optimizer.Parameters.Count);
        foreach (var p in Optimizer.Parameters)
        {
            w.Write(p.Index);
            w.Write(p.Step);
            w.Write(p.Buffers.Count);
            foreach (var b in p.Buffers)
            {
                w.Write(b.Length);
                foreach (float x in b) w.Write(x);
            }
        }
        w.Write(ScheduleEpoch);
        w.Write(Random.InitialSeed);
        w.Write(Random.S0);
        w.Write(Random.S1);
        w.Write(Random.S2);
        w.Write(Random.S3);
        w.Write(Random.SpareNormal.HasValue);
        w.Write(Random.SpareNormal ?? 0);
        w.Write(BestMetric);
        w.Write(Stale);
        w.Write(BestWeights is not null);
        if (BestWeights is not null) StateDictFormat.Write(w, BestWeights);
        History.Write(w);
        w.Write(Finished);
    });

    /// <summary>The checkpoint in <paramref name="directory"/> if there is one of the run with <paramref name="fingerprint"/>.</summary>
    public static TrainingCheckpoint? TryLoad(string directory, byte[] fingerprint)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return null;
        using var r = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        try
        {
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) throw new InvalidDataException($"{path}: not a training checkpoint.");
            if (r.ReadInt32() != Version) throw new InvalidDataException($"{path}: unknown checkpoint version.");
            if (!r.ReadBytes(Count(1)).AsSpan().SequenceEqual(fingerprint)) return null;
            int stage = r.ReadInt32(), epochInStage = r.ReadInt32(), globalEpoch = r.ReadInt32();
            var weights = StateDictFormat.Read(r, path);
            long steps = r.ReadInt64();
            var lrs = new double[Count(sizeof(double))];
            for (int i = 0; i < lrs.Length; i++) lrs[i] = r.ReadDouble();
            var parameters = new ParameterState[Count(16)];
            for (int i = 0; i < parameters.Length; i++)
            {
                int index = r.ReadInt32();
                long step = r.ReadInt64();
                var buffers = new float[Count(sizeof(int))][];
                for (int b = 0; b < buffers.Length; b++)
                {
                    buffers[b] = new float[Count(sizeof(float))];
                    for (int j = 0; j < buffers[b].Length; j++) buffers[b][j] = r.ReadSingle();
                }
                parameters[i] = new ParameterState(index, step, buffers);
            }
            int scheduleEpoch = r.ReadInt32();
            long seed = r.ReadInt64();
            ulong s0 = r.ReadUInt64(), s1 = r.ReadUInt64(), s2 = r.ReadUInt64(), s3 = r.ReadUInt64();
            bool hasSpare = r.ReadBoolean();
            double spare = r.ReadDouble();
            double best = r.ReadDouble();
            int stale = r.ReadInt32();
            var bestWeights = r.ReadBoolean() ? StateDictFormat.Read(r, path) : null;
            var history = TrainingHistory.Read(r, path);
            bool finished = r.ReadBoolean();
            return new TrainingCheckpoint
            {
                Fingerprint = fingerprint, Stage = stage, EpochInStage = epochInStage, GlobalEpoch = globalEpoch, Weights = weights,
                Optimizer = new OptimizerState(steps, lrs, parameters), ScheduleEpoch = scheduleEpoch,
                Random = new GeneratorState(seed, s0, s1, s2, s3, hasSpare ? spare : null), BestMetric = best, Stale = stale,
                BestWeights = bestWeights, History = history, Finished = finished,
            };
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path}: the checkpoint is truncated.", e);
        }

        // A count read from the file, refused before anything is allocated when the rest of the file cannot hold it.
        int Count(int minItemBytes) => StepLoadContext.ReadCount(r, minItemBytes, path);
    }
}
