using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.Evaluation;

/// <summary>
/// Evaluates a GAN every <see cref="EveryEpochs"/> epochs of Fit: samples <see cref="EvaluationSettings.SampleCount"/>
/// images from one fixed noise seed (so the epochs compare), measures them and, with a run folder, appends a row to
/// eval.csv and redraws fid.png. Sampling uses a generator of its own and restores G's mode (see
/// <see cref="GanSampling"/>), so a run reaches the same weights with or without it.
/// </summary>
public sealed class EvaluationObserver<TG, TD> : ITrainingObserver, IDisposable
    where TG : nn.Module, IGanNetwork
    where TD : nn.Module, IGanNetwork
{
    private readonly GanModel<TG, TD> _gan;
    private readonly Evaluator _evaluator;
    private readonly bool _ownsEvaluator;
    private readonly List<EvaluationRow> _rows = new();

    /// <param name="gan">The model being trained (its generator must make (1, 28, 28) images).</param>
    /// <param name="evaluator">Keeps the reference side, so each evaluation only pays for the new images.</param>
    /// <param name="everyEpochs">Evaluate after epochs that are a multiple of this (1 = every epoch).</param>
    /// <param name="samplingSeed">Seeds the evaluation noise (the same images' noise at every evaluation).</param>
    /// <param name="ownsEvaluator">Dispose the evaluator with this observer.</param>
    public EvaluationObserver(GanModel<TG, TD> gan, Evaluator evaluator, int everyEpochs, long samplingSeed = 0, bool ownsEvaluator = false)
    {
        if (everyEpochs < 1) throw new ArgumentOutOfRangeException(nameof(everyEpochs), everyEpochs, "evaluate every 1 or more epochs");
        Evaluator.EnsureFashionShaped(gan.Definition.Name, TG.OutputShape);
        (_gan, _evaluator, EveryEpochs, SamplingSeed, _ownsEvaluator) = (gan, evaluator, everyEpochs, samplingSeed, ownsEvaluator);
    }

    public int EveryEpochs { get; }
    public long SamplingSeed { get; }

    /// <summary>The evaluations this observer made, in order.</summary>
    public IReadOnlyList<EvaluationRow> Rows => _rows;

    /// <summary>FID of real vs real at the evaluator's sample count (the dashed line of fid.png).</summary>
    public double FloorFid => _evaluator.Floor.Fid;

    public void EpochEnded(TrainingEpoch epoch)
    {
        if (epoch.Epoch % EveryEpochs != 0) return;
        var clock = Stopwatch.StartNew();
        MetricSet metrics;
        using (torch.NewDisposeScope())
        {
            var images = _gan.SampleForEvaluation(_evaluator.Settings.SampleCount, SamplingSeed, _evaluator.Settings.SamplingBatch);
            using var intended = GanSampling.EvaluationLabels((int)images.shape[0], _gan.Classes);
            metrics = _evaluator.Measure(images, intended);
        }
        var row = EvaluationRow.From(epoch.Epoch, epoch.Step, metrics, clock.Elapsed.TotalSeconds);
        _rows.RemoveAll(r => r.Step >= row.Step);
        _rows.Add(row);
        if (epoch.RunFolder is { } folder)
        {
            var all = EvaluationCsv.Append(Path.Combine(folder, EvaluationCsv.FileName), row);
            FidPlot.SavePng(all, FloorFid, Path.Combine(folder, FidPlot.FileName));
        }
    }

    public void Dispose()
    {
        if (_ownsEvaluator) _evaluator.Dispose();
    }
}
