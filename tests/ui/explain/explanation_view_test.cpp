// ExplanationView: runs with a model to choose from, the heads of a result (and a second to
// compare with, shown side by side), the strips and curves of the plot, the maps as CSV.

#include "ui/explain/explanation_view.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QTemporaryDir>

#include <qcustomplot.h>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

std::shared_ptr<ExplanationResult> twoHeads() {
    auto r = std::make_shared<ExplanationResult>();
    r->clip.firstFrame = 100;
    r->clip.segmentFrames = 20;
    r->jointNames = {"head", "hand"};
    for (const char* task : {"action", "handedness"}) {
        explain::HeadExplanation head;
        head.taskName = task;
        head.className = "x";
        head.probability = 0.5f;
        explain::StreamExplanation s;
        s.map = explain::ExplanationMap(8, 1, 2);
        for (int t = 0; t < 8; ++t) s.map.at(t, 0, task[0] == 'a' ? 1 : 0) = float(t) / 7.0f;
        s.temporal = explain::temporalImportance(s.map);
        head.streams.push_back(s);
        r->heads.push_back(head);
    }
    return r;
}

annotation::TrainingRun run(std::int64_t id, annotation::RunKind kind, const std::string& checkpoint) {
    annotation::TrainingRun r;
    r.id = id;
    r.name = "run " + std::to_string(id);
    r.kind = kind;
    r.checkpointPath = checkpoint;
    return r;
}

}  // namespace

TEST(ExplanationView, OffersTrainingRunsWithAModelLatestFirst) {
    ExplanationView view;
    view.setRuns({run(1, annotation::RunKind::Training, "a.alm"), run(2, annotation::RunKind::Evaluation, "a.alm"),
                  run(3, annotation::RunKind::Training, ""), run(4, annotation::RunKind::Training, "b.alm")});
    ASSERT_EQ(view.runBox()->count(), 2);
    ASSERT_NE(view.currentRun(), nullptr);
    EXPECT_EQ(view.currentRun()->id, 4);
    view.chooseRun(1);
    EXPECT_EQ(view.currentRun()->id, 1);
    view.setRuns({run(1, annotation::RunKind::Training, "a.alm"), run(5, annotation::RunKind::Training, "c.alm")});
    EXPECT_EQ(view.currentRun()->id, 1) << "the choice survives new runs";
    view.setRuns({});
    EXPECT_EQ(view.currentRun(), nullptr);
    EXPECT_TRUE(view.message().contains(QStringLiteral("train"))) << view.message().toStdString();
}

TEST(ExplanationView, HeadsStripsCurvesAndComparison) {
    ExplanationView view;
    view.resize(1000, 400);
    int restyled = 0, recomputed = 0;
    QObject::connect(&view, &ExplanationView::styleChanged, [&] { ++restyled; });
    QObject::connect(&view, &ExplanationView::requestChanged, [&] { ++recomputed; });
    view.setResult(twoHeads());
    ASSERT_EQ(view.headBox()->count(), 2);
    EXPECT_EQ(view.compareBox()->count(), 3) << "no comparison, or either head";
    EXPECT_EQ(view.head(), 0);
    EXPECT_EQ(view.compareHead(), -1);
    // One heat strip (a colour map) and one curve for the head shown.
    auto countOf = [&](auto* type) {
        int n = 0;
        for (int i = 0; i < view.plot()->plottableCount(); ++i) n += qobject_cast<decltype(type)>(view.plot()->plottable(i)) != nullptr;
        return n;
    };
    EXPECT_EQ(countOf(static_cast<QCPColorMap*>(nullptr)), 1);
    EXPECT_EQ(countOf(static_cast<QCPGraph*>(nullptr)), 1);
    const auto* strip = qobject_cast<QCPColorMap*>(view.plot()->plottable(0));
    ASSERT_NE(strip, nullptr);
    EXPECT_EQ(strip->data()->keySize(), 20) << "a column per source frame";
    EXPECT_EQ(strip->data()->valueSize(), 2) << "a row per joint";
    EXPECT_DOUBLE_EQ(strip->data()->cell(19, 1), 1.0) << "the action head's last frame, the hand";
    EXPECT_DOUBLE_EQ(strip->data()->cell(19, 0), 0.0);

    view.chooseHeads(0, 1);
    EXPECT_GT(restyled, 0);
    EXPECT_EQ(recomputed, 0) << "another head needs no new computation";
    EXPECT_EQ(countOf(static_cast<QCPColorMap*>(nullptr)), 3) << "both heads' strips and their difference";
    EXPECT_EQ(countOf(static_cast<QCPGraph*>(nullptr)), 2);
    const auto* difference = qobject_cast<QCPColorMap*>(view.plot()->plottable(2));
    ASSERT_NE(difference, nullptr);
    EXPECT_DOUBLE_EQ(difference->data()->cell(19, 1), 1.0) << "the action head looks at the hand, the other does not";
    EXPECT_DOUBLE_EQ(difference->data()->cell(19, 0), -1.0);
    view.chooseMethod(explain::ExplanationMethod::Occlusion);
    EXPECT_EQ(recomputed, 1);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("maps.csv"));
    ASSERT_EQ(view.exportMaps(path), QString());
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    ASSERT_EQ(lines.size(), 2 * (1 + 1 + 20)) << "per head: a comment, the header and a row per frame";
    EXPECT_TRUE(lines[0].startsWith("# head action"));
    EXPECT_EQ(lines[1], QByteArray("frame,head,hand"));
    EXPECT_TRUE(lines[2].startsWith("100,"));
    EXPECT_TRUE(lines[22].startsWith("# head handedness"));
}

TEST(ExplanationView, SideBySideShowsTheFrameForBothHeads) {
    ExplanationView view;
    view.resize(1000, 400);
    view.show();
    view.setResult(twoHeads());
    view.setPlayhead(105);
    auto frame = std::make_shared<media::VideoFrame>();
    frame->width = 64;
    frame->height = 48;
    frame->stride = 64 * 3;
    frame->rgb.resize(size_t(frame->stride) * 48, 90);
    view.setPicture(frame);
    EXPECT_FALSE(view.leftPreview()->isVisible()) << "no comparison chosen";
    view.chooseHeads(0, 1);
    EXPECT_TRUE(view.leftPreview()->isVisible());
    EXPECT_FALSE(view.leftPreview()->pixmap().isNull());
    EXPECT_FALSE(view.rightPreview()->pixmap().isNull());
    EXPECT_TRUE(view.rightPreview()->toolTip().contains(QStringLiteral("handedness")));
}
