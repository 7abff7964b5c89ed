// PoseEstimationDialog: the form's defaults, the missing-models message, a whole run from the
// Tools menu's entry point with its report.

#include "pose_test_support.h"
#include "ui/dialogs/pose_estimation_dialog.h"
#include "ui/document/project_document.h"
#include "ui/window/main_window.h"
#include "ui_project_fixture.h"
#include "ui_test_wait.h"

#include "core/pose/tflite_graph.h"

#include <QComboBox>
#include <QSettings>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens;
using actionlens::ui::PoseEstimationDialog;
using actionlens::ui::ProjectDocument;

namespace {

// Sets an environment variable for one scope.
class ScopedEnvironment {
public:
    ScopedEnvironment(const char* name, const QByteArray& value) : name_(name), had_(qEnvironmentVariableIsSet(name)), old_(qgetenv(name)) {
        qputenv(name, value);
    }
    ~ScopedEnvironment() {
        if (had_)
            qputenv(name_, old_);
        else
            qunsetenv(name_);
    }

private:
    const char* name_;
    bool had_;
    QByteArray old_;
};

}  // namespace

TEST(PoseEstimationDialog, TicksTheChosenVideosAndDefaultsToTheProjectsLayout) {
    QSettings().remove(QStringLiteral("pose/device"));  // no remembered device: the default
    QSettings().remove(QStringLiteral("pose/detector"));
    QSettings().remove(QStringLiteral("pose/tiles"));
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::renderedProject()), QString());
    const std::int64_t second = document.videos()[1].id;
    PoseEstimationDialog dialog(document, {second});
    EXPECT_EQ(dialog.videoList()->count(), 3);
    EXPECT_EQ(dialog.chosenVideos(), std::vector<std::int64_t>{second});
    EXPECT_EQ(dialog.layoutBox()->currentText(), QStringLiteral("Penn-13"));  // the fixture's skeletons
    EXPECT_EQ(dialog.modelBox()->currentData().toString(), QStringLiteral("full"));
    EXPECT_DOUBLE_EQ(dialog.minScoreBox()->value(), 0.5);
    dialog.modelBox()->setCurrentIndex(0);
    dialog.minScoreBox()->setValue(0.7);
    const ui::PoseEstimationRequest request = dialog.request();
    ASSERT_EQ(request.videos.size(), 1u);
    EXPECT_EQ(request.videos.front().videoId, second);
    EXPECT_EQ(request.model, pose::LandmarkModel::Lite);
    EXPECT_FLOAT_EQ(request.minScore, 0.7f);
    EXPECT_EQ(request.layoutName, QStringLiteral("Penn-13"));
    // The device: CUDA offered (and chosen) only where LibTorch can use it.
    EXPECT_EQ(dialog.deviceBox()->findData(QStringLiteral("cuda")) >= 0, pose::cudaAvailable());
    EXPECT_EQ(request.device, pose::cudaAvailable() ? QStringLiteral("cuda") : QStringLiteral("cpu"));
    dialog.deviceBox()->setCurrentIndex(dialog.deviceBox()->findData(QStringLiteral("cpu")));
    EXPECT_EQ(dialog.request().device, QStringLiteral("cpu"));
    // People per frame: one (BlazePose's own graph) unless asked.
    EXPECT_EQ(dialog.peopleBox()->value(), 1);
    EXPECT_EQ(request.maxPeople, 1);
    dialog.peopleBox()->setValue(3);
    EXPECT_EQ(dialog.request().maxPeople, 3);
    // The person detector: BlazePose's own unless the HOG people detector is chosen.
    EXPECT_EQ(request.detector, pose::PersonDetector::BlazePose);
    dialog.detectorBox()->setCurrentIndex(dialog.detectorBox()->findData(int(pose::PersonDetector::Hog)));
    EXPECT_EQ(dialog.request().detector, pose::PersonDetector::Hog);
    EXPECT_FALSE(dialog.tilesBox()->isEnabled()) << "HOG reads the whole frame";
    // Tiles: the whole frame unless asked; Both starts on 2 x 2 tiles.
    EXPECT_EQ(request.tiles, 1);
    dialog.detectorBox()->setCurrentIndex(dialog.detectorBox()->findData(int(pose::PersonDetector::Both)));
    EXPECT_EQ(dialog.request().detector, pose::PersonDetector::Both);
    EXPECT_TRUE(dialog.tilesBox()->isEnabled());
    EXPECT_EQ(dialog.request().tiles, 2);
    dialog.tilesBox()->setValue(3);
    EXPECT_EQ(dialog.request().tiles, 3);

    dialog.videoList()->item(1)->setCheckState(Qt::Unchecked);
    EXPECT_FALSE(dialog.startEstimation());
    EXPECT_TRUE(dialog.statusLabel()->text().contains(QStringLiteral("Tick at least one video")));
}

