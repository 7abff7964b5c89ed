#include "ui/player/player_controller.h"

#include "tests/support/test_videos.h"
#include "tests/ui/ui_test_wait.h"

#include <QElapsedTimer>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <filesystem>
#include <utility>
#include <vector>

using namespace actionlens;
using actionlens::uitest::waitUntil;

namespace {

// Records every frameShown signal.
struct ShownFrames {
    explicit ShownFrames(ui::PlayerController& player) {
        QObject::connect(&player, &ui::PlayerController::frameShown, &context,
                         [this](int frame, media::FramePtr picture) { shown.emplace_back(frame, std::move(picture)); });
    }
    media::FramePtr waitFor(int frame) {
        media::FramePtr found;
        waitUntil([&] {
            for (const auto& [index, picture] : shown) {
                if (index == frame) found = picture;
            }
            return found != nullptr;
        });
        return found;
    }
    QObject context;
    std::vector<std::pair<int, media::FramePtr>> shown;
};

class PlayerControllerTest : public ::testing::Test {
protected:
    void SetUp() override {
        const QString error = player.open(QString::fromStdString(fixtures::sharedLongGopVideo()));
        ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    }
    ui::PlayerController player;
};

}  // namespace

TEST_F(PlayerControllerTest, SeekShowsExactlyTheRequestedFrame) {
    ShownFrames shown(player);
    EXPECT_EQ(player.frameCount(), 600);
    // Across both GOPs, backwards and forwards, and the last frame.
    for (int frame : {37, 299, 251, 12, 599, 0}) {
        player.seek(frame);
        EXPECT_EQ(player.currentFrame(), frame);
        media::FramePtr picture = shown.waitFor(frame);
        ASSERT_TRUE(picture) << "frame " << frame << " was never shown";
        EXPECT_EQ(picture->index, frame);
        EXPECT_EQ(fixtures::stampOf(*picture), frame);
    }
}

TEST_F(PlayerControllerTest, SeekIsClampedToTheVideo) {
    player.seek(5000);
    EXPECT_EQ(player.currentFrame(), 599);
    player.seek(-3);
    EXPECT_EQ(player.currentFrame(), 0);
}

TEST_F(PlayerControllerTest, StepMovesOneOrTenFramesEitherWay) {
    ShownFrames shown(player);
    QSignalSpy positions(&player, &ui::PlayerController::positionChanged);
    player.seek(100);
    ASSERT_TRUE(shown.waitFor(100));
    for (auto [delta, expected] : std::vector<std::pair<int, int>>{{1, 101}, {-1, 100}, {-1, 99}, {10, 109}, {-10, 99}}) {
        player.step(delta);
        EXPECT_EQ(player.currentFrame(), expected);
        media::FramePtr picture = shown.waitFor(expected);
        ASSERT_TRUE(picture) << "frame " << expected << " was never shown";
        EXPECT_EQ(fixtures::stampOf(*picture), expected);
        ASSERT_FALSE(positions.isEmpty());
        EXPECT_EQ(positions.last().at(0).toInt(), expected);
        EXPECT_DOUBLE_EQ(positions.last().at(1).toDouble(), expected / 25.0);
    }
}

TEST_F(PlayerControllerTest, PlayShowsFramesInOrderAndNeverAheadOfTheClock) {
    ShownFrames shown(player);
    player.seek(0);
    ASSERT_TRUE(shown.waitFor(0));
    shown.shown.clear();
    QSignalSpy playing(&player, &ui::PlayerController::playingChanged);
    QElapsedTimer wall;
    wall.start();
    player.play();
    EXPECT_TRUE(player.isPlaying());
    // Pacing check: whenever a frame is shown, its time must not be ahead of the wall clock
    // since play() (slow machines make playback late, never early).
    double worstLead = -1.0;
    QObject probe;
    QObject::connect(&player, &ui::PlayerController::frameShown, &probe, [&](int, media::FramePtr picture) {
        worstLead = std::max(worstLead, picture->seconds - wall.nsecsElapsed() * 1e-9);
    });
    ASSERT_TRUE(waitUntil([&] { return !shown.shown.empty() && shown.shown.back().first >= 30; }));
    player.pause();
    EXPECT_FALSE(player.isPlaying());
    ASSERT_EQ(playing.count(), 2);
    EXPECT_TRUE(playing.at(0).at(0).toBool());
    EXPECT_FALSE(playing.at(1).at(0).toBool());

    ASSERT_GE(shown.shown.size(), 2u);
    for (size_t i = 0; i < shown.shown.size(); ++i) {
        const auto& [frame, picture] = shown.shown[i];
        EXPECT_EQ(fixtures::stampOf(*picture), frame);
        if (i > 0) {
            EXPECT_GT(frame, shown.shown[i - 1].first);
            EXPECT_GE(picture->seconds, shown.shown[i - 1].second->seconds);
        }
    }
    // One frame duration of slack for the timer's rounding up to whole milliseconds.
    EXPECT_LE(worstLead, 1.0 / 25.0 + 0.005);
}

