// actionlens-cli train / evaluate / predict / ablate end to end: the real binary on a small
// rendered project, with a tiny model so that the whole file runs in well under a minute.

#include "tests/app/cli_runner.h"
#include "core/annotation/project_store.h"
#include "tests/support/free_port.h"
#include "tests/support/test_videos.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>

#include <gtest/gtest.h>

#include <filesystem>

#include <unistd.h>

using namespace actionlens;
using fixtures::CliRun;
using fixtures::runCli;

namespace {

QJsonObject jsonOf(const QString& text) { return QJsonDocument::fromJson(text.toUtf8()).object(); }

QJsonObject jsonFile(const std::string& path) {
    QFile f(QString::fromStdString(path));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path;
    return QJsonDocument::fromJson(f.readAll()).object();
}

void writeFile(const std::string& path, const QByteArray& text) {
    QFile f(QString::fromStdString(path));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

class LearningCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new fixtures::TempDir;
        const CliRun made = fixtures::renderSmallTrainingProject(project());
        ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
        writeFile(config().toStdString(), R"({"frames": 16, "trunk_channels": [8, 16], "trunk_strides": [1, 2], "temporal_kernel": 3,
                               "attention_hidden": 8, "epochs": 3, "batch_size": 8, "threads": 1, "device": "cpu",
                               "warmup_epochs": 1, "validation_fraction": 0.2})");
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    static QString project() { return QString::fromStdString(dir_->file("synth.alproj")); }
    static QString config() { return QString::fromStdString(dir_->file("tiny.json")); }
    static std::string file(const std::string& name) { return dir_->file(name); }

    static inline fixtures::TempDir* dir_ = nullptr;
};

