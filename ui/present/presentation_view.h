#pragma once

// PresentationView: View > Presentation (F11), the whole system on one screen for an audience.
// Fullscreen, dark, large type: the video the window plays (its player: Space plays and pauses,
// the arrows step) with each subject's skeleton and box, the newest trained model's live answers
// per subject and task as gliding confidence bars (LivePredictions), the explanation map when
// the Explanations dock has one, and the frames per second actually drawn. Esc (or F11) leaves.
// As a playlist (P, or `actionlens PROJECT --present --playlist`) the project's videos play back
// to back, round and round, for an unattended screen. The source is the project's videos or a
// camera (C: the start screen, where a camera, a test pattern or the current video played as a
// camera is chosen; `--present --camera DEVICE`): with a camera the skeletons are estimated live
// and the bars are the newest skeleton model's answers over each person's last frames
// (LiveCamera). A camera that stops or vanishes brings the start screen back with the reason;
// V goes back to the project's videos.

#include "core/media/video_frame.h"

#include <QWidget>

#include <cstdint>
#include <memory>

class QElapsedTimer;
class QLabel;
class QStackedWidget;


namespace actionlens::ui {

class AnnotationOverlays;
class ConfidencePanel;
class LiveCamera;
class LivePredictions;
struct LiveCameraOptions;
class PresentationStartScreen;
class SkeletonOverlay;
class PlayerController;
class PrivacyFilter;
class ProjectDocument;
class VideoOverlay;
class VideoView;

class PresentationView : public QWidget {
    Q_OBJECT
public:
    // `explanation`: the window's explanation overlay, drawn over the video too (may be null).
    PresentationView(ProjectDocument& document, PlayerController& player, VideoOverlay* explanation, QWidget* parent = nullptr);
    ~PresentationView() override;

    // Asks the newest training run's model about the current video (again when it changes); a
    // message in the panel when the project has no model.
    void readCurrentVideo();

    VideoView& view() { return *view_; }
    // The window's privacy view: frames pass through it (B switches it here); null: none.
    void setPrivacyFilter(PrivacyFilter* privacy);
    ConfidencePanel& panel() { return *panel_; }
    LivePredictions& predictions() { return *predictions_; }
    // Playlist: at a video's last frame, the next one (MainWindow answers nextVideoWanted).
    void setPlaylist(bool on);
    bool isPlaylist() const { return playlist_; }
    // Frames drawn in the last second (measured on the paints, not the decoder's pace).
    double framesPerSecond() const { return fps_; }

    enum class Source { Videos, Camera };
    Source source() const { return source_; }
    // The start screen (a camera to choose), with a line saying why it is back (may be empty).
    void showStartScreen(const QString& message = {});
    bool isShowingStartScreen() const;
    PresentationStartScreen& startScreen() { return *start_; }
    // Starts a camera as the source; an empty message when it is starting (a camera that
    // cannot be opened brings the start screen back with the reason).
    QString startCamera(const LiveCameraOptions& options);
    QString startCamera(const QString& device);  // with the start screen's pose choices
    // The project's videos as the source again (the camera stops).
    void showProjectVideos();
    LiveCamera& camera() { return *camera_; }

Q_SIGNALS:
    void left();  // Esc or F11: the window closes the view
    void nextVideoWanted();  // the playlist reached the end of a video

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void showAnswers(int frame);
    void countPaint();
    void updateStatus();
    void advanceIfAtEnd();
    void showCameraFrame();
    void cameraStopped(const QString& message);

    ProjectDocument& document_;
    PlayerController& player_;
    VideoView* view_ = nullptr;
    ConfidencePanel* panel_ = nullptr;
    QLabel* title_ = nullptr;
    QLabel* status_ = nullptr;
    AnnotationOverlays* overlays_ = nullptr;
    LivePredictions* predictions_ = nullptr;
    VideoOverlay* explanation_ = nullptr;
    PrivacyFilter* privacy_ = nullptr;
    std::unique_ptr<QElapsedTimer> fpsClock_;
    int paints_ = 0;
    double fps_ = 0.0;
    int frame_ = 0;
    bool playlist_ = false;
    bool advancing_ = false;  // the next video was asked for; until a frame before the end shows
    Source source_ = Source::Videos;
    QStackedWidget* stage_ = nullptr;  // the video, or the start screen
    PresentationStartScreen* start_ = nullptr;
    LiveCamera* camera_ = nullptr;
    std::unique_ptr<SkeletonOverlay> liveSkeletons_;
    media::FramePtr videoPicture_;  // the player's last frame, shown again when the videos come back
};

}  // namespace actionlens::ui