TEST_F(PlayerControllerTest, PlaybackStopsAtTheLastFrame) {
    ShownFrames shown(player);
    player.seek(590);
    QSignalSpy playing(&player, &ui::PlayerController::playingChanged);
    player.play();
    ASSERT_TRUE(waitUntil([&] { return playing.count() == 2; }));
    EXPECT_FALSE(player.isPlaying());
    EXPECT_EQ(player.currentFrame(), 599);
    media::FramePtr last = shown.waitFor(599);
    ASSERT_TRUE(last);
    EXPECT_EQ(fixtures::stampOf(*last), 599);
}

TEST(PlayerControllerVfr, PositionTimesComeFromTheVideosTimestamps) {
    ui::PlayerController player;
    ASSERT_TRUE(player.open(QString::fromStdString(fixtures::sharedVfrVideo())).isEmpty());
    const std::vector<double> times = fixtures::sharedVfrTimes();
    ASSERT_EQ(player.frameCount(), static_cast<int>(times.size()));
    ShownFrames shown(player);
    QSignalSpy positions(&player, &ui::PlayerController::positionChanged);
    for (int frame : {7, 61, 119}) {
        player.seek(frame);
        ASSERT_FALSE(positions.isEmpty());
        EXPECT_NEAR(positions.last().at(1).toDouble(), times[frame] - times[0], 1e-3);
        media::FramePtr picture = shown.waitFor(frame);
        ASSERT_TRUE(picture);
        EXPECT_EQ(fixtures::stampOf(*picture), frame);
    }
}

TEST(PlayerControllerOpen, MissingFileGivesAMessage) {
    ui::PlayerController player;
    const QString error = player.open(QStringLiteral("/nonexistent/folder/video.mp4"));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(player.isOpen());
    EXPECT_EQ(player.frameCount(), 0);
    player.seek(10);  // harmless with nothing open
    player.play();
    EXPECT_FALSE(player.isPlaying());
}

TEST(PlayerControllerOpen, GarbageFileGivesAMessageAndKeepsNothingOpen) {
    fixtures::TempDir dir;
    std::string garbage(100000, '\0');
    for (size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 2654435761u) >> 13);
    fixtures::writeFileBytes(dir.file("garbage.mp4"), garbage);
    ui::PlayerController player;
    // A good video first: a failed open must not leave it half open.
    ASSERT_TRUE(player.open(QString::fromStdString(fixtures::sharedLongGopVideo())).isEmpty());
    const QString error = player.open(QString::fromStdString(dir.file("garbage.mp4")));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(player.isOpen());
    player.step(1);
}

TEST_F(PlayerControllerTest, BackwardPlaybackShowsFramesInDescendingOrderAndStopsAtZero) {
    ShownFrames shown(player);
    player.seek(12);
    ASSERT_TRUE(shown.waitFor(12));
    shown.shown.clear();
    QSignalSpy playing(&player, &ui::PlayerController::playingChanged);
    player.setRate(4.0);
    player.playBackward();
    EXPECT_EQ(player.direction(), -1);
    ASSERT_TRUE(waitUntil([&] { return playing.count() == 2; }));
    EXPECT_EQ(player.currentFrame(), 0);
    ASSERT_TRUE(shown.waitFor(0));
    for (size_t i = 1; i < shown.shown.size(); ++i) EXPECT_LT(shown.shown[i].first, shown.shown[i - 1].first);
    for (const auto& [frame, picture] : shown.shown) EXPECT_EQ(fixtures::stampOf(*picture), frame);
}

TEST_F(PlayerControllerTest, ShuttleStartsAtOneAndDoublesUpToFourTimes) {
    player.seek(300);
    QSignalSpy rates(&player, &ui::PlayerController::rateChanged);
    player.setRate(0.5);
    player.shuttle(+1);
    EXPECT_TRUE(player.isPlaying());
    EXPECT_EQ(player.direction(), 1);
    EXPECT_DOUBLE_EQ(player.rate(), 1.0);
    player.shuttle(+1);
    EXPECT_DOUBLE_EQ(player.rate(), 2.0);
    player.shuttle(+1);
    player.shuttle(+1);
    EXPECT_DOUBLE_EQ(player.rate(), 4.0);
    player.shuttle(-1);  // the other way starts again at 1x
    EXPECT_EQ(player.direction(), -1);
    EXPECT_DOUBLE_EQ(player.rate(), 1.0);
    player.pause();
    EXPECT_FALSE(player.isPlaying());
    EXPECT_DOUBLE_EQ(rates.last().at(0).toDouble(), 1.0);
}

