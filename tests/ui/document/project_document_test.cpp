// ProjectDocument: the open project's caches follow the store.

#include "ui/document/project_document.h"
#include "ui_project_fixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens;
using actionlens::ui::ProjectDocument;

TEST(ProjectDocument, OpensTheProjectAndLoadsTheCurrentVideosSegmentsAndSkeletons) {
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::renderedProject()), QString());
    ASSERT_EQ(document.videos().size(), 3u);
    EXPECT_EQ(document.displayName(), QStringLiteral("fixture"));
    const std::int64_t video = document.videos()[1].id;
    QSignalSpy changed(&document, &ProjectDocument::currentVideoChanged);
    document.setCurrentVideo(video);
    EXPECT_EQ(changed.count(), 1);

    auto stored = document.store().segmentsOfVideo(video);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(document.segments(), stored.value());
    EXPECT_FALSE(document.segments().empty());
    // Two people in every fixture video: two lanes.
    EXPECT_EQ(document.subjectsOfCurrentVideo().size(), 2u);

    auto direct = document.store().skeletonFrames(video, 10, 10);
    ASSERT_TRUE(direct.ok());
    EXPECT_EQ(document.skeletonsAt(10), direct.value());
    EXPECT_FALSE(document.skeletonsAt(10).empty());
}

TEST(ProjectDocument, OpenReportsAMissingProjectAndStaysClosed) {
    ProjectDocument document;
    const QString error = document.open(QStringLiteral("/nonexistent/x.alproj"));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(document.isOpen());
}

TEST(ProjectDocument, ReloadSegmentsSeesAWriteAndSignalsIt) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    const std::int64_t video = document.videos()[0].id;
    document.setCurrentVideo(video);
    const size_t before = document.segments().size();
    ASSERT_GT(before, 0u);
    ASSERT_TRUE(document.store().removeSegment(document.segments().front().id).ok());
    QSignalSpy changed(&document, &ProjectDocument::segmentsChanged);
    document.reloadSegments();
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(document.segments().size(), before - 1);
}
