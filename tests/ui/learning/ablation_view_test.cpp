// AblationSession + AblationView: the single-task vs multi-task ablation from the window, in the
// background, recorded as an ablation run; its table and bar chart, read back from the record.

#include "core/annotation/project_store.h"
#include "core/train/ablation.h"
#include "learning/learning_fixture.h"
#include "ui/learning/ablation_session.h"
#include "ui/learning/ablation_view.h"
#include "ui_project_fixture.h"

#include <QFile>
#include <QTableWidget>
#include <QTemporaryDir>
#include <qcustomplot.h>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

TEST(AblationView, RunsInTheBackgroundRecordsTheRunAndShowsTheComparison) {
    QTemporaryDir dir;
    const QString path = uitest::copyOfProject(dir);
    {  // the viewpoint's left <-> right pair forgotten: the ablation must say so before it trains
        auto store = annotation::ProjectStore::open(path.toStdString());
        ASSERT_TRUE(store.ok()) << store.error();
        annotation::Taxonomy taxonomy = store.value()->taxonomy();
        for (annotation::TaskValue& value : taxonomy.tasks[1].values) value.mirror.clear();
        ASSERT_EQ(taxonomy.tasks[1].name, "viewpoint");
        ASSERT_TRUE(store.value()->setTaxonomy(taxonomy).ok());
    }
    ProjectDocument document;
    ASSERT_EQ(document.open(path), QString());
    AblationSession session(document);
    AblationView view;
    std::optional<QString> finished;
    QObject::connect(&session, &AblationSession::finished, [&](const QString& message) { finished = message; });
    int progressed = 0;
    QObject::connect(&session, &AblationSession::progressed, [&] { ++progressed; });
    AblationSettings settings;
    settings.config = uitest::tinyTrainingSettings(1).config;
    settings.config.tasks = {"action", "viewpoint"};
    settings.split = QStringLiteral("all");
    settings.seeds = 1;
    settings.folds = 2;
    ASSERT_EQ(session.start(settings), QString());
    view.follow(&session);
    ASSERT_TRUE(uitest::waitUntil([&] { return finished.has_value(); }, 240000));
    ASSERT_EQ(*finished, QString());
    EXPECT_GE(progressed, 1);
    EXPECT_FALSE(view.notesLabel()->isHidden());
    EXPECT_TRUE(view.notesLabel()->text().contains(QStringLiteral("task 'viewpoint'"))) << view.notesLabel()->text().toStdString();
    const train::AblationReport& report = session.report();
    ASSERT_EQ(report.tasks.size(), 2u);
    EXPECT_EQ(report.runs.size(), 6u) << "2 folds x (1 multi-task + 2 single-task)";
    EXPECT_EQ(view.table()->rowCount(), 2);
    EXPECT_EQ(view.chart()->plottableCount(), 4) << "single and multi bars, each with its interval";

    auto recorded = document.store().run(session.runId());
    ASSERT_TRUE(recorded.ok()) << recorded.error();
    EXPECT_EQ(recorded->kind, annotation::RunKind::Ablation);
    EXPECT_EQ(recorded->status, annotation::RunStatus::Finished);
    auto stored = train::ablationReportFromJson(recorded->metricsJson);
    ASSERT_TRUE(stored.ok()) << stored.error();
    EXPECT_EQ(train::ablationToCsv(stored.value()), train::ablationToCsv(report));

    const QString csv = dir.filePath(QStringLiteral("ablation.csv"));
    ASSERT_EQ(view.exportTable(csv), QString());
    QFile file(csv);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll().toStdString(), train::ablationToCsv(report));
}

TEST(AblationView, ASettingThatCannotWorkIsRefused) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    AblationSession session(document);
    AblationSettings settings;
    settings.folds = 1;
    EXPECT_FALSE(session.start(settings).isEmpty());
    EXPECT_FALSE(session.isRunning());
}
