// PreAnnotateDialog: the form (videos, the newest model, poses first), refusals in the form, and
// a run from Start to the report.

#include "learning/learning_fixture.h"
#include "ui/dialogs/pre_annotate_dialog.h"
#include "ui/learning/pre_annotation_run.h"
#include "ui_project_fixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

TEST(PreAnnotateDialog, WithoutATrainedModelItSaysToTrainOne) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    PreAnnotateDialog dialog(document, {document.videos().front().id});
    EXPECT_EQ(dialog.modelBox()->count(), 0);
    EXPECT_TRUE(dialog.statusLabel()->text().contains(QStringLiteral("train one first"))) << dialog.statusLabel()->text().toStdString();
    EXPECT_FALSE(dialog.startPreAnnotation());
}

TEST(PreAnnotateDialog, TicksPicksTheNewestModelAndReportsEachVideo) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    uitest::trainOnce(document, 2);
    const annotation::TrainingRun newest = uitest::trainOnce(document, 30);
    const std::int64_t first = document.videos().front().id;
    PreAnnotateDialog dialog(document, {first});
    ASSERT_EQ(dialog.modelBox()->count(), 2);
    EXPECT_EQ(dialog.modelBox()->currentData().toLongLong(), newest.id) << "the newest model first";
    EXPECT_EQ(dialog.chosenVideos(), std::vector<std::int64_t>{first});
    // Every rendered video has a person's segments: none is unlabelled.
    dialog.tickUnlabelled();
    EXPECT_TRUE(dialog.chosenVideos().empty());
    EXPECT_FALSE(dialog.startPreAnnotation());
    EXPECT_TRUE(dialog.statusLabel()->text().contains(QStringLiteral("Tick"))) << dialog.statusLabel()->text().toStdString();

    dialog.videoList()->item(0)->setCheckState(Qt::Checked);
    dialog.videoList()->item(1)->setCheckState(Qt::Checked);
    bool finished = false;
    QObject::connect(&dialog.run(), &PreAnnotationRun::finished, [&] { finished = true; });
    ASSERT_TRUE(dialog.startPreAnnotation()) << dialog.statusLabel()->text().toStdString();
    EXPECT_FALSE(dialog.videoList()->isEnabled()) << "the form is locked while it runs";
    ASSERT_TRUE(uitest::waitUntil([&] { return finished; }, 120000));
    EXPECT_TRUE(dialog.videoList()->isEnabled());
    EXPECT_EQ(dialog.report()->document()->blockCount(), 2) << dialog.report()->toPlainText().toStdString();
    EXPECT_EQ(dialog.progressBar()->value(), 1000);
    EXPECT_TRUE(dialog.statusLabel()->text().contains(QStringLiteral("proposal"))) << dialog.statusLabel()->text().toStdString();
}
