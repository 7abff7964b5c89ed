// FormatTransferDialog + FormatTransferWorker: File > Import / Export through the worker thread.

#include "ui/dialogs/format_transfer_dialog.h"

#include "core/annotation/taxonomy_json.h"
#include "core/formats/format_registry.h"
#include "native_import_fixture.h"
#include "ui/commands/add_subject_command.h"
#include "ui/document/project_document.h"
#include "ui_test_wait.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

void choose(FormatTransferDialog& dialog, const QString& format, const QString& path) {
    const int index = dialog.formatBox()->findData(format);
    ASSERT_GE(index, 0) << format.toStdString();
    dialog.formatBox()->setCurrentIndex(index);
    dialog.pathEdit()->setText(path);
}

bool runToEnd(FormatTransferDialog& dialog) { return uitest::waitUntil([&] { return !dialog.isRunning(); }); }

}  // namespace

TEST(FormatTransferDialog, OffersEveryFormatOfItsDirection) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.create(dir.filePath(QStringLiteral("p.alproj"))), QString());
    FormatTransferDialog importing(document, TransferDirection::Import);
    FormatTransferDialog exporting(document, TransferDirection::Export);
    int importers = 0, exporters = 0;
    for (const formats::FormatHandler& handler : formats::formatHandlers()) {
        const QString name = QString::fromStdString(handler.name);
        EXPECT_EQ(importing.formatBox()->findData(name) >= 0, bool(handler.importer)) << handler.name;
        EXPECT_EQ(exporting.formatBox()->findData(name) >= 0, bool(handler.exporter)) << handler.name;
        importers += handler.importer ? 1 : 0;
        exporters += handler.exporter ? 1 : 0;
    }
    EXPECT_EQ(importing.formatBox()->count(), importers);
    EXPECT_EQ(exporting.formatBox()->count(), exporters);
}

TEST(FormatTransferDialog, ImportsAFileThroughTheWorkerIntoTheStore) {
    QTemporaryDir dir;
    const QString json = uitest::writeNativeImportFile(dir);
    ProjectDocument document;
    ASSERT_EQ(document.create(dir.filePath(QStringLiteral("target.alproj"))), QString());
    ASSERT_TRUE(document.store().setTaxonomy(annotation::builtinTaxonomy("penn_action").value()).ok());
    QString error;
    ASSERT_NE(AddSubjectCommand::run(document, annotation::Subject{0, "carol", {}}, &error), 0) << error.toStdString();
    ASSERT_EQ(document.undoStack().count(), 1);

    FormatTransferDialog dialog(document, TransferDirection::Import);
    choose(dialog, QStringLiteral("native"), json);
    bool finishedSignal = false;
    QObject::connect(&dialog, &FormatTransferDialog::transferFinished, [&](const FormatTransferResult&) { finishedSignal = true; });
    ASSERT_TRUE(dialog.start(false));
    EXPECT_TRUE(dialog.isRunning());
    ASSERT_TRUE(runToEnd(dialog));
    EXPECT_TRUE(finishedSignal);
    ASSERT_TRUE(dialog.lastResult().ok) << dialog.lastResult().message.toStdString();

    const auto counts = document.store().counts().value();
    EXPECT_EQ(counts.videos, 1);
    EXPECT_EQ(counts.subjects, 3);  // carol + alice + bob
    EXPECT_EQ(counts.segments, 3);
    EXPECT_EQ(counts.skeletonFrames, 30);
    // The document's caches were reloaded, and the import is one more step of the history
    // (import_command_test.cpp undoes it).
    ASSERT_EQ(document.videos().size(), 1u);
    EXPECT_EQ(document.videos().front().name, "walk-0001");
    EXPECT_EQ(document.subjects().size(), 3u);
    EXPECT_EQ(document.undoStack().count(), 2);
    EXPECT_TRUE(dialog.statusLabel()->text().startsWith(QStringLiteral("Imported"))) << dialog.statusLabel()->text().toStdString();
}

