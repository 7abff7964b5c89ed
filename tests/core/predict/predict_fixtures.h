#pragma once

// A small Penn Action project with poses and labelled segments, and a tiny skeleton model
// trained on it, for the core/predict tests: two videos of two subjects (Bob's poses start on
// frame 10), a third video without poses, handedness as a subject attribute.

#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"
#include "core/clips/project_dataset.h"
#include "core/train/trainer.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

namespace actionlens::predict::testing {

struct TrainedProject {
    QTemporaryDir dir;
    std::unique_ptr<annotation::ProjectStore> store;
    std::vector<annotation::Video> videos;  // with poses: [0], [1]; without: [2]
    std::int64_t alice = 0, bob = 0;
    const annotation::SkeletonLayout* layout = nullptr;
    train::ModelSnapshot snapshot;
    std::unique_ptr<model::MultiTaskModel> model;
};

// Jumping jacks move the arms (joints 1-4) up and down; a squat moves the whole body.
inline annotation::SkeletonFrame pose(std::int64_t video, std::int64_t subject, std::int64_t layout, std::int64_t f,
                                      bool jumpingJacks) {
    annotation::SkeletonFrame frame{video, subject, f, layout, annotation::PoseSource::Imported, {}};
    const float swing = 30.0f * std::sin(0.5f * float(f));
    for (int j = 0; j < 13; ++j) {
        const float lift = jumpingJacks ? (j >= 1 && j <= 4 ? swing : 0.0f) : swing;
        frame.joints.push_back(annotation::Joint{100.0f + 10.0f * j, 200.0f + 8.0f * j + lift, 0.9f, true});
    }
    return frame;
}

inline annotation::Segment labelled(std::int64_t video, std::int64_t subject, std::int64_t first, std::int64_t last,
                                    const std::string& action, const std::string& viewpoint) {
    annotation::Segment s;
    s.videoId = video;
    s.subjectId = subject;
    s.firstFrame = first;
    s.lastFrame = last;
    s.labels = {{"action", action}, {"viewpoint", viewpoint}};
    s.annotator = "ann";
    return s;
}

inline std::unique_ptr<TrainedProject> makeTrainedProject() {
    auto p = std::make_unique<TrainedProject>();
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
    for (const char* name : {"0001", "0002", "0003"}) {
        annotation::Video video;
        video.name = name;
        video.frameCount = 60;
        video.fps = 30;
        video.splits = {"train"};
        video.id = p->store->insertVideo(video).value();
        p->videos.push_back(video);
    }
    p->alice = p->store->insertSubject(annotation::Subject{0, "alice", {{"handedness", "left"}}}).value();
    p->bob = p->store->insertSubject(annotation::Subject{0, "bob", {{"handedness", "right"}}}).value();
    p->layout = p->store->skeletonLayout("Penn-13");
    std::vector<annotation::SkeletonFrame> frames;
    for (int v = 0; v < 2; ++v) {
        const std::int64_t id = p->videos[size_t(v)].id;
        for (std::int64_t f = 0; f < 60; ++f) {
            frames.push_back(pose(id, p->alice, p->layout->id, f, (f < 30) == (v == 0)));
            if (f >= 10) frames.push_back(pose(id, p->bob, p->layout->id, f, f >= 35));
        }
        EXPECT_TRUE(p->store->insertSegment(labelled(id, p->alice, 0, 29, v == 0 ? "jumping_jacks" : "squat", "front")).ok());
        EXPECT_TRUE(p->store->insertSegment(labelled(id, p->alice, 30, 59, v == 0 ? "squat" : "jumping_jacks", "front")).ok());
        EXPECT_TRUE(p->store->insertSegment(labelled(id, p->bob, 10, 34, "squat", "back")).ok());
        EXPECT_TRUE(p->store->insertSegment(labelled(id, p->bob, 35, 59, "jumping_jacks", "back")).ok());
    }
    EXPECT_TRUE(p->store->insertSkeletonFrames(frames).ok());

    Result<clips::DatasetReadReport> read = clips::readLabelledDataset(*p->store);
    EXPECT_TRUE(read.ok()) << read.error();
    if (!read) return p;
    train::TrainConfig config;
    config.frames = 8;
    config.trunk.channels = {8, 16};
    config.trunk.temporalStrides = {1, 2};
    config.trunk.temporalKernel = 3;
    config.attentionHidden = 8;
    config.augmentation.enabled = false;
    config.batchSize = 8;
    config.epochs = 2;
    config.warmupEpochs = 0;
    config.threads = 1;
    config.device = "cpu";
    std::vector<int> items;
    for (size_t i = 0; i < read->dataset.clips.size(); ++i) items.push_back(int(i));
    Result<train::TrainingOutcome> trained = train::trainModel(train::TrainingRequest{&read->dataset, items, {}, config, "", "", 0});
    EXPECT_TRUE(trained.ok()) << trained.error();
    if (!trained) return p;
    p->snapshot = trained->snapshot;
    p->model = std::move(trained->model);
    return p;
}

}  // namespace actionlens::predict::testing
