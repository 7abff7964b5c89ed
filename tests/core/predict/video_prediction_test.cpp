#include "core/predict/video_prediction.h"

#include "core/clips/skeleton_track.h"
#include "predict_fixtures.h"
#include "tests/support/source_headers.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace actionlens::predict {
namespace {

class VideoPredictionTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { project_ = testing::makeTrainedProject().release(); }
    static void TearDownTestSuite() {
        delete project_;
        project_ = nullptr;
    }

    // Thresholds low enough that an untrained-looking model still gives segments.
    static PredictionRequest request() {
        PredictionRequest r;
        r.model = project_->model.get();
        r.snapshot = &project_->snapshot;
        r.annotator = modelAnnotator("/models/m.alm");
        r.decoding.enterThreshold = 0.05;
        r.decoding.exitThreshold = 0.01;
        r.decoding.minimumFrames = 1;
        return r;
    }

    static inline testing::TrainedProject* project_ = nullptr;
};

TEST_F(VideoPredictionTest, SegmentsOfEveryTrackAreLabelledForEveryTaskAndStoreOnlyPerSegmentTasks) {
    ASSERT_TRUE(project_->model) << "the fixture's model did not train";
    const train::ModelSnapshot& snapshot = project_->snapshot;
    std::vector<std::string> tasks;
    for (const train::DatasetTask& t : snapshot.tasks) tasks.push_back(t.name);
    EXPECT_EQ(tasks, (std::vector<std::string>{"action", "group", "viewpoint", "handedness"}));
    EXPECT_EQ(snapshot.tasks[size_t(segmentTaskOf(snapshot))].name, "action");

    const annotation::Video& video = project_->videos[0];
    Result<VideoPrediction> predicted = predictVideo(*project_->store, video, *project_->layout, request());
    ASSERT_TRUE(predicted.ok()) << predicted.error();
    EXPECT_FALSE(predicted->cancelled);
    ASSERT_EQ(predicted->tracks.size(), 2u);
    EXPECT_EQ(predicted->tracks[0].track.subjectId, project_->alice);
    EXPECT_EQ(predicted->tracks[1].track.subjectId, project_->bob);
    EXPECT_EQ(predicted->tracks[1].track.firstFrame, 10);
    EXPECT_EQ(predicted->tracks[1].track.lastFrame, 59);
    size_t segments = 0;
    for (const PredictedTrack& track : predicted->tracks) {
        EXPECT_FALSE(track.frameProbabilities.has_value());
        ASSERT_FALSE(track.segments.empty());
        for (const SegmentPrediction& s : track.segments) {
            ++segments;
            EXPECT_EQ(s.segment.videoId, video.id);
            EXPECT_EQ(s.segment.subjectId, track.track.subjectId);
            EXPECT_EQ(s.segment.annotator, "model:m.alm");
            EXPECT_GE(s.segment.firstFrame, track.track.firstFrame);
            EXPECT_LE(s.segment.lastFrame, track.track.lastFrame);
            ASSERT_EQ(s.classes.size(), tasks.size());
            ASSERT_EQ(s.confidences.size(), tasks.size());
            for (size_t t = 0; t < tasks.size(); ++t) {
                const std::vector<std::string>& names = snapshot.tasks[t].classNames;
                EXPECT_NE(std::find(names.begin(), names.end(), s.classes[t]), names.end()) << s.classes[t];
                EXPECT_GT(s.confidences[t], 0.0);
                EXPECT_LE(s.confidences[t], 1.0);
            }
            // The group follows the action; the subject's handedness stays on the subject.
            EXPECT_EQ(s.segment.labels, (std::map<std::string, std::string>{{"action", s.classes[0]}, {"viewpoint", s.classes[2]}}));
        }
    }
    EXPECT_EQ(predicted->segmentsToStore().size(), segments);
    EXPECT_EQ(predicted->segmentsToStore().front(), predicted->tracks[0].segments[0].segment);
}

