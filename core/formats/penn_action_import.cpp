#include "core/formats/penn_action_import.h"

#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"
#include "core/formats/penn_action_labels.h"
#include "core/media/image_sequence_source.h"

#include <algorithm>
#include <filesystem>

namespace actionlens::formats {

namespace fs = std::filesystem;

namespace {

constexpr double kPennFps = 30.0;  // the dataset's frames were extracted at 30 fps

Status ensurePennTaxonomy(annotation::ProjectStore& store) {
    const annotation::TaskDefinition* action = store.taxonomy().actionTask();
    if (!action) {
        auto penn = annotation::builtinTaxonomy("penn_action");
        if (!penn.ok()) return penn.takeError();
        auto previous = store.setTaxonomy(penn.value());
        if (!previous.ok()) return previous.takeError();
        return Status::success();
    }
    for (const char* name : kPennActions) {
        if (!action->findValue(name)) {
            return makeError("the project's taxonomy has no action '" + std::string(name) +
                             "'; import Penn Action into a new project or add the class first");
        }
    }
    const annotation::TaskDefinition* viewpoint = store.taxonomy().findTask("viewpoint");
    if (!viewpoint || viewpoint->scope != annotation::TaskScope::Segment) {
        return makeError("the project's taxonomy has no per-segment 'viewpoint' task (front, back, left, right)");
    }
    for (const char* name : kPennViewpoints) {
        if (!viewpoint->findValue(name)) return makeError("the project's viewpoint task has no value '" + std::string(name) + "'");
    }
    return Status::success();
}

struct PennFolders {
    fs::path labels;
    fs::path frames;  // empty when the dataset's frames are not there
};

PennFolders locate(const fs::path& source) {
    PennFolders folders;
    std::error_code ec;
    folders.labels = fs::is_directory(source / "labels", ec) ? source / "labels" : source;
    const fs::path frames = folders.labels.parent_path() / "frames";
    if (fs::is_directory(frames, ec)) folders.frames = frames;
    return folders;
}

}  // namespace

Status importPennAction(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options) {
    const PennFolders folders = locate(fs::absolute(source));
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folders.labels, ec)) {
        if (entry.path().extension() == ".mat") files.push_back(entry.path());
    }
    if (ec) return makeError("cannot list '" + folders.labels.string() + "': " + ec.message());
    if (files.empty()) return makeError("'" + folders.labels.string() + "' holds no Penn Action label files (NNNN.mat)");
    std::sort(files.begin(), files.end());

    if (Status s = ensurePennTaxonomy(store); !s.ok()) return s;
    const annotation::SkeletonLayout* layout = store.skeletonLayout("Penn-13");
    if (!layout) return makeError("the project has no Penn-13 skeleton layout");

    std::int64_t done = 0;
    for (const fs::path& file : files) {
        auto sequence = readPennActionLabels(file.string());
        if (!sequence.ok()) return sequence.takeError();
        const PennActionSequence& seq = sequence.value();
        const std::string name = file.stem().string();

        annotation::Video video;
        video.name = name;
        video.fps = kPennFps;
        video.frameCount = seq.frameCount;
        video.width = seq.width;
        video.height = seq.height;
        video.splits = {seq.train ? "train" : "test"};
        if (!folders.frames.empty() && fs::is_directory(folders.frames / name, ec)) {
            video.path = (folders.frames / name).string();
            // The label file's frame count must match the images, or segments would point past them.
            media::OpenOptions open;
            open.imageSequenceFps = kPennFps;
            auto images = media::ImageSequenceSource::open(video.path, open);
            if (!images.ok()) return makeError(name + ": " + images.error());
            if (images.value()->info().frameCount != seq.frameCount) {
                return makeError(file.filename().string() + ": nframes is " + std::to_string(seq.frameCount) + " but '" +
                                 video.path + "' holds " + std::to_string(images.value()->info().frameCount) + " images");
            }
        }
        auto videoId = store.insertVideo(video);
        if (!videoId.ok()) return videoId.takeError();

        auto subjectId = store.insertSubject(annotation::Subject{0, name + " person", {}});
        if (!subjectId.ok()) return subjectId.takeError();

        std::vector<annotation::SkeletonFrame> skeletons(static_cast<size_t>(seq.frameCount));
        for (int f = 0; f < seq.frameCount; ++f) {
            annotation::SkeletonFrame& frame = skeletons[static_cast<size_t>(f)];
            frame.videoId = videoId.value();
            frame.subjectId = subjectId.value();
            frame.frame = f;
            frame.layoutId = layout->id;
            frame.source = annotation::PoseSource::Imported;
            frame.joints.resize(kPennJointCount);
            for (int j = 0; j < kPennJointCount; ++j) {
                const size_t at = static_cast<size_t>(f) * kPennJointCount + static_cast<size_t>(j);
                const bool visible = seq.visible[at] != 0;
                frame.joints[static_cast<size_t>(j)] = annotation::Joint{seq.x[at], seq.y[at], visible ? 1.0f : 0.0f, visible};
            }
        }
        if (Status s = store.insertSkeletonFrames(skeletons); !s.ok()) return makeError(name + ": " + s.error());

        annotation::Segment segment;
        segment.videoId = videoId.value();
        segment.subjectId = subjectId.value();
        segment.firstFrame = 0;
        segment.lastFrame = seq.frameCount - 1;
        segment.labels = {{store.taxonomy().actionTask()->name, seq.action}, {"viewpoint", seq.viewpoint}};
        segment.annotator = "Penn Action";
        auto segmentId = store.insertSegment(segment);
        if (!segmentId.ok()) return makeError(name + ": " + segmentId.error());

        ++done;
        if (Status cancel = progressPoint(options, done, static_cast<std::int64_t>(files.size())); !cancel) return cancel;
    }
    return Status::success();
}

}  // namespace actionlens::formats
