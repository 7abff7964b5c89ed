#include "ui/jobs/video_prober.h"

#include "core/annotation/video_fingerprint.h"
#include "core/media/frame_source.h"

#include <QFileInfo>

namespace actionlens::ui {

VideoProber::VideoProber(QObject* parent) : QObject(parent) {}

VideoProber::~VideoProber() { delete job_; }  // cancels and waits

void VideoProber::cancel() {
    if (job_) job_->cancel();
}

bool VideoProber::start(const QStringList& paths) {
    if (isRunning()) return false;
    delete job_;
    struct Found {
        std::vector<annotation::Video> videos;
        QStringList errors;
    };
    auto found = std::make_shared<Found>();  // written by the work, read after it returned
    job_ = new Job(
        tr("Reading videos"),
        [paths, found](JobContext& context) {
            for (int i = 0; i < paths.size() && !context.isCancelled(); ++i) {
                const QString& path = paths[i];
                auto source = media::openFrameSource(path.toStdString());  // indexes once; cached afterwards
                if (!source) {
                    found->errors << QString::fromStdString(source.error());
                } else if (source.value()->index().frameCount() <= 0) {
                    found->errors << tr("%1 has no video frames").arg(path);
                } else {
                    const media::VideoInfo& info = source.value()->info();
                    annotation::Video video;
                    video.path = QFileInfo(path).absoluteFilePath().toStdString();
                    video.sizeBytes = QFileInfo(path).size();
                    video.fps = info.fps;
                    video.frameCount = source.value()->index().frameCount();
                    video.width = info.width;
                    video.height = info.height;
                    if (auto hash = annotation::videoContentHash(path.toStdString()); hash) {
                        video.contentHash = hash.value();
                        found->videos.push_back(std::move(video));
                    } else {
                        found->errors << QString::fromStdString(hash.error());
                    }
                }
                context.setProgress(i + 1, paths.size());
            }
            if (context.isCancelled()) found->errors << tr("cancelled");
        },
        this);
    connect(job_, &Job::progressChanged, this, [this](qint64 done, qint64 total) { Q_EMIT progress(int(done), int(total)); });
    connect(job_, &Job::finished, this, [this, found] { Q_EMIT finished(found->videos, found->errors); });
    job_->start();
    return true;
}

}  // namespace actionlens::ui
