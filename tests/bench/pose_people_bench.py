#!/usr/bin/env python3
"""pose_people_bench: several people per frame (actionlens-cli pose --people N) on rendered demo
videos whose true skeletons are known, against one person per frame, side by side in one run.

    pose_people_bench.py --cli build/release/app/actionlens-cli [--videos 4] [--seed 3]
                         [--seconds 6] [--model lite] [--min-score 0.5 0.2] [--threads 2]

Renders a demo project where every video shows two people (`synth --two-person-chance 1`),
then runs `pose` on each video with one and with two people (interleaved, video by video) and
compares the poses with the project's true skeletons:
  found     - true person-frames with a pose whose hip centre lies in that person's box (10 %
              margin), one pose per person (nearest first);
  stray     - poses on no true person;
  identity  - of each true person's found frames, the share under its most frequent number;
  frames/s  - frames over the wall time of the whole command (decoding included).
Prints a table; asserts nothing about time. Needs the pose models (exit 77 without them).
"""

import argparse
import json
import os
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time


def true_boxes(project, video_id):
    """{frame: [(subject, x0, y0, x1, y1), ...]} from the visible joints of the stored skeletons."""
    boxes = {}
    with sqlite3.connect(project) as db:
        rows = db.execute("SELECT subject_id, frame, joints FROM skeleton_frames WHERE video_id = ?", (video_id,))
        for subject, frame, blob in rows:
            joints = [struct.unpack_from("<fffB", blob, 13 * i) for i in range(len(blob) // 13)]
            xs = [j[0] for j in joints if j[3]]
            ys = [j[1] for j in joints if j[3]]
            if xs:
                boxes.setdefault(frame, []).append((subject, min(xs), min(ys), max(xs), max(ys)))
    return boxes


def score(frames, boxes, tally):
    numbers = {}  # true subject -> {person number: frames}
    for entry in frames:
        poses = entry["persons"]
        truth = boxes.get(entry["frame"], [])
        tally["truth"] += len(truth)
        used = set()
        for subject, x0, y0, x1, y1 in truth:
            w, h = x1 - x0, y1 - y0
            best = None
            for i, pose in enumerate(poses):
                if i in used:
                    continue
                lm = pose["landmarks"]
                hx, hy = (lm[23][0] + lm[24][0]) / 2, (lm[23][1] + lm[24][1]) / 2  # the hips' centre
                if x0 - 0.1 * w <= hx <= x1 + 0.1 * w and y0 - 0.1 * h <= hy <= y1 + 0.1 * h:
                    distance = abs(hx - (x0 + x1) / 2) + abs(hy - (y0 + y1) / 2)
                    if best is None or distance < best[0]:
                        best = (distance, i)
            if best:
                used.add(best[1])
                tally["found"] += 1
                counts = numbers.setdefault(subject, {})
                number = poses[best[1]].get("person", 1)
                counts[number] = counts.get(number, 0) + 1
        tally["stray"] += len(poses) - len(used)
    for counts in numbers.values():
        tally["kept"] += max(counts.values())
        tally["matched"] += sum(counts.values())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--videos", type=int, default=4)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=6)
    parser.add_argument("--model", default="lite")
    parser.add_argument("--min-score", nargs="+", default=["0.5", "0.2"])
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    env = dict(os.environ, OMP_WAIT_POLICY=os.environ.get("OMP_WAIT_POLICY", "PASSIVE"))

    with tempfile.TemporaryDirectory(prefix="pose_people_bench_") as work:
        project = os.path.join(work, "two.alproj")
        synth = subprocess.run([args.cli, "synth", "-o", project, "--videos", str(args.videos), "--seed", str(args.seed),
                                "--two-person-chance", "1", "--seconds", str(args.seconds)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
        if synth.returncode != 0:
            sys.stderr.write(synth.stderr)
            return 1
        with sqlite3.connect(project) as db:
            videos = db.execute("SELECT id, path FROM videos ORDER BY id").fetchall()
        configs = [(people, s) for s in args.min_score for people in (1, 2)]
        tallies = {c: dict(truth=0, found=0, stray=0, kept=0, matched=0, frames=0, seconds=0.0) for c in configs}
        for video_id, path in videos:
            path = path if os.path.isabs(path) else os.path.join(work, path)
            boxes = true_boxes(project, video_id)
            for people, min_score in configs:
                out = os.path.join(work, "poses.json")
                start = time.monotonic()
                run = subprocess.run([args.cli, "pose", path, "--model", args.model, "--threads", str(args.threads),
                                      "--people", str(people), "--min-score", min_score, "-o", out],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
                if run.returncode != 0:
                    sys.stderr.write(run.stderr)
                    return 77 if "install-pose-models" in run.stderr else 1
                tally = tallies[(people, min_score)]
                tally["seconds"] += time.monotonic() - start
                with open(out) as f:
                    frames = json.load(f)["frames"]
                tally["frames"] += len(frames)
                score(frames, boxes, tally)

    print(f"{len(videos)} rendered videos with two people each, BlazePose {args.model}, {args.threads} threads")
    print("| people | min score | found | stray poses | identity kept | frames/s |")
    print("|---|---|---|---|---|---|")
    for people, min_score in configs:
        t = tallies[(people, min_score)]
        print(f"| {people} | {min_score} | {t['found']} of {t['truth']} ({t['found'] / max(1, t['truth']):.1%}) | {t['stray']} | "
              f"{t['kept'] / max(1, t['matched']):.1%} | {t['frames'] / max(1e-9, t['seconds']):.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
