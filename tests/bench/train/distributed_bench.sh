#!/usr/bin/env bash
# Scaling efficiency of data-parallel training: the training throughput of N processes divided by
# N times that of one process (no group), each process with its own threads, on a dataset file.
# Every configuration runs `repeats` times, interleaved (1, 2, 1, 2, ...) so that the machine's
# load affects all alike; prints each run, the medians, the efficiencies and the load average
# before and after. Asserts nothing.
#
#   distributed_bench.sh DISTRIBUTED_BENCH DATASET.alds [--processes "1 2"] [--repeats 3]
#                        [--device cpu|cuda] [--backend auto|gloo|nccl] [--threads 1] [--epochs 2]
#                        [--batch 32] [--clips 0]
# With --device cuda, processes share the machine's GPUs round-robin (LOCAL_RANK); NCCL needs one
# GPU per process, so on a one-GPU machine use --backend gloo for N > 1.
set -euo pipefail
bench="$1"; dataset="$2"; shift 2
processes="1 2"; repeats=3; device=cpu; backend=auto; threads=1; epochs=2; batch=32; clips=0
while [ $# -gt 0 ]; do
  case "$1" in
    --processes) processes="$2"; shift 2 ;;
    --repeats) repeats="$2"; shift 2 ;;
    --device) device="$2"; shift 2 ;;
    --backend) backend="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --batch) batch="$2"; shift 2 ;;
    --clips) clips="$2"; shift 2 ;;
    *) echo "distributed_bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
args=(--dataset "$dataset" --device "$device" --threads "$threads" --epochs "$epochs" --batch "$batch" --clips "$clips" --backend "$backend")

run() {  # N: prints the last epoch's clips/s over all ranks
  local n=$1 port pids=() r
  if [ "$n" = 1 ]; then
    OMP_NUM_THREADS=$threads "$bench" "${args[@]}" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; return 1; }
  else
    port=$(( 20000 + RANDOM % 20000 ))
    for r in $(seq 0 $((n - 1))); do
      MASTER_ADDR=127.0.0.1 MASTER_PORT=$port RANK=$r WORLD_SIZE=$n LOCAL_RANK=$r LOCAL_WORLD_SIZE=$n \
        OMP_NUM_THREADS=$threads "$bench" "${args[@]}" >"$work/out$r" 2>"$work/err$r" &
      pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p" || { cat "$work"/err* >&2; return 1; }; done
    cp "$work/out0" "$work/out"
  fi
  sed -n 's/.*"last_epoch_clips_per_second": \([0-9.]*\).*/\1/p' "$work/out"
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "load before: $(uptime)"
declare -A figures
for i in $(seq 1 "$repeats"); do
  for n in $processes; do
    f=$(run "$n")
    figures[$n]="${figures[$n]:-} $f"
    echo "run $i: $n process(es): $f clips/s"
  done
done
echo "load after: $(uptime)"
base=$(echo "${figures[1]:-}" | median)
for n in $processes; do
  m=$(echo "${figures[$n]}" | median)
  eff=$(awk -v m="$m" -v b="$base" -v n="$n" 'BEGIN { if (b > 0) printf "%.2f", m / (n * b); else print "n/a" }')
  echo "$n process(es), $threads thread(s) each, $device: median $m clips/s (runs:${figures[$n]}), scaling efficiency $eff"
done