TEST_F(LearningCli, TrainEvaluatePredictRoundTrip) {
    const QString model = QString::fromStdString(file("m.alm"));
    const CliRun trained = runCli({QStringLiteral("train"), QStringLiteral("-p"), project(), QStringLiteral("--config"), config(),
                                   QStringLiteral("-o"), model});
    ASSERT_EQ(trained.exitCode, 0) << trained.err.toStdString();
    const QJsonObject summary = jsonOf(trained.out);
    EXPECT_EQ(summary[QStringLiteral("epochs_done")].toInt(), 3) << trained.out.toStdString();
    EXPECT_TRUE(summary[QStringLiteral("finished")].toBool());
    EXPECT_GT(summary[QStringLiteral("validation_clips")].toInt(), 0);
    const QJsonArray tasks = summary[QStringLiteral("tasks")].toArray();
    EXPECT_TRUE(tasks.contains(QStringLiteral("action")));
    EXPECT_TRUE(tasks.contains(QStringLiteral("group")));
    EXPECT_TRUE(tasks.contains(QStringLiteral("handedness")));
    EXPECT_TRUE(trained.err.contains(QStringLiteral("epoch 3/3: loss"))) << trained.err.toStdString();
    EXPECT_TRUE(std::filesystem::exists(model.toStdString()));

    const CliRun evaluated = runCli({QStringLiteral("evaluate"), QStringLiteral("-p"), project(), QStringLiteral("-m"), model,
                                     QStringLiteral("--split"), QStringLiteral("test"), QStringLiteral("-o"),
                                     QString::fromStdString(file("metrics.json"))});
    ASSERT_EQ(evaluated.exitCode, 0) << evaluated.err.toStdString();
    const QJsonObject metrics = jsonFile(file("metrics.json"));
    EXPECT_GT(metrics[QStringLiteral("clips")].toInt(), 0);
    const QJsonObject action = metrics[QStringLiteral("tasks")].toObject()[QStringLiteral("action")].toObject();
    for (const char* key : {"accuracy", "macro_f1", "macro_precision", "top_k_accuracy", "confusion"})
        EXPECT_TRUE(action.contains(QLatin1String(key))) << key;
    EXPECT_TRUE(metrics[QStringLiteral("inconsistent_rate")].isDouble());
    // --device auto (the default) names where it ran; an unknown device is refused by name.
    const QString ranOn = metrics[QStringLiteral("device")].toString();
    EXPECT_TRUE(ranOn == QStringLiteral("cpu") || ranOn == QStringLiteral("cuda")) << ranOn.toStdString();
    const CliRun onCpu = runCli({QStringLiteral("evaluate"), QStringLiteral("-p"), project(), QStringLiteral("-m"), model,
                                 QStringLiteral("--device"), QStringLiteral("cpu")});
    ASSERT_EQ(onCpu.exitCode, 0) << onCpu.err.toStdString();
    EXPECT_EQ(jsonOf(onCpu.out)[QStringLiteral("device")].toString(), QStringLiteral("cpu"));
    if (ranOn == QStringLiteral("cpu")) {
        EXPECT_EQ(jsonOf(onCpu.out)[QStringLiteral("tasks")].toObject()[QStringLiteral("action")].toObject()[QStringLiteral("accuracy")],
                  action[QStringLiteral("accuracy")]);
    }
    const CliRun nowhere = runCli({QStringLiteral("evaluate"), QStringLiteral("-p"), project(), QStringLiteral("-m"), model,
                                   QStringLiteral("--device"), QStringLiteral("gpu7")});
    EXPECT_EQ(nowhere.exitCode, 1);
    EXPECT_TRUE(nowhere.err.contains(QStringLiteral("'gpu7'"))) << nowhere.err.toStdString();

    const CliRun predicted = runCli({QStringLiteral("predict"), QStringLiteral("-p"), project(), QStringLiteral("-m"), model,
                                     QStringLiteral("--write"), QStringLiteral("--min-frames"), QStringLiteral("1"),
                                     QStringLiteral("--enter"), QStringLiteral("0.05"), QStringLiteral("--exit"),
                                     QStringLiteral("0.01")});
    ASSERT_EQ(predicted.exitCode, 0) << predicted.err.toStdString();
    const QJsonObject predictions = jsonOf(predicted.out);
    EXPECT_FALSE(predictions[QStringLiteral("device")].toString().isEmpty());
    EXPECT_GE(predictions[QStringLiteral("tracks")].toArray().size(), 8);
    const int segments = predictions[QStringLiteral("segments")].toInt();
    EXPECT_GT(segments, 0);
    const QJsonObject first = predictions[QStringLiteral("tracks")].toArray()[0].toObject()[QStringLiteral("segments")]
                                  .toArray()[0].toObject();
    EXPECT_TRUE(first[QStringLiteral("labels")].toObject().contains(QStringLiteral("viewpoint")));
    // The predictions are stored, and a second run replaces rather than adds to them.
    const int before = jsonOf(runCli({QStringLiteral("info"), QStringLiteral("-p"), project()}).out)[QStringLiteral("segments")].toInt();
    ASSERT_EQ(runCli({QStringLiteral("predict"), QStringLiteral("-p"), project(), QStringLiteral("-m"), model, QStringLiteral("--write"),
                      QStringLiteral("--min-frames"), QStringLiteral("1"), QStringLiteral("--enter"), QStringLiteral("0.05"),
                      QStringLiteral("--exit"), QStringLiteral("0.01")})
                  .exitCode,
              0);
    EXPECT_EQ(jsonOf(runCli({QStringLiteral("info"), QStringLiteral("-p"), project()}).out)[QStringLiteral("segments")].toInt(), before);
    // Training data ignores them: evaluating all clips still counts the annotated segments only.
    const CliRun all = runCli({QStringLiteral("evaluate"), QStringLiteral("-p"), project(), QStringLiteral("-m"), model,
                               QStringLiteral("--split"), QStringLiteral("all")});
    ASSERT_EQ(all.exitCode, 0) << all.err.toStdString();
    EXPECT_EQ(jsonOf(all.out)[QStringLiteral("clips")].toInt(), before - segments);
}

// The runs a project records, as `runs` lists them.
QJsonObject recordedRun(const QString& project, int id) {
    const CliRun listed = runCli({QStringLiteral("runs"), QStringLiteral("-p"), project});
    EXPECT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    for (const QJsonValue& run : jsonOf(listed.out)[QStringLiteral("runs")].toArray())
        if (run.toObject()[QStringLiteral("id")].toInt() == id) return run.toObject();
    ADD_FAILURE() << "no run " << id << " in " << listed.out.toStdString();
    return {};
}

int runCount(const QString& project) {
    const CliRun listed = runCli({QStringLiteral("runs"), QStringLiteral("-p"), project});
    EXPECT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    return int(jsonOf(listed.out)[QStringLiteral("runs")].toArray().size());
}

