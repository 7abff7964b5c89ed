#include "core/clips/project_dataset.h"

#include "core/annotation/group_only_label.h"
#include "core/clips/skeleton_track.h"
#include "core/clips/taxonomy_tasks.h"

#include <algorithm>
#include <map>

namespace actionlens::clips {

namespace {

int classIndex(const train::DatasetTask& task, const std::string& value) {
    for (size_t c = 0; c < task.classNames.size(); ++c)
        if (task.classNames[c] == value) return int(c);
    return -1;
}

std::string describe(const annotation::Video& video, const annotation::Segment& segment) {
    const std::string name = video.name.empty() ? "video " + std::to_string(video.id) : "video " + video.name;
    return name + " frames " + std::to_string(segment.firstFrame) + ".." + std::to_string(segment.lastFrame);
}

}  // namespace

Result<DatasetReadReport> readLabelledDataset(annotation::ProjectStore& store, const DatasetReadOptions& options) {
    const annotation::Taxonomy& taxonomy = store.taxonomy();
    Result<TaxonomyTasks> tasks = taxonomyTasks(taxonomy);
    if (!tasks) return tasks.takeError();
    auto videos = store.videos();
    if (!videos) return videos.takeError();
    auto subjects = store.subjects();
    if (!subjects) return subjects.takeError();
    std::map<std::int64_t, const annotation::Subject*> subjectById;
    for (const annotation::Subject& subject : subjects.value()) subjectById[subject.id] = &subject;
    std::map<std::int64_t, const annotation::SkeletonLayout*> layoutById;
    for (const annotation::SkeletonLayout& layout : store.skeletonLayouts()) layoutById[layout.id] = &layout;
    const bool consentingOnly = annotation::limitsToConsenting(options.consent, subjects.value());

    struct Candidate {
        train::LabelledClip clip;
        std::int64_t layoutId = 0;
        std::string where;
    };
    std::vector<Candidate> candidates;
    DatasetReadReport report;
    const annotation::TaskDefinition* action = taxonomy.actionTask();
    for (size_t v = 0; v < videos->size(); ++v) {
        const annotation::Video& video = videos.value()[v];
        auto segments = store.segmentsOfVideo(video.id);
        if (!segments) return segments.takeError();
        for (const annotation::Segment& segment : segments.value()) {
            if (annotation::isModelPrediction(segment)) continue;
            const std::string where = describe(video, segment);
            const bool keepWithoutSkeleton = options.keepClipsWithoutSkeleton;
            if (segment.subjectId == 0 && !keepWithoutSkeleton) {
                report.skipped.push_back(where + ": no subject");
                continue;
            }
            if (consentingOnly && segment.subjectId != 0 &&
                (!subjectById.count(segment.subjectId) || !annotation::consents(*subjectById[segment.subjectId]))) {
                report.skipped.push_back(where + ": its subject has not given consent");
                continue;
            }
            // The joint count comes from the first pose (readSkeletonTrack checks the rest); without
            // a pose the track is all zeros, its joint count set once the layout is known.
            const int length = int(segment.lastFrame - segment.firstFrame + 1);
            Result<SkeletonTrack> track =
                segment.subjectId == 0 ? Result<SkeletonTrack>(SkeletonTrack{model::SkeletonClip{length, 0, {}}})
                                       : readSkeletonTrack(store, video.id, segment.subjectId, segment.firstFrame, segment.lastFrame, 0);
            if (!track) {
                report.skipped.push_back(where + ": " + track.error());
                continue;
            }
            if (track->framesWithPose == 0 && !keepWithoutSkeleton) {
                report.skipped.push_back(where + ": no skeleton of its subject");
                continue;
            }
            Candidate candidate;
            candidate.layoutId = track->layoutId;
            candidate.where = where;
            train::LabelledClip& clip = candidate.clip;
            clip.skeleton = std::move(track.value().skeleton);
            clip.segmentId = segment.id;
            clip.videoId = video.id;
            clip.videoName = video.name.empty() ? std::to_string(video.id) : video.name;
            clip.videoPath = video.path;
            clip.subjectId = segment.subjectId;
            clip.firstFrame = segment.firstFrame;
            clip.splits = video.splits;
            const annotation::Subject* subject =
                subjectById.count(segment.subjectId) ? subjectById[segment.subjectId] : nullptr;
            bool anyLabel = false;
            for (size_t t = 0; t < tasks->tasks.size(); ++t) {
                const TaskSource& source = tasks->sources[t];
                std::string value;
                if (source.source == LabelSource::SubjectAttribute) {
                    if (subject && subject->attributes.count(source.taxonomyTask))
                        value = subject->attributes.at(source.taxonomyTask);
                } else if (source.source == LabelSource::ActionGroup && !segment.labels.count(source.taxonomyTask) &&
                           segment.labels.count(annotation::kGroupOnlyLabelKey)) {
                    // A group-only label: the group is known though the exact action is not.
                    value = segment.labels.at(annotation::kGroupOnlyLabelKey);
                } else if (segment.labels.count(source.taxonomyTask)) {
                    value = segment.labels.at(source.taxonomyTask);
                    if (source.source == LabelSource::ActionGroup) {
                        const annotation::TaskValue* actionValue = action->findValue(value);
                        value = actionValue ? actionValue->group : std::string();
                    }
                }
                const int label = value.empty() ? -1 : classIndex(tasks->tasks[t], value);
                clip.labels.push_back(label);
                anyLabel = anyLabel || label >= 0;
            }
            if (!anyLabel) {
                report.skipped.push_back(where + ": no label of any task");
                continue;
            }
            candidates.push_back(std::move(candidate));
        }
        if (options.progress) options.progress(std::int64_t(v + 1), std::int64_t(videos->size()));
    }
    if (candidates.empty())
        return makeError("the project has no segment with a subject, its skeleton and a label (" +
                         std::to_string(report.skipped.size()) + " segments skipped" +
                         (report.skipped.empty() ? std::string() : ", e.g. " + report.skipped.front()) + ")");

    // The layout most clips with a pose use (layout 0: a clip without any pose).
    std::map<std::int64_t, int> layoutUse;
    for (const Candidate& c : candidates)
        if (c.layoutId != 0) ++layoutUse[c.layoutId];
    std::int64_t layoutId = 0;
    for (const auto& [id, count] : layoutUse)
        if (layoutId == 0 || count > layoutUse[layoutId]) layoutId = id;
    if (layoutId == 0 && !store.skeletonLayouts().empty()) layoutId = store.skeletonLayouts().front().id;
    const annotation::SkeletonLayout* layout = layoutById.count(layoutId) ? layoutById[layoutId] : nullptr;
    if (!layout) return makeError("skeleton layout " + std::to_string(layoutId) + " is not in the project");

    train::LabelledDataset& dataset = report.dataset;
    dataset.taxonomyName = taxonomy.name;
    dataset.tasks = tasks->tasks;
    dataset.hierarchy = tasks->hierarchy;
    dataset.layoutName = layout->name;
    dataset.layout = modelLayoutOf(*layout);
    dataset.mirrorPairs = layout->mirrorPairs;
    for (Candidate& c : candidates) {
        if (c.layoutId == 0) {  // no pose: zeros of the dataset's layout
            model::SkeletonClip& skeleton = c.clip.skeleton;
            skeleton.joints = dataset.layout.jointCount;
            skeleton.values.assign(size_t(3) * skeleton.frames * skeleton.joints, 0.0f);
        } else if (c.layoutId != layoutId) {
            const auto other = layoutById.find(c.layoutId);
            report.skipped.push_back(c.where + ": skeleton layout '" +
                                     (other != layoutById.end() ? other->second->name : std::to_string(c.layoutId)) +
                                     "', the dataset uses '" + layout->name + "'");
            continue;
        }
        dataset.clips.push_back(std::move(c.clip));
    }
    return report;
}

Result<train::LabelledClip> readUnlabelledClip(annotation::ProjectStore& store, const annotation::Video& video,
                                               std::int64_t subjectId, std::int64_t first, std::int64_t last, int joints,
                                               size_t taskCount) {
    const std::string where = "video " + (video.name.empty() ? std::to_string(video.id) : video.name);
    if (first < 0 || last < first || (video.frameCount > 0 && last >= video.frameCount))
        return makeError(where + " has frames 0-" + std::to_string(std::max<std::int64_t>(video.frameCount - 1, 0)) +
                         ", not " + std::to_string(first) + "-" + std::to_string(last));
    train::LabelledClip clip;
    clip.skeleton = model::SkeletonClip{int(last - first + 1), joints, std::vector<float>(size_t(3) * size_t(last - first + 1) * size_t(joints), 0.0f)};
    if (subjectId != 0) {
        Result<SkeletonTrack> track = readSkeletonTrack(store, video.id, subjectId, first, last, joints);
        if (!track) return makeError(where + " frames " + std::to_string(first) + "-" + std::to_string(last) + ": " + track.error());
        if (track->framesWithPose > 0) clip.skeleton = std::move(track.value().skeleton);
    }
    clip.labels.assign(taskCount, -1);
    clip.videoId = video.id;
    clip.videoName = video.name.empty() ? std::to_string(video.id) : video.name;
    clip.videoPath = video.path;
    clip.subjectId = subjectId;
    clip.firstFrame = first;
    clip.splits = video.splits;
    return clip;
}

}  // namespace actionlens::clips
