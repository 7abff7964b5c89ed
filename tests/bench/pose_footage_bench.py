#!/usr/bin/env python3
"""pose_footage_bench: pose estimation on real footage with people of several sizes, the two
person detectors side by side in one run.

    pose_footage_bench.py --cli build/release/app/actionlens-cli --video vtest.avi
                          [--truth tests/bench/data/vtest_people.json] [--people 10] [--threads 1]

Runs `actionlens-cli pose VIDEO --people N --detector D [--tiles T]` for each --detectors entry
(D or D:tilesT; default blazepose, blazepose:tiles2, hog, both) over the whole video and scores the frames counted by hand (data/vtest_people.json): a person is found
when their centre lies inside a pose's box (its landmarks' extent, widened by 15 %), each pose
finding one person at most (nearest centre first); stray poses find nobody. Also: the number of
tracks (person numbers) started over the video and their median length in frames, frames per second, and the share found per
height class. Standard library only. Prints a table and, with --json, writes the figures.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time


def pose_boxes(frame):
    boxes = []
    for person in frame.get("persons", []):
        xs = [l[0] for l in person["landmarks"]]
        ys = [l[1] for l in person["landmarks"]]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        mx, my = 0.15 * (x1 - x0), 0.15 * (y1 - y0)
        boxes.append((x0 - mx, y0 - my, x1 + mx, y1 + my, person["person"]))
    return boxes


def score(frames_by_index, truth):
    found, total, stray, poses = 0, 0, 0, 0
    by_class = {}
    for key, people in truth["frames"].items():
        frame = frames_by_index.get(int(key), {"persons": []})
        boxes = pose_boxes(frame)
        poses += len(boxes)
        # Pairs (person, pose) whose centre lies in the box, nearest to the box's centre first.
        pairs = []
        for i, (x, y, _) in enumerate(people):
            for j, (x0, y0, x1, y1, _) in enumerate(boxes):
                if x0 <= x <= x1 and y0 <= y <= y1:
                    pairs.append(((x - (x0 + x1) / 2) ** 2 + (y - (y0 + y1) / 2) ** 2, i, j))
        pairs.sort()
        taken_people, taken_boxes = set(), set()
        for _, i, j in pairs:
            if i in taken_people or j in taken_boxes:
                continue
            taken_people.add(i)
            taken_boxes.add(j)
        for i, (_, _, size) in enumerate(people):
            c = by_class.setdefault(size, [0, 0])
            c[1] += 1
            if i in taken_people:
                c[0] += 1
        found += len(taken_people)
        total += len(people)
        stray += len(boxes) - len(taken_boxes)
    return found, total, stray, poses, by_class


def run(cli, video, variant, people, threads):
    detector, _, tiles = variant.partition(":tiles")
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "poses.json")
        command = [cli, "pose", video, "--people", str(people), "--detector", detector, "--device", "cpu", "-o", out]
        if tiles:
            command += ["--tiles", tiles]
        if threads:
            command += ["--threads", str(threads)]
        start = time.monotonic()
        done = subprocess.run(command, capture_output=True, text=True)
        seconds = time.monotonic() - start
        if done.returncode != 0:
            sys.exit(f"pose_footage_bench: {' '.join(command)} failed: {done.stderr.strip()}")
        with open(out) as f:
            return json.load(f), seconds


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--video", required=True)
    parser.add_argument("--truth", default=os.path.join(here, "data", "vtest_people.json"))
    parser.add_argument("--people", type=int, default=10)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--detectors", default="blazepose,blazepose:tiles2,hog,both")
    parser.add_argument("--json")
    args = parser.parse_args()
    with open(args.truth) as f:
        truth = json.load(f)
    results = {}
    for detector in args.detectors.split(","):
        poses, seconds = run(args.cli, args.video, detector, args.people, args.threads)
        frames = {f["frame"]: f for f in poses["frames"]}
        found, total, stray, count, by_class = score(frames, truth)
        lengths = {}
        for f in poses["frames"]:
            for p in f.get("persons", []):
                lengths[p["person"]] = lengths.get(p["person"], 0) + 1
        tracks = len(lengths)
        ordered = sorted(lengths.values())
        median_track = ordered[len(ordered) // 2] if ordered else 0
        per_frame = sum(len(f.get("persons", [])) for f in poses["frames"]) / max(1, len(poses["frames"]))
        results[detector] = {
            "found": found, "people": total, "found_share": found / total, "stray_poses": stray, "poses_in_counted_frames": count,
            "found_by_height": {k: {"found": v[0], "people": v[1]} for k, v in sorted(by_class.items())},
            "tracks_started": tracks, "median_track_frames": median_track, "poses_per_frame": per_frame, "frames": len(poses["frames"]),
            "seconds": seconds, "frames_per_second": len(poses["frames"]) / seconds,
        }
    print(f"{'detector':16} {'found':>12} {'share':>6} {'stray':>6} {'far':>7} {'mid':>7} {'near':>7} {'tracks':>7} {'median':>7} {'poses/frame':>12} {'fps':>6}")
    for detector, r in results.items():
        h = r["found_by_height"]
        cls = [f"{h[k]['found']}/{h[k]['people']}" if k in h else "-" for k in ("far", "mid", "near")]
        print(f"{detector:16} {r['found']:>5}/{r['people']:<6} {r['found_share']:6.2f} {r['stray_poses']:6} {cls[0]:>7} {cls[1]:>7} {cls[2]:>7} "
              f"{r['tracks_started']:7} {r['median_track_frames']:7} {r['poses_per_frame']:12.2f} {r['frames_per_second']:6.2f}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
