// The HOG people detector: boxes become detections whose square the landmark model reads, and
// on real footage (OpenCV's vtest.avi from Debian's opencv-doc: packaging/install-test-footage.sh)
// it finds the small pedestrians that BlazePose's own detector misses.

#include "core/media/frame_source.h"
#include "core/pose/hog_people_detector.h"
#include "core/pose/people_tracker.h"
#include "tests/core/pose/pose_reference.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace actionlens::pose {
namespace {

std::string footagePath() {
    if (const char* dir = std::getenv("ACTIONLENS_TEST_FOOTAGE")) return std::string(dir) + "/vtest.avi";
    const char* data = std::getenv("XDG_DATA_HOME");
    const std::string base = data && *data ? data : std::string(std::getenv("HOME") ? std::getenv("HOME") : "") + "/.local/share";
    return base + "/actionlens/test-footage/vtest.avi";
}

#define ACTIONLENS_REQUIRE_FOOTAGE()                                                                           \
    do {                                                                                                       \
        if (!std::filesystem::exists(footagePath()))                                                            \
            ACTIONLENS_SKIP_UNLESS_REQUIRED(footagePath() + " is not installed (packaging/install-test-footage.sh)"); \
    } while (0)

// The people counted by hand in frame `frame` (tests/bench/data/vtest_people.json): centres.
std::vector<std::pair<double, double>> countedPeople(int frame) {
    QFile file(QStringLiteral(ACTIONLENS_SOURCE_DIR "/tests/bench/data/vtest_people.json"));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonArray people = QJsonDocument::fromJson(file.readAll()).object()[QStringLiteral("frames")].toObject()[QString::number(frame)].toArray();
    std::vector<std::pair<double, double>> out;
    for (const QJsonValue& p : people) out.push_back({p.toArray()[0].toDouble(), p.toArray()[1].toDouble()});
    return out;
}

struct Frame {
    media::FramePtr picture;
    RgbImageView view() const { return RgbImageView{picture->rgb.data(), picture->width, picture->height, picture->stride}; }
};

Frame footageFrame(media::FrameSource& source, int index) {
    auto frame = source.readFrame(index);
    EXPECT_TRUE(frame.ok()) << frame.error();
    return Frame{frame.ok() ? frame.value() : nullptr};
}

// How many counted people lie inside one of the boxes (each box counting once).
int peopleInside(const std::vector<std::pair<double, double>>& people, std::vector<std::array<double, 4>> boxes) {
    int found = 0;
    for (const auto& [x, y] : people)
        for (auto& b : boxes)
            if (x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3]) {
                ++found;
                b = {1e9, 1e9, -1e9, -1e9};  // used up
                break;
            }
    return found;
}

TEST(HogPeopleDetector, APersonsBoxFixesAnUprightSquareOnTheBody) {
    const PoseDetection d = detectionFromPersonBox(100, 50, 40, 100, 400, 200, 0.7f);
    EXPECT_FLOAT_EQ(d.cx, 120.0f / 400.0f);
    EXPECT_FLOAT_EQ(d.cy, 100.0f / 200.0f);
    EXPECT_FLOAT_EQ(d.score, 0.7f);
    const PoseRoi roi = PoseEstimator::roiFromDetection(d, 400, 200);
    EXPECT_NEAR(roi.cx, 120.0, 1e-4);
    EXPECT_NEAR(roi.cy, 100.0, 1e-4);
    EXPECT_NEAR(roi.rotation, 0.0, 1e-6) << "upright";
    // The body is 80 % of the box; the square is 1.25 body heights, as BlazePose's own.
    EXPECT_NEAR(roi.size, 100.0, 1e-3);
}

TEST(HogPeopleDetector, FindsTheSmallPedestriansOfRealFootage) {
    ACTIONLENS_REQUIRE_FOOTAGE();
    auto source = media::openFrameSource(footagePath());
    ASSERT_TRUE(source.ok()) << source.error();
    HogPeopleDetector hog;
    for (int index : {100, 700}) {
        const Frame frame = footageFrame(*source.value(), index);
        ASSERT_TRUE(frame.picture);
        auto detections = hog.detect(frame.view());
        ASSERT_TRUE(detections.ok()) << detections.error();
        std::vector<std::array<double, 4>> boxes;
        for (const PoseDetection& d : detections.value()) {
            EXPECT_GE(d.score, 0.5f);
            const double w = d.width * frame.picture->width, h = d.height * frame.picture->height;
            const double cx = d.cx * frame.picture->width, cy = d.cy * frame.picture->height;
            EXPECT_LT(h, 250.0) << "pedestrians here are at most about 150 px tall";
            boxes.push_back({cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2});
        }
        const auto people = countedPeople(index);
        // All but at most two (measured: 5 of 7 in frame 100, missing the far one of about 30 px
        // and the one half behind the sign; 7 of 8 in frame 700).
        const int inside = peopleInside(people, boxes);
        std::printf("[          ] frame %d: %d of %zu counted people inside %zu boxes\n", index, inside, people.size(), boxes.size());
        EXPECT_GE(inside, int(people.size()) - 2) << "frame " << index << ": " << boxes.size() << " boxes";
        EXPECT_LE(boxes.size(), people.size() + 2) << "frame " << index << ": few stray boxes";
    }
}

TEST(HogPeopleDetector, TrackingWithItFollowsMostPeopleWhereBlazePosesDetectorFindsFew) {
    ACTIONLENS_REQUIRE_POSE_MODELS(LandmarkModel::Lite);
    ACTIONLENS_REQUIRE_FOOTAGE();
    auto source = media::openFrameSource(footagePath());
    ASSERT_TRUE(source.ok()) << source.error();
    std::vector<int> found;
    for (PersonDetector detector : {PersonDetector::Hog, PersonDetector::BlazePose}) {
        PoseEstimatorOptions options;
        options.model = LandmarkModel::Lite;
        options.detector = detector;
        auto estimator = PoseEstimator::create(options);
        ASSERT_TRUE(estimator.ok()) << estimator.error();
        PeopleTrackerOptions trackerOptions;
        trackerOptions.maxPeople = 10;
        PeopleTracker tracker(estimator.value(), trackerOptions);
        TrackedFrame last;
        for (int index = 695; index <= 700; ++index) {
            const Frame frame = footageFrame(*source.value(), index);
            ASSERT_TRUE(frame.picture);
            auto tracked = tracker.next(frame.view(), index / 10.0);
            ASSERT_TRUE(tracked.ok()) << tracked.error();
            last = std::move(tracked).value();
        }
        std::vector<std::array<double, 4>> boxes;
        for (const PersonPose& p : last.people) {
            std::array<double, 4> b{1e9, 1e9, -1e9, -1e9};
            for (const PoseLandmark& l : p.estimate.landmarks) {
                b[0] = std::min(b[0], double(l.x)), b[1] = std::min(b[1], double(l.y));
                b[2] = std::max(b[2], double(l.x)), b[3] = std::max(b[3], double(l.y));
            }
            const double mx = 0.15 * (b[2] - b[0]), my = 0.15 * (b[3] - b[1]);
            boxes.push_back({b[0] - mx, b[1] - my, b[2] + mx, b[3] + my});
        }
        found.push_back(peopleInside(countedPeople(700), boxes));
    }
    // Of the 8 people counted in frame 700.
    EXPECT_GE(found[0], 6) << "HOG";
    EXPECT_GT(found[0], found[1] + 3) << "HOG " << found[0] << ", BlazePose's detector " << found[1];
}

}  // namespace
}  // namespace actionlens::pose
