// EvaluationSession + EvaluationView: a trained run evaluated in the background, recorded as an
// evaluation run under it; the table, the confusion matrix whose cells list their segments, the
// ROC curves and F1 bars; a stored evaluation read back; the table exported as CSV.

#include "learning/learning_fixture.h"
#include "ui/learning/evaluation_session.h"
#include "ui/learning/evaluation_view.h"
#include "ui_project_fixture.h"

#include <QComboBox>
#include <QFile>
#include <QListWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <qcustomplot.h>

#include <gtest/gtest.h>

#include <numeric>

using namespace actionlens;
using namespace actionlens::ui;

TEST(EvaluationView, EvaluatesARunRecordsItAndShowsWhereTheModelIsWrong) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    const annotation::TrainingRun trained = uitest::trainOnce(document);
    EvaluationSession session(document);
    std::optional<QString> finished;
    QObject::connect(&session, &EvaluationSession::finished, [&](const QString& message) { finished = message; });
    ASSERT_EQ(session.start(trained, QStringLiteral("all"), QStringLiteral("cpu")), QString());
    ASSERT_TRUE(uitest::waitUntil([&] { return finished.has_value(); }, 120000));
    ASSERT_EQ(*finished, QString());

    const EvaluationResult& result = session.result();
    ASSERT_FALSE(result.tasks.empty());
    EXPECT_GT(result.clips, 0);
    ASSERT_EQ(int(result.clipRefs.size()), result.clips);
    const TaskResult& first = result.tasks.front();
    int total = 0;
    for (const auto& row : first.metrics.confusion) total = std::accumulate(row.begin(), row.end(), total);
    EXPECT_EQ(total, first.metrics.evaluated) << "every labelled clip is in one confusion cell";

    auto recorded = document.store().run(session.recordedRunId());
    ASSERT_TRUE(recorded.ok()) << recorded.error();
    EXPECT_EQ(recorded->kind, annotation::RunKind::Evaluation);
    EXPECT_EQ(recorded->parentId, trained.id);
    EXPECT_EQ(recorded->origin, "window");

    EvaluationView view;
    view.resize(1200, 700);
    view.show();
    view.setResult(result);
    EXPECT_EQ(view.table()->rowCount(), int(result.tasks.size()));
    EXPECT_EQ(view.taskBox()->count(), int(result.tasks.size()));
    EXPECT_EQ(view.confusionPlot()->plottableCount(), 1) << "the heat map";
    EXPECT_GE(view.rocPlot()->plottableCount(), 1) << "a curve per class with positives and negatives";
    EXPECT_EQ(view.f1Plot()->plottableCount(), 1);

    // The fullest cell lists exactly its clips, each a segment to jump to.
    int truth = 0, predicted = 0, most = -1;
    for (int t = 0; t < int(first.metrics.confusion.size()); ++t)
        for (int p = 0; p < int(first.metrics.confusion[size_t(t)].size()); ++p)
            if (first.metrics.confusion[size_t(t)][size_t(p)] > most) most = first.metrics.confusion[size_t(t)][size_t(p)], truth = t, predicted = p;
    view.chooseCell(truth, predicted);
    ASSERT_EQ(view.cellClips()->count(), most);
    std::int64_t chosenVideo = 0;
    QObject::connect(&view, &EvaluationView::segmentChosen, [&](std::int64_t videoId, std::int64_t, std::int64_t) { chosenVideo = videoId; });
    Q_EMIT view.cellClips()->itemDoubleClicked(view.cellClips()->item(0));
    EXPECT_NE(chosenVideo, 0);
    EXPECT_NE(document.video(chosenVideo), nullptr);

    // The recorded evaluation reads back with the same numbers (no per-clip part).
    auto stored = EvaluationResult::fromJson(QByteArray::fromStdString(recorded->metricsJson));
    ASSERT_TRUE(stored.ok()) << stored.error();
    ASSERT_EQ(stored->tasks.size(), result.tasks.size());
    EXPECT_EQ(stored->tasks.front().task, first.task) << "in the model's task order";
    EXPECT_NEAR(stored->tasks.front().metrics.accuracy, first.metrics.accuracy, 1e-9);
    EXPECT_EQ(stored->tasks.front().metrics.confusion, first.metrics.confusion);
    EXPECT_EQ(stored->tasks.front().classNames, first.classNames);
    EXPECT_FALSE(stored->hasClips());

    const QString csv = dir.filePath(QStringLiteral("metrics.csv"));
    ASSERT_EQ(view.exportTable(csv), QString());
    QFile file(csv);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    EXPECT_EQ(lines.size(), qsizetype(result.tasks.size() + 1));
    EXPECT_TRUE(lines[0].startsWith("task,accuracy,"));
    EXPECT_TRUE(lines[1].startsWith(first.task.toUtf8() + ","));
}

TEST(EvaluationView, ADamagedStoredEvaluationIsRefusedWithAReason) {
    EXPECT_FALSE(EvaluationResult::fromJson("[1, 2]").ok());
    auto wrong = EvaluationResult::fromJson(R"({"clips": 1, "tasks": {"action": {"task": "action", "classes": 2,
        "per_class": [{"class": 0, "name": "a"}], "confusion": [[1, 0], [0, 0]]}}})");
    ASSERT_FALSE(wrong.ok());
    EXPECT_NE(wrong.error().find("action"), std::string::npos) << wrong.error();
}