TEST(PoseEstimationDialog, MissingModelsAreSaidUpFrontNamingTheInstallScript) {
    QTemporaryDir empty;
    ScopedEnvironment models("ACTIONLENS_POSE_MODELS", empty.path().toLocal8Bit());
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::renderedProject()), QString());
    PoseEstimationDialog dialog(document, {document.videos()[0].id});
    EXPECT_FALSE(dialog.startEstimation());
    EXPECT_FALSE(dialog.run().isRunning());
    const QString message = dialog.statusLabel()->text();
    EXPECT_TRUE(message.contains(QStringLiteral("packaging/install-pose-models.sh"))) << message.toStdString();
    EXPECT_TRUE(message.contains(empty.path())) << message.toStdString();
}

TEST(PoseEstimationDialog, TheToolsMenuRunsItAndTheReportListsEachVideo) {
    ACTIONLENS_REQUIRE_LITE_POSE_MODEL();
    QTemporaryDir dir;
    std::int64_t video = 0;
    const QString project = uitest::astronautProject(dir.path(), &video);
    ui::MainWindow window;
    ASSERT_EQ(window.openProject(project), QString());
    QAction* estimate = nullptr;
    for (QAction* menu : window.menuBar()->actions()) {
        if (!menu->menu()) continue;
        for (QAction* action : menu->menu()->actions())
            if (action->text() == QStringLiteral("Estimate &poses...")) estimate = action;
    }
    ASSERT_NE(estimate, nullptr);
    estimate->trigger();
    auto* dialog = window.findChild<PoseEstimationDialog*>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->chosenVideos(), std::vector<std::int64_t>{video});  // the current video
    EXPECT_EQ(dialog->layoutBox()->currentText(), QStringLiteral("COCO-17"));
    dialog->modelBox()->setCurrentIndex(0);  // lite: the fastest
    ASSERT_TRUE(dialog->startEstimation()) << dialog->statusLabel()->text().toStdString();
    ASSERT_TRUE(uitest::waitUntil([&] { return !dialog->run().isRunning(); }, 120000));
    EXPECT_TRUE(dialog->report()->toPlainText().contains(QStringLiteral("stored 3 skeleton frames"))) << dialog->report()->toPlainText().toStdString();
    EXPECT_TRUE(dialog->statusLabel()->text().contains(QStringLiteral("1 videos stored, 0 failed")));
    EXPECT_EQ(window.document().skeletonPresence().size(), 3u);  // the open video's overlays and lane
}

TEST(PoseEstimationDialog, CancelWhileRunningStopsTheRunKeepsTheDialogAndReportsIt) {
    ACTIONLENS_REQUIRE_LITE_POSE_MODEL();
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    const auto before = document.store().counts();
    ASSERT_TRUE(before.ok());
    PoseEstimationDialog dialog(document, {document.videos()[0].id});
    dialog.show();
    dialog.modelBox()->setCurrentIndex(0);
    bool cancelled = false;
    QObject::connect(&dialog.run(), &ui::PoseEstimationRun::progress, &dialog, [&] {
        if (cancelled) return;
        cancelled = true;
        dialog.reject();  // the Cancel button / Escape while running
        EXPECT_TRUE(dialog.isVisible());
    });
    ASSERT_TRUE(dialog.startEstimation());
    ASSERT_TRUE(uitest::waitUntil([&] { return !dialog.run().isRunning(); }, 120000));
    EXPECT_TRUE(cancelled);
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_TRUE(dialog.report()->toPlainText().contains(QStringLiteral("cancelled, nothing stored"))) << dialog.report()->toPlainText().toStdString();
    EXPECT_TRUE(dialog.statusLabel()->text().startsWith(QStringLiteral("Cancelled")));
    auto after = document.store().counts();
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->skeletonFrames, before->skeletonFrames);
    dialog.reject();  // now it closes
    EXPECT_FALSE(dialog.isVisible());
}
