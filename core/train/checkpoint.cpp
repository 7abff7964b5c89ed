#include "core/train/checkpoint.h"

#include "core/train/file_replacement.h"
#include "core/train/internal/training_checkpoint.h"
#include "core/train/zip_checksums.h"

#include <torch/serialize.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

namespace actionlens::train {

namespace {

constexpr const char* kFormatKey = "actionlens_format";
constexpr const char* kFormat = "actionlens-trained-model-1";

void writeString(torch::serialize::OutputArchive& archive, const std::string& key, const std::string& value) {
    archive.write(key, c10::IValue(value));
}

Result<std::string> readString(torch::serialize::InputArchive& archive, const std::string& key) {
    c10::IValue value;
    if (!archive.try_read(key, value) || !value.isString()) return makeError("it lacks '" + key + "'");
    return value.toStringRef();
}

Result<double> readNumber(torch::serialize::InputArchive& archive, const std::string& key) {
    c10::IValue value;
    if (!archive.try_read(key, value)) return makeError("it lacks '" + key + "'");
    if (value.isInt()) return double(value.toInt());
    if (value.isDouble()) return value.toDouble();
    return makeError("'" + key + "' is not a number");
}

// An archive at all (anything else is "not a model file", below).
bool startsLikeAZipFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    return in.read(magic, 4) && std::memcmp(magic, "PK\x03\x04", 4) == 0;
}

// Opens the archive and checks that it is one of ours.
Status openArchive(const std::string& path, torch::serialize::InputArchive& archive,
                   const torch::Device& device = torch::kCPU) {
    if (!std::filesystem::exists(path)) return makeError("model file '" + path + "' does not exist");
    // LibTorch's reader does not check the archive's checksums: a changed byte in the weights
    // would load as other weights. Checked first, so a damaged file is refused by name.
    if (startsLikeAZipFile(path))
        if (Status s = verifyZipChecksums(path); !s)
            return makeError("model file '" + path + "' is damaged: " + s.error() + "; use another copy or train it again");
    try {
        archive.load_from(path, device);
    } catch (const std::exception& e) {
        return makeError("'" + path + "' is not an ActionLens model file (cannot be read as one)");
    }
    Result<std::string> format = readString(archive, kFormatKey);
    if (!format || format.value() != kFormat) return makeError("'" + path + "' is not an ActionLens trained-model file");
    return Status::success();
}

// Test hook, for the kill tests (tests/app/training_kill_test.cpp): with this variable set to a
// number of milliseconds, the writer says so on stderr and sleeps that long once the temporary
// file holds its first few KiB, so a test can kill the process in the middle of a checkpoint.
constexpr const char* kTestPauseVariable = "ACTIONLENS_TEST_PAUSE_IN_CHECKPOINT_WRITE_MS";

// The archive's bytes into `temporary` through our own descriptor rather than LibTorch's file
// writer: every short write (a full disk) is an error here, not a truncated file found later.
void saveArchive(torch::serialize::OutputArchive& archive, const std::string& temporary) {
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error("cannot create '" + temporary + "': " + std::strerror(errno));
    const char* pauseText = std::getenv(kTestPauseVariable);
    long pauseMs = pauseText ? std::strtol(pauseText, nullptr, 10) : 0;
    size_t written = 0;
    std::string failure;
    auto writeAll = [&](const void* data, size_t size) -> size_t {
        const char* bytes = static_cast<const char*>(data);
        size_t done = 0;
        while (failure.empty() && done < size) {
            const ssize_t n = ::write(fd, bytes + done, size - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) failure = std::strerror(n < 0 ? errno : ENOSPC);
            else done += size_t(n);
        }
        written += done;
        if (pauseMs > 0 && written >= 4096) {
            std::fprintf(stderr, "checkpoint write paused (%s): %zu bytes in '%s'\n", kTestPauseVariable, written, temporary.c_str());
            std::fflush(stderr);
            std::this_thread::sleep_for(std::chrono::milliseconds(pauseMs));
            pauseMs = 0;
        }
        return done;
    };
    try {
        archive.save_to(writeAll);
    } catch (const std::exception&) {
        ::close(fd);
        if (failure.empty()) throw;
        throw std::runtime_error("writing failed: " + failure);  // what LibTorch makes of a short write says less
    }
    if (::close(fd) != 0 && failure.empty()) failure = std::strerror(errno);
    if (!failure.empty()) throw std::runtime_error("writing failed: " + failure);
}

Result<CheckpointInfo> readInfo(const std::string& path, torch::serialize::InputArchive& archive) {
    CheckpointInfo info;
    auto fail = [&](const std::string& what) { return makeError("model file '" + path + "': " + what); };
    Result<std::string> snapshotText = readString(archive, "snapshot");
    if (!snapshotText) return fail(snapshotText.error());
    Result<nlohmann::ordered_json> snapshotJson = parseJson(snapshotText.value());
    if (!snapshotJson) return fail("model description: " + snapshotJson.error());
    Result<ModelSnapshot> snapshot = modelSnapshotFromJson(snapshotJson.value());
    if (!snapshot) return fail(snapshot.error());
    info.snapshot = std::move(snapshot).value();
    Result<std::string> configText = readString(archive, "config");
    if (!configText) return fail(configText.error());
    Result<nlohmann::ordered_json> configJson = parseJson(configText.value());
    if (!configJson) return fail("training config: " + configJson.error());
    Result<TrainConfig> config = trainConfigFromJson(configJson.value());
    if (!config) return fail(config.error());
    info.config = config.value();
    Result<std::string> historyText = readString(archive, "history");
    if (!historyText) return fail(historyText.error());
    Result<nlohmann::ordered_json> history = parseJson(historyText.value());
    if (!history) return fail("history: " + history.error());
    info.history = history.value();
    for (const char* key : {"epochs_done", "best_epoch", "best_score", "finished"}) {
        Result<double> v = readNumber(archive, key);
        if (!v) return fail(v.error());
        if (std::string(key) == "epochs_done") info.epochsDone = int(v.value());
        if (std::string(key) == "best_epoch") info.bestEpoch = int(v.value());
        if (std::string(key) == "best_score") info.bestScore = v.value();
        if (std::string(key) == "finished") info.finished = v.value() != 0.0;
    }
    if (Status s = model::validateModelConfig(info.snapshot.model); !s) return fail(s.error());
    return info;
}

// Loads a network's weights from a sub-archive into `target`, after checking every shape
// against a fresh network of the same config: torch's loading would accept other shapes.
Status loadNetwork(torch::serialize::InputArchive& archive, const std::string& key,
                   model::internal::MultiTaskNetworkImpl& target, const std::string& path) {
    torch::serialize::InputArchive sub;
    if (!archive.try_read(key, sub)) return makeError("model file '" + path + "' lacks '" + key + "'");
    std::vector<std::pair<std::string, std::vector<int64_t>>> shapes;
    for (const auto& item : target.named_parameters()) shapes.emplace_back(item.key(), item.value().sizes().vec());
    for (const auto& item : target.named_buffers()) shapes.emplace_back(item.key(), item.value().sizes().vec());
    try {
        target.load(sub);
    } catch (const std::exception& e) {
        return makeError("model file '" + path + "': weights '" + key + "' do not fit the model: " + e.what());
    }
    size_t i = 0;
    for (const auto& items : {target.named_parameters(), target.named_buffers()})
        for (const auto& item : items) {
            if (i < shapes.size() && item.value().sizes().vec() != shapes[i].second)
                return makeError("model file '" + path + "': '" + item.key() + "' has shape " +
                                 c10::str(item.value().sizes()) + ", the model's description asks for another");
            ++i;
        }
    return Status::success();
}

}  // namespace

