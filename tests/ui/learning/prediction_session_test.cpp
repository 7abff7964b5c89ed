// PredictionSession + ModelSegmentsCommand: a trained run's model segments the video shown in
// the background; the segments are stored under the model's annotator in one undoable step,
// replacing its earlier predictions; undo and redo give back the same segments, ids included.

#include "core/predict/video_prediction.h"
#include "learning/learning_fixture.h"
#include "ui/learning/prediction_session.h"
#include "ui_project_fixture.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

std::vector<annotation::Segment> segmentsBy(ProjectDocument& document, std::int64_t videoId, const std::string& annotator) {
    std::vector<annotation::Segment> out;
    for (const annotation::Segment& s : document.store().segmentsOfVideo(videoId).value())
        if (s.annotator == annotator) out.push_back(s);
    return out;
}

}  // namespace

TEST(PredictionSession, StoresTheModelsSegmentsOfTheVideoAsOneUndoableStep) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    const annotation::TrainingRun trained = uitest::trainOnce(document, 3);
    const std::int64_t video = document.videos().front().id;
    document.setCurrentVideo(video);
    const size_t human = document.segments().size();
    const std::string annotator = predict::modelAnnotator(trained.checkpointPath);

    PredictionSession session(document);
    std::optional<std::pair<int, QString>> finished;
    QObject::connect(&session, &PredictionSession::finished, [&](int segments, const QString& message) { finished = {segments, message}; });
    ASSERT_EQ(session.start(trained, {video}, QStringLiteral("cpu")), QString());
    ASSERT_TRUE(uitest::waitUntil([&] { return finished.has_value(); }, 120000));
    ASSERT_EQ(finished->second, QString());
    const std::vector<annotation::Segment> first = segmentsBy(document, video, annotator);
    EXPECT_EQ(int(first.size()), finished->first);
    EXPECT_EQ(document.segments().size(), human + first.size()) << "the timeline shows them";
    EXPECT_EQ(document.undoStack().count(), 1);

    // Predicting again replaces them (still one model's segments), and undo brings the first back.
    finished.reset();
    ASSERT_EQ(session.start(trained, {video}, QStringLiteral("cpu")), QString());
    ASSERT_TRUE(uitest::waitUntil([&] { return finished.has_value(); }, 120000));
    ASSERT_EQ(finished->second, QString());
    EXPECT_EQ(segmentsBy(document, video, annotator).size(), first.size()) << "the same model, the same video: replaced, not added";
    document.undoStack().undo();
    const std::vector<annotation::Segment> back = segmentsBy(document, video, annotator);
    ASSERT_EQ(back.size(), first.size());
    for (size_t i = 0; i < back.size(); ++i) EXPECT_EQ(back[i].id, first[i].id);
    document.undoStack().undo();
    EXPECT_TRUE(segmentsBy(document, video, annotator).empty());
    EXPECT_EQ(document.segments().size(), human);
    document.undoStack().redo();
    EXPECT_EQ(segmentsBy(document, video, annotator).size(), first.size());
}

TEST(PredictionSession, PredictsSeveralVideosEachAsItsOwnStepAndReportsEach) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    const annotation::TrainingRun trained = uitest::trainOnce(document, 30);
    const std::string annotator = predict::modelAnnotator(trained.checkpointPath);
    std::vector<std::int64_t> videos;
    for (const annotation::Video& v : document.videos()) videos.push_back(v.id);
    ASSERT_GE(videos.size(), 2u);

    PredictionSession session(document);
    std::vector<std::pair<std::int64_t, int>> reported;  // video, segments
    std::optional<std::pair<int, QString>> finished;
    QObject::connect(&session, &PredictionSession::videoPredicted, [&](std::int64_t video, int index, int segments, const QString& message) {
        EXPECT_EQ(message, QString());
        EXPECT_EQ(index, int(reported.size()));
        reported.push_back({video, segments});
    });
    QObject::connect(&session, &PredictionSession::finished, [&](int segments, const QString& message) { finished = {segments, message}; });
    ASSERT_EQ(session.start(trained, videos, QStringLiteral("cpu")), QString());
    ASSERT_TRUE(uitest::waitUntil([&] { return finished.has_value(); }, 120000));
    ASSERT_EQ(finished->second, QString());
    ASSERT_EQ(reported.size(), videos.size());
    int total = 0;
    for (size_t i = 0; i < videos.size(); ++i) {
        EXPECT_EQ(reported[i].first, videos[i]);
        EXPECT_EQ(int(segmentsBy(document, videos[i], annotator).size()), reported[i].second);
        for (const annotation::Segment& s : segmentsBy(document, videos[i], annotator)) {
            ASSERT_TRUE(s.confidence.has_value());
            EXPECT_GT(*s.confidence, 0.0);
            EXPECT_LE(*s.confidence, 1.0);
        }
        total += reported[i].second;
    }
    EXPECT_EQ(finished->first, total);
    EXPECT_GT(total, 0);
    EXPECT_EQ(document.undoStack().count(), int(videos.size())) << "one step per video";
}

TEST(PredictionSession, RefusesWithoutAVideoOrAModel) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    PredictionSession session(document);
    annotation::TrainingRun run;
    run.kind = annotation::RunKind::Training;
    run.checkpointPath = dir.filePath(QStringLiteral("models/none.alm")).toStdString();
    EXPECT_FALSE(session.start(run, {999999}).isEmpty()) << "no such video";
    run.kind = annotation::RunKind::Evaluation;
    EXPECT_FALSE(session.start(run, {document.videos().front().id}).isEmpty()) << "not a training run";
}