TEST_F(LearningCli, TrainAndEvaluateAreRecordedAsRunsThatRunsLists) {
    const QString model = QString::fromStdString(file("recorded.alm"));
    const CliRun trained = runCli({QStringLiteral("train"), QStringLiteral("-p"), project(), QStringLiteral("--config"), config(),
                                   QStringLiteral("-o"), model});
    ASSERT_EQ(trained.exitCode, 0) << trained.err.toStdString();
    const QJsonObject summary = jsonOf(trained.out);
    const int id = summary[QStringLiteral("recorded")].toInt();
    ASSERT_GT(id, 0) << trained.out.toStdString();
    EXPECT_FALSE(trained.err.contains(QStringLiteral("not recorded"))) << trained.err.toStdString();

    const QJsonObject run = recordedRun(project(), id);
    EXPECT_EQ(run[QStringLiteral("kind")].toString(), QStringLiteral("training"));
    EXPECT_EQ(run[QStringLiteral("status")].toString(), QStringLiteral("finished"));
    EXPECT_EQ(run[QStringLiteral("origin")].toString(), QStringLiteral("cli"));
    EXPECT_TRUE(run[QStringLiteral("name")].toString().startsWith(QStringLiteral("run "))) << run[QStringLiteral("name")].toString().toStdString();
    EXPECT_EQ(run[QStringLiteral("checkpoint")].toString(), model);
    EXPECT_EQ(run[QStringLiteral("device")].toString(), summary[QStringLiteral("device")].toString());
    EXPECT_GT(run[QStringLiteral("ended_ms")].toDouble(), run[QStringLiteral("started_ms")].toDouble() - 1);
    // The documents are embedded as JSON, not as strings.
    EXPECT_EQ(run[QStringLiteral("config")].toObject()[QStringLiteral("epochs")].toInt(), 3);
    const QJsonArray history = run[QStringLiteral("history")].toArray();
    ASSERT_EQ(history.size(), 3);
    EXPECT_EQ(history[2].toObject()[QStringLiteral("epoch")].toInt(), 3);
    EXPECT_TRUE(history[0].toObject()[QStringLiteral("tasks")].toObject().contains(QStringLiteral("action")));
    EXPECT_EQ(run[QStringLiteral("metrics")].toObject()[QStringLiteral("epochs_done")].toInt(), 3);
    EXPECT_EQ(run[QStringLiteral("metrics")].toObject()[QStringLiteral("best_epoch")].toInt(),
              summary[QStringLiteral("best_epoch")].toInt());
    const QJsonObject data = run[QStringLiteral("data")].toObject();
    EXPECT_EQ(data[QStringLiteral("split")].toString(), QStringLiteral("train"));
    EXPECT_EQ(data[QStringLiteral("train_clips")].toInt(), summary[QStringLiteral("train_clips")].toInt());
    EXPECT_EQ(data[QStringLiteral("validation_clips")].toInt(), summary[QStringLiteral("validation_clips")].toInt());

    // Its evaluation is a run too, whose parent is the training that wrote the model file.
    const CliRun evaluated = runCli({QStringLiteral("evaluate"), QStringLiteral("-p"), project(), QStringLiteral("-m"), model});
    ASSERT_EQ(evaluated.exitCode, 0) << evaluated.err.toStdString();
    const QJsonObject metrics = jsonOf(evaluated.out);
    const int evaluationId = metrics[QStringLiteral("recorded")].toInt();
    ASSERT_GT(evaluationId, id) << evaluated.out.toStdString();
    const QJsonObject evaluation = recordedRun(project(), evaluationId);
    EXPECT_EQ(evaluation[QStringLiteral("kind")].toString(), QStringLiteral("evaluation"));
    EXPECT_EQ(evaluation[QStringLiteral("parent_id")].toInt(), id);
    EXPECT_EQ(evaluation[QStringLiteral("metrics")].toObject()[QStringLiteral("clips")].toInt(), metrics[QStringLiteral("clips")].toInt());
    EXPECT_EQ(evaluation[QStringLiteral("metrics")].toObject()[QStringLiteral("tasks")].toObject()[QStringLiteral("action")]
                  .toObject()[QStringLiteral("accuracy")],
              metrics[QStringLiteral("tasks")].toObject()[QStringLiteral("action")].toObject()[QStringLiteral("accuracy")]);
    EXPECT_EQ(evaluation[QStringLiteral("data")].toObject()[QStringLiteral("split")].toString(), QStringLiteral("test"));

    fixtures::expectOneLineFailure(runCli({QStringLiteral("runs"), QStringLiteral("-p"), QString::fromStdString(file("none.alproj"))}),
                         "does not exist");
    EXPECT_EQ(runCli({QStringLiteral("runs")}).exitCode, 2);
}

