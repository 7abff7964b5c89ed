#include "core/formats/ntu_rgbd.h"

#include "core/formats/ntu_action_classes.h"

#include "core/annotation/project_store.h"
#include "core/formats/ntu25_layout.h"
#include "core/formats/ntu_skeleton_file.h"
#include "core/formats/subjects_by_name.h"
#include "core/formats/text_file.h"
#include "core/formats/video_lookup.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace actionlens::formats {

using namespace annotation;
namespace fs = std::filesystem;

namespace {

constexpr double kNtuFps = 30.0;
constexpr int kNtuWidth = 1920;   // the Kinect v2 colour image
constexpr int kNtuHeight = 1080;
constexpr const char* kMissingSkeletonLists[] = {"NTU_RGBD_samples_with_missing_skeletons.txt",
                                                 "NTU_RGBD120_samples_with_missing_skeletons.txt"};
// Cross-subject training performers of NTU RGB+D (and 120); the others are its test performers.
const std::set<int> kCrossSubjectTrainPerformers = {1, 2, 4, 5, 8, 9, 13, 14, 15, 16, 17, 18, 19, 25, 27, 28, 31, 34, 35, 38};

struct SampleName {
    int setup = 0, camera = 0, performer = 0, replication = 0, action = 0;
};

Result<SampleName> parseSampleName(const std::string& stem, const std::string& fileName) {
    static const std::regex pattern("S(\\d{3})C(\\d{3})P(\\d{3})R(\\d{3})A(\\d{3})");
    std::smatch m;
    if (!std::regex_match(stem, m, pattern))
        return makeError(fileName + ": the name is not an NTU sample (SsssCcccPpppRrrrAaaa, e.g. S001C002P003R001A005)");
    return SampleName{std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]), std::stoi(m[4]), std::stoi(m[5])};
}

std::string classCode(int action) {
    char code[8];
    std::snprintf(code, sizeof code, "A%03d", action);
    return code;
}

