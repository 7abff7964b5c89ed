// PreAnnotationRun: poses where a video has none, then a trained model's proposals for every
// chosen video, each stored as its own undoable step; refusals say why.

#include "core/annotation/project_store.h"
#include "core/predict/video_prediction.h"
#include "learning/learning_fixture.h"
#include "pose_test_support.h"
#include "ui/learning/pre_annotation_run.h"
#include "ui_project_fixture.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

struct Outcome {
    bool done = false;
    bool cancelled = false;
    QString summary;
    QStringList lines;
};

void follow(PreAnnotationRun& run, Outcome& outcome) {
    QObject::connect(&run, &PreAnnotationRun::reported, [&outcome](const QString& line) { outcome.lines << line; });
    QObject::connect(&run, &PreAnnotationRun::finished, [&outcome](bool cancelled, const QString& summary) {
        outcome.done = true;
        outcome.cancelled = cancelled;
        outcome.summary = summary;
    });
}

int proposalsOf(ProjectDocument& document, std::int64_t videoId) {
    int n = 0;
    for (const annotation::Segment& s : document.store().segmentsOfVideo(videoId).value()) n += annotation::isModelPrediction(s);
    return n;
}

}  // namespace

TEST(PreAnnotationRun, ProposesForEveryChosenVideoWithSkeletonsWithoutEstimatingPoses) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    const annotation::TrainingRun trained = uitest::trainOnce(document, 30);
    std::vector<std::int64_t> videos;
    for (const annotation::Video& v : document.videos()) videos.push_back(v.id);
    PreAnnotationRun run(document);
    EXPECT_TRUE(run.videosWithoutSkeletons(videos).empty()) << "every rendered video has skeletons";
    Outcome outcome;
    follow(run, outcome);
    PreAnnotationRequest request;
    request.run = trained;
    request.videoIds = videos;
    request.device = QStringLiteral("cpu");
    const int undoBefore = document.undoStack().count();
    ASSERT_EQ(run.start(request), QString());
    EXPECT_TRUE(run.isRunning());
    ASSERT_TRUE(uitest::waitUntil([&] { return outcome.done; }, 120000));
    EXPECT_FALSE(outcome.cancelled);
    ASSERT_EQ(outcome.lines.size(), int(videos.size())) << outcome.lines.join('\n').toStdString();
    int total = 0;
    for (std::int64_t v : videos) total += proposalsOf(document, v);
    EXPECT_GT(total, 0);
    EXPECT_TRUE(outcome.summary.startsWith(QStringLiteral("%1 proposal").arg(total))) << outcome.summary.toStdString();
    EXPECT_EQ(document.undoStack().count(), undoBefore + int(videos.size()));
}

TEST(PreAnnotationRun, EstimatesPosesFirstWhereAVideoHasNone) {
    ACTIONLENS_REQUIRE_LITE_POSE_MODEL();
    QTemporaryDir dir;
    const QString path = uitest::copyOfProject(dir);
    // A real person's picture as a video of the rendered project, without skeletons.
    std::int64_t astronaut = 0;
    {
        std::int64_t unused = 0;
        uitest::astronautProject(dir.path(), &unused);
        auto store = annotation::ProjectStore::open(path.toStdString());
        ASSERT_TRUE(store.ok()) << store.error();
        annotation::Video video;
        video.path = dir.filePath(QStringLiteral("astronaut")).toStdString();
        video.fps = 25;
        video.frameCount = 3;
        video.width = 512;
        video.height = 512;
        video.name = "astronaut";
        auto id = store.value()->insertVideo(video);
        ASSERT_TRUE(id.ok()) << id.error();
        astronaut = id.value();
    }
    ProjectDocument document;
    ASSERT_EQ(document.open(path), QString());
    const annotation::TrainingRun trained = uitest::trainOnce(document, 2);
    PreAnnotationRun run(document);
    ASSERT_EQ(run.videosWithoutSkeletons({astronaut}), std::vector<std::int64_t>{astronaut});
    Outcome outcome;
    follow(run, outcome);
    PreAnnotationRequest request;
    request.run = trained;
    request.videoIds = {astronaut};
    request.pose.model = pose::LandmarkModel::Lite;
    request.pose.device = QStringLiteral("cpu");
    request.device = QStringLiteral("cpu");
    ASSERT_EQ(run.start(request), QString());
    ASSERT_TRUE(uitest::waitUntil([&] { return outcome.done; }, 120000));
    ASSERT_EQ(outcome.lines.size(), 2) << outcome.lines.join('\n').toStdString();
    EXPECT_TRUE(outcome.lines[0].contains(QStringLiteral("poses of 1 person"))) << outcome.lines[0].toStdString();
    EXPECT_TRUE(outcome.lines[1].contains(QStringLiteral("proposal"))) << outcome.lines[1].toStdString();
    EXPECT_TRUE(run.videosWithoutSkeletons({astronaut}).empty()) << "the poses are stored";
    // The stored skeletons are in the model's layout (the rendered project's Penn-13).
    const auto frames = document.store().skeletonFrames(astronaut, 0, 2);
    ASSERT_TRUE(frames.ok());
    ASSERT_FALSE(frames->empty());
    const annotation::SkeletonLayout* penn = document.store().skeletonLayout("Penn-13");
    ASSERT_NE(penn, nullptr);
    EXPECT_EQ(frames->front().layoutId, penn->id);
}

TEST(PreAnnotationRun, RefusesWithoutAModelOrVideos) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    PreAnnotationRun run(document);
    PreAnnotationRequest request;
    request.videoIds = {document.videos().front().id};
    EXPECT_NE(run.start(request), QString()) << "no run";
    request.run.kind = annotation::RunKind::Training;
    request.run.checkpointPath = dir.filePath(QStringLiteral("none.alm")).toStdString();
    const QString missing = run.start(request);
    EXPECT_TRUE(missing.contains(QStringLiteral("cannot be read"))) << missing.toStdString();
    request.videoIds.clear();
    EXPECT_NE(run.start(request), QString());
    EXPECT_FALSE(run.isRunning());
}
