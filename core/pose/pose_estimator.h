#pragma once

// PoseEstimator: BlazePose's stages. The detector (BlazePose's own, or OpenCV's HOG people
// detector: person_detector.h) finds bodies and two keypoints each that fix a rotated square; the landmark model reads a 256 x 256 crop of it and gives 33 body points
// plus auxiliary points that fix the next square. Still images: one person as BlazePose's own
// graph (estimateImage), or several, one per detection (estimatePeople). Video: PeopleTracker.

#include "core/common/result.h"
#include "core/pose/detector_input.h"
#include "core/pose/hog_people_detector.h"
#include "core/pose/person_detector.h"
#include "core/pose/pose_detection.h"
#include "core/pose/pose_landmarks.h"
#include "core/pose/pose_model_files.h"
#include "core/pose/pose_roi.h"
#include "core/pose/rgb_image.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace actionlens::pose {

struct PoseEstimatorOptions {
    LandmarkModel model = LandmarkModel::Full;
    std::string modelDirectory = poseModelDirectory();
    std::string device = "cpu";
    float minDetectionScore = 0.5f;  // detector candidates need a higher score
    float minPresence = 0.5f;        // pose flag below this: no pose (image) / tracking lost (video)
    // false: MediaPipe's own behaviour (letterbox by one warp, landmarks refined from the
    // heatmap). true: the Python reference of ../shared/data/pose/reference.json (cv::resize
    // letterbox, no refinement), for conformance tests.
    bool referenceCompatible = false;
    int imagePasses = 2;  // still images: a second pass on the ROI of the first pass's auxiliary points
    bool smoothing = true;  // video: One Euro filter on the tracked landmarks
    // Who finds the people (person_detector.h): BlazePose's own detector, or OpenCV's HOG people
    // detector for small and many people (its options in `hog`; minDetectionScore is BlazePose's).
    PersonDetector detector = PersonDetector::BlazePose;
    HogOptions hog;
    // BlazePose's detector (alone or in Both) reads the frame cut into n x n overlapping tiles
    // (detection_tiles.h): small people at n times the resolution, at n x n detector runs. 1: the
    // whole frame. HOG always reads the whole (enlarged) frame.
    int detectionTiles = 1;
};

struct LandmarkPass {
    PoseRoi roi;
    std::vector<std::uint8_t> crop;  // 256 x 256 RGB
    std::vector<float> rows;         // 39 x 5 model values (crop pixels), after any refinement
    float poseFlag = 0;              // the model's pose presence probability
    std::vector<PoseLandmark> landmarks;  // 39, projected into the image
};

struct PoseEstimate {
    bool found = false;
    bool detectorRan = false;
    std::optional<PoseDetection> detection;  // normalised to the image, when the detector ran
    PoseRoi roi;                             // of the pass the landmarks come from
    float poseFlag = 0;
    std::vector<PoseLandmark> landmarks;  // 33 body points, image pixels
    std::vector<PoseLandmark> auxiliary;  // rows 33-38 (33: hip centre, 34: body scale/rotation point)
};

// A pass's landmarks as an estimate: found, its ROI and pose flag, body and auxiliary points.
PoseEstimate estimateFromPass(const LandmarkPass& pass);

class PoseEstimator {
public:
    // Loads both graphs; fails with the install hint when the model files are missing.
    static Result<PoseEstimator> create(const PoseEstimatorOptions& options);
    PoseEstimator(PoseEstimator&&) noexcept;
    PoseEstimator& operator=(PoseEstimator&&) noexcept;
    ~PoseEstimator();

    const PoseEstimatorOptions& options() const;

    // The best detection's pose (found = false when the landmark model does not confirm it).
    Result<PoseEstimate> estimateImage(const RgbImageView& image);
    // Up to `maxPeople` people, one per detection (best first; a detection whose square mostly
    // covers an earlier one's is the same person), those the landmark model confirms.
    Result<std::vector<PoseEstimate>> estimatePeople(const RgbImageView& image, int maxPeople);
    // The landmark passes (options().imagePasses) from one detection's square.
    Result<PoseEstimate> estimateFromDetection(const RgbImageView& image, const PoseDetection& detection);

    // Stages, for tests and tools.
    // Best first, image-normalised, by the options' detector.
    Result<std::vector<PoseDetection>> detect(const RgbImageView& image);
    Result<std::vector<PoseDetection>> detectOnInput(const DetectorInput& input);  // same, from a prepared tensor
    Result<LandmarkPass> landmarksOnCrop(std::vector<std::uint8_t> crop, const PoseRoi& roi);
    Result<LandmarkPass> landmarks(const RgbImageView& image, const PoseRoi& roi);
    static PoseRoi roiFromDetection(const PoseDetection& detection, int width, int height);
    static PoseRoi roiFromAuxiliary(const std::vector<PoseLandmark>& landmarks39or6);

private:
    struct State;
    explicit PoseEstimator(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

}  // namespace actionlens::pose
