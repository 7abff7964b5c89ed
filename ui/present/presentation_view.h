#pragma once

// PresentationView: View > Presentation (F11), the whole system on one screen for an audience.
// Fullscreen, dark, large type: the video the window plays (its player: Space plays and pauses,
// the arrows step) with each subject's skeleton and box, the newest trained model's live answers
// per subject and task as gliding confidence bars (LivePredictions), the explanation map when
// the Explanations dock has one, and the frames per second actually drawn. Esc (or F11) leaves.
// As a playlist (P, or `actionlens PROJECT --present --playlist`) the project's videos play back
// to back, round and round, for an unattended screen.

#include <QWidget>

#include <cstdint>
#include <memory>

class QElapsedTimer;
class QLabel;

namespace actionlens::media {
class VideoFrame;
}

namespace actionlens::ui {

class AnnotationOverlays;
class ConfidencePanel;
class LivePredictions;
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
};

}  // namespace actionlens::ui
