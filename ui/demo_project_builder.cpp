#include "ui/demo_project_builder.h"

#include "core/synth/motion_library.h"
#include "core/synth/synth_project.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace actionlens::ui {

DemoProjectBuilder::DemoProjectBuilder(QObject* parent) : QObject(parent) {}

DemoProjectBuilder::~DemoProjectBuilder() {
    cancel();
    if (worker_.joinable()) worker_.join();
}

QString DemoProjectBuilder::defaultPath() {
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(data).filePath(QStringLiteral("actionlens/demo/demo.alproj"));
}

void DemoProjectBuilder::cancel() {
    if (cancelled_) cancelled_->store(true);
}

bool DemoProjectBuilder::start(const QString& projectPath, const DemoRecipe& recipe) {
    if (worker_.joinable()) return false;
    cancelled_ = std::make_shared<std::atomic<bool>>(false);
    auto cancelled = cancelled_;
    worker_ = std::thread([this, projectPath, recipe, cancelled] {
        QString error;
        if (!QDir().mkpath(QFileInfo(projectPath).absolutePath())) {
            error = tr("cannot create the folder %1").arg(QFileInfo(projectPath).absolutePath());
        } else if (auto motions = synth::builtInMotions(recipe.fps); !motions) {
            error = QString::fromStdString(motions.error());
        } else {
            synth::SynthSettings settings;
            settings.projectPath = projectPath.toStdString();
            settings.videos = recipe.videos;
            settings.seed = recipe.seed;
            settings.width = recipe.width;
            settings.height = recipe.height;
            settings.fps = recipe.fps;
            synth::SynthCallbacks callbacks;
            int lastPercent = -1;
            // Posting every frame would flood the GUI thread; one post per percent is plenty.
            callbacks.progress = [this, &lastPercent](std::int64_t done, std::int64_t total) {
                const int percent = total > 0 ? static_cast<int>(100 * done / total) : 0;
                if (percent == lastPercent) return;
                lastPercent = percent;
                QMetaObject::invokeMethod(this, [this, done, total] { Q_EMIT progress(done, total); }, Qt::QueuedConnection);
            };
            callbacks.cancelled = [cancelled] { return cancelled->load(); };
            auto summary = synth::synthesiseProject(settings, motions.value(), callbacks);
            if (!summary) error = QString::fromStdString(summary.error());
        }
        QMetaObject::invokeMethod(
            this,
            [this, projectPath, error] {
                if (worker_.joinable()) worker_.join();
                Q_EMIT finished(projectPath, error);
            },
            Qt::QueuedConnection);
    });
    return true;
}

}  // namespace actionlens::ui