TEST_F(LearningCli, BesideTheWindowTrainingReadsTheClipsAndKeepsItsRecordInTheModelFile) {
    const int before = runCount(project());
    // This process plays the window: it holds the project's lock.
    auto window = annotation::ProjectStore::open(project().toStdString());
    ASSERT_TRUE(window.ok()) << window.error();
    const QString model = QString::fromStdString(file("beside.alm"));
    const CliRun trained = runCli({QStringLiteral("train"), QStringLiteral("-p"), project(), QStringLiteral("--config"), config(),
                                   QStringLiteral("-o"), model});
    ASSERT_EQ(trained.exitCode, 0) << trained.err.toStdString();
    EXPECT_EQ(jsonOf(trained.out)[QStringLiteral("epochs_done")].toInt(), 3);
    EXPECT_EQ(jsonOf(trained.out)[QStringLiteral("recorded")], QJsonValue(false)) << trained.out.toStdString();
    EXPECT_TRUE(std::filesystem::exists(model.toStdString()));
    // One warning line says so, and where the record stays.
    const QStringList warnings = trained.err.split(QLatin1Char('\n')).filter(QStringLiteral("not recorded"));
    ASSERT_EQ(warnings.size(), 1) << trained.err.toStdString();
    EXPECT_TRUE(warnings[0].startsWith(QStringLiteral("actionlens-cli: warning: "))) << warnings[0].toStdString();
    EXPECT_TRUE(warnings[0].contains(QStringLiteral("another ActionLens process"))) << warnings[0].toStdString();
    EXPECT_TRUE(warnings[0].contains(model)) << warnings[0].toStdString();

    // The other reading commands run beside it too; writing ones stay out.
    const CliRun evaluated = runCli({QStringLiteral("evaluate"), QStringLiteral("-p"), project(), QStringLiteral("-m"), model});
    ASSERT_EQ(evaluated.exitCode, 0) << evaluated.err.toStdString();
    EXPECT_EQ(jsonOf(evaluated.out)[QStringLiteral("recorded")], QJsonValue(false));
    EXPECT_TRUE(evaluated.err.contains(QStringLiteral("not recorded"))) << evaluated.err.toStdString();
    const CliRun predicted = runCli({QStringLiteral("predict"), QStringLiteral("-p"), project(), QStringLiteral("-m"), model,
                                     QStringLiteral("--video"), QStringLiteral("1")});
    EXPECT_EQ(predicted.exitCode, 0) << predicted.err.toStdString();
    fixtures::expectOneLineFailure(runCli({QStringLiteral("predict"), QStringLiteral("-p"), project(), QStringLiteral("-m"), model,
                                           QStringLiteral("--write")}),
                                   "another ActionLens process");
    EXPECT_EQ(runCount(project()), before) << "the reader lists what the window has";
    EXPECT_TRUE(window.value()->runs()->size() == size_t(before));
}