TEST_F(PlayerControllerTest, LoopPlaysTheRangeAgainAndAgain) {
    ShownFrames shown(player);
    player.setLoop(std::make_pair(20, 25));
    player.setRate(4.0);
    player.seek(100);  // outside the loop: play starts at its first frame
    player.play();
    EXPECT_EQ(player.currentFrame(), 20);
    // Two wraps: frame 20 shown again twice after 25.
    ASSERT_TRUE(waitUntil([&] {
        int wraps = 0;
        for (size_t i = 1; i < shown.shown.size(); ++i) wraps += shown.shown[i].first < shown.shown[i - 1].first;
        return wraps >= 2;
    }));
    player.pause();
    for (const auto& [frame, picture] : shown.shown) {
        if (frame == 100) continue;  // the seek before play
        EXPECT_GE(frame, 20);
        EXPECT_LE(frame, 25);
    }
}

TEST(PlayerControllerOpen, OpenAsyncReportsLaterAndTheLatestWins) {
    ui::PlayerController player;
    QSignalSpy opened(&player, &ui::PlayerController::opened);
    QSignalSpy failed(&player, &ui::PlayerController::openFailed);
    player.openAsync(QStringLiteral("/nonexistent/first.mp4"));
    player.openAsync(QString::fromStdString(fixtures::sharedLongGopVideo()));
    EXPECT_TRUE(player.isOpening());
    EXPECT_FALSE(player.isOpen());
    ASSERT_TRUE(waitUntil([&] { return opened.count() == 1; }));
    EXPECT_EQ(failed.count(), 0) << "the superseded open's failure is dropped";
    EXPECT_TRUE(player.isOpen());
    EXPECT_EQ(player.frameCount(), 600);

    player.openAsync(QStringLiteral("/nonexistent/second.mp4"));
    ASSERT_TRUE(waitUntil([&] { return failed.count() == 1; }));
    EXPECT_TRUE(failed.front().at(1).toString().contains(QStringLiteral("second.mp4")));
    EXPECT_FALSE(player.isOpen());
}

// A video cut short while it plays (a recording being rewritten, a network share gone): the
// frames past the cut are reported with a message naming the file, playback goes on and stops
// at the end as usual, and the frames before the cut and other videos still show.
TEST(PlayerControllerTruncated, FramesPastTheCutAreReportedAndThePlayerStaysUsable) {
    fixtures::TempDir dir;
    fixtures::StampedVideoSpec spec;
    spec.frames = 100;
    spec.gop = 20;
    const std::string path = fixtures::makeStampedVideo(dir.file("recording.mp4"), spec);
    ui::PlayerController player;
    ASSERT_TRUE(player.open(QString::fromStdString(path)).isEmpty());
    ShownFrames shown(player);
    QSignalSpy failures(&player, &ui::PlayerController::frameFailed);
    player.seek(5);
    ASSERT_TRUE(shown.waitFor(5));

    std::filesystem::resize_file(path, std::filesystem::file_size(path) * 4 / 10);
    player.setRate(4.0);
    player.play();
    ASSERT_TRUE(waitUntil([&] { return !failures.isEmpty(); })) << "no frame past the cut was reported";
    const QString message = failures.front().at(1).toString();
    EXPECT_TRUE(message.contains(QStringLiteral("recording.mp4"))) << message.toStdString();
    EXPECT_GT(failures.front().at(0).toInt(), 5);
    EXPECT_TRUE(waitUntil([&] { return !player.isPlaying(); })) << "playback did not stop at the end";

    for (int frame : {2, 20, 0}) {
        player.seek(frame);
        media::FramePtr picture = shown.waitFor(frame);
        ASSERT_TRUE(picture) << "frame " << frame << " before the cut was never shown";
        EXPECT_EQ(fixtures::stampOf(*picture), frame);
    }
    ASSERT_TRUE(player.open(QString::fromStdString(fixtures::sharedLongGopVideo())).isEmpty());
    player.seek(42);
    media::FramePtr other = shown.waitFor(42);
    ASSERT_TRUE(other);
    EXPECT_EQ(fixtures::stampOf(*other), 42);
}
