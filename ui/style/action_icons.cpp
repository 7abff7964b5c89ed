#include "ui/style/action_icons.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QFile>
#include <QHash>
#include <QImageReader>
#include <QPalette>
#include <QPixmap>
#include <QWidget>

// Q_INIT_RESOURCE must be called outside any namespace; the resources live in a static library,
// which the linker would otherwise leave out.
static void initActionIconResources() { Q_INIT_RESOURCE(action_icons); }

namespace actionlens::ui {

namespace {

const char* iconName(ActionIcon icon) {
    switch (icon) {
    case ActionIcon::Play: return "play";
    case ActionIcon::Pause: return "pause";
    case ActionIcon::StepForward: return "step-forward";
    case ActionIcon::StepBack: return "step-back";
    case ActionIcon::SkipStart: return "skip-start";
    case ActionIcon::SkipEnd: return "skip-end";
    case ActionIcon::ShuttleBack: return "shuttle-back";
    case ActionIcon::ShuttleForward: return "shuttle-forward";
    case ActionIcon::Stop: return "stop";
    case ActionIcon::MarkIn: return "mark-in";
    case ActionIcon::MarkOut: return "mark-out";
    case ActionIcon::ClearMarks: return "clear-marks";
    case ActionIcon::CreateSegment: return "create-segment";
    case ActionIcon::Split: return "split";
    case ActionIcon::Merge: return "merge";
    case ActionIcon::Delete: return "delete";
    case ActionIcon::Undo: return "undo";
    case ActionIcon::Redo: return "redo";
    case ActionIcon::Skeleton: return "skeleton";
    case ActionIcon::Boxes: return "boxes";
    case ActionIcon::Labels: return "labels";
    case ActionIcon::Fit: return "fit";
    case ActionIcon::ZoomIn: return "zoom-in";
    case ActionIcon::ZoomOut: return "zoom-out";
    case ActionIcon::ZoomFit: return "zoom-fit";
    case ActionIcon::Import: return "import";
    case ActionIcon::Export: return "export";
    case ActionIcon::Open: return "open";
    case ActionIcon::New: return "new";
    case ActionIcon::Close: return "close";
    case ActionIcon::AddVideos: return "add-videos";
    case ActionIcon::AddFolder: return "add-folder";
    case ActionIcon::Relink: return "relink";
    case ActionIcon::MissingFile: return "missing-file";
    case ActionIcon::EstimatePoses: return "estimate-poses";
    case ActionIcon::AddSubject: return "add-subject";
    case ActionIcon::Loop: return "loop";
    case ActionIcon::GoToFrame: return "go-to-frame";
    case ActionIcon::JointVisibility: return "joint-visibility";
    case ActionIcon::AddSkeleton: return "add-skeleton";
    case ActionIcon::Keyframe: return "keyframe";
    case ActionIcon::Interpolate: return "interpolate";
    case ActionIcon::CopyPrevious: return "copy-previous";
    }
    return "";
}

QPixmap render(const QByteArray& svg, const QColor& colour, int size) {
    QByteArray coloured = svg;
    coloured.replace("currentColor", colour.name(QColor::HexRgb).toLatin1());
    QBuffer buffer(&coloured);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "svg");
    reader.setScaledSize(QSize(size, size));
    return QPixmap::fromImage(reader.read());
}

}  // namespace

QString actionIconPath(ActionIcon icon) {
    return QStringLiteral(":/icons/actions/%1.svg").arg(QLatin1String(iconName(icon)));
}

QIcon actionIcon(ActionIcon icon) {
    static const bool initialised = (initActionIconResources(), true);
    (void)initialised;
    static QHash<QString, QIcon> cache;
    const QPalette palette = QApplication::palette();
    const QColor normal = palette.color(QPalette::Active, QPalette::WindowText);
    const QColor disabled = palette.color(QPalette::Disabled, QPalette::WindowText);
    const QString key = QLatin1String(iconName(icon)) + normal.name() + disabled.name();
    if (auto it = cache.constFind(key); it != cache.constEnd()) return *it;
    QFile file(actionIconPath(icon));
    if (!file.open(QIODevice::ReadOnly)) return {};
    const QByteArray svg = file.readAll();
    QIcon result;
    // Drawn for the sizes menus, tool buttons and high-density screens ask for.
    for (int size : {16, 20, 24, 32, 48}) {
        result.addPixmap(render(svg, normal, size), QIcon::Normal);
        result.addPixmap(render(svg, disabled, size), QIcon::Disabled);
    }
    cache.insert(key, result);
    return result;
}

