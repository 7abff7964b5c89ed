#include "ui/jobs/demo_project_builder.h"

#include "core/synth/motion_library.h"
#include "core/synth/synth_project.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace actionlens::ui {

DemoProjectBuilder::DemoProjectBuilder(QObject* parent) : QObject(parent) {}

DemoProjectBuilder::~DemoProjectBuilder() { delete job_; }  // cancels and waits

QString DemoProjectBuilder::defaultPath() {
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(data).filePath(QStringLiteral("actionlens/demo/demo.alproj"));
}

void DemoProjectBuilder::cancel() {
    if (job_) job_->cancel();
}

bool DemoProjectBuilder::start(const QString& projectPath, const DemoRecipe& recipe) {
    if (isRunning()) return false;
    delete job_;
    auto error = std::make_shared<QString>();  // written by the work, read after it returned
    job_ = new Job(
        tr("Rendering the demo project"),
        [projectPath, recipe, error](JobContext& context) {
            if (!QDir().mkpath(QFileInfo(projectPath).absolutePath())) {
                *error = tr("cannot create the folder %1").arg(QFileInfo(projectPath).absolutePath());
                return;
            }
            auto motions = synth::builtInMotions(recipe.fps);
            if (!motions) {
                *error = QString::fromStdString(motions.error());
                return;
            }
            synth::SynthSettings settings;
            settings.projectPath = projectPath.toStdString();
            settings.videos = recipe.videos;
            settings.seed = recipe.seed;
            settings.width = recipe.width;
            settings.height = recipe.height;
            settings.fps = recipe.fps;
            synth::SynthCallbacks callbacks;
            callbacks.progress = [&context](std::int64_t done, std::int64_t total) { context.setProgress(done, total); };
            callbacks.cancelled = [&context] { return context.isCancelled(); };
            auto summary = synth::synthesiseProject(settings, motions.value(), callbacks);
            if (!summary) *error = QString::fromStdString(summary.error());
        },
        this);
    connect(job_, &Job::progressChanged, this, &DemoProjectBuilder::progress);
    connect(job_, &Job::finished, this, [this, projectPath, error] { Q_EMIT finished(projectPath, *error); });
    job_->start();
    return true;
}

}  // namespace actionlens::ui
