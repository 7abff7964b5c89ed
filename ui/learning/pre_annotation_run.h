#pragma once

// PreAnnotationRun: Tools > Pre-annotate's work. For the chosen videos: poses first where a
// video has no skeleton at all and the model reads skeletons (a PoseEstimationRun, stored in the
// model's skeleton layout, one undoable step per video), then the chosen training run's model
// over every chosen video (a PredictionSession: its proposals in their own lane, one undoable
// step per video). One stage after the other, each in the background; progress runs over both,
// and Cancel stops whichever is going (what was stored stays, each video whole).

#include "core/annotation/training_run.h"
#include "ui/jobs/pose_estimation_worker.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <vector>

namespace actionlens::ui {

class PoseEstimationRun;
class PredictionSession;
class ProjectDocument;
struct PoseVideoOutcome;

struct PreAnnotationRequest {
    annotation::TrainingRun run;         // a training run with a model file
    std::vector<std::int64_t> videoIds;  // in this order
    bool estimatePoses = true;           // for videos without skeletons, before predicting
    // Settings for those (model, detector, people, device); videos and layout are set here.
    PoseEstimationRequest pose;
    QString device = QStringLiteral("auto");  // where the action model runs
};

class PreAnnotationRun : public QObject {
    Q_OBJECT
public:
    explicit PreAnnotationRun(ProjectDocument& document, QObject* parent = nullptr);
    ~PreAnnotationRun() override;  // cancels and waits

    // The chosen videos without any skeleton frame (pose estimation's part).
    std::vector<std::int64_t> videosWithoutSkeletons(const std::vector<std::int64_t>& videoIds) const;

    // Starts; an empty message, or why not (no model file, no video, other work in the way).
    QString start(const PreAnnotationRequest& request);
    void cancel();
    bool isRunning() const { return running_; }

Q_SIGNALS:
    void stageChanged(const QString& stage);
    void progressChanged(int permille);  // both stages together, 0..1000
    // One line per video and stage ("video_001: 12 proposals", "video_002: no poses found").
    void reported(const QString& line);
    // `summary`: proposals stored and in how many videos, or why it stopped.
    void finished(bool cancelled, const QString& summary);

private:
    QString startPrediction();  // an empty message, or why it could not start
    void end(bool cancelled, const QString& summary);
    QString videoName(std::int64_t videoId) const;

    ProjectDocument& document_;
    PoseEstimationRun* poses_ = nullptr;
    PredictionSession* prediction_ = nullptr;
    PreAnnotationRequest request_;
    int poseVideos_ = 0;  // videos in the pose stage (its share of the progress)
    int proposals_ = 0;
    int videosPredicted_ = 0;
    bool running_ = false;
    bool cancelled_ = false;
};

}  // namespace actionlens::ui
