#include "core/formats/dataset_import.h"

#include "core/annotation/project_store.h"
#include "core/annotation/video_fingerprint.h"
#include "core/formats/dataset_listing.h"
#include "core/formats/hmdb51_splits.h"
#include "core/formats/kinetics_csv.h"
#include "core/formats/ucf101_lists.h"
#include "core/media/frame_source.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>

namespace actionlens::formats {

namespace fs = std::filesystem;

namespace {

using FileResolver = std::function<fs::path(const ListedVideo&)>;

Status ensureClasses(annotation::ProjectStore& store, const DatasetListing& listing, const std::string& dataset) {
    const annotation::TaskDefinition* action = store.taxonomy().actionTask();
    if (!action) {
        annotation::Taxonomy taxonomy;
        taxonomy.name = dataset;
        annotation::TaskDefinition task;
        task.name = "action";
        task.kind = annotation::TaskKind::Action;
        task.scope = annotation::TaskScope::Segment;
        task.groups.push_back(annotation::ClassGroup{dataset, ""});
        for (const std::string& name : listing.classes) task.values.push_back(annotation::TaskValue{name, dataset, "", ""});
        if (task.values.empty()) return makeError("the " + dataset + " lists name no classes");
        taxonomy.tasks.push_back(task);
        auto previous = store.setTaxonomy(taxonomy);
        if (!previous.ok()) return previous.takeError();
        return Status::success();
    }
    for (const std::string& name : listing.classes) {
        if (!action->findValue(name)) {
            return makeError("the project's taxonomy has no action '" + name + "' of " + dataset +
                             "; import into a new project or add the class first");
        }
    }
    return Status::success();
}

std::string firstFew(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size() && i < 3; ++i) out += (i ? ", " : "") + names[i];
    if (names.size() > 3) out += ", ...";
    return out;
}

Status importListing(const DatasetListing& listing, const std::string& dataset, const FileResolver& resolve,
                     annotation::ProjectStore& store, const ImportOptions& options) {
    if (listing.videos.empty()) return makeError("the " + dataset + " lists name no videos");
    if (Status s = ensureClasses(store, listing, dataset); !s.ok()) return s;
    const std::string actionTask = store.taxonomy().actionTask()->name;

    std::vector<std::string> missing, unreadable;
    std::int64_t done = 0, imported = 0;
    for (const ListedVideo& listed : listing.videos) {
        ++done;
        if (Status cancel = progressPoint(options, done, static_cast<std::int64_t>(listing.videos.size())); !cancel) return cancel;
        const fs::path file = resolve(listed);
        std::error_code ec;
        if (file.empty() || !fs::is_regular_file(file, ec)) {
            missing.push_back(listed.relativePath);
            continue;
        }
        auto source = media::openFrameSource(file.string());
        if (!source.ok()) {
            unreadable.push_back(listed.relativePath + " (" + source.error() + ")");
            continue;
        }
        const media::VideoInfo& info = source.value()->info();
        annotation::Video video;
        video.path = file.string();
        video.name = file.stem().string();
        video.sizeBytes = static_cast<std::int64_t>(fs::file_size(file, ec));
        video.fps = info.fps;
        video.frameCount = info.frameCount;
        video.width = info.width;
        video.height = info.height;
        auto hash = annotation::videoContentHash(video.path);
        if (hash.ok()) video.contentHash = hash.value();
        video.splits = listed.splits;
        auto videoId = store.insertVideo(video);
        if (!videoId.ok()) return videoId.takeError();
        if (!listed.label.empty()) {
            annotation::Segment segment;
            segment.videoId = videoId.value();
            segment.firstFrame = 0;
            segment.lastFrame = std::max(0, info.frameCount - 1);
            segment.labels = {{actionTask, listed.label}};
            segment.annotator = dataset;
            auto segmentId = store.insertSegment(segment);
            if (!segmentId.ok()) return makeError(listed.relativePath + ": " + segmentId.error());
        }
        ++imported;
    }
    if (imported == 0) {
        return makeError("none of the " + std::to_string(listing.videos.size()) + " videos the " + dataset +
                         " lists was found or readable (first: " + firstFew(missing.empty() ? unreadable : missing) + ")");
    }
    if (options.warning && !missing.empty()) {
        options.warning(std::to_string(missing.size()) + " of " + std::to_string(listing.videos.size()) +
                        " listed videos are missing and were skipped: " + firstFew(missing));
    }
    if (options.warning && !unreadable.empty()) {
        options.warning(std::to_string(unreadable.size()) + " listed videos could not be read and were skipped: " +
                        firstFew(unreadable));
    }
    return Status::success();
}

// The first of `folders` under which the listed relative path exists.
FileResolver firstExisting(std::vector<fs::path> folders) {
    return [folders](const ListedVideo& listed) {
        for (const fs::path& folder : folders) {
            const fs::path candidate = folder / listed.relativePath;
            std::error_code ec;
            if (fs::is_regular_file(candidate, ec)) return candidate;
        }
        return fs::path();
    };
}

}  // namespace

Status importUcf101(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options) {
    auto listing = readUcf101Lists(source);
    if (!listing.ok()) return listing.takeError();
    const fs::path root = fs::absolute(source);
    return importListing(listing.value(), "UCF101", firstExisting({root / "UCF-101", root / "UCF101", root}), store, options);
}

Status importHmdb51(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options) {
    auto listing = readHmdb51Splits(source);
    if (!listing.ok()) return listing.takeError();
    const fs::path root = fs::absolute(source);
    return importListing(listing.value(), "HMDB51", firstExisting({root / "hmdb51_org", root / "hmdb51", root}), store,
                         options);
}

Status importKinetics(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options) {
    const fs::path path = fs::absolute(source);
    std::error_code ec;
    const fs::path root = fs::is_directory(path, ec) ? path : path.parent_path();
    std::vector<std::string> csvFiles;
    if (fs::is_directory(path, ec)) {
        for (const auto& entry : fs::directory_iterator(path, ec)) {
            if (entry.path().extension() == ".csv") csvFiles.push_back(entry.path().string());
        }
        std::sort(csvFiles.begin(), csvFiles.end());
        if (csvFiles.empty()) return makeError("'" + source + "' holds no Kinetics CSV files");
    } else {
        csvFiles.push_back(path.string());
    }
    DatasetListing merged;
    DatasetListingBuilder builder;
    for (const std::string& csv : csvFiles) {
        auto listing = readKineticsCsv({csv}, fs::path(csv).stem().string());
        if (!listing.ok()) return listing.takeError();
        for (const ListedVideo& video : listing->videos) {
            for (const std::string& split : video.splits.empty() ? std::vector<std::string>{""} : video.splits) {
                if (Status s = builder.add(video.relativePath, video.label, split, fs::path(csv).filename().string()); !s.ok())
                    return s;
            }
        }
        for (const std::string& name : listing->classes) builder.addClass(name);
    }
    merged = builder.take();
    std::sort(merged.classes.begin(), merged.classes.end());

    // Downloaders arrange clips differently (by split, by label, flat): find them by name.
    std::map<std::string, fs::path> byName;
    for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) byName.emplace(it->path().filename().string(), it->path());
    }
    return importListing(merged, "Kinetics", [&byName](const ListedVideo& listed) {
        auto found = byName.find(listed.relativePath);
        return found == byName.end() ? fs::path() : found->second;
    }, store, options);
}

}  // namespace actionlens::formats
