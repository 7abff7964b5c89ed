#include "core/formats/cvat_video.h"

#include "core/annotation/group_only_label.h"
#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"
#include "core/formats/format_registry.h"
#include "core/formats/subject_boxes.h"
#include "tests/core/formats/formats_fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

using namespace actionlens;
using namespace actionlens::annotation;
using namespace actionlens::fixtures;

namespace {

std::string layoutName(ProjectStore& store, std::int64_t id) {
    for (const SkeletonLayout& layout : store.skeletonLayouts())
        if (layout.id == id) return layout.name;
    return "?";
}

// "SUBJECT @FRAME LAYOUT: x,y,confidence,visible ..." per skeleton frame of a video.
std::vector<std::string> poseSummaries(ProjectStore& store, std::int64_t videoId, size_t joints = 3) {
    std::vector<std::string> lines;
    const auto names = subjectNames(store);
    for (const SkeletonFrame& frame : allFrames(store, videoId)) {
        if (formats::isBoxOnly(frame)) continue;
        std::string line = names.at(frame.subjectId) + " @" + std::to_string(frame.frame) + " " + layoutName(store, frame.layoutId) + ":";
        for (size_t j = 0; j < joints && j < frame.joints.size(); ++j) {
            const Joint& joint = frame.joints[j];
            line += " " + QString::number(joint.x).toStdString() + "," + QString::number(joint.y).toStdString() + "," +
                    QString::number(joint.confidence).toStdString() + (joint.visible ? ",v" : ",-");
        }
        lines.push_back(line);
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

std::string meta(const std::string& source, const std::string& extra = "") {
    return R"(<?xml version="1.0" encoding="utf-8"?>
<annotations>
  <version>1.1</version>
  <meta>
    <task>
      <id>7</id>
      <name>gym session</name>
      <size>20</size>
      <mode>interpolation</mode>
      <overlap>5</overlap>
      <bugtracker></bugtracker>
      <flipped>False</flipped>
      <created>2024-03-01 10:00:00.000000+00:00</created>
      )" + extra + R"(
      <labels>
        <label><name>person</name><color>#ff0000</color><type>rectangle</type><attributes>
          <attribute><name>action</name><mutable>True</mutable><input_type>select</input_type><default_value></default_value><values>squat
bowl</values></attribute></attributes></label>
      </labels>
      <original_size><width>640</width><height>480</height></original_size>
      <source>)" + source + R"(</source>
    </task>
    <dumped>2024-03-02 09:00:00.000000+00:00</dumped>
  </meta>
)";
}

std::string box(int frame, const std::string& action, const std::string& viewpoint = "", int outside = 0, int keyframe = 1) {
    return "    <box frame=\"" + std::to_string(frame) + "\" outside=\"" + std::to_string(outside) + "\" occluded=\"0\" keyframe=\"" +
           std::to_string(keyframe) + "\" xtl=\"10.00\" ytl=\"20.00\" xbr=\"110.50\" ybr=\"220.00\" z_order=\"0\">\n" +
           "      <attribute name=\"action\">" + action + "</attribute>\n" +
           (viewpoint.empty() ? std::string() : "      <attribute name=\"viewpoint\">" + viewpoint + "</attribute>\n") + "    </box>\n";
}

// CVAT's own layout of a video task exported "for video 1.1": frames 10, 12, ... of the video
// (start_frame 10, step=2), a box track with a mutable action, a skeleton and a points track.
std::string handWrittenExport() {
    std::string xml = meta("C:\\data\\squats.mp4", "<start_frame>10</start_frame><stop_frame>49</stop_frame><frame_filter>step=2</frame_filter>");
    xml += "  <track id=\"0\" label=\"person\" source=\"manual\">\n" + box(0, "squat", "front") + box(3, "squat", "front", 0, 0) +
           box(5, "bowl") + box(8, "bowl", "", 1) + box(10, "pullup", "left") + "  </track>\n";
    xml += R"(  <track id="1" label="person-pose" source="manual">
    <skeleton frame="0" outside="0" occluded="0" keyframe="1" z_order="0">
      <points label="nose" outside="0" occluded="0" keyframe="1" points="100.50,50.25"></points>
      <points label="left_eye" outside="0" occluded="1" keyframe="1" points="104.00,46.00"></points>
      <points label="right_eye" outside="1" occluded="0" keyframe="1" points="96.00,46.00"></points>
      <attribute name="subject">alice</attribute>
    </skeleton>
    <skeleton frame="1" outside="0" occluded="0" keyframe="0" z_order="0">
      <points label="nose" outside="0" occluded="0" keyframe="0" points="101.00,51.00"></points>
      <attribute name="subject">alice</attribute>
    </skeleton>
    <skeleton frame="2" outside="1" occluded="0" keyframe="1" z_order="0">
      <points label="nose" outside="1" occluded="0" keyframe="1" points="101.00,51.00"></points>
    </skeleton>
  </track>
  <track id="2" label="keypoints" source="manual">
    <points frame="4" outside="0" occluded="0" keyframe="1" points="1,2;3,4;5,6;7,8;9,10;11,12;13,14;15,16;17,18;19,20;21,22;23,24;25,26" z_order="0">
    </points>
  </track>
</annotations>
)";
    return xml;
}

}  // namespace

