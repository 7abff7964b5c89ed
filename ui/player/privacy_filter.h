#pragma once

// PrivacyFilter: the "privacy view" (View > Privacy view, Ctrl+Shift+F; B in the presentation
// mode). While on, every frame the player shows passes through core/privacy's FrameAnonymiser
// before it is painted: heads of people with skeletons from their face joints, other faces by
// OpenCV's face detector, blurred with the same settings as `actionlens-cli anonymise`. The
// player's frames are shared and cached, so a blurred copy is shown, never the cache's frame
// changed. The window and the presentation view show the same frame: the last one is kept, so
// it is blurred once.

#include "core/media/video_frame.h"
#include "core/privacy/frame_anonymiser.h"

#include <QObject>
#include <QString>

#include <memory>

namespace actionlens::ui {

class ProjectDocument;

class PrivacyFilter : public QObject {
    Q_OBJECT
public:
    explicit PrivacyFilter(ProjectDocument& document, QObject* parent = nullptr);
    ~PrivacyFilter() override;

    bool isEnabled() const { return enabled_; }
    void setEnabled(bool enabled);

    // What to paint for `frame`: `picture` itself while off, else a copy with the faces blurred.
    media::FramePtr filter(int frame, media::FramePtr picture);
    // The last frame filter() saw, as it should be painted now (after a switch).
    media::FramePtr current();
    // Why faces without a skeleton are not searched for (the detector's cascade is missing), or empty.
    const QString& detectorProblem() const { return detectorProblem_; }

Q_SIGNALS:
    // On or off: views paint current() again.
    void enabledChanged(bool enabled);

private:
    privacy::FrameAnonymiser& anonymiser();

    ProjectDocument& document_;
    bool enabled_ = false;
    std::unique_ptr<privacy::FrameAnonymiser> anonymiser_;
    size_t layoutCount_ = 0;
    std::shared_ptr<privacy::FaceDetector> detector_;
    bool detectorTried_ = false;
    QString detectorProblem_;
    int lastFrame_ = -1;
    media::FramePtr lastPicture_;  // as decoded
    media::FramePtr lastShown_;    // as filtered
};

}  // namespace actionlens::ui
