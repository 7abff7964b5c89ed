#pragma once

// ExplanationSession: explanations of a training run's model for stretches of the project's
// videos (the segment under the playhead), computed as Jobs off the GUI thread and cached, so
// that scrubbing never waits on the model: a stretch asked for again is answered at once, and
// while one is computed only the latest request waits (the ones in between were scrubbed past).
// The model stays loaded between requests for the same run, on the GPU where LibTorch has one.

#include "core/explain/clip_input.h"
#include "core/explain/explainer.h"
#include "ui/jobs/job.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace actionlens::ui {

class ProjectDocument;

struct ExplanationRequest {
    std::int64_t runId = 0;
    std::string checkpointPath;  // the run's model file
    std::int64_t videoId = 0;
    std::int64_t subjectId = 0;  // 0: no subject (a video-only model over the whole frame)
    std::int64_t firstFrame = 0;
    std::int64_t lastFrame = 0;  // inclusive
    explain::ExplanationMethod method = explain::ExplanationMethod::GradCam;
    explain::MapNormalisation normalisation = explain::MapNormalisation::PerClip;

    auto key() const { return std::make_tuple(runId, videoId, subjectId, firstFrame, lastFrame, int(method), int(normalisation)); }
};

struct ExplanationResult {
    ExplanationRequest request;
    std::vector<explain::HeadExplanation> heads;  // every head of the model, in its order
    explain::ClipInput clip;                      // what the network read, and where it came from
    model::SkeletonClip skeleton;                 // the stretch's poses, image pixels (frames 0: none)
    std::vector<std::pair<int, int>> edges;       // of the skeleton layout
    std::vector<std::string> jointNames;

    std::int64_t lastFrame() const { return clip.firstFrame + clip.segmentFrames - 1; }
    bool covers(std::int64_t frame) const { return frame >= clip.firstFrame && frame <= lastFrame(); }
};

class ExplanationSession : public QObject {
    Q_OBJECT
public:
    explicit ExplanationSession(ProjectDocument& document, QObject* parent = nullptr);
    ~ExplanationSession() override;  // cancels and waits

    // The cached result, or null after starting (or queueing) its computation; ready() or
    // failed() follows.
    std::shared_ptr<const ExplanationResult> request(const ExplanationRequest& request);
    std::shared_ptr<const ExplanationResult> cached(const ExplanationRequest& request) const;
    bool isBusy() const { return job_ != nullptr; }
    Job* job() const { return job_; }
    void clear();  // forgets the cache and the loaded model (another project, a run deleted)

    static constexpr size_t kCacheSize = 24;

Q_SIGNALS:
    void ready(std::shared_ptr<const actionlens::ui::ExplanationResult> result);
    void failed(const QString& message);
    void busyChanged(bool busy);

private:
    void start(const ExplanationRequest& request);
    void remember(std::shared_ptr<const ExplanationResult> result);

    struct LoadedModel;
    ProjectDocument& document_;
    QPointer<Job> job_;
    std::optional<ExplanationRequest> pending_;
    std::shared_ptr<LoadedModel> model_;
    std::vector<std::shared_ptr<const ExplanationResult>> cache_;  // most recent last
};

}  // namespace actionlens::ui