TEST(CvatVideo, ReadsAHandWrittenVideoExport) {
    TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    const std::int64_t video = store->insertVideo(Video{0, dir.file("squats.mp4"), 1, 25.0, 60, 640, 480, "", "", {}}).value();
    writeFileBytes(dir.file("annotations.xml"), handWrittenExport());
    Status imported = formats::importProject("cvat-video", dir.file("annotations.xml"), *store);
    ASSERT_TRUE(imported.ok()) << imported.error();
    const std::string clip = dir.file("squats.mp4");
    // Task frame f is video frame 10 + 2f; a shape holds to the next one, the last to stop_frame 49.
    EXPECT_EQ(segmentSummaries(*store), (std::vector<std::string>{
                                            clip + " | person 0 | 10-19 | action=squat;viewpoint=front; |  | unreviewed | - | ",
                                            clip + " | person 0 | 20-25 | action=bowl; |  | unreviewed | - | ",
                                            clip + " | person 0 | 30-49 | action=pullup;viewpoint=left; |  | unreviewed | - | ",
                                        }));
    // Video frame 11 lies between task frames 0 and 1: the nose moved half way, the eyes (which the
    // next skeleton lacks) held; task frame 1 holds to 13, before the outside skeleton at 14.
    auto poses = poseSummaries(*store, video);
    const std::vector<std::string> alice(poses.begin(), poses.begin() + 4);
    EXPECT_EQ(alice, (std::vector<std::string>{
                         "alice @10 COCO-17: 100.5,50.25,1,v 104,46,0.5,v 96,46,0,-",
                         "alice @11 COCO-17: 100.75,50.625,1,v 104,46,0.5,v 96,46,0,-",
                         "alice @12 COCO-17: 101,51,1,v 0,0,0,- 0,0,0,-",
                         "alice @13 COCO-17: 101,51,1,v 0,0,0,- 0,0,0,-",
                     }));
    // The points track's one shape holds from video frame 18 to stop_frame 49.
    ASSERT_EQ(poses.size(), 4u + 32u);
    for (size_t i = 4; i < poses.size(); ++i) EXPECT_NE(poses[i].find("Penn-13: 1,2,1,v 3,4,1,v 5,6,1,v"), std::string::npos) << poses[i];
    // The box track's boxes are the person's boxes wherever it is inside (task frames 0-7 and 10-, i.e.
    // video frames 10-25 and 30-49), box-only frames here.
    std::vector<std::int64_t> boxFrames;
    for (const SkeletonFrame& f : allFrames(*store, video))
        if (formats::isBoxOnly(f)) {
            boxFrames.push_back(f.frame);
            EXPECT_EQ(*f.box, (SubjectBox{10.0f, 20.0f, 100.5f, 200.0f}));
        }
    ASSERT_EQ(boxFrames.size(), 16u + 20u);
    EXPECT_EQ(boxFrames.front(), 10);
    EXPECT_EQ(boxFrames[15], 25);
    EXPECT_EQ(boxFrames[16], 30);
    EXPECT_EQ(boxFrames.back(), 49);
}