bool resumesAfterRestart(const std::string& path, int restartCount) {
    if (restartCount <= 0 || path.empty()) return false;
    std::error_code error;
    if (!std::filesystem::exists(path, error)) return false;
    Result<CheckpointInfo> info = readCheckpointInfo(path);
    return info.ok() && !info->finished;
}

Result<CheckpointInfo> readCheckpointInfo(const std::string& path) {
    torch::serialize::InputArchive archive;
    if (Status s = openArchive(path, archive); !s) return s.takeError();
    return readInfo(path, archive);
}

Result<std::unique_ptr<model::MultiTaskModel>> loadTrainedModel(const std::string& path, CheckpointInfo* infoOut) {
    torch::serialize::InputArchive archive;
    if (Status s = openArchive(path, archive); !s) return s.takeError();
    Result<CheckpointInfo> info = readInfo(path, archive);
    if (!info) return info.takeError();
    Result<model::MultiTaskModel> created = model::MultiTaskModel::create(info->snapshot.model);
    if (!created) return makeError("model file '" + path + "': " + created.error());
    auto model = std::make_unique<model::MultiTaskModel>(std::move(created).value());
    if (Status s = loadNetwork(archive, "best_network", *model::internal::networkOf(*model), path); !s)
        return s.takeError();
    if (infoOut) *infoOut = std::move(info).value();
    return model;
}

