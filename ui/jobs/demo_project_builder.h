#pragma once

// DemoProjectBuilder: renders the demo project (core/synth: mannequins moving with real Penn
// Action motion, exact skeletons and labels) as a Job, reporting progress as signals on the GUI
// thread. The same recipe as packaging/run-demo.sh, so the GUI and the
// script share one demo project in the user's data folder.

#include "ui/jobs/job.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace actionlens::ui {

struct DemoRecipe {
    int videos = 12;
    unsigned seed = 1;
    int width = 320;
    int height = 240;
    int fps = 25;
};

class DemoProjectBuilder : public QObject {
    Q_OBJECT
public:
    explicit DemoProjectBuilder(QObject* parent = nullptr);
    ~DemoProjectBuilder() override;  // cancels and waits: nothing half-written is left

    // ${XDG_DATA_HOME:-~/.local/share}/actionlens/demo/demo.alproj
    static QString defaultPath();

    // Starts rendering to `projectPath` (which must not exist); false if a build is running.
    bool start(const QString& projectPath, const DemoRecipe& recipe = {});
    bool isRunning() const { return job_ && job_->isRunning(); }
    void cancel();

Q_SIGNALS:
    void progress(qint64 framesDone, qint64 framesTotal);
    // An empty message on success.
    void finished(const QString& projectPath, const QString& errorMessage);

private:
    QPointer<Job> job_;
};

}  // namespace actionlens::ui