TEST_F(VideoPredictionTest, FramesAreTheVideosAndMatchTheTrainEngineOverTheTrack) {
    ASSERT_TRUE(project_->model);
    PredictionRequest r = request();
    r.keepFrameProbabilities = true;
    const annotation::Video& video = project_->videos[1];
    Result<VideoPrediction> predicted = predictVideo(*project_->store, video, *project_->layout, r);
    ASSERT_TRUE(predicted.ok()) << predicted.error();
    ASSERT_EQ(predicted->tracks.size(), 2u);
    const PredictedTrack& bob = predicted->tracks[1];

    // The same by hand: Bob's track from frame 10, through core/train.
    Result<clips::SkeletonTrack> track = clips::readSkeletonTrack(*project_->store, video.id, project_->bob, 10, 59, 13);
    ASSERT_TRUE(track.ok()) << track.error();
    Result<train::TrackPrediction> expected = train::predictTrack(*project_->model, project_->snapshot, track->skeleton);
    ASSERT_TRUE(expected.ok()) << expected.error();
    ASSERT_TRUE(bob.frameProbabilities.has_value());
    EXPECT_EQ(bob.frameProbabilities->frames, 50);
    ASSERT_EQ(bob.frameProbabilities->tasks.size(), expected->tasks.size());
    EXPECT_EQ(bob.frameProbabilities->tasks[0].probabilities, expected->tasks[0].probabilities);
    const std::vector<train::PredictedSegment> decoded = train::decodeSegments(expected.value(), 0, project_->snapshot, r.decoding);
    ASSERT_EQ(bob.segments.size(), decoded.size());
    for (size_t i = 0; i < decoded.size(); ++i) {
        EXPECT_EQ(bob.segments[i].segment.firstFrame, 10 + decoded[i].firstFrame);
        EXPECT_EQ(bob.segments[i].segment.lastFrame, 10 + decoded[i].lastFrame);
        EXPECT_EQ(bob.segments[i].classes[0], project_->snapshot.tasks[0].classNames[size_t(decoded[i].classes[0])]);
        EXPECT_DOUBLE_EQ(bob.segments[i].confidences[0], decoded[i].confidences[0]);
    }
}

TEST_F(VideoPredictionTest, ProgressPerTrackAndCancelBetweenTracks) {
    ASSERT_TRUE(project_->model);
    std::vector<std::pair<int, int>> calls;
    PredictionCallbacks callbacks;
    callbacks.progress = [&](int done, int total) { calls.emplace_back(done, total); };
    callbacks.shouldCancel = [&] { return !calls.empty(); };
    Result<VideoPrediction> predicted = predictVideo(*project_->store, project_->videos[0], *project_->layout, request(), callbacks);
    ASSERT_TRUE(predicted.ok()) << predicted.error();
    EXPECT_TRUE(predicted->cancelled);
    ASSERT_EQ(predicted->tracks.size(), 1u);
    EXPECT_EQ(predicted->tracks[0].track.subjectId, project_->alice);
    EXPECT_EQ(calls, (std::vector<std::pair<int, int>>{{1, 2}}));
}

TEST_F(VideoPredictionTest, AVideoWithoutPosesHasNoTrackForASkeletonModel) {
    ASSERT_TRUE(project_->model);
    Result<VideoPrediction> predicted = predictVideo(*project_->store, project_->videos[2], *project_->layout, request());
    ASSERT_TRUE(predicted.ok()) << predicted.error();
    EXPECT_TRUE(predicted->tracks.empty());
}

// Grey frames for a video model, remembering what was asked for.
class GreyFrames final : public train::RgbClipDecoder {
public:
    Result<train::RgbClip> decode(const train::RgbClipRequest& request) override {
        videos.emplace(request.videoPath, request.videoId);
        firstFrames.insert(request.firstFrame);
        return train::RgbClip{request.frames, request.height, request.width,
                              std::vector<std::uint8_t>(size_t(request.frames) * request.height * request.width * 3, 128)};
    }
    std::set<std::pair<std::string, std::int64_t>> videos;
    std::set<std::int64_t> firstFrames;
};

