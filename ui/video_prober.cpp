#include "ui/video_prober.h"

#include "core/annotation/video_fingerprint.h"
#include "core/media/frame_source.h"

#include <QFileInfo>

namespace actionlens::ui {

VideoProber::VideoProber(QObject* parent) : QObject(parent) {}

VideoProber::~VideoProber() {
    cancel();
    if (worker_.joinable()) worker_.join();
}

void VideoProber::cancel() {
    if (cancelled_) cancelled_->store(true);
}

bool VideoProber::start(const QStringList& paths) {
    if (worker_.joinable()) return false;
    cancelled_ = std::make_shared<std::atomic<bool>>(false);
    auto cancelled = cancelled_;
    worker_ = std::thread([this, paths, cancelled] {
        std::vector<annotation::Video> videos;
        QStringList errors;
        for (int i = 0; i < paths.size() && !cancelled->load(); ++i) {
            const QString& path = paths[i];
            auto source = media::openFrameSource(path.toStdString());  // indexes once; cached afterwards
            if (!source) {
                errors << QString::fromStdString(source.error());
            } else if (source.value()->index().frameCount() <= 0) {
                errors << tr("%1 has no video frames").arg(path);
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
                    videos.push_back(std::move(video));
                } else {
                    errors << QString::fromStdString(hash.error());
                }
            }
            QMetaObject::invokeMethod(this, [this, i, total = int(paths.size())] { Q_EMIT progress(i + 1, total); }, Qt::QueuedConnection);
        }
        if (cancelled->load()) errors << tr("cancelled");
        QMetaObject::invokeMethod(
            this,
            [this, videos = std::move(videos), errors] {
                if (worker_.joinable()) worker_.join();
                Q_EMIT finished(videos, errors);
            },
            Qt::QueuedConnection);
    });
    return true;
}

}  // namespace actionlens::ui
