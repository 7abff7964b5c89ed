#include "core/formats/video_lookup.h"

#include "core/annotation/project_store.h"

#include <QByteArray>
#include <QFileInfo>
#include <QUrl>

namespace actionlens::formats {

namespace {

std::string fileNameOf(const annotation::Video& video) {
    return video.path.empty() ? std::string() : QFileInfo(QString::fromStdString(video.path)).fileName().toStdString();
}

}  // namespace

std::string fileNameOfLocation(const std::string& location) {
    const size_t slash = location.find_last_of("/\\");
    const std::string last = slash == std::string::npos ? location : location.substr(slash + 1);
    return QUrl::fromPercentEncoding(QByteArray::fromStdString(last)).toStdString();
}

std::string withoutExtension(const std::string& fileName) {
    const size_t dot = fileName.rfind('.');
    return dot == std::string::npos || dot == 0 ? fileName : fileName.substr(0, dot);
}

Result<VideoLookup> VideoLookup::load(annotation::ProjectStore& store) {
    auto videos = store.videos();
    if (!videos) return videos.takeError();
    VideoLookup lookup;
    lookup.videos_ = std::move(videos).value();
    return lookup;
}

std::vector<const annotation::Video*> VideoLookup::find(const std::string& name) const {
    std::vector<const annotation::Video*> found;
    if (name.empty()) return found;
    for (const annotation::Video& v : videos_)
        if (v.name == name || fileNameOf(v) == name) found.push_back(&v);
    if (!found.empty()) return found;
    const std::string stem = withoutExtension(name);
    for (const annotation::Video& v : videos_) {
        const std::string fileStem = withoutExtension(fileNameOf(v));
        if (v.name == stem || (!fileStem.empty() && (fileStem == name || fileStem == stem))) found.push_back(&v);
    }
    return found;
}

Result<annotation::Video> VideoLookup::findOne(const std::string& name) const {
    const std::vector<const annotation::Video*> found = find(name);
    if (found.empty()) return makeError("no video of the project is named '" + name + "' or has that file name");
    if (found.size() > 1) {
        std::string ids;
        for (const annotation::Video* v : found) ids += (ids.empty() ? "" : ", ") + std::to_string(v->id);
        return makeError("'" + name + "' could be any of the project's videos " + ids + " (they share the name)");
    }
    return *found.front();
}

}  // namespace actionlens::formats
