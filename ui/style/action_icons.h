#pragma once

// The icon set of the window's actions (resources/icons/actions/*.svg, compiled in through
// resources/icons/action_icons.qrc): 24 px line icons drawn in `currentColor`, which is replaced
// by the palette's text colour when an icon is made, so one set reads on light and dark themes
// (and a disabled action gets the palette's disabled text colour).

#include <QIcon>
#include <QString>

class QAction;
class QWidget;

namespace actionlens::ui {

enum class ActionIcon {
    Play, Pause, StepForward, StepBack, SkipStart, SkipEnd, ShuttleBack, ShuttleForward, Stop,
    MarkIn, MarkOut, ClearMarks, CreateSegment, Split, Merge, Delete, Undo, Redo,
    Skeleton, Boxes, Labels, Fit, ZoomIn, ZoomOut, ZoomFit,
    Import, Export, Open, New, Close, AddVideos, AddFolder, Relink, MissingFile, EstimatePoses,
    AddSubject, Loop, GoToFrame,
    // Skeleton editing (Edit > Skeleton).
    JointVisibility, AddSkeleton, Keyframe, Interpolate, CopyPrevious,
};
// The last of the enum, for code that goes through them all.
constexpr ActionIcon kLastActionIcon = ActionIcon::CopyPrevious;

// The resource path of the icon's SVG (":/icons/actions/play.svg").
QString actionIconPath(ActionIcon icon);
// The icon in the application palette's colours; made once per palette and cached.
QIcon actionIcon(ActionIcon icon);

// Gives the menu actions of `window` (and its children) their icons, matched by the action's
// menu text without its '&' ("Play / pause", "Split segment at playhead", ...). Returns how many
// actions got one, so a renamed action that lost its icon shows in the tests.
int applyActionIcons(QWidget& window);

// An action's menu text as applyActionIcons matches it: without '&', and "Undo"/"Redo" for the
// undo stack's actions whatever they undo.
QString plainActionText(const QAction& action);
// The first action of `window` (or its children) with that plain text; nullptr if none.
QAction* findWindowAction(QWidget& window, const QString& plainText);

}  // namespace actionlens::ui