TEST(FormatTransferDialog, AnImportCanGoToOneAnnotatorsLayer) {
    QTemporaryDir dir;
    const QString json = uitest::writeNativeImportFile(dir);
    ProjectDocument document;
    ASSERT_EQ(document.create(dir.filePath(QStringLiteral("target.alproj"))), QString());
    ASSERT_TRUE(document.store().setTaxonomy(annotation::builtinTaxonomy("penn_action").value()).ok());
    FormatTransferDialog dialog(document, TransferDirection::Import);
    choose(dialog, QStringLiteral("native"), json);
    ASSERT_NE(dialog.annotatorEdit(), nullptr);
    dialog.annotatorEdit()->setText(QStringLiteral(" bob "));
    ASSERT_TRUE(dialog.start(false));
    ASSERT_TRUE(runToEnd(dialog));
    ASSERT_TRUE(dialog.lastResult().ok) << dialog.lastResult().message.toStdString();
    const auto segments = document.store().segmentsOfVideo(document.videos().front().id).value();
    ASSERT_EQ(segments.size(), 3u);
    for (const auto& s : segments) EXPECT_EQ(s.annotator, "bob");
    EXPECT_EQ(FormatTransferDialog(document, TransferDirection::Export).annotatorEdit(), nullptr) << "exports have no layer";
}

TEST(FormatTransferDialog, FormatOptionsShowForTheirFormatAndReachTheTransfer) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.create(dir.filePath(QStringLiteral("p.alproj"))), QString());
    annotation::Video video;
    video.name = "kitchen";
    const std::int64_t videoId = document.store().insertVideo(video).value();
    const std::int64_t subjectId = document.store().insertSubject(annotation::Subject{0, "ann", {}}).value();
    const annotation::SkeletonLayout* body25 = document.store().skeletonLayout("BODY_25");
    ASSERT_NE(body25, nullptr);
    annotation::SkeletonFrame pose{videoId, subjectId, 0, body25->id, annotation::PoseSource::Model, {}};
    for (int i = 0; i < 25; ++i) pose.joints.push_back(annotation::Joint{float(10 + i), float(20 + i), 0.9f, true});
    ASSERT_TRUE(document.store().putSkeletonFrame(pose).ok());
    document.reloadVideos();

    FormatTransferDialog importing(document, TransferDirection::Import);
    importing.show();
    ASSERT_NE(importing.layoutBox(), nullptr);
    ASSERT_NE(importing.videoBox(), nullptr);
    EXPECT_EQ(importing.keepLayoutsBox(), nullptr) << "an export option";
    choose(importing, QStringLiteral("openpose"), dir.path());
    EXPECT_TRUE(importing.layoutBox()->isVisible());
    EXPECT_FALSE(importing.videoBox()->isVisible());
    importing.layoutBox()->setCurrentIndex(importing.layoutBox()->findData(QStringLiteral("BODY_25B")));
    EXPECT_EQ(importing.request().layout, QStringLiteral("BODY_25B"));
    choose(importing, QStringLiteral("boris"), dir.path());
    EXPECT_FALSE(importing.layoutBox()->isVisible());
    EXPECT_TRUE(importing.videoBox()->isVisible());
    EXPECT_EQ(importing.request().layout, QString()) << "only the format that reads it gets it";
    EXPECT_EQ(importing.request().video, QString()) << "none chosen: LIVE observations are refused";
    importing.videoBox()->setCurrentIndex(importing.videoBox()->findData(QStringLiteral("kitchen")));
    EXPECT_EQ(importing.request().video, QStringLiteral("kitchen"));

    FormatTransferDialog exporting(document, TransferDirection::Export);
    exporting.show();
    ASSERT_NE(exporting.keepLayoutsBox(), nullptr);
    EXPECT_EQ(exporting.layoutBox(), nullptr);
    const QString out = dir.filePath(QStringLiteral("people.json"));
    choose(exporting, QStringLiteral("segments-csv"), out);
    EXPECT_FALSE(exporting.keepLayoutsBox()->isVisible());
    choose(exporting, QStringLiteral("coco"), out);
    EXPECT_TRUE(exporting.keepLayoutsBox()->isVisible());
    exporting.keepLayoutsBox()->setChecked(true);
    ASSERT_TRUE(exporting.start(false));
    ASSERT_TRUE(runToEnd(exporting));
    ASSERT_TRUE(exporting.lastResult().ok) << exporting.lastResult().message.toStdString();
    QFile written(out);
    ASSERT_TRUE(written.open(QIODevice::ReadOnly));
    const QJsonArray categories = QJsonDocument::fromJson(written.readAll()).object()[QStringLiteral("categories")].toArray();
    ASSERT_EQ(categories.size(), 1);
    EXPECT_EQ(categories[0].toObject()[QStringLiteral("name")].toString(), QStringLiteral("BODY_25"));
    EXPECT_EQ(categories[0].toObject()[QStringLiteral("keypoints")].toArray().size(), 25);
}