int applyActionIcons(QWidget& window) {
    static const QHash<QString, ActionIcon> byText = {
        {QStringLiteral("Open project..."), ActionIcon::Open},
        {QStringLiteral("New project..."), ActionIcon::New},
        {QStringLiteral("Open the demo project"), ActionIcon::Open},
        {QStringLiteral("Open a video..."), ActionIcon::Play},
        {QStringLiteral("Add videos to the project..."), ActionIcon::AddVideos},
        {QStringLiteral("Add a folder of videos..."), ActionIcon::AddFolder},
        {QStringLiteral("Relink missing videos..."), ActionIcon::Relink},
        {QStringLiteral("Import..."), ActionIcon::Import},
        {QStringLiteral("Export..."), ActionIcon::Export},
        {QStringLiteral("Close project"), ActionIcon::Close},
        {QStringLiteral("Undo"), ActionIcon::Undo},
        {QStringLiteral("Redo"), ActionIcon::Redo},
        {QStringLiteral("Mark in"), ActionIcon::MarkIn},
        {QStringLiteral("Mark out"), ActionIcon::MarkOut},
        {QStringLiteral("Clear marks"), ActionIcon::ClearMarks},
        {QStringLiteral("Create segment from marks"), ActionIcon::CreateSegment},
        {QStringLiteral("New subject lane"), ActionIcon::AddSubject},
        {QStringLiteral("Split segment at playhead"), ActionIcon::Split},
        {QStringLiteral("Merge selected segments"), ActionIcon::Merge},
        {QStringLiteral("Delete selected segments"), ActionIcon::Delete},
        {QStringLiteral("Play / pause"), ActionIcon::Play},
        {QStringLiteral("Next frame"), ActionIcon::StepForward},
        {QStringLiteral("Previous frame"), ActionIcon::StepBack},
        {QStringLiteral("Shuttle backward (J)"), ActionIcon::ShuttleBack},
        {QStringLiteral("Stop shuttle (K)"), ActionIcon::Stop},
        {QStringLiteral("Shuttle forward (L)"), ActionIcon::ShuttleForward},
        {QStringLiteral("Go to frame..."), ActionIcon::GoToFrame},
        {QStringLiteral("First frame"), ActionIcon::SkipStart},
        {QStringLiteral("Last frame"), ActionIcon::SkipEnd},
        {QStringLiteral("Fit to window"), ActionIcon::Fit},
        {QStringLiteral("Zoom timeline in"), ActionIcon::ZoomIn},
        {QStringLiteral("Zoom timeline out"), ActionIcon::ZoomOut},
        {QStringLiteral("Whole video in the timeline"), ActionIcon::ZoomFit},
        {QStringLiteral("Skeletons"), ActionIcon::Skeleton},
        {QStringLiteral("Boxes and names"), ActionIcon::Boxes},
        {QStringLiteral("Segment labels"), ActionIcon::Labels},
        {QStringLiteral("Estimate poses..."), ActionIcon::EstimatePoses},
        {QStringLiteral("Show / hide joint"), ActionIcon::JointVisibility},
        {QStringLiteral("Add skeleton from template"), ActionIcon::AddSkeleton},
        {QStringLiteral("Copy skeleton from previous frame"), ActionIcon::CopyPrevious},
        {QStringLiteral("Mark as keyframe"), ActionIcon::Keyframe},
        {QStringLiteral("Interpolate between keyframes"), ActionIcon::Interpolate},
        {QStringLiteral("Interpolate all keyframe gaps"), ActionIcon::Interpolate},
        {QStringLiteral("Delete skeleton on this frame"), ActionIcon::Delete},
    };
    int given = 0;
    for (QAction* action : window.findChildren<QAction*>()) {
        const auto it = byText.constFind(plainActionText(*action));
        if (it == byText.constEnd()) continue;
        action->setIcon(actionIcon(*it));
        ++given;
    }
    return given;
}

QString plainActionText(const QAction& action) {
    QString text = action.text();
    text.remove(QLatin1Char('&'));
    // The undo stack's actions say what they undo ("Undo Add 3 videos").
    if (text.startsWith(QLatin1String("Undo"))) return QStringLiteral("Undo");
    if (text.startsWith(QLatin1String("Redo"))) return QStringLiteral("Redo");
    return text;
}

QAction* findWindowAction(QWidget& window, const QString& plainText) {
    for (QAction* action : window.findChildren<QAction*>())
        if (plainActionText(*action) == plainText) return action;
    return nullptr;
}

}  // namespace actionlens::ui
