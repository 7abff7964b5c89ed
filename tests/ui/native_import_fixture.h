#pragma once

// The import fixture of the ui tests: an ActionLens native JSON file written by the real
// exporter from a small project, for FormatTransferDialog and ImportCommand tests.

#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"
#include "core/formats/format_registry.h"

#include <QString>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <tuple>
#include <vector>

namespace actionlens::uitest {

// A native JSON file with one skeleton-only video, two subjects, three segments and skeletons.
inline QString writeNativeImportFile(const QTemporaryDir& dir) {
    const QString project = dir.filePath(QStringLiteral("source.alproj"));
    auto store = annotation::ProjectStore::create(project.toStdString());
    EXPECT_TRUE(store.ok());
    if (!store.ok()) return {};
    annotation::ProjectStore& s = *store.value();
    EXPECT_TRUE(s.setTaxonomy(annotation::builtinTaxonomy("penn_action").value()).ok());
    const std::int64_t video = s.insertVideo(annotation::Video{0, "", 0, 25.0, 100, 0, 0, "", "walk-0001", {"train"}}).value();
    const std::int64_t alice = s.insertSubject(annotation::Subject{0, "alice", {}}).value();
    const std::int64_t bob = s.insertSubject(annotation::Subject{0, "bob", {}}).value();
    for (auto [subject, first, last, action] : {std::tuple{alice, 0, 20, "squat"}, std::tuple{alice, 30, 60, "jump_rope"},
                                                std::tuple{bob, 10, 50, "bowl"}})
        EXPECT_TRUE(s.insertSegment(annotation::Segment{0, video, subject, first, last, {{"action", action}}, "", 0, 0,
                                                        annotation::ReviewStatus::Unreviewed})
                        .ok());
    const annotation::SkeletonLayout* coco = s.skeletonLayout("COCO-17");
    std::vector<annotation::SkeletonFrame> frames;
    for (int f = 0; f < 30; ++f)
        frames.push_back({video, alice, f, coco->id, annotation::PoseSource::Imported,
                          std::vector<annotation::Joint>(17, annotation::Joint{float(f), 5.0f, 0.8f, true})});
    EXPECT_TRUE(s.insertSkeletonFrames(frames).ok());
    const QString json = dir.filePath(QStringLiteral("source.json"));
    EXPECT_TRUE(formats::exportProject("native", s, json.toStdString()).ok());
    return json;
}

}  // namespace actionlens::uitest