TEST(FormatTransferDialog, MalformedFileLeavesTheStoreUnchangedAndSaysWhere) {
    QTemporaryDir dir;
    const QString json = uitest::writeNativeImportFile(dir);
    QFile file(json);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonArray segments = root[QStringLiteral("segments")].toArray();
    QJsonObject second = segments[1].toObject();
    second[QStringLiteral("first_frame")] = QStringLiteral("thirty");
    segments[1] = second;
    root[QStringLiteral("segments")] = segments;
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile out(bad);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(root).toJson());
    out.close();

    ProjectDocument document;
    ASSERT_EQ(document.create(dir.filePath(QStringLiteral("target.alproj"))), QString());
    ASSERT_TRUE(document.store().setTaxonomy(annotation::builtinTaxonomy("penn_action").value()).ok());
    QString error;
    ASSERT_NE(AddSubjectCommand::run(document, annotation::Subject{0, "carol", {}}, &error), 0) << error.toStdString();
    const auto before = document.store().counts().value();
    const annotation::Taxonomy taxonomyBefore = document.store().taxonomy();

    FormatTransferDialog dialog(document, TransferDirection::Import);
    choose(dialog, QStringLiteral("native"), bad);
    ASSERT_TRUE(dialog.start(false));
    ASSERT_TRUE(runToEnd(dialog));
    const FormatTransferResult& result = dialog.lastResult();
    EXPECT_FALSE(result.ok);
    EXPECT_FALSE(result.cancelled);
    EXPECT_TRUE(result.message.contains(QStringLiteral("bad.json: segments[1].first_frame: expected a whole number")))
        << result.message.toStdString();
    EXPECT_TRUE(dialog.report()->toPlainText().contains(QStringLiteral("segments[1].first_frame")));
    EXPECT_TRUE(dialog.statusLabel()->text().contains(QStringLiteral("unchanged")));

    const auto after = document.store().counts().value();
    EXPECT_EQ(after.videos, before.videos);
    EXPECT_EQ(after.subjects, before.subjects);
    EXPECT_EQ(after.segments, before.segments);
    EXPECT_EQ(after.skeletonFrames, before.skeletonFrames);
    EXPECT_EQ(document.store().taxonomy(), taxonomyBefore);
    EXPECT_EQ(document.undoStack().count(), 1);  // a failed import keeps the history
}

TEST(FormatTransferDialog, CancelledImportLeavesNothing) {
    QTemporaryDir dir;
    const QString json = uitest::writeNativeImportFile(dir);
    ProjectDocument document;
    ASSERT_EQ(document.create(dir.filePath(QStringLiteral("target.alproj"))), QString());
    FormatTransferDialog dialog(document, TransferDirection::Import);
    choose(dialog, QStringLiteral("native"), json);
    ASSERT_TRUE(dialog.start(false));
    dialog.reject();  // Cancel while running: cancels, the dialog stays
    EXPECT_TRUE(dialog.isRunning() || dialog.lastResult().cancelled);
    ASSERT_TRUE(runToEnd(dialog));
    EXPECT_FALSE(dialog.lastResult().ok);
    EXPECT_TRUE(dialog.lastResult().cancelled);
    const auto counts = document.store().counts().value();
    EXPECT_EQ(counts.videos, 0);
    EXPECT_EQ(counts.subjects, 0);
    EXPECT_EQ(counts.segments, 0);
    EXPECT_EQ(counts.skeletonFrames, 0);
    EXPECT_TRUE(document.videos().empty());
}

