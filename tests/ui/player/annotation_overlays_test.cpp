// AnnotationOverlays: the overlays show the project's skeletons and segment labels of the frame.

#include "ui/document/project_document.h"
#include "ui/player/annotation_overlays.h"
#include "ui/player/video_view.h"
#include "ui/style/annotation_colours.h"
#include "ui_project_fixture.h"

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

TEST(AnnotationOverlays, ShowTheFramesSkeletonsAndTheLabelsOfSegmentsCoveringIt) {
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::renderedProject()), QString());
    document.setCurrentVideo(document.videos().front().id);
    VideoView view;
    AnnotationOverlays overlays(document, view);
    const annotation::Segment first = document.segments().front();
    const int frame = int(first.firstFrame);
    overlays.showFrame(frame);

    ASSERT_EQ(overlays.skeletons().skeletons().size(), document.skeletonsAt(frame).size());
    for (const auto& s : overlays.skeletons().skeletons()) {
        EXPECT_EQ(s.frame.frame, frame);
        EXPECT_EQ(s.layout.name, "Penn-13");
        EXPECT_EQ(s.subjectName, document.subjectName(s.frame.subjectId));
    }
    size_t covering = 0;
    for (const auto& s : document.segments()) covering += s.firstFrame <= frame && frame <= s.lastFrame;
    ASSERT_EQ(overlays.labels().lines().size(), covering);
    const std::string action = first.labels.at("action");
    bool found = false;
    for (const auto& line : overlays.labels().lines()) {
        if (line.action != QString::fromStdString(action)) continue;
        found = true;
        EXPECT_TRUE(line.details.contains(QString::fromStdString(actionGroup(document.taxonomy(), action))));
        EXPECT_EQ(line.actionColour, actionColour(document.taxonomy(), action));
    }
    EXPECT_TRUE(found);

    overlays.setLabelsVisible(false);
    EXPECT_FALSE(overlays.labels().isVisible());
    document.close();
    EXPECT_TRUE(overlays.skeletons().skeletons().empty());
}