TEST_F(LearningCli, VideoAndFusionTrunksTrainEvaluateAndPredictOnTheRenderedFrames) {
    writeFile(file("video.json"), R"({"trunk": "video", "video_frames": 4, "video_size": 32, "video_channels": [8, 16],
                                    "attention_hidden": 8, "epochs": 2, "batch_size": 8, "threads": 1, "device": "cpu",
                                    "warmup_epochs": 0, "validation_fraction": 0.2})");
    const QString model = QString::fromStdString(file("video.alm"));
    const CliRun trained = runCli({QStringLiteral("train"), QStringLiteral("-p"), project(), QStringLiteral("--config"),
                                   QString::fromStdString(file("video.json")), QStringLiteral("-o"), model});
    ASSERT_EQ(trained.exitCode, 0) << trained.err.toStdString();
    const QJsonObject summary = jsonOf(trained.out);
    EXPECT_EQ(summary[QStringLiteral("trunk")].toString(), QStringLiteral("video"));
    EXPECT_EQ(summary[QStringLiteral("epochs_done")].toInt(), 2) << trained.out.toStdString();
    // Every clip is decoded once (clips of two subjects over the same frames are one clip); the
    // second epoch reads them all from the cache.
    const QJsonObject frames = summary[QStringLiteral("video_frames")].toObject();
    const int clips = summary[QStringLiteral("train_clips")].toInt() + summary[QStringLiteral("validation_clips")].toInt();
    EXPECT_GT(frames[QStringLiteral("clips_decoded")].toInt(), 0);
    EXPECT_LE(frames[QStringLiteral("clips_decoded")].toInt(), clips);
    EXPECT_EQ(frames[QStringLiteral("clips_cached")].toInt(), frames[QStringLiteral("clips_decoded")].toInt());
    EXPECT_GE(frames[QStringLiteral("cache_hits")].toInt(), summary[QStringLiteral("train_clips")].toInt());

    const CliRun evaluated = runCli({QStringLiteral("evaluate"), QStringLiteral("-p"), project(), QStringLiteral("-m"), model,
                                     QStringLiteral("--split"), QStringLiteral("test")});
    ASSERT_EQ(evaluated.exitCode, 0) << evaluated.err.toStdString();
    EXPECT_TRUE(jsonOf(evaluated.out)[QStringLiteral("tasks")].toObject()[QStringLiteral("clothing")].toObject()
                    .contains(QStringLiteral("accuracy"))) << evaluated.out.toStdString();
    const CliRun predicted = runCli({QStringLiteral("predict"), QStringLiteral("-p"), project(), QStringLiteral("-m"), model,
                                     QStringLiteral("--video"), QStringLiteral("1")});
    ASSERT_EQ(predicted.exitCode, 0) << predicted.err.toStdString();
    EXPECT_GE(jsonOf(predicted.out)[QStringLiteral("tracks")].toArray().size(), 1) << predicted.out.toStdString();

    writeFile(file("fusion.json"), R"({"trunk": "fusion", "video_frames": 4, "video_size": 32, "video_channels": [8, 16],
                                     "frames": 16, "trunk_channels": [8, 16], "trunk_strides": [1, 2], "temporal_kernel": 3,
                                     "attention_hidden": 8, "epochs": 1, "batch_size": 8, "threads": 1, "device": "cpu",
                                     "warmup_epochs": 0, "validation_fraction": 0.2})");
    const QString fusion = QString::fromStdString(file("fusion.alm"));
    const CliRun fused = runCli({QStringLiteral("train"), QStringLiteral("-p"), project(), QStringLiteral("--config"),
                                 QString::fromStdString(file("fusion.json")), QStringLiteral("-o"), fusion});
    ASSERT_EQ(fused.exitCode, 0) << fused.err.toStdString();
    EXPECT_EQ(jsonOf(fused.out)[QStringLiteral("trunk")].toString(), QStringLiteral("fusion"));
    const CliRun fusedEvaluation = runCli({QStringLiteral("evaluate"), QStringLiteral("-p"), project(), QStringLiteral("-m"),
                                           fusion, QStringLiteral("--split"), QStringLiteral("test")});
    ASSERT_EQ(fusedEvaluation.exitCode, 0) << fusedEvaluation.err.toStdString();
}

TEST_F(LearningCli, AVideoModelTrainsAndPredictsOnAProjectWithoutSkeletons) {
    // Annotators who label videos but estimate no poses: segments and labels only.
    const QString bare = QString::fromStdString(file("bare.alproj"));
    const CliRun made = runCli({QStringLiteral("synth"), QStringLiteral("-o"), bare, QStringLiteral("--videos"), QStringLiteral("3"),
                                QStringLiteral("--seed"), QStringLiteral("9"), QStringLiteral("--size"), QStringLiteral("64x64"),
                                QStringLiteral("--seconds"), QStringLiteral("3"), QStringLiteral("--test-fraction"), QStringLiteral("0")});
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    {
        auto store = annotation::ProjectStore::open(bare.toStdString());
        ASSERT_TRUE(store.ok()) << store.error();
        auto videos = store.value()->videos();
        ASSERT_TRUE(videos.ok());
        for (const annotation::Video& v : videos.value())
            ASSERT_TRUE(store.value()->removeSkeletonFrames(v.id, 0, v.frameCount).ok());
    }
    const CliRun skeletonOnly = runCli({QStringLiteral("train"), QStringLiteral("-p"), bare, QStringLiteral("--config"), config(),
                                        QStringLiteral("-o"), QString::fromStdString(file("none.alm"))});
    EXPECT_NE(skeletonOnly.exitCode, 0);
    EXPECT_TRUE(skeletonOnly.err.contains(QStringLiteral("no skeleton"))) << skeletonOnly.err.toStdString();

    writeFile(file("bare.json"), R"({"trunk": "video", "video_frames": 4, "video_size": 32, "video_channels": [8, 16],
                                   "attention_hidden": 8, "epochs": 1, "batch_size": 8, "threads": 1, "device": "cpu",
                                   "warmup_epochs": 0, "validation_fraction": 0})");
    const QString model = QString::fromStdString(file("bare.alm"));
    const CliRun trained = runCli({QStringLiteral("train"), QStringLiteral("-p"), bare, QStringLiteral("--config"),
                                   QString::fromStdString(file("bare.json")), QStringLiteral("-o"), model});
    ASSERT_EQ(trained.exitCode, 0) << trained.err.toStdString();
    EXPECT_GT(jsonOf(trained.out)[QStringLiteral("train_clips")].toInt(), 3) << trained.out.toStdString();
    const CliRun predicted = runCli({QStringLiteral("predict"), QStringLiteral("-p"), bare, QStringLiteral("-m"), model,
                                     QStringLiteral("--video"), QStringLiteral("1")});
    ASSERT_EQ(predicted.exitCode, 0) << predicted.err.toStdString();
    const QJsonArray tracks = jsonOf(predicted.out)[QStringLiteral("tracks")].toArray();
    ASSERT_EQ(tracks.size(), 1) << predicted.out.toStdString();  // the whole video, no subject
    EXPECT_EQ(tracks[0].toObject()[QStringLiteral("subject")].toInt(), 0);
    EXPECT_EQ(tracks[0].toObject()[QStringLiteral("first_frame")].toInt(), 0);
    EXPECT_GT(tracks[0].toObject()[QStringLiteral("last_frame")].toInt(), 30);
}