TEST(FormatTransferDialog, ExportWritesTheFileAndRefusesIncompleteForms) {
    QTemporaryDir dir;
    const QString json = uitest::writeNativeImportFile(dir);
    ProjectDocument document;
    ASSERT_EQ(document.create(dir.filePath(QStringLiteral("target.alproj"))), QString());
    ASSERT_TRUE(formats::importProject("native", json.toStdString(), document.store()).ok());

    FormatTransferDialog dialog(document, TransferDirection::Export);
    choose(dialog, QStringLiteral("segments-csv"), QString());
    EXPECT_FALSE(dialog.start(false));  // no file chosen: said, nothing started
    EXPECT_FALSE(dialog.isRunning());
    EXPECT_FALSE(dialog.statusLabel()->text().isEmpty());

    const QString csv = dir.filePath(QStringLiteral("segments.csv"));
    dialog.pathEdit()->setText(csv);
    ASSERT_TRUE(dialog.start(false));
    ASSERT_TRUE(runToEnd(dialog));
    ASSERT_TRUE(dialog.lastResult().ok) << dialog.lastResult().message.toStdString();
    QFile written(csv);
    ASSERT_TRUE(written.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = written.readAll().trimmed().split('\n');
    EXPECT_EQ(lines.size(), 4);  // header + 3 segments
    EXPECT_FALSE(QFileInfo::exists(csv + QStringLiteral(".part")));
}

TEST(FormatTransferDialog, ElanExportsAndImportsThroughTheWorker) {
    QTemporaryDir dir;
    const QString json = uitest::writeNativeImportFile(dir);
    ProjectDocument document;
    ASSERT_EQ(document.create(dir.filePath(QStringLiteral("target.alproj"))), QString());
    ASSERT_TRUE(formats::importProject("native", json.toStdString(), document.store()).ok());
    const QString eaf = dir.filePath(QStringLiteral("walk.eaf"));
    {
        FormatTransferDialog exporting(document, TransferDirection::Export);
        choose(exporting, QStringLiteral("elan"), eaf);
        ASSERT_TRUE(exporting.start(false));
        ASSERT_TRUE(runToEnd(exporting));
        ASSERT_TRUE(exporting.lastResult().ok) << exporting.lastResult().message.toStdString();
    }
    ASSERT_TRUE(QFileInfo(eaf).isFile()) << "a one-video project is one file";
    FormatTransferDialog importing(document, TransferDirection::Import);
    choose(importing, QStringLiteral("elan"), eaf);
    ASSERT_TRUE(importing.start(false));
    ASSERT_TRUE(runToEnd(importing));
    ASSERT_TRUE(importing.lastResult().ok) << importing.lastResult().message.toStdString();
    EXPECT_EQ(document.store().counts().value().segments, 6) << "the three segments once more";
    EXPECT_EQ(document.store().counts().value().subjects, 2) << "alice and bob are found by name";
}

TEST(FormatTransferDialog, RemembersTheFormatUsedLastInEachDirection) {
    QTemporaryDir dir;
    const QString json = uitest::writeNativeImportFile(dir);
    ProjectDocument document;
    ASSERT_EQ(document.create(dir.filePath(QStringLiteral("target.alproj"))), QString());
    {
        FormatTransferDialog exporting(document, TransferDirection::Export);
        choose(exporting, QStringLiteral("coco"), dir.filePath(QStringLiteral("out.json")));
        ASSERT_TRUE(exporting.start(false));
        ASSERT_TRUE(runToEnd(exporting));
        FormatTransferDialog importing(document, TransferDirection::Import);
        choose(importing, QStringLiteral("native"), json);
        ASSERT_TRUE(importing.start(false));
        ASSERT_TRUE(runToEnd(importing));
    }
    EXPECT_EQ(FormatTransferDialog(document, TransferDirection::Import).formatBox()->currentData().toString(), QStringLiteral("native"));
    EXPECT_EQ(FormatTransferDialog(document, TransferDirection::Export).formatBox()->currentData().toString(), QStringLiteral("coco"));
}