std::string trimmed(const std::string& text) {
    const size_t first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

// Class index -> name from an actions.txt: line N names class N, or a line says "A<N>. name".
Result<std::map<int, std::string>> readActionNames(const fs::path& path) {
    std::map<int, std::string> names;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return names;
    auto text = readTextFile(path.string());
    if (!text) return text.takeError();
    static const std::regex numbered("A0*(\\d+)[.:]\\s*(.*)");
    std::istringstream lines(text.value());
    int lineNumber = 0, index = 0;
    for (std::string line; std::getline(lines, line);) {
        ++lineNumber;
        line = trimmed(line);
        if (line.empty()) continue;
        // libstdc++'s std::regex recurses once per character: a long line would overflow the stack.
        if (line.size() > 4096)
            return makeError(std::string(kNtuActionNamesFileName) + " line " + std::to_string(lineNumber) + " is too long (" + std::to_string(line.size()) + " characters)");
        std::smatch m;
        if (std::regex_match(line, m, numbered)) {
            // std::stoi throws past int's range: NTU's classes are A001-A120.
            if (m[1].length() > 6)
                return makeError(std::string(kNtuActionNamesFileName) + " line " + std::to_string(lineNumber) + ": class number " + m[1].str() + " is too large");
            index = std::stoi(m[1]);
            line = trimmed(m[2]);
        } else {
            ++index;
        }
        if (!line.empty() && line.back() == '.') line.pop_back();
        if (line.empty())
            return makeError(std::string(kNtuActionNamesFileName) + " line " + std::to_string(lineNumber) + ": class " + classCode(index) + " has no name");
        names[index] = line;
    }
    return names;
}

std::set<std::string> readMissingSamples(const fs::path& folder, const ImportOptions& options) {
    std::set<std::string> samples;
    for (const char* list : kMissingSkeletonLists) {
        std::error_code ec;
        if (!fs::is_regular_file(folder / list, ec)) continue;
        auto text = readTextFile((folder / list).string());
        if (!text) {
            if (options.warning) options.warning(text.error() + "; no sample is skipped for it");
            continue;
        }
        std::istringstream lines(text.value());
        for (std::string line; std::getline(lines, line);)
            if (std::string name = trimmed(line); !name.empty()) samples.insert(name);
    }
    return samples;
}

std::vector<std::string> withBenchmarkSplits(std::vector<std::string> splits, const SampleName& sample) {
    for (const std::string& split : {std::string(kCrossSubjectTrainPerformers.count(sample.performer) ? "cs-train" : "cs-test"),
                                     std::string(sample.camera == 1 ? "cv-test" : "cv-train")})
        if (std::find(splits.begin(), splits.end(), split) == splits.end()) splits.push_back(split);
    std::sort(splits.begin(), splits.end());
    return splits;
}

Result<std::int64_t> ntuLayoutId(ProjectStore& store) {
    if (const SkeletonLayout* layout = store.skeletonLayout(kNtu25LayoutName)) {
        if (layout->joints.size() != static_cast<size_t>(kNtuJointCount))
            return makeError(std::string("the project's skeleton layout '") + kNtu25LayoutName + "' has " +
                             std::to_string(layout->joints.size()) + " joints, expected " + std::to_string(kNtuJointCount));
        return layout->id;
    }
    return store.insertSkeletonLayout(ntu25Layout());
}

Joint jointOf(const NtuJoint& joint) {
    const float confidence = joint.trackingState == 2 ? 1.0f : joint.trackingState == 1 ? 0.5f : 0.0f;
    return Joint{static_cast<float>(joint.colorX), static_cast<float>(joint.colorY), confidence, joint.trackingState != 0};
}

// One sample file into the project.
Status importSample(const fs::path& path, ProjectStore& store, const VideoLookup& videos, SubjectsByName& subjects,
                    const std::map<int, std::string>& actionNames, std::int64_t& layoutId) {
    const std::string fileName = path.filename().string();
    const std::string stem = path.stem().string();
    auto sample = parseSampleName(stem, fileName);
    if (!sample) return sample.takeError();
    const TaskDefinition* actionTask = store.taxonomy().actionTask();
    const std::string code = classCode(sample->action);
    auto named = actionNames.find(sample->action);
    // Without an actions.txt: the class by its code where the taxonomy has that, else by its published name.
    std::string action = named != actionNames.end() ? named->second : code;
    if (named == actionNames.end() && actionTask && !actionTask->findValue(code))
        for (const NtuActionClass& c : ntuActionClasses())
            if (c.number == sample->action) action = c.name;
    if (!actionTask || !actionTask->findValue(action))
        return makeError(fileName + ": class " + code + (named != actionNames.end() ? " ('" + action + "')" : std::string()) +
                         " is not a value of the taxonomy's action task" + (actionTask ? " '" + actionTask->name + "'" : std::string()));
    auto text = readTextFile(path.string());
    if (!text) return text.takeError();
    auto file = parseNtuSkeletonFile(text.value(), fileName);
    if (!file) return file.takeError();

    Video video;
    const std::vector<const Video*> found = videos.find(stem);
    if (found.size() > 1) return makeError(fileName + ": " + videos.findOne(stem).error());
    if (found.size() == 1) {
        video = *found.front();
    } else {
        video.name = stem;
        video.fps = kNtuFps;
        video.width = kNtuWidth;
        video.height = kNtuHeight;
        video.frameCount = file->frameCount;
        auto id = store.insertVideo(video);
        if (!id) return makeError(fileName + ": " + id.error());
        video.id = id.value();
    }
    if (auto set = store.setVideoSplits(video.id, withBenchmarkSplits(video.splits, sample.value())); !set)
        return makeError(fileName + ": " + set.error());

    if (layoutId == 0) {
        auto id = ntuLayoutId(store);
        if (!id) return id.takeError();
        layoutId = id.value();
    }
    std::vector<SkeletonFrame> frames;
    std::vector<std::int64_t> subjectOrder;  // in order of first appearance
    for (size_t f = 0; f < file->frames.size(); ++f)
        for (const NtuBody& body : file->frames[f]) {
            auto subject = subjects.idOf(stem + " body " + body.bodyId);
            if (!subject) return makeError(fileName + ": " + subject.error());
            if (std::find(subjectOrder.begin(), subjectOrder.end(), subject.value()) == subjectOrder.end()) subjectOrder.push_back(subject.value());
            SkeletonFrame frame{video.id, subject.value(), static_cast<std::int64_t>(f), layoutId, PoseSource::Imported, {}};
            for (const NtuJoint& joint : body.joints) frame.joints.push_back(jointOf(joint));
            frames.push_back(std::move(frame));
        }
    if (Status s = store.insertSkeletonFrames(frames); !s) return makeError(fileName + ": " + s.error());
    const std::int64_t clipFrames = video.frameCount > 0 ? std::min(video.frameCount, file->frameCount) : file->frameCount;
    for (std::int64_t subject : subjectOrder) {
        if (clipFrames == 0) break;
        Segment segment;
        segment.videoId = video.id;
        segment.subjectId = subject;
        segment.firstFrame = 0;
        segment.lastFrame = clipFrames - 1;
        segment.labels[actionTask->name] = action;
        if (auto id = store.insertSegment(segment); !id) return makeError(fileName + ": " + id.error());
    }
    return Status::success();
}

}  // namespace

