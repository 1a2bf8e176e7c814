#!/usr/bin/env bash
# The README's quality table: trains the MLP GAN and the seed DCGAN on Fashion-MNIST's 60,000 training images
# (Debian package dataset-fashion-mnist) for each seed, evaluating every epoch (eval.csv, fid.png) and at the end
# with `evaluate` (5,000 images vs t10k, eval.json), then prints the comparison.
#   bash benchmarks/quality/run.sh                      # default budgets: 5 epochs MLP, 2 epochs DCGAN
#   MLP_EPOCHS=15 DCGAN_EPOCHS=6 OUT=runs/quality-long bash benchmarks/quality/run.sh
#   MODELS=dcgan SEEDS="1 2" bash benchmarks/quality/run.sh   # a part (e.g. two parts side by side, one core each)
#   MODELS="cgan cdcgan" bash benchmarks/quality/run.sh       # the conditional examples (cdcgan takes DCGAN_EPOCHS)
#   MINUTES=18 OUT=runs/quality-18min bash benchmarks/quality/run.sh   # one wall-clock budget for every model
#   MINUTES=18 MODELS="dcgan dcgan-wgangp dcgan-hinge-sn" bash benchmarks/quality/run.sh   # the DCGAN's losses
# With MINUTES, each run trains for that many minutes (--max-minutes, epochs unbounded) and evaluates only at the
# end, so that evaluation time does not eat into the budget; its summary line says the steps reached.
# On a machine shared with other work, OMP_NUM_THREADS=1 per process trains far faster than two threads fighting
# for two busy cores (measured here: 4.6 vs about 1 MLP steps/s); the README's numbers say which was used.
# A run folder that already has eval.json is kept; one that stopped part-way is resumed (with MINUTES, one that has a
# checkpoint is only evaluated: its budget was spent, or it was stopped and a resume would not be the same run).
set -euo pipefail
OUT=${OUT:-runs/quality}
SEEDS=${SEEDS:-"1 2 3"}
MLP_EPOCHS=${MLP_EPOCHS:-5}
DCGAN_EPOCHS=${DCGAN_EPOCHS:-2}
MODELS=${MODELS:-"fashion-mlp dcgan"}
MINUTES=${MINUTES:-}
EXAMPLES=${EXAMPLES:-}   # a built GanDsl.Examples.dll to run; default: build and run the project
if [ -z "$EXAMPLES" ]; then
  dotnet build -c Release examples/GanDsl.Examples >/dev/null
  R=(dotnet run -c Release --no-build --project examples/GanDsl.Examples --)
else
  R=(dotnet "$EXAMPLES")
fi
runs=()
for seed in $SEEDS; do
  for example in $MODELS; do
    case $example in *dcgan*) epochs=$DCGAN_EPOCHS ;; *) epochs=$MLP_EPOCHS ;; esac
    budget=(--epochs "$epochs" --eval-every 1 --eval-samples 2000); tag="e$epochs"
    [ -n "$MINUTES" ] && { budget=(--epochs 1000 --max-minutes "$MINUTES"); tag="m$MINUTES"; }
    run="$OUT/$example-$tag-s$seed"
    runs+=("$run")
    [ -f "$run/eval.json" ] && continue
    resume=(); [ -f "$run/checkpoints/latest" ] && resume=(--resume "$run")
    mkdir -p "$OUT"
    if [ -z "$MINUTES" ] || [ ${#resume[@]} -eq 0 ]; then
      "${R[@]}" "$example" --seed "$seed" "${budget[@]}" --out "$run" "${resume[@]}" > "$run.log" 2>&1
      tail -n 4 "$run.log"
    fi
    "${R[@]}" evaluate "$run"
  done
done
by=(); [ -n "$MINUTES" ] && by=(--by-model)   # one budget, different steps reached: one row per model
"${R[@]}" compare "${by[@]}" "${runs[@]}"