TEST_F(LearningCli, AblationReportsEveryTaskWithPairedDifferences) {
    const CliRun ran = runCli({QStringLiteral("ablate"), QStringLiteral("-p"), project(), QStringLiteral("--config"), config(),
                               QStringLiteral("--seeds"), QStringLiteral("1"), QStringLiteral("--folds"), QStringLiteral("2"),
                               QStringLiteral("-o"), QString::fromStdString(file("ablation.json"))});
    ASSERT_EQ(ran.exitCode, 0) << ran.err.toStdString();
    const QJsonObject report = jsonFile(file("ablation.json"));
    const QJsonObject tasks = report[QStringLiteral("tasks")].toObject();
    ASSERT_TRUE(tasks.contains(QStringLiteral("action"))) << ran.out.toStdString();
    EXPECT_EQ(tasks[QStringLiteral("action")].toObject()[QStringLiteral("pairs")].toInt(), 2);
    EXPECT_EQ(report[QStringLiteral("runs")].toArray().size(), 2 * (tasks.size() + 1));
    EXPECT_TRUE(ran.out.contains(QStringLiteral("| action | "))) << ran.out.toStdString();
}

TEST_F(LearningCli, AblationFoldsRunApartOnADatasetFileMergeIntoOneTable) {
    const QString dataset = QString::fromStdString(file("clips.alds"));
    const CliRun exported = runCli({QStringLiteral("export-dataset"), QStringLiteral("-p"), project(), QStringLiteral("-o"), dataset});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    QStringList reports;
    for (const QString& fold : {QStringLiteral("1"), QStringLiteral("2")}) {
        reports << QString::fromStdString(file("fold" + fold.toStdString() + ".json"));
        const CliRun ran = runCli({QStringLiteral("ablate"), QStringLiteral("--dataset"), dataset, QStringLiteral("--config"), config(),
                                   QStringLiteral("--seeds"), QStringLiteral("1"), QStringLiteral("--folds"), QStringLiteral("2"),
                                   QStringLiteral("--fold"), fold, QStringLiteral("-o"), reports.back()});
        ASSERT_EQ(ran.exitCode, 0) << ran.err.toStdString();
        const QJsonObject part = jsonFile(reports.back().toStdString());
        EXPECT_EQ(part[QStringLiteral("tasks")].toObject()[QStringLiteral("action")].toObject()[QStringLiteral("pairs")].toInt(), 1);
    }
    const QString merged = QString::fromStdString(file("merged.json"));
    const QString csv = QString::fromStdString(file("merged.csv"));
    const CliRun merge = runCli(QStringList{QStringLiteral("ablate"), QStringLiteral("--merge")} + reports +
                                QStringList{QStringLiteral("-o"), merged, QStringLiteral("--csv"), csv});
    ASSERT_EQ(merge.exitCode, 0) << merge.err.toStdString();
    const QJsonObject report = jsonFile(merged.toStdString());
    EXPECT_EQ(report[QStringLiteral("tasks")].toObject()[QStringLiteral("action")].toObject()[QStringLiteral("pairs")].toInt(), 2);
    // The CSV table: a header and a row per task, the action's with its two pairs.
    const QString table = QString::fromStdString(fixtures::readFileBytes(csv.toStdString()));
    EXPECT_TRUE(table.startsWith(QStringLiteral("task,pairs,single_mean,"))) << table.toStdString();
    EXPECT_EQ(table.count(QStringLiteral("\r\n")), 1 + report[QStringLiteral("tasks")].toObject().size()) << table.toStdString();
    EXPECT_TRUE(table.contains(QStringLiteral("\r\naction,2,"))) << table.toStdString();
    // The same report twice is refused: the runs would count double.
    const CliRun twice = runCli({QStringLiteral("ablate"), QStringLiteral("--merge"), reports[0], reports[0]});
    EXPECT_EQ(twice.exitCode, 1);
    EXPECT_TRUE(twice.err.contains(QStringLiteral("is in an earlier report too"))) << twice.err.toStdString();
    EXPECT_EQ(runCli({QStringLiteral("ablate"), QStringLiteral("--dataset"), dataset, QStringLiteral("--folds"), QStringLiteral("2"),
                      QStringLiteral("--fold"), QStringLiteral("3")})
                  .exitCode,
              2);
}