Status importNtuRgbd(const std::string& source, ProjectStore& store, const ImportOptions& options) {
    const fs::path root(source);
    std::error_code ec;
    std::vector<fs::path> files;
    fs::path folder;
    std::set<std::string> missing;
    if (fs::is_directory(root, ec)) {
        folder = root;
        for (const fs::directory_entry& entry : fs::directory_iterator(root, ec))
            if (entry.is_regular_file(ec) && entry.path().extension() == ".skeleton") files.push_back(entry.path());
        if (ec) return makeError("cannot list '" + source + "': " + ec.message());
        if (files.empty()) return makeError("'" + source + "' holds no .skeleton files");
        std::sort(files.begin(), files.end());
        missing = readMissingSamples(folder, options);
    } else {
        folder = root.parent_path();
        files.push_back(root);
    }
    auto actionNames = readActionNames(folder / kNtuActionNamesFileName);
    if (!actionNames) return actionNames.takeError();
    // A project that lacks a class of the samples (a new one) gets NTU's classes it lacks, under
    // their published names; one that has them all (by code or name) is left as it is.
    bool lacking = false;
    for (const fs::path& file : files) {
        auto sample = parseSampleName(file.stem().string(), file.filename().string());
        if (!sample || sample->action < 1 || sample->action > int(ntuActionClasses().size())) continue;
        const TaskDefinition* task = store.taxonomy().actionTask();
        lacking = lacking || !task ||
                  (!task->findValue(classCode(sample->action)) && !task->findValue(ntuActionClasses()[size_t(sample->action - 1)].name));
    }
    if (actionNames->empty() && lacking) {
        const annotation::Taxonomy completed = withNtuActionClasses(store.taxonomy());
        if (!(completed == store.taxonomy()))
            if (auto set = store.setTaxonomy(completed); !set) return makeError("cannot add NTU RGB+D's action classes: " + set.error());
    }
    auto videos = VideoLookup::load(store);
    if (!videos) return videos.takeError();
    SubjectsByName subjects(store);
    std::int64_t layoutId = 0;
    std::int64_t done = 0;
    for (const fs::path& file : files) {
        if (missing.count(file.stem().string())) {
            if (options.warning)
                options.warning(file.filename().string() + ": skipped, listed among the samples with missing skeletons");
        } else if (Status imported = importSample(file, store, videos.value(), subjects, actionNames.value(), layoutId); !imported) {
            return imported;
        }
        if (Status cancel = progressPoint(options, ++done, static_cast<std::int64_t>(files.size())); !cancel) return cancel;
    }
    return Status::success();
}

}  // namespace actionlens::formats
