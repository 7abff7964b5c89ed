#include "core/pose/pose_estimator.h"

#include "core/pose/detection_tiles.h"
#include "core/pose/hog_people_detector.h"
#include "core/pose/ssd_anchors.h"
#include "core/pose/tflite_graph.h"

#include <optional>

namespace actionlens::pose {

struct PoseEstimator::State {
    PoseEstimatorOptions options;
    TfliteGraph detector;
    TfliteGraph landmarkModel;
    std::vector<int> landmarkOutputs;  // Identity, Identity_1 (+ Identity_3 for refinement)
    int rowsOutput = -1, flagOutput = -1, heatmapOutput = -1;
    std::optional<HogPeopleDetector> hog;  // only when options.detector is Hog or Both

    State(PoseEstimatorOptions o, TfliteGraph d, TfliteGraph l)
        : options(std::move(o)), detector(std::move(d)), landmarkModel(std::move(l)) {
        if (options.detector != PersonDetector::BlazePose) hog.emplace(options.hog);
    }
};

PoseEstimator::PoseEstimator(std::unique_ptr<State> state) : state_(std::move(state)) {}
PoseEstimator::PoseEstimator(PoseEstimator&&) noexcept = default;
PoseEstimator& PoseEstimator::operator=(PoseEstimator&&) noexcept = default;
PoseEstimator::~PoseEstimator() = default;

const PoseEstimatorOptions& PoseEstimator::options() const { return state_->options; }

Result<PoseEstimator> PoseEstimator::create(const PoseEstimatorOptions& options) {
    if (Status installed = checkPoseModelsInstalled(options.modelDirectory, options.model); !installed) return installed.takeError();
    GraphOptions graphOptions;
    graphOptions.device = options.device;
    auto detector = TfliteGraph::load(detectorModelPath(options.modelDirectory), graphOptions);
    if (!detector.ok()) return detector.takeError();
    auto landmarks = TfliteGraph::load(landmarkModelPath(options.modelDirectory, options.model), graphOptions);
    if (!landmarks.ok()) return landmarks.takeError();
    const auto& detectorIn = detector->inputs()[0].shape;
    if (detectorIn != std::vector<std::int64_t>{1, kDetectorInputSize, kDetectorInputSize, 3} || detector->outputs().size() != 2 ||
        detector->outputs()[0].shape != std::vector<std::int64_t>{1, kDetectorAnchorCount, 12}) {
        return makeError(detectorModelPath(options.modelDirectory) + ": not BlazePose's detector (unexpected inputs or outputs)");
    }
    auto state = std::make_unique<State>(options, std::move(detector).value(), std::move(landmarks).value());
    TfliteGraph& lm = state->landmarkModel;
    state->rowsOutput = lm.outputIndex("Identity");
    state->flagOutput = lm.outputIndex("Identity_1");
    state->heatmapOutput = lm.outputIndex("Identity_3");
    const std::string path = landmarkModelPath(options.modelDirectory, options.model);
    if (lm.inputs()[0].shape != std::vector<std::int64_t>{1, kLandmarkInputSize, kLandmarkInputSize, 3} || state->rowsOutput < 0 ||
        state->flagOutput < 0 || lm.outputs()[state->rowsOutput].shape != std::vector<std::int64_t>{1, kLandmarkModelRows * 5}) {
        return makeError(path + ": not a BlazePose landmark model (unexpected inputs or outputs)");
    }
    state->landmarkOutputs = {state->rowsOutput, state->flagOutput};
    if (!options.referenceCompatible) {
        if (state->heatmapOutput < 0 ||
            lm.outputs()[state->heatmapOutput].shape != std::vector<std::int64_t>{1, kHeatmapSize, kHeatmapSize, kLandmarkModelRows}) {
            return makeError(path + ": has no 64x64x39 heatmap output for landmark refinement");
        }
        state->landmarkOutputs.push_back(state->heatmapOutput);
    }
    return PoseEstimator(std::move(state));
}

Result<std::vector<PoseDetection>> PoseEstimator::detectOnInput(const DetectorInput& input) {
    auto out = state_->detector.run({FloatTensor{{1, kDetectorInputSize, kDetectorInputSize, 3}, input.values}});
    if (!out.ok()) return out.takeError();
    DetectionDecoding decoding;
    decoding.minScore = state_->options.minDetectionScore;
    std::vector<PoseDetection> detections = decodePoseDetections(out.value()[0].values, out.value()[1].values, decoding);
    for (PoseDetection& d : detections) d = removeLetterbox(d, input.letterbox);
    return detections;
}

Result<std::vector<PoseDetection>> PoseEstimator::detect(const RgbImageView& image) {
    if (!image.pixels || image.width <= 0 || image.height <= 0 || image.stride < 3 * image.width) return makeError("empty or malformed image");
    const LetterboxMode mode = state_->options.referenceCompatible ? LetterboxMode::ReferenceResize : LetterboxMode::MediaPipeWarp;
    const PersonDetector detector = state_->options.detector;
    const int tiles = state_->options.detectionTiles;
    // HOG reads the whole frame: its own pyramid over the enlarged frame already reaches small
    // people, so tiles would only cost time. BlazePose's detector reads the tiles.
    if (detector == PersonDetector::Hog) return state_->hog->detect(image);
    if (tiles <= 1 && detector == PersonDetector::BlazePose) return detectOnInput(makeDetectorInput(image, mode));
    std::vector<PoseDetection> all;
    for (const ImageTile& tile : detectionTiles(image.width, image.height, tiles)) {
        auto found = detectOnInput(makeDetectorInput(tileView(image, tile), mode));
        if (!found.ok()) return found.takeError();
        for (const PoseDetection& d : found.value()) all.push_back(detectionInFrame(d, tile, image.width, image.height));
    }
    if (detector == PersonDetector::Both) {
        auto people = state_->hog->detect(image);
        if (!people.ok()) return people.takeError();
        all.insert(all.end(), people->begin(), people->end());
    }
    // One person found twice (in two tiles' overlap, or by both detectors) is one detection.
    return mergeTileDetections(std::move(all), image.width, image.height);
}

Result<LandmarkPass> PoseEstimator::landmarksOnCrop(std::vector<std::uint8_t> crop, const PoseRoi& roi) {
    constexpr std::size_t values = static_cast<std::size_t>(kLandmarkInputSize) * kLandmarkInputSize * 3;
    if (crop.size() != values) return makeError("landmark crop must be 256 x 256 x 3 bytes");
    FloatTensor input{{1, kLandmarkInputSize, kLandmarkInputSize, 3}, std::vector<float>(values)};
    for (std::size_t i = 0; i < values; ++i) input.values[i] = crop[i] / 255.0f;
    auto out = state_->landmarkModel.run({input}, state_->landmarkOutputs);
    if (!out.ok()) return out.takeError();
    LandmarkPass pass;
    pass.roi = roi;
    pass.crop = std::move(crop);
    pass.rows = std::move(out.value()[state_->rowsOutput].values);
    pass.poseFlag = out.value()[state_->flagOutput].values.at(0);
    if (!state_->options.referenceCompatible) refineRowsFromHeatmap(&pass.rows, out.value()[state_->heatmapOutput].values);
    pass.landmarks = projectLandmarks(pass.rows, roi);
    return pass;
}

Result<LandmarkPass> PoseEstimator::landmarks(const RgbImageView& image, const PoseRoi& roi) {
    return landmarksOnCrop(cropRoi(image, roi), roi);
}

PoseRoi PoseEstimator::roiFromDetection(const PoseDetection& d, int width, int height) {
    return roiFromPoints(static_cast<double>(d.keypoints[0]) * width, static_cast<double>(d.keypoints[1]) * height,
                         static_cast<double>(d.keypoints[2]) * width, static_cast<double>(d.keypoints[3]) * height);
}

PoseRoi PoseEstimator::roiFromAuxiliary(const std::vector<PoseLandmark>& points) {
    const std::size_t first = points.size() >= kLandmarkModelRows ? kPoseLandmarkCount : 0;
    return roiFromPoints(points[first].x, points[first].y, points[first + 1].x, points[first + 1].y);
}

PoseEstimate estimateFromPass(const LandmarkPass& pass) {
    PoseEstimate e;
    e.found = true;
    e.roi = pass.roi;
    e.poseFlag = pass.poseFlag;
    e.landmarks.assign(pass.landmarks.begin(), pass.landmarks.begin() + kPoseLandmarkCount);
    e.auxiliary.assign(pass.landmarks.begin() + kPoseLandmarkCount, pass.landmarks.end());
    return e;
}

Result<PoseEstimate> PoseEstimator::estimateFromDetection(const RgbImageView& image, const PoseDetection& detection) {
    PoseRoi roi = roiFromDetection(detection, image.width, image.height);
    std::optional<LandmarkPass> last;
    for (int pass = 0; pass < std::max(1, state_->options.imagePasses); ++pass) {
        auto result = landmarks(image, roi);
        if (!result.ok()) return result.takeError();
        last = std::move(result).value();
        roi = roiFromAuxiliary(last->landmarks);
    }
    PoseEstimate estimate = estimateFromPass(*last);
    estimate.detectorRan = true;
    estimate.detection = detection;
    estimate.found = last->poseFlag >= state_->options.minPresence;
    return estimate;
}

Result<PoseEstimate> PoseEstimator::estimateImage(const RgbImageView& image) {
    auto detections = detect(image);
    if (!detections.ok()) return detections.takeError();
    if (detections->empty()) {
        PoseEstimate none;
        none.detectorRan = true;
        return none;
    }
    return estimateFromDetection(image, detections->front());
}

Result<std::vector<PoseEstimate>> PoseEstimator::estimatePeople(const RgbImageView& image, int maxPeople) {
    auto detections = detect(image);
    if (!detections.ok()) return detections.takeError();
    std::vector<PoseEstimate> people;
    std::vector<PoseRoi> taken;  // the squares of the detections tried so far
    for (const PoseDetection& detection : detections.value()) {
        if (static_cast<int>(people.size()) >= maxPeople) break;
        const PoseRoi roi = roiFromDetection(detection, image.width, image.height);
        bool seen = false;
        for (const PoseRoi& other : taken) seen = seen || roiOverlap(roi, other) > kSamePersonOverlap;
        if (seen) continue;
        taken.push_back(roi);
        auto estimate = estimateFromDetection(image, detection);
        if (!estimate.ok()) return estimate.takeError();
        if (estimate->found) people.push_back(std::move(estimate).value());
    }
    return people;
}

}  // namespace actionlens::pose