TEST_F(VideoPredictionTest, AVideoOnlyModelPredictsOverAWholeVideoWithoutPoses) {
    ASSERT_TRUE(project_->model);
    train::ModelSnapshot snapshot = project_->snapshot;
    snapshot.model.trunkKind = model::TrunkKind::Video;
    snapshot.model.video.channels = {8, 16};
    snapshot.model.video.frames = 4;
    snapshot.model.video.size = 32;
    Result<model::MultiTaskModel> created = model::MultiTaskModel::create(snapshot.model);
    ASSERT_TRUE(created.ok()) << created.error();
    GreyFrames frames;
    PredictionRequest r = request();
    r.model = &created.value();
    r.snapshot = &snapshot;
    r.videoClips = &frames;
    annotation::Video video = project_->videos[2];
    video.path = "/videos/0003.mp4";
    r.keepFrameProbabilities = true;
    Result<VideoPrediction> predicted = predictVideo(*project_->store, video, *project_->layout, r);
    ASSERT_TRUE(predicted.ok()) << predicted.error();
    ASSERT_EQ(predicted->tracks.size(), 1u);
    EXPECT_EQ(predicted->tracks[0].track.subjectId, 0);
    EXPECT_EQ(predicted->tracks[0].track.firstFrame, 0);
    EXPECT_EQ(predicted->tracks[0].track.lastFrame, 59);
    for (const SegmentPrediction& s : predicted->tracks[0].segments) EXPECT_EQ(s.segment.subjectId, 0);
    // Every frame of the poseless video was read and predicted (windows without a pose are not
    // skipped for a model that reads only the frames).
    EXPECT_EQ(frames.videos, (std::set<std::pair<std::string, std::int64_t>>{{"/videos/0003.mp4", video.id}}));
    ASSERT_TRUE(predicted->tracks[0].frameProbabilities.has_value());
    const std::vector<bool>& covered = predicted->tracks[0].frameProbabilities->covered;
    EXPECT_EQ(std::count(covered.begin(), covered.end(), true), 60);
    frames.videos.clear();
    frames.firstFrames.clear();
    r.keepFrameProbabilities = false;

    // Over a video with poses it reads each track's windows from that video, in video frames:
    // Bob's first window starts on his first pose, frame 10.
    annotation::Video posed = project_->videos[1];
    posed.path = "/videos/0002.mp4";
    predicted = predictVideo(*project_->store, posed, *project_->layout, r);
    ASSERT_TRUE(predicted.ok()) << predicted.error();
    EXPECT_EQ(predicted->tracks.size(), 2u);
    EXPECT_EQ(frames.videos, (std::set<std::pair<std::string, std::int64_t>>{{"/videos/0002.mp4", posed.id}}));
    EXPECT_EQ(frames.firstFrames.count(10), 1u);
    EXPECT_EQ(*frames.firstFrames.begin(), 0);

    // Without a decoder a video model cannot run: core/train says so.
    r.videoClips = nullptr;
    Result<VideoPrediction> frameless = predictVideo(*project_->store, video, *project_->layout, r);
    ASSERT_FALSE(frameless.ok());
    EXPECT_EQ(frameless.error(), "the video model reads video frames, but the track comes without its video");
}

TEST_F(VideoPredictionTest, ALayoutTheProjectLacksIsNamed) {
    train::ModelSnapshot snapshot = project_->snapshot;
    Result<const annotation::SkeletonLayout*> found = modelLayout(*project_->store, snapshot);
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(found.value(), project_->layout);
    snapshot.layoutName = "Kinect-25";
    Result<const annotation::SkeletonLayout*> missing = modelLayout(*project_->store, snapshot);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error(), "the project has no skeleton layout 'Kinect-25', which the model reads");
    EXPECT_FALSE(predictVideo(*project_->store, project_->videos[0], *project_->layout, PredictionRequest{}).ok());
}

TEST(PredictPublicHeaders, DoNotIncludeTorchOrWidgets) {
    const auto headers = fixtures::headersIn("core/predict");
    for (const auto& [path, text] : headers) {
        EXPECT_EQ(text.find("<torch/"), std::string::npos) << path;
        EXPECT_EQ(text.find("/internal/"), std::string::npos) << path;
        EXPECT_EQ(text.find("<QtWidgets"), std::string::npos) << path;
    }
    EXPECT_EQ(headers.size(), 3u);
}

TEST(ModelAnnotator, IsTheModelFilesName) {
    EXPECT_EQ(modelAnnotator("/data/models/walk v2.alm"), "model:walk v2.alm");
    EXPECT_EQ(modelAnnotator("m.alm"), "model:m.alm");
}

}  // namespace
}  // namespace actionlens::predict