TEST_F(LearningCli, ActiveLearningSimulationReportsBothStrategies) {
    const QString report = QString::fromStdString(file("active.json"));
    const CliRun run = runCli({QStringLiteral("active-learning-sim"), QStringLiteral("-p"), project(), QStringLiteral("--config"), config(),
                               QStringLiteral("--split"), QStringLiteral("all"), QStringLiteral("--start"), QStringLiteral("6"),
                               QStringLiteral("--budget"), QStringLiteral("4"), QStringLiteral("--rounds"), QStringLiteral("1"),
                               QStringLiteral("--held-out"), QStringLiteral("0.3"), QStringLiteral("-o"), report});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonObject json = jsonFile(report.toStdString());
    EXPECT_EQ(json[QStringLiteral("measure")].toString(), QStringLiteral("entropy"));
    EXPECT_EQ(json[QStringLiteral("task")].toString(), QStringLiteral("all"));
    EXPECT_GT(json[QStringLiteral("held_out_clips")].toInt(), 0);
    for (const char* strategy : {"uncertainty", "random"}) {
        const QJsonArray points = json[QStringLiteral("curves")].toObject()[QLatin1String(strategy)].toArray();
        ASSERT_EQ(points.size(), 2) << strategy;
        EXPECT_EQ(points[0].toObject()[QStringLiteral("labelled_clips")].toInt(), 6);
        EXPECT_EQ(points[1].toObject()[QStringLiteral("labelled_clips")].toInt(), 10);
        EXPECT_TRUE(points[1].toObject()[QStringLiteral("accuracy")].toObject()[QStringLiteral("action")].isDouble());
    }
    const CliRun tooMany = runCli({QStringLiteral("active-learning-sim"), QStringLiteral("-p"), project(), QStringLiteral("--config"), config(),
                                   QStringLiteral("--split"), QStringLiteral("all"), QStringLiteral("--rounds"), QStringLiteral("50")});
    EXPECT_EQ(tooMany.exitCode, 1);
    EXPECT_TRUE(tooMany.err.contains(QStringLiteral("the pool has"))) << tooMany.err.toStdString();
}

TEST_F(LearningCli, BadInputGivesOneLineErrorsAndUsageErrors) {
    EXPECT_EQ(runCli({QStringLiteral("train"), QStringLiteral("-p"), project()}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("evaluate"), QStringLiteral("-p"), project()}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("ablate"), QStringLiteral("-p"), project(), QStringLiteral("--folds"), QStringLiteral("1")}).exitCode, 2);
    writeFile(file("bad.json"), R"({"epochs": 2, "learnig_rate": 0.1})");
    const CliRun badConfig = runCli({QStringLiteral("train"), QStringLiteral("-p"), project(), QStringLiteral("--config"),
                                     QString::fromStdString(file("bad.json")), QStringLiteral("-o"), QString::fromStdString(file("x.alm"))});
    EXPECT_EQ(badConfig.exitCode, 1);
    EXPECT_TRUE(badConfig.err.contains(QStringLiteral("unknown config key 'learnig_rate'"))) << badConfig.err.toStdString();
    writeFile(file("garbage.alm"), "not a model");
    const CliRun garbage = runCli({QStringLiteral("evaluate"), QStringLiteral("-p"), project(), QStringLiteral("-m"),
                                   QString::fromStdString(file("garbage.alm"))});
    EXPECT_EQ(garbage.exitCode, 1);
    EXPECT_EQ(garbage.err.count(QLatin1Char('\n')), 1) << garbage.err.toStdString();
    EXPECT_TRUE(garbage.err.contains(QStringLiteral("is not an ActionLens model file"))) << garbage.err.toStdString();
    EXPECT_FALSE(std::filesystem::exists(file("x.alm")));
    const QString written = QString::fromStdString(file("defaults.json"));
    ASSERT_EQ(runCli({QStringLiteral("train"), QStringLiteral("--write-config"), written}).exitCode, 0);
    const QJsonObject defaults = jsonFile(written.toStdString());
    EXPECT_EQ(defaults[QStringLiteral("epochs")].toInt(), 45);
    EXPECT_TRUE(defaults[QStringLiteral("_doc")].toObject().contains(QStringLiteral("learning_rate")));
}



