// actionlens-cli train killed with SIGKILL at seeded random moments, some of them in the middle
// of a checkpoint write (ACTIONLENS_TEST_PAUSE_IN_CHECKPOINT_WRITE_MS, a test hook of
// core/train/checkpoint.cpp, holds the writer after its first KiB), and resumed each time with
// --resume: the model file is always loadable, the finished run equals an uninterrupted one
// (every epoch's losses and metrics, the best epoch, the evaluation), and no temporary file is
// left beside it. A model file damaged by hand (cut short, bytes changed) is refused with a
// message naming it, or, where the change hit only the archive's padding, loads the very same
// model: never other weights without a word (core/train/zip_checksums.h). In-process resume exactness: tests/core/train/trainer_test.cpp.

#include "core/model/skeleton_batch.h"
#include "core/train/checkpoint.h"
#include "tests/app/cli_runner.h"
#include "tests/support/test_videos.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QElapsedTimer>
#include <QThread>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>

using namespace actionlens;
using fixtures::CliRun;
using fixtures::runCli;

namespace {

constexpr int kEpochs = 16;

class TrainingKill : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new fixtures::TempDir;
        const CliRun made = fixtures::renderSmallTrainingProject(project());
        ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
        QFile config(QString::fromStdString(dir_->file("tiny.json")));
        ASSERT_TRUE(config.open(QIODevice::WriteOnly));
        config.write(QStringLiteral(R"({"frames": 16, "trunk_channels": [8, 16], "trunk_strides": [1, 2], "temporal_kernel": 3,
                       "attention_hidden": 8, "epochs": %1, "batch_size": 8, "threads": 1, "device": "cpu", "seed": 3,
                       "warmup_epochs": 1, "validation_fraction": 0.2})")
                         .arg(kEpochs)
                         .toUtf8());
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    static QString project() { return QString::fromStdString(dir_->file("synth.alproj")); }
    static QString config() { return QString::fromStdString(dir_->file("tiny.json")); }
    static std::string file(const std::string& name) { return dir_->file(name); }

    // The per-epoch reports without their wall times, and where the run stands.
    static nlohmann::ordered_json comparable(const train::CheckpointInfo& info) {
        nlohmann::ordered_json history = info.history;
        for (auto& epoch : history) {
            epoch.erase("seconds");
            epoch.erase("clips_per_second");
        }
        return {{"history", history}, {"epochs_done", info.epochsDone}, {"best_epoch", info.bestEpoch},
                {"best_score", info.bestScore}, {"finished", info.finished}};
    }
    static std::string evaluation(const std::string& model) {
        const CliRun run = runCli({QStringLiteral("evaluate"), QStringLiteral("-p"), project(), QStringLiteral("-m"),
                                   QString::fromStdString(model), QStringLiteral("--split"), QStringLiteral("all"),
                                   QStringLiteral("--device"), QStringLiteral("cpu")});
        EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
        QJsonObject metrics = QJsonDocument::fromJson(run.out.toUtf8()).object();
        metrics.remove(QStringLiteral("model"));
        metrics.remove(QStringLiteral("recorded"));  // the evaluation's record in the project
        return QJsonDocument(metrics).toJson().toStdString();
    }

    // The best weights' answers (every task's logits) to two fixed clips: equal only for equal weights.
    static std::vector<std::vector<float>> answers(const std::string& path) {
        train::CheckpointInfo info;
        auto model = train::loadTrainedModel(path, &info);
        EXPECT_TRUE(model.ok()) << model.error();
        if (!model) return {};
        model::SkeletonBatch batch;
        batch.clips = 2;
        batch.frames = info.config.frames;
        batch.joints = model.value()->config().layout.jointCount;
        for (size_t i = 0; i < size_t(batch.clips) * model::kSkeletonChannels * batch.frames * batch.joints; ++i)
            batch.values.push_back(float((i * 37) % 101) / 101.0f);
        auto predicted = model.value()->forward(batch);
        EXPECT_TRUE(predicted.ok()) << predicted.error();
        std::vector<std::vector<float>> logits;
        if (predicted)
            for (const model::TaskPrediction& task : predicted->tasks) logits.push_back(task.logits);
        return logits;
    }

    static inline fixtures::TempDir* dir_ = nullptr;
};

}  // namespace

