#include "core/privacy/project_anonymisation.h"

#include "core/annotation/project_store.h"
#include "core/annotation/video_fingerprint.h"
#include "core/privacy/blurred_video.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <filesystem>
#include <map>

namespace actionlens::privacy {

namespace {

// Reads a video's skeletons a stretch of frames at a time, for a caller that asks frame by frame.
class SkeletonWindow {
public:
    SkeletonWindow(annotation::ProjectStore& store, std::int64_t videoId) : store_(store), videoId_(videoId) {}

    Result<std::vector<annotation::SkeletonFrame>> at(int frame) {
        if (frame < first_ || frame > last_) {
            first_ = frame;
            last_ = frame + kStretch - 1;
            auto read = store_.skeletonFrames(videoId_, first_, last_);
            if (!read) return read.takeError();
            byFrame_.clear();
            for (annotation::SkeletonFrame& s : read.value()) byFrame_[s.frame].push_back(std::move(s));
        }
        auto found = byFrame_.find(frame);
        return found == byFrame_.end() ? std::vector<annotation::SkeletonFrame>() : found->second;
    }

private:
    static constexpr int kStretch = 500;
    annotation::ProjectStore& store_;
    std::int64_t videoId_;
    int first_ = 0;
    int last_ = -1;
    std::map<std::int64_t, std::vector<annotation::SkeletonFrame>> byFrame_;
};

}  // namespace

Result<AnonymiseSummary> anonymiseProject(annotation::ProjectStore& store, const AnonymiseOptions& options) {
    namespace fs = std::filesystem;
    const fs::path folder(options.outputFolder);
    const fs::path projectPath = folder / kAnonymisedProjectName;
    std::error_code ec;
    if (fs::exists(projectPath, ec)) return makeError("'" + projectPath.string() + "' exists: choose another folder or remove it");
    auto all = store.videos();
    if (!all) return all.takeError();
    std::vector<annotation::Video> chosen;
    for (const std::int64_t id : options.videoIds)
        if (std::none_of(all->begin(), all->end(), [&](const annotation::Video& v) { return v.id == id; }))
            return makeError("the project has no video with id " + std::to_string(id));
    for (const annotation::Video& v : all.value())
        if (options.videoIds.empty() || std::count(options.videoIds.begin(), options.videoIds.end(), v.id)) chosen.push_back(v);
    for (const annotation::Video& v : chosen)
        if (!v.path.empty() && !fs::is_regular_file(v.path, ec))
            return makeError("video " + std::to_string(v.id) + " ('" + v.path + "') is missing: relink it first");

    PrivacyOptions privacy = options.privacy;
    privacy.pseudonymise = true;
    auto redaction = privacyRedaction(store, privacy);
    if (!redaction) return redaction.takeError();
    for (const annotation::Video& v : all.value())
        if (std::none_of(chosen.begin(), chosen.end(), [&](const annotation::Video& c) { return c.id == v.id; })) {
            redaction->removedVideos.insert(v.id);
            redaction->videos.erase(v.id);
        }

    std::shared_ptr<FaceDetector> detector;
    if (options.detectFaces) {
        auto opened = FaceDetector::open(options.cascadePath.empty() ? defaultFaceCascadePath() : options.cascadePath);
        if (!opened) return opened.takeError();
        detector = std::move(opened).value();
    }
    const auto& layouts = store.skeletonLayouts();
    FrameAnonymiser anonymiser({layouts.begin(), layouts.end()}, options.blur, detector);

    const fs::path videoFolder = folder / "videos";
    const bool madeVideoFolder = !fs::exists(videoFolder, ec);
    fs::create_directories(videoFolder, ec);
    if (ec) return makeError("cannot make '" + videoFolder.string() + "': " + ec.message());
    AnonymiseSummary summary;
    auto removeWritten = [&] {
        for (const AnonymisedVideo& v : summary.videos)
            if (!v.path.empty()) fs::remove(v.path, ec);
        fs::remove(projectPath, ec);
        if (madeVideoFolder) fs::remove(videoFolder, ec);  // only when empty
    };
    for (size_t i = 0; i < chosen.size(); ++i) {
        const annotation::Video& video = chosen[i];
        annotation::RedactedVideo& redacted = redaction->videos.at(video.id);
        AnonymisedVideo done{video.id, redacted.name, "", 0, 0};
        if (!video.path.empty()) {
            const fs::path copy = videoFolder / (redacted.name + ".mp4");
            if (fs::exists(copy, ec)) {
                removeWritten();
                return makeError("'" + copy.string() + "' exists: choose another folder or remove it");
            }
            SkeletonWindow skeletons(store, video.id);
            BlurredVideoCallbacks callbacks;
            callbacks.skeletonsAt = [&](int frame) { return skeletons.at(frame); };
            callbacks.progress = [&](int frame, int frames) {
                if (options.progress) options.progress(static_cast<int>(i), static_cast<int>(chosen.size()), frame, frames);
            };
            callbacks.cancelled = options.cancelled;
            auto written = writeBlurredVideo(video.path, copy.string(), anonymiser, callbacks, options.quality);
            if (!written) {
                removeWritten();
                return makeError("video " + std::to_string(video.id) + ": " + written.error());
            }
            done.path = copy.string();
            done.frames = written->frames;
            done.regions = written->regions;
            auto hash = annotation::videoContentHash(done.path);
            if (!hash) {
                removeWritten();
                return hash.takeError();
            }
            redacted.path = "videos/" + redacted.name + ".mp4";
            redacted.contentHash = hash.value();
            redacted.sizeBytes = static_cast<std::int64_t>(fs::file_size(copy, ec));
        }
        summary.videos.push_back(done);
    }
    if (Status s = writeRedactedCopy(store, projectPath.string(), redaction.value()); !s) {
        removeWritten();
        return s.takeError();
    }
    summary.projectPath = projectPath.string();
    return summary;
}

}  // namespace actionlens::privacy
