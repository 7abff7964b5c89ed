#pragma once

// Fixtures for the core/annotation tests: a fresh folder per test and a small project with a
// taxonomy, a video and a subject.

#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace actionlens::annotation::fixtures {

class ProjectFolder {
public:
    std::string file(const std::string& name) const { return dir_.filePath(QString::fromStdString(name)).toStdString(); }
    std::string path() const { return dir_.path().toStdString(); }

private:
    QTemporaryDir dir_;
};

inline void writeBytes(const std::string& path, const QByteArray& bytes, qint64 offset = -1) {
    QFile f(QString::fromStdString(path));
    ASSERT_TRUE(f.open(offset < 0 ? QIODevice::WriteOnly | QIODevice::Truncate : QIODevice::ReadWrite));
    if (offset >= 0) f.seek(offset);
    f.write(bytes);
}

inline Taxonomy pennTaxonomy() {
    auto t = builtinTaxonomy("penn_action");
    EXPECT_TRUE(t.ok()) << t.error();
    return t.ok() ? t.value() : Taxonomy{};
}

// Any folder with file(name): ProjectFolder, or the fault tests' in-memory one.
template <typename Folder>
inline Video sampleVideo(const Folder& folder, const std::string& name = "clip.mp4") {
    Video v;
    v.path = folder.file(name);
    v.sizeBytes = 123456;
    v.fps = 30.0;
    v.frameCount = 300;
    v.width = 640;
    v.height = 480;
    v.contentHash = "sha256:abc";
    return v;
}

// A project with the Penn Action taxonomy, one video (id 1) and one subject (id 1).
template <typename Folder>
inline std::unique_ptr<ProjectStore> makeProject(const Folder& folder, const std::string& name = "p.alproj") {
    auto store = ProjectStore::create(folder.file(name));
    EXPECT_TRUE(store.ok()) << store.error();
    if (!store.ok()) return nullptr;
    EXPECT_TRUE(store.value()->setTaxonomy(pennTaxonomy()).ok());
    EXPECT_TRUE(store.value()->insertVideo(sampleVideo(folder)).ok());
    EXPECT_TRUE(store.value()->insertSubject(Subject{0, "alice", {}}).ok());
    return std::move(store).value();
}

inline Segment sampleSegment(std::int64_t first, std::int64_t last, const std::string& action = "squat") {
    Segment s;
    s.videoId = 1;
    s.subjectId = 1;
    s.firstFrame = first;
    s.lastFrame = last;
    s.labels = {{"action", action}, {"viewpoint", "front"}};
    s.annotator = "ann";
    return s;
}

// The position of value `name` of task number `task`.
inline size_t valueIndexIn(const Taxonomy& taxonomy, size_t task, const std::string& name) {
    const auto& values = taxonomy.tasks.at(task).values;
    for (size_t v = 0; v < values.size(); ++v)
        if (values[v].name == name) return v;
    ADD_FAILURE() << "task " << task << " has no value " << name;
    return 0;
}

}  // namespace actionlens::annotation::fixtures
