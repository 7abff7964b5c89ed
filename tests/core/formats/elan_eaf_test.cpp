#include "core/formats/elan_eaf.h"

#include "core/annotation/group_only_label.h"
#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"
#include "core/formats/eaf_document.h"
#include "core/formats/format_registry.h"
#include "tests/core/formats/formats_fixtures.h"

#include <QFile>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

using namespace actionlens;
using namespace actionlens::annotation;
using namespace actionlens::fixtures;

namespace {

// Penn Action whose gym exercises may stand alone.
// A video with a file at 29.97 fps and a skeleton-only one; segments of two annotators for one
// subject (one pair overlapping), a group-only one, one without a subject, one ending on the
// video's last frame, and a model's prediction, which the export leaves out.
std::unique_ptr<ProjectStore> elanSource(const TempDir& dir) {
    auto store = newProject(dir, "source.alproj");
    if (!store) return nullptr;
    EXPECT_TRUE(store->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    const std::int64_t a = store->insertVideo(Video{0, dir.file("clip a.mp4"), 1, 29.97, 300, 64, 48, "", "", {}}).value();
    const std::int64_t b = store->insertVideo(Video{0, "", 0, 30.0, 100, 0, 0, "", "0002", {}}).value();
    const std::int64_t alice = store->insertSubject(Subject{0, "alice", {}}).value();
    const std::int64_t bob = store->insertSubject(Subject{0, "Bob & \"Co\"", {}}).value();
    for (const Segment& s : {segment(a, alice, 0, 24, {{"action", "squat"}, {"viewpoint", "front"}}, "ann"),
                             segment(a, alice, 20, 30, {{"action", "bowl"}}, "ann"),             // overlaps: a lane of its own
                             segment(a, alice, 25, 40, {{"viewpoint", "back"}}, "second ann"),  // no action
                             segment(a, bob, 1, 1, {{kGroupOnlyLabelKey, "gym exercise"}}, ""),
                             segment(a, 0, 100, 150, {{"action", "golf_swing"}}, "ann"),
                             segment(a, bob, 290, 299, {{"action", "jump_rope"}, {"viewpoint", "left"}}, "ann"),
                             segment(a, alice, 50, 60, {{"action", "bowl"}}, "model:run 1.alm"),
                             segment(b, bob, 3, 5, {{"action", "pullup"}}, "ann")}) {
        auto id = store->insertSegment(s);
        EXPECT_TRUE(id.ok()) << id.error();
    }
    return store;
}

std::vector<std::string> peoplesSegments(ProjectStore& store) {
    std::vector<std::string> lines = segmentSummaries(store);
    lines.erase(std::remove_if(lines.begin(), lines.end(), [](const std::string& l) { return l.find("model:") != std::string::npos; }),
                lines.end());
    return lines;
}

std::string readText(const std::string& path) { return readFileBytes(path); }

// The 1-based line of the first `needle` in `text`.
int lineOf(const std::string& text, const std::string& needle) {
    const size_t at = text.find(needle);
    EXPECT_NE(at, std::string::npos) << needle;
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

}  // namespace

TEST(ElanEaf, ExportedFilesImportBackToTheSameSegments) {
    TempDir dir;
    auto source = elanSource(dir);
    ASSERT_TRUE(source);
    const std::string folder = dir.file("eaf");
    Status exported = formats::exportProject("elan", *source, folder);
    ASSERT_TRUE(exported.ok()) << exported.error();
    ASSERT_TRUE(std::filesystem::is_regular_file(folder + "/clip a.eaf"));
    ASSERT_TRUE(std::filesystem::is_regular_file(folder + "/0002.eaf"));

    auto target = emptyProjectLike(*source, dir, "target.alproj");
    ASSERT_TRUE(target);
    std::vector<std::string> warnings;
    formats::ImportOptions options;
    options.warning = [&](const std::string& w) { warnings.push_back(w); };
    Status imported = formats::importProject("elan", folder, *target, options);
    ASSERT_TRUE(imported.ok()) << imported.error();
    EXPECT_TRUE(warnings.empty()) << warnings.front();
    const std::vector<std::string> expected = peoplesSegments(*source);
    ASSERT_EQ(expected.size(), 7u);
    EXPECT_EQ(segmentSummaries(*target), expected);
    EXPECT_EQ(subjectNames(*target).size(), 2u);
}

TEST(ElanEaf, OneVideoIsOneFileThatElanReadsAsEaf30) {
    TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    const std::int64_t video = store->insertVideo(Video{0, dir.file("videos/walk.mov"), 1, 25.0, 100, 0, 0, "", "", {}}).value();
    const std::int64_t subject = store->insertSubject(Subject{0, "alice", {}}).value();
    ASSERT_TRUE(store->insertSegment(segment(video, subject, 10, 19, {{"action", "squat"}, {"viewpoint", "front"}}, "ann")).ok());
    const std::string out = dir.file("walk.eaf");
    Status exported = formats::exportProject("elan", *store, out);
    ASSERT_TRUE(exported.ok()) << exported.error();
    const std::string text = readText(out);

    QXmlStreamReader xml(QByteArray::fromStdString(text));
    ASSERT_TRUE(xml.readNextStartElement());
    EXPECT_EQ(xml.name().toString(), QStringLiteral("ANNOTATION_DOCUMENT"));
    EXPECT_EQ(xml.attributes().value(QStringLiteral("VERSION")).toString(), QStringLiteral("3.0"));
    EXPECT_EQ(xml.attributes().value(QStringLiteral("FORMAT")).toString(), QStringLiteral("3.0"));
    EXPECT_EQ(xml.attributes().value(QStringLiteral("xsi:noNamespaceSchemaLocation")).toString(),
              QStringLiteral("http://www.mpi.nl/tools/elan/EAFv3.0.xsd"));
    EXPECT_TRUE(xml.attributes().hasAttribute(QStringLiteral("AUTHOR")));
    EXPECT_FALSE(xml.attributes().value(QStringLiteral("DATE")).isEmpty());
    // Top-level elements in the schema's order.
    std::vector<std::string> order;
    while (xml.readNextStartElement()) {
        if (order.empty() || order.back() != xml.name().toString().toStdString()) order.push_back(xml.name().toString().toStdString());
        xml.skipCurrentElement();
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_EQ(order, (std::vector<std::string>{"HEADER", "TIME_ORDER", "TIER", "LINGUISTIC_TYPE", "LANGUAGE", "CONSTRAINT",
                                               "CONTROLLED_VOCABULARY"}));
    // 25 fps: frame 10 starts at 400 ms, the end of frame 19 is 800 ms.
    EXPECT_NE(text.find("TIME_UNITS=\"milliseconds\""), std::string::npos);
    EXPECT_NE(text.find("RELATIVE_MEDIA_URL=\"./videos/walk.mov\""), std::string::npos) << text;
    EXPECT_NE(text.find("MIME_TYPE=\"video/quicktime\""), std::string::npos);
    EXPECT_NE(text.find("<TIME_SLOT TIME_SLOT_ID=\"ts1\" TIME_VALUE=\"400\"/>"), std::string::npos) << text;
    EXPECT_NE(text.find("<TIME_SLOT TIME_SLOT_ID=\"ts2\" TIME_VALUE=\"800\"/>"), std::string::npos);
    EXPECT_NE(text.find("<TIER ANNOTATOR=\"ann\" LINGUISTIC_TYPE_REF=\"action\" PARTICIPANT=\"alice\" TIER_ID=\"alice\">"), std::string::npos);
    EXPECT_NE(text.find("LINGUISTIC_TYPE_REF=\"viewpoint\" PARENT_REF=\"alice\" PARTICIPANT=\"alice\" TIER_ID=\"alice/viewpoint\""),
              std::string::npos);
    EXPECT_NE(text.find("<PROPERTY NAME=\"lastUsedAnnotationId\">2</PROPERTY>"), std::string::npos);
    EXPECT_NE(text.find("<CVE_VALUE DESCRIPTION=\"\" LANG_REF=\"und\">squat</CVE_VALUE>"), std::string::npos);
    EXPECT_NE(text.find("<CVE_VALUE DESCRIPTION=\"\" LANG_REF=\"und\">gym exercise</CVE_VALUE>"), std::string::npos)
        << "a group that may stand alone is in the action vocabulary";
    EXPECT_EQ(text.find("<CVE_VALUE DESCRIPTION=\"\" LANG_REF=\"und\">swing / throw</CVE_VALUE>"), std::string::npos);
}

TEST(ElanEaf, ReadsTiersAsElanUsersMakeThem) {
    TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    ASSERT_TRUE(store->insertVideo(Video{0, dir.file("clip a.mp4"), 1, 25.0, 300, 0, 0, "", "", {}}).ok());
    // Tiers named "<subject>" and "<subject>/<task>" with ELAN's default type, a participant's tier
    // in another language mapped through its vocabulary (by CVE_REF and by value), a reference tier
    // of a task, a comment tier naming no task, an empty tier, media on another machine.
    writeFileBytes(dir.file("session.eaf"), R"eaf(<?xml version="1.0" encoding="UTF-8"?>
<ANNOTATION_DOCUMENT AUTHOR="ann" DATE="2024-03-01T10:00:00+01:00" FORMAT="3.0" VERSION="3.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.mpi.nl/tools/elan/EAFv3.0.xsd">
    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">
        <MEDIA_DESCRIPTOR MEDIA_URL="file:///C:/Users/ann/videos/clip%20a.mp4" MIME_TYPE="video/mp4" RELATIVE_MEDIA_URL="../videos/clip%20a.mp4"/>
        <MEDIA_DESCRIPTOR EXTRACTED_FROM="file:///C:/Users/ann/videos/clip%20a.mp4" MEDIA_URL="file:///C:/Users/ann/videos/clip_a.wav" MIME_TYPE="audio/x-wav"/>
        <PROPERTY NAME="lastUsedAnnotationId">6</PROPERTY>
    </HEADER>
    <TIME_ORDER>
        <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="0"/>
        <TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="0"/>
        <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="1000"/>
        <TIME_SLOT TIME_SLOT_ID="ts4" TIME_VALUE="1000"/>
        <TIME_SLOT TIME_SLOT_ID="ts5" TIME_VALUE="2000"/>
        <TIME_SLOT TIME_SLOT_ID="ts6" TIME_VALUE="3500"/>
        <TIME_SLOT TIME_SLOT_ID="ts7" TIME_VALUE="4000"/>
    </TIME_ORDER>
    <TIER ANNOTATOR="ann" LINGUISTIC_TYPE_REF="default-lt" TIER_ID="alice">
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts3">
                <ANNOTATION_VALUE>squat</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="default-lt" TIER_ID="alice/viewpoint">
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts2" TIME_SLOT_REF2="ts4">
                <ANNOTATION_VALUE>front</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="gesture" PARTICIPANT="bob" TIER_ID="Speaker B">
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a3" TIME_SLOT_REF1="ts5" TIME_SLOT_REF2="ts6">
                <ANNOTATION_VALUE>Kniebeuge</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a4" CVE_REF="cve_bench" TIME_SLOT_REF1="ts6" TIME_SLOT_REF2="ts7">
                <ANNOTATION_VALUE>Bankdruecken</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="comment" PARENT_REF="Speaker B" PARTICIPANT="bob" TIER_ID="notes">
        <ANNOTATION>
            <REF_ANNOTATION ANNOTATION_ID="a5" ANNOTATION_REF="a3">
                <ANNOTATION_VALUE>looks tired</ANNOTATION_VALUE>
            </REF_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="viewpoint" PARENT_REF="Speaker B" PARTICIPANT="bob" TIER_ID="Speaker B view">
        <ANNOTATION>
            <REF_ANNOTATION ANNOTATION_ID="a6" ANNOTATION_REF="a3">
                <ANNOTATION_VALUE>back</ANNOTATION_VALUE>
            </REF_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="default-lt" TIER_ID="carol"/>
    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="default-lt" TIME_ALIGNABLE="true"/>
    <LINGUISTIC_TYPE CONTROLLED_VOCABULARY_REF="gestures" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="gesture" TIME_ALIGNABLE="true"/>
    <LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Association" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="comment" TIME_ALIGNABLE="false"/>
    <LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Association" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="viewpoint" TIME_ALIGNABLE="false"/>
    <LANGUAGE LANG_DEF="http://cdb.iso.org/lg/CDB-00138502-001" LANG_ID="deu" LANG_LABEL="German (deu)"/>
    <LANGUAGE LANG_DEF="http://cdb.iso.org/lg/CDB-00130975-001" LANG_ID="eng" LANG_LABEL="English (eng)"/>
    <CONSTRAINT DESCRIPTION="1-1 association with a parent annotation" STEREOTYPE="Symbolic_Association"/>
    <CONTROLLED_VOCABULARY CV_ID="gestures">
        <DESCRIPTION LANG_REF="eng"/>
        <CV_ENTRY_ML CVE_ID="cve_squat">
            <CVE_VALUE DESCRIPTION="" LANG_REF="deu">Kniebeuge</CVE_VALUE>
            <CVE_VALUE DESCRIPTION="" LANG_REF="eng">squat</CVE_VALUE>
        </CV_ENTRY_ML>
        <CV_ENTRY_ML CVE_ID="cve_bench">
            <CVE_VALUE DESCRIPTION="" LANG_REF="deu">Bankdrücken</CVE_VALUE>
            <CVE_VALUE DESCRIPTION="" LANG_REF="eng">bench_press</CVE_VALUE>
        </CV_ENTRY_ML>
    </CONTROLLED_VOCABULARY>
</ANNOTATION_DOCUMENT>
)eaf");
    std::vector<std::string> warnings;
    formats::ImportOptions options;
    options.warning = [&](const std::string& w) { warnings.push_back(w); };
    Status imported = formats::importProject("elan", dir.file("session.eaf"), *store, options);
    ASSERT_TRUE(imported.ok()) << imported.error();
    const std::string video = dir.file("clip a.mp4");
    EXPECT_EQ(segmentSummaries(*store), (std::vector<std::string>{
                                            video + " | alice | 0-24 | action=squat;viewpoint=front; | ann | unreviewed | - | ",
                                            video + " | bob | 50-86 | action=squat;viewpoint=back; |  | unreviewed | - | ",
                                            video + " | bob | 87-99 | action=bench_press; |  | unreviewed | - | ",
                                        }));
    EXPECT_EQ(subjectNames(*store).size(), 2u) << "an empty tier adds no subject";
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0], "session.eaf line " + std::to_string(lineOf(readText(dir.file("session.eaf")), "TIER_ID=\"notes\"")) +
                               ": tier 'notes' skipped: neither its type nor its name names a task of the taxonomy");
}

TEST(ElanEaf, ReadsEaf27VocabulariesAndCutsAnEndPastTheVideo) {
    TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    ASSERT_TRUE(store->insertVideo(Video{0, "", 0, 25.0, 300, 0, 0, "", "0002", {}}).ok());
    writeFileBytes(dir.file("old.eaf"), R"eaf(<?xml version="1.0" encoding="UTF-8"?>
<ANNOTATION_DOCUMENT AUTHOR="" DATE="2012-05-01T10:00:00+01:00" FORMAT="2.7" VERSION="2.7" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.mpi.nl/tools/elan/EAFv2.7.xsd">
    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">
        <MEDIA_DESCRIPTOR MEDIA_URL="file:///data/0002.avi" MIME_TYPE="video/*"/>
    </HEADER>
    <TIME_ORDER>
        <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="11000"/>
        <TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="20000"/>
    </TIME_ORDER>
    <TIER DEFAULT_LOCALE="en" LINGUISTIC_TYPE_REF="moves" PARTICIPANT="dan" TIER_ID="K-Spch">
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
                <ANNOTATION_VALUE>jump rope</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <LINGUISTIC_TYPE CONTROLLED_VOCABULARY_REF="moves" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="moves" TIME_ALIGNABLE="true"/>
    <LOCALE COUNTRY_CODE="US" LANGUAGE_CODE="en"/>
    <CONTROLLED_VOCABULARY CV_ID="moves" DESCRIPTION="moves">
        <CV_ENTRY DESCRIPTION="skipping">jump rope</CV_ENTRY>
        <CV_ENTRY DESCRIPTION="jump_rope">jump_rope</CV_ENTRY>
    </CONTROLLED_VOCABULARY>
</ANNOTATION_DOCUMENT>
)eaf");
    std::vector<std::string> warnings;
    formats::ImportOptions options;
    options.warning = [&](const std::string& w) { warnings.push_back(w); };
    // EAF 2.7 entries hold one value each, so "jump rope" maps to nothing the task has.
    Status imported = formats::importProject("elan", dir.file("old.eaf"), *store, options);
    ASSERT_FALSE(imported.ok());
    EXPECT_EQ(imported.error(), "old.eaf line 12: tier 'K-Spch', annotation a1: 'jump rope' is not a value of task 'action'");

    std::string text = readText(dir.file("old.eaf"));
    text.replace(text.find(">jump rope</ANNOTATION_VALUE>"), 10, ">jump_rope");
    writeFileBytes(dir.file("old.eaf"), text);
    warnings.clear();
    imported = formats::importProject("elan", dir.file("old.eaf"), *store, options);
    ASSERT_TRUE(imported.ok()) << imported.error();
    EXPECT_EQ(segmentSummaries(*store), (std::vector<std::string>{"0002 | dan | 275-299 | action=jump_rope; |  | unreviewed | - | "}));
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0], "old.eaf line 12: tier 'K-Spch', annotation a1 ends past the video; cut at its last frame 299");
}