TEST_F(TrainingKill, KilledAnywhereTheRunResumesExactlyAsTheUninterruptedOne) {
    const std::string uninterrupted = file("whole.alm");
    QElapsedTimer clock;
    clock.start();
    const CliRun whole = runCli({QStringLiteral("train"), QStringLiteral("-p"), project(), QStringLiteral("--config"), config(),
                                 QStringLiteral("-o"), QString::fromStdString(uninterrupted)});
    ASSERT_EQ(whole.exitCode, 0) << whole.err.toStdString();
    // The random waits scale with this machine's speed (an epoch, start-up included), so that a
    // kill lands within a few epochs on a fast machine too; nothing asserts a time.
    const int epochMs = std::max(1, int(clock.elapsed() / kEpochs));

    const std::string model = file("killed.alm");
    std::mt19937 random(2026);
    int kills = 0, killsInWrite = 0;
    for (int attempt = 0; attempt < 24; ++attempt) {
        const bool exists = std::filesystem::exists(model);
        if (exists) {
            Result<train::CheckpointInfo> info = train::readCheckpointInfo(model);
            ASSERT_TRUE(info.ok()) << "after kill " << kills << ": " << info.error();
            ASSERT_TRUE(train::loadTrainedModel(model).ok()) << "after kill " << kills;
            if (info->finished) break;
        }
        QStringList arguments{QStringLiteral("train"), QStringLiteral("-p"), project(), QStringLiteral("-o"), QString::fromStdString(model)};
        arguments << (exists ? QStringList{QStringLiteral("--resume")} : QStringList{QStringLiteral("--config"), config()});
        // Every third attempt is killed inside a checkpoint write; the others after 0 to 2 epoch
        // lines and a random wait of up to an epoch, which lands anywhere: loading, training, writing, recording.
        const bool inWrite = attempt % 3 == 1;
        QProcess trainer;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (inWrite) env.insert(QStringLiteral("ACTIONLENS_TEST_PAUSE_IN_CHECKPOINT_WRITE_MS"), QStringLiteral("60000"));
        trainer.setProcessEnvironment(env);
        trainer.start(QStringLiteral(ACTIONLENS_CLI_PATH), arguments);
        ASSERT_TRUE(trainer.waitForStarted());
        const int epochLines = std::uniform_int_distribution<int>(0, 2)(random);
        const int waitMs = std::uniform_int_distribution<int>(0, epochMs)(random);
        QByteArray said;
        auto heard = [&] {
            return inWrite ? said.contains("checkpoint write paused") : said.count("epoch ") >= epochLines;
        };
        while (!heard() && trainer.state() == QProcess::Running) {
            trainer.waitForReadyRead(100);
            said += trainer.readAllStandardError();
        }
        if (!inWrite) QThread::msleep(static_cast<unsigned long>(waitMs));
        if (trainer.state() == QProcess::Running) {
            trainer.kill();  // SIGKILL
            ++kills;
            if (inWrite && heard()) ++killsInWrite;
        }
        trainer.waitForFinished();
        said += trainer.readAllStandardError();
        if (trainer.exitStatus() == QProcess::NormalExit)
            ASSERT_EQ(trainer.exitCode(), 0) << "attempt " << attempt << ": " << said.toStdString();
    }
    if (Result<train::CheckpointInfo> info = train::readCheckpointInfo(model); info.ok() && !info->finished) {
        const CliRun rest = runCli({QStringLiteral("train"), QStringLiteral("-p"), project(), QStringLiteral("-o"),
                                    QString::fromStdString(model), QStringLiteral("--resume")});
        ASSERT_EQ(rest.exitCode, 0) << rest.err.toStdString();
    }
    std::printf("[ training kill ] %d kills (%d inside a checkpoint write)\n", kills, killsInWrite);
    EXPECT_GE(killsInWrite, 2);
    EXPECT_GE(kills, 4);

    Result<train::CheckpointInfo> resumed = train::readCheckpointInfo(model);
    ASSERT_TRUE(resumed.ok()) << resumed.error();
    ASSERT_TRUE(resumed->finished) << "the run did not finish within the attempts";
    Result<train::CheckpointInfo> reference = train::readCheckpointInfo(uninterrupted);
    ASSERT_TRUE(reference.ok()) << reference.error();
    EXPECT_EQ(comparable(resumed.value()).dump(), comparable(reference.value()).dump());
    EXPECT_EQ(evaluation(model), evaluation(uninterrupted));
    const std::vector<std::vector<float>> resumedAnswers = answers(model);
    ASSERT_FALSE(resumedAnswers.empty());
    EXPECT_EQ(resumedAnswers, answers(uninterrupted)) << "the best weights differ";
    // The temporaries of the killed writes are gone (the next write clears those of dead processes).
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(model).parent_path()))
        EXPECT_EQ(entry.path().filename().string().find("killed.alm.tmp"), std::string::npos) << entry.path();
}

