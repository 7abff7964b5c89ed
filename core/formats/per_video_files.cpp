#include "core/formats/per_video_files.h"

#include <QDir>
#include <QFileInfo>

namespace actionlens::formats {

PerVideoFiles::PerVideoFiles(std::string output, size_t videoCount, std::string suffix)
    : output_(std::move(output)), suffix_(std::move(suffix)), oneFile_(videoCount == 1) {}

Status PerVideoFiles::prepare() const {
    if (!oneFile_ && !QDir().mkpath(QString::fromStdString(output_))) return makeError("cannot create the folder '" + output_ + "'");
    return Status::success();
}

std::string PerVideoFiles::pathFor(const annotation::Video& video) {
    if (oneFile_) return output_;
    std::string name = !video.name.empty() ? video.name : QFileInfo(QString::fromStdString(video.path)).completeBaseName().toStdString();
    for (char& c : name)
        if (c == '/' || c == '\\' || c == ':' || static_cast<unsigned char>(c) < 32) c = '_';
    if (name.empty() || name == "." || name == "..") name = "video " + std::to_string(video.id);
    std::string file = name + suffix_;
    for (int n = 2; used_.count(file); ++n) file = name + " (" + std::to_string(n) + ")" + suffix_;
    used_.insert(file);
    return output_ + "/" + file;
}

Result<std::vector<std::string>> filesOfSource(const std::string& source, const char* pattern, const std::string& kind) {
    const QFileInfo info(QString::fromStdString(source));
    if (!info.isDir()) return std::vector<std::string>{source};
    std::vector<std::string> files;
    for (const QFileInfo& entry : QDir(info.filePath()).entryInfoList({QString::fromLatin1(pattern)}, QDir::Files, QDir::Name))
        files.push_back(entry.filePath().toStdString());
    if (files.empty()) return makeError("'" + source + "' holds no " + kind);
    return files;
}

}  // namespace actionlens::formats