namespace {

// A small valid file whose parts the malformed variants replace.
const char* kMinimalEaf = R"eaf(<?xml version="1.0" encoding="UTF-8"?>
<ANNOTATION_DOCUMENT AUTHOR="" DATE="2024-03-01T10:00:00Z" FORMAT="3.0" VERSION="3.0">
    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">
        <MEDIA_DESCRIPTOR MEDIA_URL="file:///home/ann/clip%20a.mp4" MIME_TYPE="video/mp4"/>
    </HEADER>
    <TIME_ORDER>
        <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="400"/>
        <TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="800"/>
    </TIME_ORDER>
    <TIER LINGUISTIC_TYPE_REF="default-lt" TIER_ID="alice">
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
                <ANNOTATION_VALUE>squat</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="viewpoint" PARENT_REF="alice" TIER_ID="alice/viewpoint">
        <ANNOTATION>
            <REF_ANNOTATION ANNOTATION_ID="a2" ANNOTATION_REF="a1">
                <ANNOTATION_VALUE>front</ANNOTATION_VALUE>
            </REF_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="default-lt" TIME_ALIGNABLE="true"/>
</ANNOTATION_DOCUMENT>
)eaf";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

}  // namespace

TEST(ElanEaf, MalformedFilesNameFileAndPlaceAndChangeNothing) {
    TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    Taxonomy taxonomy = pennTaxonomyWithGroupOnlyGym();
    TaskDefinition handedness;
    handedness.name = "handedness";
    handedness.scope = TaskScope::Subject;
    handedness.values = {TaskValue{"left", "", "", "", ""}};
    taxonomy.tasks.push_back(handedness);
    ASSERT_TRUE(store->setTaxonomy(taxonomy).ok());
    ASSERT_TRUE(store->insertVideo(Video{0, dir.file("clip a.mp4"), 1, 25.0, 300, 0, 0, "", "", {}}).ok());

    // The minimal file imports, so each failure below is the variant's.
    writeFileBytes(dir.file("good.eaf"), kMinimalEaf);
    {
        auto scratch = emptyProjectLike(*store, dir, "scratch.alproj");
        ASSERT_TRUE(scratch);
        Status ok = formats::importProject("elan", dir.file("good.eaf"), *scratch);
        ASSERT_TRUE(ok.ok()) << ok.error();
        EXPECT_EQ(segmentSummaries(*scratch),
                  (std::vector<std::string>{dir.file("clip a.mp4") + " | alice | 10-19 | action=squat;viewpoint=front; |  | unreviewed | - | "}));
    }

    const std::string minimal = kMinimalEaf;
    const int annotationLine = lineOf(minimal, "ANNOTATION_ID=\"a1\"");
    const std::vector<std::pair<std::string, std::string>> cases = {
        {replaced(minimal, "</TIER>", "</TIR>"), "bad.eaf line " + std::to_string(lineOf(minimal, "</TIER>")) + ", column"},
        {replaced(minimal, "TIME_SLOT_REF2=\"ts2\"", "TIME_SLOT_REF2=\"ts9\""),
         "bad.eaf line " + std::to_string(annotationLine) + ": tier 'alice', annotation a1: time slot ts9 is not in TIME_ORDER"},
        {replaced(minimal, ">squat<", ">moonwalk<"),
         "bad.eaf line " + std::to_string(annotationLine) + ": tier 'alice', annotation a1: 'moonwalk' is not a value of task 'action'"},
        {replaced(minimal, ">front<", ">sideways<"),
         "bad.eaf line " + std::to_string(lineOf(minimal, "ANNOTATION_ID=\"a2\"")) +
             ": tier 'alice/viewpoint', annotation a2: 'sideways' is not a value of task 'viewpoint'"},
        {replaced(minimal, "clip%20a.mp4", "other.mp4"),
         "bad.eaf line " + std::to_string(lineOf(minimal, "<MEDIA_DESCRIPTOR")) + ": the media 'other.mp4' is not one of the project's videos"},
        {replaced(minimal, "TIME_VALUE=\"800\"", "TIME_VALUE=\"300\""),
         "bad.eaf line " + std::to_string(annotationLine) + ": tier 'alice', annotation a1: ends at 300 ms, not after its start at 400 ms"},
        {replaced(minimal, "TIME_VALUE=\"800\"", "TIME_VALUE=\"8.5\""),
         "bad.eaf line " + std::to_string(lineOf(minimal, "\"ts2\"")) + ": time slot ts2 has TIME_VALUE '8.5', expected whole milliseconds"},
        {replaced(minimal, " TIME_VALUE=\"800\"", ""),
         "bad.eaf line " + std::to_string(annotationLine) + ": tier 'alice', annotation a1: time slot ts2 has no TIME_VALUE"},
        {replaced(replaced(minimal, "TIME_VALUE=\"800\"", "TIME_VALUE=\"13000\""), "TIME_VALUE=\"400\"", "TIME_VALUE=\"12000\""),
         "bad.eaf line " + std::to_string(annotationLine) + ": tier 'alice', annotation a1: starts at 12000 ms (frame 300), past the video's last frame 299"},
        {replaced(minimal, "ANNOTATION_REF=\"a1\"", "ANNOTATION_REF=\"a7\""),
         "bad.eaf line " + std::to_string(lineOf(minimal, "ANNOTATION_ID=\"a2\"")) +
             ": tier 'alice/viewpoint', annotation a2: refers to annotation a7, which the file does not have"},
        {replaced(minimal, "ANNOTATION_ID=\"a2\"", "ANNOTATION_ID=\"a1\""),
         "bad.eaf line " + std::to_string(lineOf(minimal, "ANNOTATION_ID=\"a2\"")) + ": annotation id a1 is used twice"},
        {replaced(minimal, "LINGUISTIC_TYPE_REF=\"viewpoint\" PARENT_REF=\"alice\" TIER_ID=\"alice/viewpoint\"",
                  "LINGUISTIC_TYPE_REF=\"handedness\" PARENT_REF=\"alice\" TIER_ID=\"alice/handedness\""),
         "bad.eaf line " + std::to_string(lineOf(minimal, "TIER_ID=\"alice/viewpoint\"")) +
             ": tier 'alice/handedness': task 'handedness' is labelled per subject"},
        {replaced(minimal, "<ANNOTATION_DOCUMENT", "<TextGrid"), "bad.eaf line 2: expected an ELAN document (ANNOTATION_DOCUMENT), found <TextGrid>"},
        {replaced(minimal, "TIME_UNITS=\"milliseconds\"", "TIME_UNITS=\"NTSC-frames\""),
         "bad.eaf line 3: TIME_UNITS is 'NTSC-frames'; ELAN files count in milliseconds"},
    };
    for (const auto& [text, message] : cases) {
        SCOPED_TRACE(message);
        writeFileBytes(dir.file("bad.eaf"), text);
        const auto before = store->counts().value();
        Status imported = formats::importProject("elan", dir.file("bad.eaf"), *store);
        ASSERT_FALSE(imported.ok());
        EXPECT_EQ(imported.error().rfind(message, 0), 0u) << imported.error();
        expectCountsUnchanged(*store, before);
    }

    // A folder is all or nothing: a good file before a bad one leaves nothing either.
    std::filesystem::create_directories(dir.file("session"));
    writeFileBytes(dir.file("session/1 good.eaf"), kMinimalEaf);
    writeFileBytes(dir.file("session/2 bad.eaf"), replaced(minimal, ">squat<", ">moonwalk<"));
    Status imported = formats::importProject("elan", dir.file("session"), *store);
    ASSERT_FALSE(imported.ok());
    EXPECT_EQ(imported.error().rfind("2 bad.eaf line ", 0), 0u) << imported.error();
    EXPECT_EQ(store->counts().value().segments, 0);
    EXPECT_EQ(store->counts().value().subjects, 0);
}

