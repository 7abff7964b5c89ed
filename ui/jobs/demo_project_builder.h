#pragma once

// DemoProjectBuilder: renders the demo project (core/synth: mannequins moving with real Penn
// Action motion, exact skeletons and labels) as a Job, reporting progress as signals on the GUI
// thread. The same recipe as packaging/run-demo.sh, so the GUI and the script share one demo
// project in the user's data folder. Beside the project a stamp file (demo.recipe) names the
// recipe it was rendered with: a demo of another recipe (an older version) is replaced.

#include "ui/jobs/job.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace actionlens::ui {

// Large enough that the default training config learns the actions (README, "Demo model").
struct DemoRecipe {
    int videos = 160;
    unsigned seed = 1;
    int width = 320;
    int height = 240;
    int fps = 25;
    int seconds = 10;  // about, per video

    // `actionlens-cli synth` options that render it; the stamp file holds this line, and
    // packaging/run-demo.sh the same.
    QString synthArguments() const;
};

class DemoProjectBuilder : public QObject {
    Q_OBJECT
public:
    explicit DemoProjectBuilder(QObject* parent = nullptr);
    ~DemoProjectBuilder() override;  // cancels and waits: nothing half-written is left

    // ${XDG_DATA_HOME:-~/.local/share}/actionlens/demo/demo.alproj
    static QString defaultPath();
    // PROJECT.recipe beside PROJECT.alproj.
    static QString stampPath(const QString& projectPath);
    // The project exists and its stamp names `recipe`.
    static bool isCurrent(const QString& projectPath, const DemoRecipe& recipe);

    // What start() renders by default (the window's demo; tests set a small one).
    const DemoRecipe& recipe() const { return recipe_; }
    void setRecipe(const DemoRecipe& recipe) { recipe_ = recipe; }

    // Starts rendering to `projectPath`: a project already there (with its videos and stamp) is
    // removed first, then the new one is rendered and stamped. False if a build is running.
    bool start(const QString& projectPath);
    bool start(const QString& projectPath, const DemoRecipe& recipe);
    bool isRunning() const { return job_ && job_->isRunning(); }
    void cancel();

Q_SIGNALS:
    void progress(qint64 framesDone, qint64 framesTotal);
    // An empty message on success.
    void finished(const QString& projectPath, const QString& errorMessage);

private:
    QPointer<Job> job_;
    DemoRecipe recipe_;
};

}  // namespace actionlens::ui