namespace internal {

Status writeCheckpoint(const std::string& path, const CheckpointInfo& info, const TrainingCounters& counters,
                       model::internal::MultiTaskNetworkImpl& best, model::internal::MultiTaskNetworkImpl& current,
                       torch::optim::AdamW& optimiser, model::internal::MultiTaskObjectiveImpl& objective) {
    // Said plainly, before LibTorch says it with a stack trace.
    const std::filesystem::path folder = std::filesystem::absolute(path).parent_path();
    if (std::error_code e; !std::filesystem::is_directory(folder, e))
        return makeError("cannot write the model file '" + path + "': the folder '" + folder.string() + "' does not exist");
    const std::string temporary = temporaryPathBeside(path);
    try {
        torch::serialize::OutputArchive archive;
        writeString(archive, kFormatKey, kFormat);
        writeString(archive, "snapshot", writeJson(modelSnapshotToJson(info.snapshot), -1));
        writeString(archive, "config", writeJson(trainConfigToJson(info.config), -1));
        writeString(archive, "history", writeJson(info.history, -1));
        archive.write("epochs_done", c10::IValue(int64_t(counters.epochsDone)));
        archive.write("steps_done", c10::IValue(int64_t(counters.stepsDone)));
        archive.write("best_epoch", c10::IValue(int64_t(counters.bestEpoch)));
        archive.write("best_score", c10::IValue(counters.bestScore));
        archive.write("epochs_without_gain", c10::IValue(int64_t(counters.epochsWithoutGain)));
        archive.write("finished", c10::IValue(int64_t(counters.finished ? 1 : 0)));
        archive.write("seed", c10::IValue(int64_t(info.config.seed)));
        torch::serialize::OutputArchive bestArchive, currentArchive, optimiserArchive, objectiveArchive;
        best.save(bestArchive);
        current.save(currentArchive);
        optimiser.save(optimiserArchive);
        objective.save(objectiveArchive);
        archive.write("best_network", bestArchive);
        archive.write("network", currentArchive);
        archive.write("optimiser", optimiserArchive);
        archive.write("objective", objectiveArchive);
        const std::vector<double> extra = objective.extraState();
        // Never empty: it always holds DWA's epoch count.
        archive.write("objective_state", torch::tensor(extra, torch::kFloat64), /*is_buffer=*/true);
        saveArchive(archive, temporary);
    } catch (const c10::Error& e) {
        removeQuietly(temporary);
        return makeError("cannot write the model file '" + path + "': " + e.what_without_backtrace());
    } catch (const std::exception& e) {
        removeQuietly(temporary);
        return makeError("cannot write the model file '" + path + "': " + e.what());
    }
    return moveIntoPlace(temporary, path, "cannot write the model file '" + path + "'");
}

Status readTrainingState(const std::string& path, const torch::Device& device, TrainingCounters& counters,
                         model::internal::MultiTaskNetworkImpl& best, model::internal::MultiTaskNetworkImpl& current,
                         torch::optim::AdamW& optimiser, model::internal::MultiTaskObjectiveImpl& objective) {
    torch::serialize::InputArchive archive;
    if (Status s = openArchive(path, archive, device); !s) return s;
    if (Status s = loadNetwork(archive, "best_network", best, path); !s) return s;
    if (Status s = loadNetwork(archive, "network", current, path); !s) return s;
    try {
        torch::serialize::InputArchive optimiserArchive, objectiveArchive;
        if (!archive.try_read("optimiser", optimiserArchive) || !archive.try_read("objective", objectiveArchive))
            return makeError("model file '" + path + "' holds no training state to resume from");
        optimiser.load(optimiserArchive);
        objective.load(objectiveArchive);
        torch::Tensor extra;
        archive.read("objective_state", extra, /*is_buffer=*/true);
        extra = extra.to(torch::kCPU, torch::kFloat64).contiguous();
        if (!objective.restoreExtraState(std::vector<double>(extra.data_ptr<double>(), extra.data_ptr<double>() + extra.numel())))
            return makeError("model file '" + path + "': the loss weighting state does not fit its config");
    } catch (const std::exception& e) {
        return makeError("model file '" + path + "': cannot restore the training state: " + e.what());
    }
    auto number = [&](const char* key) -> Result<double> { return readNumber(archive, key); };
    for (const char* key : {"epochs_done", "steps_done", "best_epoch", "best_score", "epochs_without_gain", "finished"}) {
        Result<double> v = number(key);
        if (!v) return makeError("model file '" + path + "': " + v.error());
        const std::string k = key;
        if (k == "epochs_done") counters.epochsDone = int(v.value());
        if (k == "steps_done") counters.stepsDone = int64_t(v.value());
        if (k == "best_epoch") counters.bestEpoch = int(v.value());
        if (k == "best_score") counters.bestScore = v.value();
        if (k == "epochs_without_gain") counters.epochsWithoutGain = int(v.value());
        if (k == "finished") counters.finished = v.value() != 0.0;
    }
    return Status::success();
}

}  // namespace internal

}  // namespace actionlens::train