// Two processes with torchrun's variables set by hand (as a scheduler would): rank 0 prints the
// summary and writes the model file; rank 1 trains silently and succeeds.
TEST_F(LearningCli, DistributedTrainingOnTwoProcessesReportsAndWritesFromRankZero) {
    const QString model = QString::fromStdString(file("ddp.alm"));
    const QString port = QString::number(actionlens::testing::freeLoopbackPort());
    std::vector<std::unique_ptr<QProcess>> ranks;
    for (int r = 0; r < 2; ++r) {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
        env.insert(QStringLiteral("MASTER_PORT"), port);
        env.insert(QStringLiteral("RANK"), QString::number(r));
        env.insert(QStringLiteral("WORLD_SIZE"), QStringLiteral("2"));
        env.insert(QStringLiteral("LOCAL_RANK"), QString::number(r));
        env.insert(QStringLiteral("LOCAL_WORLD_SIZE"), QStringLiteral("2"));
        process->setProcessEnvironment(env);
        process->start(QStringLiteral(ACTIONLENS_CLI_PATH),
                       {QStringLiteral("train"), QStringLiteral("-p"), project(), QStringLiteral("--config"), config(),
                        QStringLiteral("-o"), model, QStringLiteral("--distributed"), QStringLiteral("--distributed-timeout"),
                        QStringLiteral("60")});
        ranks.push_back(std::move(process));
    }
    for (auto& process : ranks) {
        if (!process->waitForFinished(300000)) process->kill(), process->waitForFinished();  // a hang fails below
    }
    const QString out0 = QString::fromUtf8(ranks[0]->readAllStandardOutput()), err0 = QString::fromUtf8(ranks[0]->readAllStandardError());
    const QString out1 = QString::fromUtf8(ranks[1]->readAllStandardOutput()), err1 = QString::fromUtf8(ranks[1]->readAllStandardError());
    ASSERT_EQ(ranks[0]->exitStatus(), QProcess::NormalExit);
    ASSERT_EQ(ranks[1]->exitStatus(), QProcess::NormalExit);
    ASSERT_EQ(ranks[0]->exitCode(), 0) << err0.toStdString();
    ASSERT_EQ(ranks[1]->exitCode(), 0) << err1.toStdString();
    EXPECT_EQ(jsonOf(out0)[QStringLiteral("epochs_done")].toInt(), 3) << out0.toStdString();
    EXPECT_TRUE(err0.contains(QStringLiteral("2 processes joined (gloo)"))) << err0.toStdString();
    EXPECT_TRUE(err0.contains(QStringLiteral("epoch 3/3: loss"))) << err0.toStdString();
    EXPECT_TRUE(out1.isEmpty()) << out1.toStdString();
    EXPECT_FALSE(err1.contains(QStringLiteral("epoch 1/3"))) << err1.toStdString();
    EXPECT_TRUE(std::filesystem::exists(model.toStdString()));

    // Without torchrun's variables, or with its options but no --distributed: what is wrong.
    const CliRun alone = runCli({QStringLiteral("train"), QStringLiteral("-p"), project(), QStringLiteral("--config"), config(),
                                 QStringLiteral("-o"), QString::fromStdString(file("alone.alm")), QStringLiteral("--distributed")});
    if (!qEnvironmentVariableIsSet("WORLD_SIZE")) {
        EXPECT_EQ(alone.exitCode, 1);
        EXPECT_TRUE(alone.err.contains(QStringLiteral("WORLD_SIZE is not set"))) << alone.err.toStdString();
    }
    const CliRun stray = runCli({QStringLiteral("train"), QStringLiteral("-p"), project(), QStringLiteral("-o"),
                                 QString::fromStdString(file("stray.alm")), QStringLiteral("--backend"), QStringLiteral("gloo")});
    EXPECT_EQ(stray.exitCode, 2);
    EXPECT_TRUE(stray.err.contains(QStringLiteral("go with --distributed"))) << stray.err.toStdString();
}

}  // namespace
