// PrivacyFilter: the privacy view blurs the heads of the frame's skeletons in a copy of the
// player's frame, only while on, and blurs a frame shown in two views once.

#include "core/media/video_file_source.h"
#include "ui/document/project_document.h"
#include "ui/player/privacy_filter.h"
#include "ui_project_fixture.h"

#include <gtest/gtest.h>

#include <QSignalSpy>

#include <cmath>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

double meanDifference(const media::VideoFrame& a, const media::VideoFrame& b, int cx, int cy, int radius) {
    double sum = 0;
    int n = 0;
    for (int y = std::max(0, cy - radius); y < std::min(a.height, cy + radius); ++y)
        for (int x = std::max(0, cx - radius); x < std::min(a.width, cx + radius); ++x, ++n)
            for (int c = 0; c < 3; ++c) sum += std::abs(int(a.row(y)[x * 3 + c]) - int(b.row(y)[x * 3 + c]));
    return n ? sum / (3 * n) : 0.0;
}

}  // namespace

TEST(PrivacyFilter, BlursTheHeadsOfTheFramesSkeletonsInACopyWhileOn) {
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::renderedProject()), QString());
    const annotation::Video video = document.videos().front();
    document.setCurrentVideo(video.id);
    auto source = media::VideoFileSource::open(video.path);
    ASSERT_TRUE(source.ok()) << source.error();
    const int frame = 40;
    const media::FramePtr picture = source.value()->readFrame(frame).value();
    const auto skeletons = document.skeletonsAt(frame);
    ASSERT_FALSE(skeletons.empty());

    PrivacyFilter privacy(document);
    EXPECT_EQ(privacy.filter(frame, picture), picture);  // off: the frame itself
    QSignalSpy switched(&privacy, &PrivacyFilter::enabledChanged);
    privacy.setEnabled(true);
    EXPECT_EQ(switched.count(), 1);
    const media::FramePtr blurred = privacy.current();
    ASSERT_TRUE(blurred);
    ASSERT_NE(blurred, picture);
    EXPECT_EQ(privacy.filter(frame, picture), blurred);  // the second view gets the same copy

    const annotation::Joint head = skeletons.front().joints.front();  // Penn-13: the head
    EXPECT_GT(meanDifference(*picture, *blurred, int(head.x), int(head.y), 3), 1.0) << "the head is not blurred";
    EXPECT_EQ(meanDifference(*picture, *blurred, 2, 2, 2), 0.0);  // a corner away from everyone
    privacy.setEnabled(false);
    EXPECT_EQ(privacy.current(), picture);
}