TEST(CvatVideo, ExportWritesAFilePerVideoThatImportsBackToTheSameSegmentsAndPoses) {
    TempDir dir;
    auto source = newProject(dir, "source.alproj");
    ASSERT_TRUE(source);
    ASSERT_TRUE(source->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    const std::int64_t a = source->insertVideo(Video{0, dir.file("clip a.mp4"), 1, 30.0, 40, 640, 480, "", "", {}}).value();
    const std::int64_t b = source->insertVideo(Video{0, "", 0, 30.0, 10, 0, 0, "", "0002", {}}).value();
    const std::int64_t alice = source->insertSubject(Subject{0, "alice", {}}).value();
    const std::int64_t bob = source->insertSubject(Subject{0, "bob", {}}).value();
    for (const Segment& s : {segment(a, alice, 5, 9, {{"action", "squat"}, {"viewpoint", "front"}}),
                             segment(a, alice, 10, 12, {{"action", "bowl"}}),  // adjacent, other labels: no outside box between
                             segment(a, alice, 30, 39, {{"action", "pullup"}}),  // to the video's end
                             segment(a, bob, 0, 3, {{kGroupOnlyLabelKey, "gym exercise"}}),
                             segment(a, bob, 20, 25, {{"action", "bowl"}}, "model:run 1.alm"),  // a prediction: left out
                             segment(b, bob, 2, 4, {{"viewpoint", "back"}})}) {
        auto id = source->insertSegment(s);
        ASSERT_TRUE(id.ok()) << id.error();
    }
    const std::int64_t coco = source->skeletonLayout("COCO-17")->id;
    std::vector<SkeletonFrame> poses;
    for (std::int64_t frame : {5, 6, 7, 20}) {
        SkeletonFrame pose{a, alice, frame, coco, PoseSource::Manual, std::vector<Joint>(17)};
        pose.joints[0] = Joint{100.5f + frame, 50.25f, 1.0f, true};
        pose.joints[1] = Joint{120.0f, 80.0f + frame, 0.5f, true};
        pose.joints[2] = Joint{90.0f, 40.0f, 0.0f, false};
        poses.push_back(pose);
    }
    ASSERT_TRUE(source->insertSkeletonFrames(poses).ok());

    const std::string folder = dir.file("cvat");
    Status exported = formats::exportProject("cvat-video", *source, folder);
    ASSERT_TRUE(exported.ok()) << exported.error();
    ASSERT_TRUE(std::filesystem::exists(folder + "/clip a.xml"));
    ASSERT_TRUE(std::filesystem::exists(folder + "/0002.xml"));
    const std::string xml = readFileBytes(folder + "/clip a.xml");
    EXPECT_NE(xml.find("<source>clip a.mp4</source>"), std::string::npos);
    // Alice's box on frame 5 is her joints' extent there; frame 13 closes her bowl.
    EXPECT_NE(xml.find(R"(<box frame="5" outside="0" occluded="0" keyframe="1" xtl="105.5" ytl="50.25" xbr="120" ybr="85" z_order="0">)"),
              std::string::npos);
    EXPECT_NE(xml.find(R"(<box frame="13" outside="1")"), std::string::npos);
    EXPECT_EQ(xml.find(R"(<box frame="10" outside="1")"), std::string::npos) << "the next segment starts there";
    EXPECT_NE(xml.find(R"(<box frame="8" outside="0" occluded="0" keyframe="1" xtl="0" ytl="0" xbr="640" ybr="480")"), std::string::npos)
        << "no skeleton there: the whole frame";
    EXPECT_NE(xml.find(R"(<points frame="5" outside="0" occluded="1" keyframe="1" label="left_eye" points="120,85"/>)"), std::string::npos);

    auto target = emptyProjectLike(*source, dir, "target.alproj");
    ASSERT_TRUE(target);
    Status imported = formats::importProject("cvat-video", folder, *target);
    ASSERT_TRUE(imported.ok()) << imported.error();
    const std::string clipA = dir.file("clip a.mp4");
    EXPECT_EQ(segmentSummaries(*target), (std::vector<std::string>{
                                             clipA + " | bob | 0-3 | @group=gym exercise; |  | unreviewed | - | ",
                                             clipA + " | alice | 5-9 | action=squat;viewpoint=front; |  | unreviewed | - | ",
                                             clipA + " | alice | 10-12 | action=bowl; |  | unreviewed | - | ",
                                             clipA + " | alice | 30-39 | action=pullup; |  | unreviewed | - | ",
                                             "0002 | bob | 2-4 | viewpoint=back; |  | unreviewed | - | ",
                                         }));
    const std::int64_t targetA = target->videos().value()[0].id;
    EXPECT_EQ(poseSummaries(*target, targetA), poseSummaries(*source, a));
    EXPECT_EQ(allFrames(*target, targetA).size(), 4u);
    EXPECT_EQ(allFrames(*target, targetA)[0].joints.size(), 17u);
}

TEST(CvatVideo, OverlappingSegmentsOfOneSubjectAreRefused) {
    TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    const std::int64_t video = store->insertVideo(Video{0, dir.file("a.mp4"), 1, 25.0, 250, 0, 0, "", "", {}}).value();
    const std::int64_t alice = store->insertSubject(Subject{0, "alice", {}}).value();
    ASSERT_TRUE(store->insertSegment(segment(video, alice, 0, 20, {{"action", "squat"}})).ok());
    ASSERT_TRUE(store->insertSegment(segment(video, alice, 10, 30, {{"viewpoint", "front"}})).ok());
    Status exported = formats::exportProject("cvat-video", *store, dir.file("out.xml"));
    ASSERT_FALSE(exported.ok());
    EXPECT_EQ(exported.error(), "video '" + dir.file("a.mp4") + "': subject 'alice' has overlapping segments at frame 10, which one CVAT box cannot carry");
    EXPECT_FALSE(std::filesystem::exists(dir.file("out.xml")));
}

TEST(CvatVideo, MalformedFilesNameFileLineAndTrackAndChangeNothing) {
    TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    ASSERT_TRUE(store->insertVideo(Video{0, dir.file("a.mp4"), 1, 25.0, 100, 640, 480, "", "", {}}).ok());
    // Track 0 is good and comes first, so each failure after it must also undo it.
    const std::string good = "  <track id=\"0\" label=\"person\">\n" + box(0, "squat") + box(5, "", "", 1) + "  </track>\n";
    auto file = [&](const std::string& second) { return meta("a.mp4") + good + second + "</annotations>\n"; };
    const std::string metaText = meta("a.mp4");
    const size_t metaLines = static_cast<size_t>(std::count(metaText.begin(), metaText.end(), '\n'));
    // The good track takes the 8 lines after the meta; the second one opens on the next.
    const std::string trackLine = std::to_string(metaLines + 9);
    const std::string secondLine = std::to_string(metaLines + 10);  // the second track's first shape
    const std::vector<std::pair<std::string, std::string>> cases = {
        {file("  <track id=\"1\" label=\"person\">\n" + box(0, "squat") + box(2, "hop") + "  </track>\n"),
         "a.xml line " + std::to_string(metaLines + 13) + ": track 1, frame 2: 'hop' is not a class of task 'action'"},
        {file("  <track id=\"1\" label=\"person\">\n" + box(0, "squat", "sideways") + "  </track>\n"),
         "a.xml line " + secondLine + ": track 1, frame 0: 'sideways' is not a value of task 'viewpoint'"},
        {file("  <track id=\"1\" label=\"person\">\n" + box(200, "squat") + "  </track>\n"),
         "a.xml line " + secondLine + ": track 1, frame 200: video frame 200 is past the video's last frame 99"},
        {file(R"(  <track id="1" label="pose">
    <skeleton frame="0" outside="0" occluded="0" keyframe="1">
      <points label="nose" outside="0" occluded="0" keyframe="1" points="1,2"/>
      <points label="tail" outside="0" occluded="0" keyframe="1" points="1,2"/>
    </skeleton>
  </track>
)"),
         "a.xml line " + trackLine + ": track 1: no skeleton layout of the project has the joints 'nose', 'tail'"},
        {file("  <track id=\"1\" label=\"dots\">\n    <points frame=\"0\" outside=\"0\" occluded=\"0\" keyframe=\"1\" points=\"1,2;3,4\"/>\n  </track>\n"),
         "a.xml line " + trackLine + ": track 1: no skeleton layout of the project has 2 joints"},
        {file("  <track id=\"1\" label=\"person\">\n    <box frame=\"0\" outside=\"0\" occluded=\"0\" xtl=\"a\" ytl=\"0\" xbr=\"1\" ybr=\"1\"/>\n  </track>\n"),
         "a.xml line " + secondLine + ": <box> xtl 'a' is not a number"},
        {file("  <track id=\"1\" label=\"person\">\n    <box frame=\"0\" outside=\"2\" xtl=\"0\" ytl=\"0\" xbr=\"1\" ybr=\"1\"/>\n  </track>\n"),
         "a.xml line " + secondLine + ": <box> outside '2' is not 0 or 1"},
        {file("  <track id=\"1\" label=\"person\">\n" + box(0, "squat") + "  </trak>\n"), "a.xml line " + std::to_string(metaLines + 13) + ": not valid XML"},
        {meta("elsewhere/b.mp4") + good + "</annotations>\n", "a.xml: <source>: no video of the project is named 'b.mp4'"},
        {"<annotations><version>1.1</version></annotations>", "a.xml: meta names no <source> video and no task <name>"},
    };
    for (const auto& [text, message] : cases) {
        SCOPED_TRACE(message);
        writeFileBytes(dir.file("a.xml"), text);
        const auto before = store->counts().value();
        const size_t layoutsBefore = store->skeletonLayouts().size();
        Status imported = formats::importProject("cvat-video", dir.file("a.xml"), *store);
        ASSERT_FALSE(imported.ok());
        EXPECT_EQ(imported.error().rfind(message, 0), 0u) << imported.error();
        expectCountsUnchanged(*store, before);
        expectProjectUnchanged(*store, before, layoutsBefore);
    }
}

TEST(CvatVideo, APointsTrackGoesOntoTheLayoutTheImportNames) {
    TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    const std::int64_t video = store->insertVideo(Video{0, dir.file("a.mp4"), 1, 25.0, 100, 640, 480, "", "", {}}).value();
    SkeletonLayout copy = *store->skeletonLayout("Penn-13");
    copy.id = 0;
    copy.name = "Penn-13 copy";
    ASSERT_TRUE(store->insertSkeletonLayout(copy).ok());
    writeFileBytes(dir.file("a.xml"), meta("a.mp4") + R"(  <track id="3" label="dots">
    <points frame="2" outside="0" occluded="1" keyframe="1" points="1,2;3,4;5,6;7,8;9,10;11,12;13,14;15,16;17,18;19,20;21,22;23,24;25,26"/>
  </track>
</annotations>
)");
    formats::ImportOptions options;
    options.layout = "COCO-17";
    Status refused = formats::importProject("cvat-video", dir.file("a.xml"), *store, options);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("track 3: the layout 'COCO-17' has 17 joints, the track's points 13"), std::string::npos) << refused.error();
    options.layout = "Penn-13 copy";
    Status imported = formats::importProject("cvat-video", dir.file("a.xml"), *store, options);
    ASSERT_TRUE(imported.ok()) << imported.error();
    auto poses = poseSummaries(*store, video, 2);
    ASSERT_EQ(poses.size(), 98u) << "its one shape holds from frame 2 to the video's end";
    EXPECT_EQ(poses.front(), "dots 3 @10 Penn-13 copy: 1,2,0.5,v 3,4,0.5,v");
    EXPECT_EQ(allFrames(*store, video).front(), (SkeletonFrame{video, allFrames(*store, video).front().subjectId, 2,
                                                               store->skeletonLayout("Penn-13 copy")->id, PoseSource::Imported,
                                                               allFrames(*store, video).front().joints, std::nullopt}));
}

