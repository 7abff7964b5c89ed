#include "core/annotation/video_relinking.h"

#include "core/annotation/video_fingerprint.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>
#include <map>

namespace actionlens::annotation {

bool videoFileMissing(const Video& video) {
    // exists(), not isFile(): a video can be a folder of numbered images (Penn Action frames/).
    return !video.path.empty() && !QFileInfo::exists(QString::fromStdString(video.path));
}

std::vector<Video> missingVideos(const std::vector<Video>& videos) {
    std::vector<Video> missing;
    for (const Video& v : videos)
        if (videoFileMissing(v)) missing.push_back(v);
    return missing;
}

namespace {

std::string fileNameOf(const std::string& path) { return QFileInfo(QString::fromStdString(path)).fileName().toStdString(); }

// Every file below `folder` by file name, in a stable (sorted) order so that the choice among
// equal copies does not depend on the file system's listing order.
std::multimap<std::string, std::string> filesByName(const QString& folder, bool recursive) {
    std::multimap<std::string, std::string> files;
    QDirIterator it(folder, QDir::Files | QDir::NoDotAndDotDot | QDir::Readable,
                    recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
    std::vector<std::pair<std::string, std::string>> all;
    while (it.hasNext()) {
        const QString path = it.next();
        all.emplace_back(it.fileName().toStdString(), QFileInfo(path).absoluteFilePath().toStdString());
    }
    std::sort(all.begin(), all.end());
    for (auto& entry : all) files.insert(std::move(entry));
    return files;
}

}  // namespace

Result<RelinkPlan> planRelink(const std::vector<Video>& videos, const std::string& folder, const RelinkOptions& options) {
    const QString root = QString::fromStdString(folder);
    if (!QFileInfo(root).isDir()) return makeError("'" + folder + "' is not a folder");
    if (!QDir(root).isReadable()) return makeError("cannot read the folder '" + folder + "'");
    const auto files = filesByName(root, options.recursive);

    RelinkPlan plan;
    std::map<std::string, Result<std::string>> hashes;  // each candidate hashed once
    std::int64_t done = 0;
    for (const Video& video : videos) {
        if (options.cancelRequested && options.cancelRequested()) return makeError("cancelled");
        const std::string name = fileNameOf(video.path);
        const auto [first, last] = files.equal_range(name);
        RelinkNotFound miss{video.id, video.path, {}};
        if (name.empty() || first == last) {
            miss.reason = "no file named " + (name.empty() ? std::string("(none)") : name);
        } else {
            int candidates = 0;
            bool linked = false;
            std::string problems;
            for (auto it = first; it != last; ++it) {
                ++candidates;
                const std::string& path = it->second;
                if (video.contentHash.empty()) {
                    // Older records without a hash: the byte size is the best evidence left.
                    if (video.sizeBytes > 0 && QFileInfo(QString::fromStdString(path)).size() == video.sizeBytes) {
                        plan.found.push_back({video.id, video.path, path, "size"});
                        linked = true;
                        break;
                    }
                    continue;
                }
                auto hash = hashes.find(path);
                if (hash == hashes.end()) hash = hashes.emplace(path, videoContentHash(path)).first;
                if (!hash->second.ok()) {
                    problems += (problems.empty() ? "" : "; ") + hash->second.error();
                    continue;
                }
                if (hash->second.value() == video.contentHash) {
                    plan.found.push_back({video.id, video.path, path, "content hash"});
                    linked = true;
                    break;
                }
            }
            if (!linked) {
                miss.reason = std::to_string(candidates) + (candidates == 1 ? " file" : " files") + " named " + name +
                              (candidates == 1 ? " has" : " have") +
                              (video.contentHash.empty() ? " another size" : " other content (content hash differs)");
                if (!problems.empty()) miss.reason += "; " + problems;
            }
        }
        if (!miss.reason.empty()) plan.notFound.push_back(std::move(miss));
        if (options.progress) options.progress(++done, static_cast<std::int64_t>(videos.size()));
    }
    return plan;
}

}  // namespace actionlens::annotation
