#pragma once

// A small Penn Action project for the core/clips tests: one video, two subjects with Penn-13
// poses on some frames, segments with and without labels.

#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace actionlens::clips::testing {

struct SmallProject {
    QTemporaryDir dir;
    std::unique_ptr<annotation::ProjectStore> store;
    std::int64_t videoId = 0;
    std::int64_t alice = 0, bob = 0;
    std::int64_t pennLayoutId = 0;
};

// Pose of frame f: joint j at (100 + 10 j + f, 200 + j), visible except joint 3 on odd frames.
inline annotation::SkeletonFrame pose(std::int64_t video, std::int64_t subject, std::int64_t layout, std::int64_t f) {
    annotation::SkeletonFrame frame{video, subject, f, layout, annotation::PoseSource::Imported, {}};
    for (int j = 0; j < 13; ++j) {
        const bool visible = !(j == 3 && f % 2 == 1);
        frame.joints.push_back(annotation::Joint{100.0f + 10.0f * j + float(f), 200.0f + float(j), visible ? 0.9f : 0.0f, visible});
    }
    return frame;
}

inline std::unique_ptr<SmallProject> makeSmallProject() {
    auto p = std::make_unique<SmallProject>();
    auto store = annotation::ProjectStore::create(p->dir.filePath("p.alproj").toStdString());
    EXPECT_TRUE(store.ok()) << store.error();
    p->store = std::move(store).value();
    annotation::Taxonomy taxonomy = annotation::builtinTaxonomy("penn_action").value();
    annotation::TaskDefinition handedness;
    handedness.name = "handedness";
    handedness.scope = annotation::TaskScope::Subject;
    handedness.values = {{"right", "", "", "", ""}, {"left", "", "", "", ""}};
    taxonomy.tasks.push_back(handedness);
    EXPECT_TRUE(p->store->setTaxonomy(taxonomy).ok());
    annotation::Video video;
    video.name = "0007";
    video.frameCount = 40;
    video.fps = 30;
    video.splits = {"train"};
    p->videoId = p->store->insertVideo(video).value();
    p->alice = p->store->insertSubject(annotation::Subject{0, "alice", {{"handedness", "left"}}}).value();
    p->bob = p->store->insertSubject(annotation::Subject{0, "bob", {}}).value();
    p->pennLayoutId = p->store->skeletonLayout("Penn-13")->id;
    std::vector<annotation::SkeletonFrame> frames;
    for (std::int64_t f = 0; f < 30; ++f) {
        if (f == 5) continue;  // a frame without a pose
        frames.push_back(pose(p->videoId, p->alice, p->pennLayoutId, f));
    }
    EXPECT_TRUE(p->store->insertSkeletonFrames(frames).ok());
    return p;
}

inline annotation::Segment segment(std::int64_t video, std::int64_t subject, std::int64_t first, std::int64_t last,
                                   std::map<std::string, std::string> labels, std::string annotator = "ann") {
    annotation::Segment s;
    s.videoId = video;
    s.subjectId = subject;
    s.firstFrame = first;
    s.lastFrame = last;
    s.labels = std::move(labels);
    s.annotator = std::move(annotator);
    return s;
}

}  // namespace actionlens::clips::testing
