#!/usr/bin/env python3
"""The Python BlazePose reference (../shared/reference/blazepose) timed on the same work as
pose_bench's C++ side, one process per model, reporting frames per second as JSON:

    pose_reference_bench.py --reference DIR --models DIR --image PNG --model lite --threads 2 --frames N

tracking: per frame crop the ROI of the previous frame's auxiliary points, run the landmark
          model, project (the detector is skipped);
detector: per frame the detector (letterbox, model, decoding), then one landmark pass.
Model loading and the first (warm-up) frame are not timed.
"""
import argparse, json, os, sys, time


def main():
    ap = argparse.ArgumentParser()
    for name in ("--reference", "--models", "--image", "--model"):
        ap.add_argument(name, required=True)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--frames", type=int, default=10)
    a = ap.parse_args()
    sys.path.insert(0, a.reference)
    import cv2, torch
    import pipeline as P
    from tfl2torch import Model
    torch.set_num_threads(a.threads)
    det = Model(os.path.join(a.models, "pose_detection.tflite"))
    lm = Model(os.path.join(a.models, "pose_landmark_%s.tflite" % a.model))
    rgb = cv2.cvtColor(cv2.imread(a.image, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
    H, W = rgb.shape[:2]

    def landmark_pass(roi):
        o = P.run_landmark_model(lm, P.crop(rgb, roi))
        pts = P.project(o[0].reshape(39, 5), roi)
        return P.roi_from_points(pts[33, 0] / W, pts[33, 1] / H, pts[34, 0] / W, pts[34, 1] / H, W, H)

    def detector_frame():
        d = P.detect_details(det, rgb)["detection"]
        if d is None:
            raise SystemExit("the reference detector finds no person in " + a.image)
        return landmark_pass(P.roi_from_points(d[4], d[5], d[6], d[7], W, H))

    roi = detector_frame()  # warm-up, and the first ROI to track from
    start = time.perf_counter()
    for _ in range(a.frames):
        roi = landmark_pass(roi)
    tracking = a.frames / (time.perf_counter() - start)
    start = time.perf_counter()
    for _ in range(a.frames):
        detector_frame()
    detector = a.frames / (time.perf_counter() - start)
    print(json.dumps({"tracking_fps": tracking, "detector_fps": detector, "torch": torch.__version__,
                      "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()
