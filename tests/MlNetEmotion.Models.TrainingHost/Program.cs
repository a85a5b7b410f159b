using MlNetEmotion.Models.TrainingHost;

// Usage: MlNetEmotion.Models.TrainingHost CHECKPOINT_DIR READ_DELAY_MS
// Prints "epoch N" after each epoch, so a test can kill the process part-way.
if (args.Length != 2 || !int.TryParse(args[1], out int delay))
{
    Console.Error.WriteLine("usage: MlNetEmotion.Models.TrainingHost CHECKPOINT_DIR READ_DELAY_MS");
    return 2;
}
CheckpointRun.Train(args[0], delay, epoch => Console.WriteLine($"epoch {epoch}"));
Console.WriteLine("done");
return 0;
