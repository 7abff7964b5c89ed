#include "ui/jobs/demo_project_builder.h"

#include "core/synth/motion_library.h"
#include "core/synth/synth_project.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace actionlens::ui {

namespace {

// The project with what SQLite and synth keep beside it; the stamp goes first, so a demo half
// removed is never taken for a current one.
QString removeDemo(const QString& projectPath) {
    const QStringList files{DemoProjectBuilder::stampPath(projectPath), projectPath, projectPath + QStringLiteral("-wal"),
                            projectPath + QStringLiteral("-shm"), projectPath + QStringLiteral("-journal")};
    for (const QString& file : files) {
        if (QFileInfo::exists(file) && !QFile::remove(file)) return DemoProjectBuilder::tr("cannot remove the old demo file %1").arg(file);
    }
    QDir videos(QString::fromStdString(synth::synthVideoFolder(projectPath.toStdString())));
    if (videos.exists() && !videos.removeRecursively())
        return DemoProjectBuilder::tr("cannot remove the old demo videos in %1").arg(videos.path());
    return {};
}

QString writeStamp(const QString& projectPath, const DemoRecipe& recipe) {
    QSaveFile stamp(DemoProjectBuilder::stampPath(projectPath));
    const QByteArray line = recipe.synthArguments().toUtf8() + '\n';
    if (!stamp.open(QIODevice::WriteOnly) || stamp.write(line) != line.size() || !stamp.commit())
        return DemoProjectBuilder::tr("cannot write %1: %2").arg(stamp.fileName(), stamp.errorString());
    return {};
}

}  // namespace

QString DemoRecipe::synthArguments() const {
    return QStringLiteral("--videos %1 --seed %2 --size %3x%4 --fps %5 --seconds %6")
        .arg(videos)
        .arg(seed)
        .arg(width)
        .arg(height)
        .arg(fps)
        .arg(seconds);
}

DemoProjectBuilder::DemoProjectBuilder(QObject* parent) : QObject(parent) {}

DemoProjectBuilder::~DemoProjectBuilder() { delete job_; }  // cancels and waits

QString DemoProjectBuilder::defaultPath() {
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(data).filePath(QStringLiteral("actionlens/demo/demo.alproj"));
}

QString DemoProjectBuilder::stampPath(const QString& projectPath) {
    const QFileInfo project(projectPath);
    return project.dir().filePath(project.completeBaseName() + QStringLiteral(".recipe"));
}

bool DemoProjectBuilder::isCurrent(const QString& projectPath, const DemoRecipe& recipe) {
    if (!QFileInfo::exists(projectPath)) return false;
    QFile stamp(stampPath(projectPath));
    if (!stamp.open(QIODevice::ReadOnly)) return false;
    return QString::fromUtf8(stamp.readAll()).trimmed() == recipe.synthArguments();
}

void DemoProjectBuilder::cancel() {
    if (job_) job_->cancel();
}

bool DemoProjectBuilder::start(const QString& projectPath) { return start(projectPath, recipe_); }

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
            if (QString removed = removeDemo(projectPath); !removed.isEmpty()) {
                *error = removed;
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
            settings.timing.targetSeconds = recipe.seconds;
            synth::SynthCallbacks callbacks;
            callbacks.progress = [&context](std::int64_t done, std::int64_t total) { context.setProgress(done, total); };
            callbacks.cancelled = [&context] { return context.isCancelled(); };
            auto summary = synth::synthesiseProject(settings, motions.value(), callbacks);
            if (!summary) {
                *error = QString::fromStdString(summary.error());
                return;
            }
            *error = writeStamp(projectPath, recipe);
        },
        this);
    connect(job_, &Job::progressChanged, this, &DemoProjectBuilder::progress);
    connect(job_, &Job::finished, this, [this, projectPath, error] { Q_EMIT finished(projectPath, *error); });
    job_->start();
    return true;
}

}  // namespace actionlens::ui
