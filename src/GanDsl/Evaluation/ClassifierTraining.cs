using System;

namespace GanDsl.Evaluation;

/// <summary>How <see cref="ClassifierTrainer"/> trains the feature classifier. The defaults made the shipped weights.</summary>
public sealed record ClassifierTrainingOptions
{
    public int Epochs { get; init; } = 15;
    public int BatchSize { get; init; } = 128;

    /// <summary>Seeds weight init, dropout (global generator), shuffling and augmentation (own generator).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Adam's starting rate; it decays along a cosine to zero over the whole run.</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>Random horizontal flips and shifts of up to <see cref="MaxShift"/> pixels.</summary>
    public bool Augment { get; init; } = true;

    public int MaxShift { get; init; } = 2;
}

/// <summary>Reported after each epoch: mean training loss and accuracy on the test images.</summary>
public sealed record ClassifierEpoch(int Epoch, int Epochs, double TrainLoss, long TestCorrect, long TestImages, double Seconds)
{
    public double TestAccuracy => TestImages == 0 ? 0 : (double)TestCorrect / TestImages;
}
