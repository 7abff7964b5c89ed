#!/usr/bin/python3
"""pose_tracks_sheet: contact sheets of tracked poses, for counting identity switches by eye.

    pose_tracks_sheet.py --poses poses.json --frames FOLDER_OR_VIDEO [--first-frame 200]
                         [--every 5] [--per-sheet 12] [--columns 4] [--scale 0.5] -o sheet.png

Reads the JSON of `actionlens-cli pose ... --people N` and draws every --every-th frame with each
person's skeleton, box and number in a colour of its own (the same number, the same colour on
every sheet), a dozen frames per sheet (sheet.png, sheet-2.png, ...). A walker whose number
changes between two neighbouring tiles, or two walkers who trade numbers, is an identity
switch. FRAMES: the image folder the poses were estimated on (sorted file names), or the video
(--first-frame: the video frame of the poses' frame 0). Needs Debian's python3-opencv
(install-deps), hence /usr/bin/python3.
"""
import argparse
import json
import os
import sys

import cv2
import numpy

# MediaPipe-33 limbs: face outline left out, trunk, arms, legs.
EDGES = [(11, 12), (11, 23), (12, 24), (23, 24), (11, 13), (13, 15), (12, 14), (14, 16),
         (23, 25), (25, 27), (24, 26), (26, 28), (27, 31), (28, 32), (0, 11), (0, 12)]


def colour(person):
    # Well-separated hues by golden-ratio steps; bright enough on a street scene.
    hue = int((person * 0.618034 % 1.0) * 180)
    bgr = cv2.cvtColor(numpy.uint8([[[hue, 230, 255]]]), cv2.COLOR_HSV2BGR)[0][0]
    return int(bgr[0]), int(bgr[1]), int(bgr[2])


def frame_reader(source, first_frame):
    if os.path.isdir(source):
        names = sorted(n for n in os.listdir(source) if n.lower().endswith((".png", ".jpg", ".jpeg", ".bmp")))
        return lambda i: cv2.imread(os.path.join(source, names[i])) if 0 <= i < len(names) else None
    capture = cv2.VideoCapture(source)
    if not capture.isOpened():
        sys.exit(f"pose_tracks_sheet: cannot open {source}")

    def read(i):
        capture.set(cv2.CAP_PROP_POS_FRAMES, first_frame + i)
        ok, image = capture.read()
        return image if ok else None
    return read


def draw(image, frame, label):
    for person in frame.get("persons", []):
        number = person["person"]
        c = colour(number)
        points = [(int(round(l[0])), int(round(l[1]))) for l in person["landmarks"]]
        for a, b in EDGES:
            cv2.line(image, points[a], points[b], c, 2, cv2.LINE_AA)
        if "box" in person:
            x, y, w, h = person["box"]
            cv2.rectangle(image, (int(x), int(y)), (int(x + w), int(y + h)), c, 1)
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        anchor = (min(xs), max(0, min(ys) - 6))
        cv2.putText(image, str(number), anchor, cv2.FONT_HERSHEY_SIMPLEX, 1.1, (0, 0, 0), 5, cv2.LINE_AA)
        cv2.putText(image, str(number), anchor, cv2.FONT_HERSHEY_SIMPLEX, 1.1, c, 2, cv2.LINE_AA)
    cv2.putText(image, label, (8, 30), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (0, 0, 0), 5, cv2.LINE_AA)
    cv2.putText(image, label, (8, 30), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (255, 255, 255), 2, cv2.LINE_AA)
    return image


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--poses", required=True)
    parser.add_argument("--frames", required=True)
    parser.add_argument("--first-frame", type=int, default=0)
    parser.add_argument("--every", type=int, default=5)
    parser.add_argument("--per-sheet", type=int, default=12)
    parser.add_argument("--columns", type=int, default=4)
    parser.add_argument("--scale", type=float, default=0.5)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()

    with open(args.poses) as f:
        frames = {fr["frame"]: fr for fr in json.load(f)["frames"]}
    read = frame_reader(args.frames, args.first_frame)
    picked = [i for i in sorted(frames) if i % args.every == 0]
    stem, ext = os.path.splitext(args.output)
    for sheet, start in enumerate(range(0, len(picked), args.per_sheet)):
        tiles = []
        for i in picked[start:start + args.per_sheet]:
            image = read(i)
            if image is None:
                sys.exit(f"pose_tracks_sheet: no frame {i} in {args.frames}")
            image = draw(image, frames[i], f"frame {args.first_frame + i}")
            tiles.append(cv2.resize(image, None, fx=args.scale, fy=args.scale, interpolation=cv2.INTER_AREA))
        while len(tiles) % args.columns:
            tiles.append(numpy.zeros_like(tiles[0]))
        rows = [numpy.hstack(tiles[r:r + args.columns]) for r in range(0, len(tiles), args.columns)]
        path = args.output if sheet == 0 else f"{stem}-{sheet + 1}{ext}"
        cv2.imwrite(path, numpy.vstack(rows))
        print(path)


if __name__ == "__main__":
    main()
