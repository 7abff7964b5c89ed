#pragma once

// Shared by the pose estimation tests: whether the BlazePose models are installed (tests that
// run them skip with the reason otherwise), and a three-frame "video" of a real person (an
// image folder of ../shared/data/pose/astronaut.png) in a project of its own.

#include "core/annotation/project_store.h"
#include "core/pose/pose_model_files.h"
#include "tests/support/required_test_data.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QString>

#include <gtest/gtest.h>

#include <string>

namespace actionlens::uitest {

#define ACTIONLENS_REQUIRE_LITE_POSE_MODEL()                                                                        \
    do {                                                                                                            \
        const Status installed_ = pose::checkPoseModelsInstalled(pose::poseModelDirectory(), pose::LandmarkModel::Lite); \
        if (!installed_.ok()) ACTIONLENS_SKIP_UNLESS_REQUIRED(installed_.error());                                  \
    } while (0)

inline QString astronautImage() { return QStringLiteral(ACTIONLENS_SHARED_DIR "/data/pose/astronaut.png"); }

// `folder`/astronaut/frame_0001..0003.png and `folder`/astronaut.alproj with that folder as
// its one video (3 frames, 512 x 512). With `people` 2 the frames show the astronaut twice, side
// by side (1024 x 512). Returns the project's path.
inline QString astronautProject(const QString& folder, std::int64_t* videoId, int people = 1) {
    const QString frames = QDir(folder).filePath(QStringLiteral("astronaut"));
    EXPECT_TRUE(QDir().mkpath(frames));
    const QImage one(astronautImage());
    QImage picture(one.width() * people, one.height(), QImage::Format_RGB888);
    {
        QPainter painter(&picture);
        for (int p = 0; p < people; ++p) painter.drawImage(p * one.width(), 0, one);
    }
    for (int i = 1; i <= 3; ++i) EXPECT_TRUE(picture.save(QDir(frames).filePath(QStringLiteral("frame_000%1.png").arg(i))));
    const QString path = QDir(folder).filePath(QStringLiteral("astronaut.alproj"));
    auto store = annotation::ProjectStore::create(path.toStdString());
    EXPECT_TRUE(store.ok()) << store.error();
    if (!store.ok()) return {};
    annotation::Video video;
    video.path = frames.toStdString();
    video.fps = 25;
    video.frameCount = 3;
    video.width = picture.width();
    video.height = picture.height();
    video.name = "astronaut";
    auto id = store.value()->insertVideo(video);
    EXPECT_TRUE(id.ok()) << id.error();
    *videoId = id.ok() ? id.value() : 0;
    return path;
}

}  // namespace actionlens::uitest