// Boxes travel both ways: a subject's own boxes (box-only frames, or the box of a pose) are what the
// export's box track holds there, and come back as the same boxes; frames of a segment without a box
// are written as the whole frame, which comes back as no box.
TEST(CvatVideo, SubjectsBoxesSurviveARoundTrip) {
    TempDir dir;
    auto source = newProject(dir, "source.alproj");
    ASSERT_TRUE(source);
    ASSERT_TRUE(source->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    const std::int64_t video = source->insertVideo(Video{0, dir.file("walk.mp4"), 1, 25.0, 60, 640, 480, "", "", {}}).value();
    const std::int64_t alice = source->insertSubject(Subject{0, "alice", {}}).value();
    const std::int64_t bob = source->insertSubject(Subject{0, "bob", {}}).value();
    ASSERT_TRUE(source->insertSegment(segment(video, alice, 10, 19, {{"action", "squat"}})).ok());
    const std::int64_t coco = source->skeletonLayout("COCO-17")->id;
    std::vector<SkeletonFrame> frames;
    for (std::int64_t f = 10; f <= 14; ++f)  // alice: boxes only
        frames.push_back(SkeletonFrame{video, alice, f, coco, PoseSource::Imported, std::vector<Joint>(17),
                                       SubjectBox{float(100 + f), 50.5f, 80, 200}});
    SkeletonFrame pose{video, alice, 16, coco, PoseSource::Manual, std::vector<Joint>(17), SubjectBox{90, 40, 120, 260}};
    pose.joints[0] = Joint{150, 60, 1, true};
    pose.joints[1] = Joint{170, 200, 1, true};
    frames.push_back(pose);
    for (std::int64_t f = 30; f <= 32; ++f)  // bob: boxes without any segment
        frames.push_back(SkeletonFrame{video, bob, f, coco, PoseSource::Imported, std::vector<Joint>(17), SubjectBox{300, 100, 40, 90}});
    ASSERT_TRUE(source->insertSkeletonFrames(frames).ok());

    const std::string out = dir.file("walk.xml");
    Status exported = formats::exportProject("cvat-video", *source, out);
    ASSERT_TRUE(exported.ok()) << exported.error();
    const std::string xml = readFileBytes(out);
    EXPECT_NE(xml.find(R"(<box frame="12" outside="0" occluded="0" keyframe="1" xtl="112" ytl="50.5" xbr="192" ybr="250.5")"), std::string::npos);
    EXPECT_NE(xml.find(R"(<box frame="16" outside="0" occluded="0" keyframe="1" xtl="90" ytl="40" xbr="210" ybr="300")"), std::string::npos)
        << "the pose's own box, not its joints' extent";
    EXPECT_NE(xml.find(R"(<box frame="33" outside="1")"), std::string::npos) << "bob's box track ends after frame 32";
    EXPECT_EQ(xml.find(R"(<skeleton frame="12")"), std::string::npos) << "box-only frames are no skeletons";

    auto target = emptyProjectLike(*source, dir, "target.alproj");
    ASSERT_TRUE(target);
    Status imported = formats::importProject("cvat-video", out, *target);
    ASSERT_TRUE(imported.ok()) << imported.error();
    const std::int64_t copy = target->videos()->front().id;
    const auto names = subjectNames(*target);
    std::vector<std::string> boxes;
    for (const SkeletonFrame& f : allFrames(*target, copy)) {
        ASSERT_TRUE(f.box.has_value()) << names.at(f.subjectId) << " @" << f.frame << ": a frame without a box came back";
        boxes.push_back(names.at(f.subjectId) + " @" + std::to_string(f.frame) + (formats::isBoxOnly(f) ? " box " : " pose ") +
                        QString::number(f.box->x).toStdString() + "," + QString::number(f.box->y).toStdString() + "," +
                        QString::number(f.box->width).toStdString() + "," + QString::number(f.box->height).toStdString());
    }
    EXPECT_EQ(boxes, (std::vector<std::string>{"alice @10 box 110,50.5,80,200", "alice @11 box 111,50.5,80,200",
                                               "alice @12 box 112,50.5,80,200", "alice @13 box 113,50.5,80,200",
                                               "alice @14 box 114,50.5,80,200", "alice @16 pose 90,40,120,260",
                                               "bob @30 box 300,100,40,90", "bob @31 box 300,100,40,90", "bob @32 box 300,100,40,90"}));
    EXPECT_EQ(segmentSummaries(*target), segmentSummaries(*source));
}

// A file that lists only keyframes, as people write by hand and as tools other than CVAT write:
// boxes and points are moved linearly between a track's keyframes, held after its last one, and
// an outside shape ends the stretch.
TEST(CvatVideo, ShapesBetweenKeyframesAreInterpolated) {
    TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    const std::int64_t video = store->insertVideo(Video{0, dir.file("a.mp4"), 1, 25.0, 40, 640, 480, "", "", {}}).value();
    writeFileBytes(dir.file("a.xml"), meta("a.mp4") + R"(  <track id="0" label="person">
    <box frame="0" outside="0" occluded="0" keyframe="1" xtl="0" ytl="10" xbr="10" ybr="30" z_order="0"><attribute name="action">squat</attribute><attribute name="subject">ann</attribute></box>
    <box frame="10" outside="0" occluded="0" keyframe="1" xtl="20" ytl="30" xbr="50" ybr="90" z_order="0"><attribute name="action">squat</attribute><attribute name="subject">ann</attribute></box>
    <box frame="15" outside="1" occluded="0" keyframe="1" xtl="20" ytl="30" xbr="50" ybr="90" z_order="0"><attribute name="action">squat</attribute><attribute name="subject">ann</attribute></box>
  </track>
  <track id="1" label="person-pose">
    <skeleton frame="0" outside="0" occluded="0" keyframe="1" z_order="0">
      <points label="nose" outside="0" occluded="0" keyframe="1" points="100,50"></points>
      <points label="left_eye" outside="1" occluded="0" keyframe="1" points="0,0"></points>
      <attribute name="subject">ann</attribute>
    </skeleton>
    <skeleton frame="4" outside="0" occluded="0" keyframe="1" z_order="0">
      <points label="nose" outside="0" occluded="0" keyframe="1" points="140,70"></points>
      <points label="left_eye" outside="0" occluded="0" keyframe="1" points="8,8"></points>
      <attribute name="subject">ann</attribute>
    </skeleton>
    <skeleton frame="6" outside="1" occluded="0" keyframe="1" z_order="0">
      <points label="nose" outside="1" occluded="0" keyframe="1" points="140,70"></points>
      <attribute name="subject">ann</attribute>
    </skeleton>
  </track>
</annotations>
)");
    Status imported = formats::importProject("cvat-video", dir.file("a.xml"), *store);
    ASSERT_TRUE(imported.ok()) << imported.error();
    EXPECT_EQ(segmentSummaries(*store), (std::vector<std::string>{dir.file("a.mp4") + " | ann | 0-14 | action=squat; |  | unreviewed | - | "}));
    const auto frames = allFrames(*store, video);
    ASSERT_EQ(frames.size(), 15u) << "frames 0-14 have a box, 0-5 a pose too";
    for (const SkeletonFrame& f : frames) {
        SCOPED_TRACE("frame " + std::to_string(f.frame));
        ASSERT_TRUE(f.box.has_value());
        const float t = std::min<float>(f.frame, 10) / 10.0f;  // held after the keyframe at 10
        EXPECT_FLOAT_EQ(f.box->x, 20 * t);
        EXPECT_FLOAT_EQ(f.box->y, 10 + 20 * t);
        EXPECT_FLOAT_EQ(f.box->width, 10 + 20 * t);
        EXPECT_FLOAT_EQ(f.box->height, 20 + 40 * t);
        EXPECT_EQ(formats::isBoxOnly(f), f.frame > 5);
    }
    // The nose moves 10 px right and 5 down per frame to frame 4 and holds at 5; the left eye, outside
    // at the first keyframe, is not made up before its own keyframe.
    EXPECT_EQ(frames[2].joints[0], (Joint{120, 60, 1, true}));
    EXPECT_EQ(frames[2].source, PoseSource::Interpolated);
    EXPECT_EQ(frames[2].joints[1], (Joint{0, 0, 0, false}));
    EXPECT_EQ(frames[4].joints[0], (Joint{140, 70, 1, true}));
    EXPECT_EQ(frames[4].source, PoseSource::Imported);
    EXPECT_EQ(frames[5].joints[1], (Joint{8, 8, 1, true}));
}
