#!/usr/bin/env bash
# The README's quality table: trains the MLP GAN and the seed DCGAN on Fashion-MNIST's 60,000 training images
# (Debian package dataset-fashion-mnist) for each seed, evaluating every epoch (eval.csv, fid.png) and at the end
# with `evaluate` (5,000 images vs t10k, eval.json), then prints the comparison.
#   bash benchmarks/quality/run.sh                      # default budgets: 5 epochs MLP, 2 epochs DCGAN
#   MLP_EPOCHS=15 DCGAN_EPOCHS=6 OUT=runs/quality-long bash benchmarks/quality/run.sh
# A run folder that already has eval.json is kept; one that stopped part-way is resumed.
set -euo pipefail
OUT=${OUT:-runs/quality}
SEEDS=${SEEDS:-"1 2 3"}
MLP_EPOCHS=${MLP_EPOCHS:-5}
DCGAN_EPOCHS=${DCGAN_EPOCHS:-2}
EXAMPLES=${EXAMPLES:-}   # a built GanDsl.Examples.dll to run; default: build and run the project
if [ -z "$EXAMPLES" ]; then
  dotnet build -c Release examples/GanDsl.Examples >/dev/null
  R=(dotnet run -c Release --no-build --project examples/GanDsl.Examples --)
else
  R=(dotnet "$EXAMPLES")
fi
runs=()
for seed in $SEEDS; do
  for pair in "fashion-mlp:$MLP_EPOCHS" "dcgan:$DCGAN_EPOCHS"; do
    example=${pair%%:*}; epochs=${pair##*:}
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