TEST(ElanEaf, AProjectWithoutATaxonomyIsToldToGetOne) {
    TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->insertVideo(Video{0, dir.file("clip a.mp4"), 1, 25.0, 300, 0, 0, "", "", {}}).ok());
    writeFileBytes(dir.file("good.eaf"), kMinimalEaf);
    Status imported = formats::importProject("elan", dir.file("good.eaf"), *store);
    ASSERT_FALSE(imported.ok());
    EXPECT_EQ(imported.error(), "the project has no taxonomy with an action task, so the tiers' values mean nothing yet; give it a taxonomy first");
}

TEST(ElanEaf, AnExportWithoutFrameRatesOrVideosSaysWhy) {
    TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    Status exported = formats::exportProject("elan", *store, dir.file("none.eaf"));
    ASSERT_FALSE(exported.ok());
    EXPECT_EQ(exported.error(), "the project has no videos to export");
    const std::int64_t video = store->insertVideo(Video{0, "", 0, 0.0, 0, 0, 0, "", "poses", {}}).value();
    ASSERT_TRUE(store->insertSegment(segment(video, 0, 0, 9, {{"action", "squat"}}, "")).ok());
    exported = formats::exportProject("elan", *store, dir.file("poses.eaf"));
    ASSERT_FALSE(exported.ok());
    EXPECT_EQ(exported.error(), "video 'poses' has no frame rate, so its segments have no times for ELAN");
    EXPECT_FALSE(std::filesystem::exists(dir.file("poses.eaf")));
}
