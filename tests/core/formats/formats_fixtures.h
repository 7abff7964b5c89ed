#pragma once

// Shared fixtures of the core/formats tests: fresh projects and whole-project reads.

#include "core/annotation/project_store.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

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

}  // namespace actionlens::fixtures