TEST_F(TrainingKill, ADamagedModelFileIsRefusedNamingIt) {
    const std::string good = file("good.alm");
    const CliRun trained = runCli({QStringLiteral("train"), QStringLiteral("-p"), project(), QStringLiteral("--config"), config(),
                                   QStringLiteral("-o"), QString::fromStdString(good)});
    ASSERT_EQ(trained.exitCode, 0) << trained.err.toStdString();
    const std::string bytes = fixtures::readFileBytes(good);
    ASSERT_GT(bytes.size(), 4096u);
    std::mt19937 random(7);
    struct Damage {
        std::string name;
        std::string bytes;
        size_t at = 0;
    };
    std::vector<Damage> damages;
    damages.push_back({"cut_in_half.alm", bytes.substr(0, bytes.size() / 2)});
    damages.push_back({"cut_at_end.alm", bytes.substr(0, bytes.size() - 100)});
    for (int i = 0; i < 6; ++i) {
        // A few bytes changed in the middle (a bad sector, a bit flipped on a copy).
        std::string flipped = bytes;
        const size_t at = std::uniform_int_distribution<size_t>(bytes.size() / 8, bytes.size() * 7 / 8)(random);
        for (size_t k = 0; k < 4; ++k) flipped[at + k] = static_cast<char>(flipped[at + k] ^ 0x5a);
        damages.push_back({"flipped_" + std::to_string(i) + ".alm", flipped, at});
    }
    const std::string goodEvaluation = evaluation(good);
    int refused = 0;
    for (const Damage& damage : damages) {
        const std::string path = file(damage.name);
        fixtures::writeFileBytes(path, damage.bytes);
        Result<train::CheckpointInfo> info = train::readCheckpointInfo(path);
        auto loaded = train::loadTrainedModel(path);
        if (info.ok() && loaded.ok()) {
            // Only bytes that hold nothing (the archive's alignment padding) may change unnoticed:
            // the model must then be exactly the same.
            EXPECT_EQ(evaluation(path), goodEvaluation) << damage.name << " (changed at byte " << damage.at << " of " << bytes.size()
                                                        << ") was accepted with other weights";
            EXPECT_EQ(answers(path), answers(good)) << damage.name << " was accepted with other weights";
            continue;
        }
        ++refused;
        const std::string message = !info.ok() ? info.error() : loaded.error();
        EXPECT_NE(message.find(damage.name), std::string::npos) << message;
        for (const QStringList& arguments :
             {QStringList{QStringLiteral("evaluate"), QStringLiteral("-p"), project(), QStringLiteral("-m"), QString::fromStdString(path)},
              QStringList{QStringLiteral("train"), QStringLiteral("-p"), project(), QStringLiteral("-o"), QString::fromStdString(path),
                          QStringLiteral("--resume")}}) {
            const CliRun run = runCli(arguments);
            EXPECT_EQ(run.exitCode, 1) << damage.name << " " << arguments.front().toStdString() << ": " << run.err.toStdString();
            EXPECT_TRUE(run.err.contains(QString::fromStdString(damage.name))) << run.err.toStdString();
        }
    }
    std::printf("[ damaged model ] %d of %zu damaged files refused\n", refused, damages.size());
    // Cuts are always refused; a random change may land in padding (then the model is the same).
    EXPECT_GE(refused, int(damages.size()) / 2);
}
