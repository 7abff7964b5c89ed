#include "core/annotation/video_fingerprint.h"

#include <QCryptographicHash>
#include <QFile>

#include <algorithm>

namespace actionlens::annotation {

Result<std::string> videoContentHash(const std::string& path) {
    constexpr qint64 kChunk = 1 << 20;
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return makeError("cannot read video '" + path + "': " + file.errorString().toStdString());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const qint64 size = file.size();
    hash.addData(QByteArray::number(size));
    hash.addData(file.read(kChunk));
    if (size > kChunk) {
        file.seek(std::max(kChunk, size - kChunk));
        hash.addData(file.read(kChunk));
    }
    if (file.error() != QFileDevice::NoError)
        return makeError("cannot read video '" + path + "': " + file.errorString().toStdString());
    return "sha256:" + hash.result().toHex().toStdString();
}

}  // namespace actionlens::annotation
