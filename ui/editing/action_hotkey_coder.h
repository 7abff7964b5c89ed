#pragma once

// ActionHotkeyCoder: keyboard coding with the taxonomy's hotkeys, as in BORIS or ELAN (the
// user's own action keys win: EffectiveHotkeys). While the video plays, holding an action's key
// codes a segment from the frame shown at the press to the frame shown at the release. While
// paused, an action's or a segment attribute's key chooses that value at once (the window
// applies it to the marked range or the selected segments). Installed as an event filter on the
// window; keys typed into text fields are left alone, and hotkeys win over menu shortcuts of the
// same key. Install it on the application with the window as its parent: it handles keys sent to
// that window's widgets.

#include <QObject>
#include <QWidget>

#include <functional>
#include <map>
#include <string>

namespace actionlens::ui {

class ProjectDocument;

class ActionHotkeyCoder : public QObject {
    Q_OBJECT
public:
    ActionHotkeyCoder(ProjectDocument& document, std::function<int()> playhead, std::function<bool()> playing,
                      QWidget* window);

    bool eventFilter(QObject* watched, QEvent* event) override;

Q_SIGNALS:
    // Played through while the key was held: frames first..last inclusive.
    void segmentCoded(const QString& action, int firstFrame, int lastFrame);
    // A key pressed while paused.
    void valueChosen(const QString& task, const QString& value);

private:
    struct Hotkey {
        std::string task;
        std::string value;
        bool isAction = false;
    };
    const Hotkey* hotkeyFor(const QString& text) const;
    void rebuild();

    ProjectDocument& document_;
    std::function<int()> playhead_;
    std::function<bool()> playing_;
    std::map<QString, Hotkey> hotkeys_;  // lower-case key text -> task value
    std::map<int, std::pair<QString, int>> held_;  // Qt key -> (action, frame at press)
};

}  // namespace actionlens::ui
