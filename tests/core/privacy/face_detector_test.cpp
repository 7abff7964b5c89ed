#include "core/privacy/face_detector.h"

#include "core/media/image_io.h"

#include <gtest/gtest.h>

#include <fstream>

namespace actionlens::privacy {
namespace {

TEST(FaceDetector, MissingCascadeNamesTheFileAndThePackage) {
    auto detector = FaceDetector::open("/nonexistent/haarcascade_frontalface_default.xml");
    ASSERT_FALSE(detector.ok());
    EXPECT_NE(detector.error().find("/nonexistent/haarcascade_frontalface_default.xml"), std::string::npos);
    EXPECT_NE(detector.error().find("opencv-data"), std::string::npos) << detector.error();
}

// The astronaut's portrait (shared test data): one face, about x 170-290, y 70-190.
TEST(FaceDetector, FindsTheFaceOfAPortrait) {
    if (!std::ifstream(defaultFaceCascadePath()).good()) GTEST_SKIP() << "opencv-data is not installed";
    auto image = media::loadImageAsFrame(ACTIONLENS_SHARED_DIR "/data/pose/astronaut.png");
    ASSERT_TRUE(image.ok()) << image.error();
    auto detector = FaceDetector::open();
    ASSERT_TRUE(detector.ok()) << detector.error();
    const std::vector<FaceRegion> faces = detector.value()->detect(*image.value());
    ASSERT_FALSE(faces.empty());
    bool found = false;
    for (const FaceRegion& f : faces) found = found || (f.contains(225.0f, 130.0f) && f.width > 60.0f && f.width < 200.0f);
    EXPECT_TRUE(found) << faces.size() << " regions, first at " << faces[0].x << "," << faces[0].y << " " << faces[0].width;
}

}  // namespace
}  // namespace actionlens::privacy
