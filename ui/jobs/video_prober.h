#pragma once

// VideoProber: reads what a project records about video files (frame count from the frame
// index, rate, size, content hash) as a Job, so adding a folder of long videos never blocks the
// window. Results come back as signals on the GUI thread.

#include "core/annotation/video.h"

#include "ui/jobs/job.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <vector>

namespace actionlens::ui {

class VideoProber : public QObject {
    Q_OBJECT
public:
    explicit VideoProber(QObject* parent = nullptr);
    ~VideoProber() override;  // cancels and waits

    // False while a probe runs.
    bool start(const QStringList& paths);
    bool isRunning() const { return job_ && job_->isRunning(); }
    Job* job() const { return job_; }  // the running probe, for DocumentJobs
    void cancel();

Q_SIGNALS:
    void progress(int filesDone, int filesTotal);
    // The videos that could be read, and one line per file that could not.
    void finished(const std::vector<actionlens::annotation::Video>& videos, const QStringList& errors);

private:
    QPointer<Job> job_;
};

}  // namespace actionlens::ui
