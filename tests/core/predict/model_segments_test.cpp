#include "core/predict/model_segments.h"

#include "core/annotation/taxonomy_json.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

namespace actionlens::predict {
namespace {

struct Project {
    QTemporaryDir dir;
    std::unique_ptr<annotation::ProjectStore> store;
    std::int64_t first = 0, second = 0, subject = 0;
};

annotation::Segment segment(std::int64_t video, std::int64_t subject, std::int64_t first, std::int64_t last,
                            const std::string& annotator, const std::string& action = "squat") {
    annotation::Segment s;
    s.videoId = video;
    s.subjectId = subject;
    s.firstFrame = first;
    s.lastFrame = last;
    s.labels = {{"action", action}};
    s.annotator = annotator;
    return s;
}

std::unique_ptr<Project> makeProject() {
    auto p = std::make_unique<Project>();
    auto store = annotation::ProjectStore::create(p->dir.filePath("p.alproj").toStdString());
    EXPECT_TRUE(store.ok()) << store.error();
    p->store = std::move(store).value();
    EXPECT_TRUE(p->store->setTaxonomy(annotation::builtinTaxonomy("penn_action").value()).ok());
    for (std::int64_t* id : {&p->first, &p->second}) {
        annotation::Video video;
        video.name = id == &p->first ? "0001" : "0002";
        video.frameCount = 100;
        video.fps = 30;
        *id = p->store->insertVideo(video).value();
    }
    p->subject = p->store->insertSubject(annotation::Subject{0, "alice", {}}).value();
    // A person's segment, another model's, and this model's earlier ones on both videos.
    for (const annotation::Segment& s :
         {segment(p->first, p->subject, 0, 9, "ann"), segment(p->first, p->subject, 10, 19, "model:other.alm"),
          segment(p->first, p->subject, 20, 29, "model:m.alm"), segment(p->first, p->subject, 30, 39, "model:m.alm"),
          segment(p->second, p->subject, 0, 9, "model:m.alm")})
        EXPECT_TRUE(p->store->insertSegment(s).ok());
    return p;
}

// (first frame, annotator) of a video's segments, in frame order.
std::vector<std::pair<std::int64_t, std::string>> segmentsOf(annotation::ProjectStore& store, std::int64_t video) {
    std::vector<std::pair<std::int64_t, std::string>> out;
    for (const annotation::Segment& s : store.segmentsOfVideo(video).value()) out.emplace_back(s.firstFrame, s.annotator);
    std::sort(out.begin(), out.end());
    return out;
}

TEST(ModelSegments, ReplaceOnlyThatModelsSegmentsOfThatVideo) {
    auto p = makeProject();
    ASSERT_TRUE(replaceModelSegments(*p->store, p->first, "model:m.alm",
                                     {segment(p->first, p->subject, 50, 59, "model:m.alm"),
                                      segment(p->first, p->subject, 60, 69, "model:m.alm", "jumping_jacks")})
                    .ok());
    using Row = std::pair<std::int64_t, std::string>;
    EXPECT_EQ(segmentsOf(*p->store, p->first),
              (std::vector<Row>{{0, "ann"}, {10, "model:other.alm"}, {50, "model:m.alm"}, {60, "model:m.alm"}}));
    EXPECT_EQ(segmentsOf(*p->store, p->second), (std::vector<Row>{{0, "model:m.alm"}}));
    // No segments: the model's earlier ones go.
    ASSERT_TRUE(replaceModelSegments(*p->store, p->second, "model:m.alm", {}).ok());
    EXPECT_TRUE(segmentsOf(*p->store, p->second).empty());
}

TEST(ModelSegments, AFailedReplacementChangesNothing) {
    auto p = makeProject();
    const auto before = segmentsOf(*p->store, p->first);
    // The second segment lies past the video's end: the store refuses it, and the removal of
    // the earlier segments and the first insertion are rolled back with it.
    const Status failed = replaceModelSegments(*p->store, p->first, "model:m.alm",
                                               {segment(p->first, p->subject, 50, 59, "model:m.alm"),
                                                segment(p->first, p->subject, 90, 120, "model:m.alm")});
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(segmentsOf(*p->store, p->first), before);

    const Status foreign = replaceModelSegments(*p->store, p->first, "model:m.alm",
                                                {segment(p->first, p->subject, 50, 59, "model:other.alm")});
    ASSERT_FALSE(foreign.ok());
    EXPECT_EQ(foreign.error(), "a segment of video " + std::to_string(p->first) +
                                   " by 'model:other.alm' cannot replace the segments of video " + std::to_string(p->first) +
                                   " by 'model:m.alm'");
    EXPECT_EQ(segmentsOf(*p->store, p->first), before);
}

}  // namespace
}  // namespace actionlens::predict
