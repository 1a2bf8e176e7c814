#!/usr/bin/env bash
# The README's quality table: trains the MLP GAN and the seed DCGAN on Fashion-MNIST's 60,000 training images
# (Debian package dataset-fashion-mnist) for each seed, evaluating every epoch (eval.csv, fid.png) and at the end
# with `evaluate` (5,000 images vs t10k, eval.json), then prints the comparison.
#   bash benchmarks/quality/run.sh                      # default budgets: 5 epochs MLP, 2 epochs DCGAN
#   MLP_EPOCHS=15 DCGAN_EPOCHS=6 OUT=runs/quality-long bash benchmarks/quality/run.sh
#   MODELS=dcgan SEEDS="1 2" bash benchmarks/quality/run.sh   # a part (e.g. two parts side by side, one core each)
#   MODELS="cgan cdcgan" bash benchmarks/quality/run.sh       # the conditional examples (cdcgan takes DCGAN_EPOCHS)
# On a machine shared with other work, OMP_NUM_THREADS=1 per process trains far faster than two threads fighting
# for two busy cores (measured here: 4.6 vs about 1 MLP steps/s); the README's numbers say which was used.
# A run folder that already has eval.json is kept; one that stopped part-way is resumed.
set -euo pipefail
OUT=${OUT:-runs/quality}
SEEDS=${SEEDS:-"1 2 3"}
MLP_EPOCHS=${MLP_EPOCHS:-5}
DCGAN_EPOCHS=${DCGAN_EPOCHS:-2}
MODELS=${MODELS:-"fashion-mlp dcgan"}
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
    case $example in dcgan|cdcgan) epochs=$DCGAN_EPOCHS ;; *) epochs=$MLP_EPOCHS ;; esac
    run="$OUT/$example-e$epochs-s$seed"
    runs+=("$run")
    [ -f "$run/eval.json" ] && continue
    resume=(); [ -f "$run/checkpoints/latest" ] && resume=(--resume "$run")
    mkdir -p "$OUT"
    "${R[@]}" "$example" --seed "$seed" --epochs "$epochs" --out "$run" --eval-every 1 --eval-samples 2000 "${resume[@]}" > "$run.log" 2>&1
    tail -n 4 "$run.log"
    "${R[@]}" evaluate "$run"
  done
done
"${R[@]}" compare "${runs[@]}"
