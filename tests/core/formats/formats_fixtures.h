#pragma once

// Shared fixtures of the core/formats tests: fresh projects and whole-project reads.

#include "core/annotation/group_only_label.h"
#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

#include <QString>

#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace actionlens::fixtures {

inline std::unique_ptr<annotation::ProjectStore> newProject(const TempDir& dir, const std::string& name = "p.alproj") {
    auto store = annotation::ProjectStore::create(dir.file(name));
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error());
    return store.ok() ? std::move(store).value() : nullptr;
}

// The Penn Action taxonomy whose "gym exercise" group may stand alone (a group-only label).
inline annotation::Taxonomy pennTaxonomyWithGroupOnlyGym() {
    annotation::Taxonomy taxonomy = annotation::builtinTaxonomy("penn_action").value();
    taxonomy.tasks[0].groups[1].allowsGroupOnly = true;  // gym exercise
    return taxonomy;
}

inline annotation::Segment segment(std::int64_t video, std::int64_t subject, std::int64_t first, std::int64_t last,
                                   annotation::LabelMap labels, const std::string& annotator = "") {
    annotation::Segment s;
    s.videoId = video;
    s.subjectId = subject;
    s.firstFrame = first;
    s.lastFrame = last;
    s.labels = std::move(labels);
    s.annotator = annotator;
    return s;
}

inline std::map<std::int64_t, std::string> subjectNames(annotation::ProjectStore& store) {
    std::map<std::int64_t, std::string> names;
    auto subjects = store.subjects();
    EXPECT_TRUE(subjects.ok());
    if (subjects.ok())
        for (const auto& s : subjects.value()) names[s.id] = s.name;
    return names;
}

inline std::vector<annotation::SkeletonFrame> allFrames(annotation::ProjectStore& store, std::int64_t videoId) {
    auto frames = store.skeletonFrames(videoId, 0, std::numeric_limits<std::int64_t>::max());
    EXPECT_TRUE(frames.ok());
    return frames.ok() ? frames.value() : std::vector<annotation::SkeletonFrame>{};
}

// A refused import must leave the project as it was (the registry's transaction rolls back).
inline void expectProjectUnchanged(annotation::ProjectStore& store, const annotation::ProjectCounts& before,
                                   size_t layoutsBefore) {
    const auto after = store.counts().value();
    EXPECT_EQ(after.videos, before.videos);
    EXPECT_EQ(after.subjects, before.subjects);
    EXPECT_EQ(after.skeletonFrames, before.skeletonFrames);
    EXPECT_EQ(store.skeletonLayouts().size(), layoutsBefore);
}

// A project's segments as the formats carry them, without ids or times of writing:
// "VIDEO (name, else path) | SUBJECT NAME | FIRST-LAST | task=value;... | annotator | review | confidence | source", in
// video then first-frame order.
inline std::vector<std::string> segmentSummaries(annotation::ProjectStore& store) {
    std::vector<std::string> lines;
    const auto names = subjectNames(store);
    auto videos = store.videos();
    EXPECT_TRUE(videos.ok());
    if (!videos.ok()) return lines;
    for (const annotation::Video& video : videos.value()) {
        auto segments = store.segmentsOfVideo(video.id);
        EXPECT_TRUE(segments.ok());
        if (!segments.ok()) continue;
        for (const annotation::Segment& s : segments.value()) {
            std::string labels;
            for (const auto& [task, value] : s.labels) labels += task + "=" + value + ";";
            lines.push_back((video.name.empty() ? video.path : video.name) + " | " + (s.subjectId ? names.at(s.subjectId) : std::string("-")) + " | " +
                            std::to_string(s.firstFrame) + "-" + std::to_string(s.lastFrame) + " | " + labels + " | " +
                            s.annotator + " | " + annotation::reviewStatusName(s.review) + " | " +
                            (s.confidence ? QString::number(*s.confidence).toStdString() : std::string("-")) + " | " + s.source);
        }
    }
    return lines;
}

// An empty project beside `source` with its taxonomy and copies of its videos (same names, paths,
// rates and lengths), as a user's second project over the same footage would be.
inline std::unique_ptr<annotation::ProjectStore> emptyProjectLike(annotation::ProjectStore& source, const TempDir& dir,
                                                                  const std::string& name) {
    auto target = newProject(dir, name);
    if (!target) return nullptr;
    EXPECT_TRUE(target->setTaxonomy(source.taxonomy()).ok());
    for (annotation::Video video : source.videos().value()) {
        video.id = 0;
        EXPECT_TRUE(target->insertVideo(video).ok());
    }
    return target;
}

// A refused import leaves every count as it was.
inline void expectCountsUnchanged(annotation::ProjectStore& store, const annotation::ProjectCounts& before) {
    const auto after = store.counts().value();
    EXPECT_EQ(after.videos, before.videos);
    EXPECT_EQ(after.subjects, before.subjects);
    EXPECT_EQ(after.segments, before.segments);
    EXPECT_EQ(after.skeletonFrames, before.skeletonFrames);
}

}  // namespace actionlens::fixtures
