// dataset_ablation: `actionlens-cli ablate` for a machine with LibTorch alone (a GPU server
// without Qt): single-task vs multi-task over seeds x grouped folds on a dataset file written by
// `actionlens-cli export-dataset`, and merging of reports run in parallel.
//
//   dataset_ablation --dataset F.alds [--config cfg.json] [--seed S] [--seeds 3] [--folds 5]
//                    [--fold K]... [--device auto|cpu|cuda] [-o report.json] [--markdown table.md]
//   dataset_ablation --merge a.json b.json ... [-o report.json] [--markdown table.md]
//
// Progress, one line per finished model, on stderr.

#include "core/train/ablation.h"
#include "core/train/dataset_file.h"
#include "core/train/file_replacement.h"
#include "core/train/json_text.h"
#include "core/train/train_config.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace actionlens;

namespace {

int usage() {
    std::fprintf(stderr,
                 "usage: dataset_ablation --dataset F.alds [--config cfg.json] [--seed S] [--seeds N] [--folds K] [--fold K]... "
                 "[--device auto|cpu|cuda] [-o report.json] [--markdown table.md]\n"
                 "       dataset_ablation --merge a.json b.json ... [-o report.json] [--markdown table.md]\n");
    return 2;
}

int writeReport(const train::AblationReport& report, const std::string& output, const std::string& markdown) {
    const std::string table = train::ablationToMarkdown(report);
    if (!markdown.empty())
        if (Status s = train::writeTextFileAtomically(markdown, table); !s) {
            std::fprintf(stderr, "dataset_ablation: %s\n", s.error().c_str());
            return 1;
        }
    if (!output.empty())
        if (Status s = train::writeTextFileAtomically(output, train::writeJson(train::ablationToJson(report)) + "\n"); !s) {
            std::fprintf(stderr, "dataset_ablation: %s\n", s.error().c_str());
            return 1;
        }
    std::fputs(table.c_str(), stdout);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string datasetPath, configPath, output, markdown, device;
    std::vector<std::string> merge;
    bool merging = false;
    int seeds = 3, folds = 5;
    std::vector<int> onlyFolds;
    long seed = -1;
    for (int i = 1; i < argc; ++i) {
        const std::string key = argv[i];
        if (key == "--merge") {
            merging = true;
            continue;
        }
        if (merging && key.rfind("-", 0) != 0) {
            merge.push_back(key);
            continue;
        }
        if (i + 1 >= argc) return usage();
        const std::string value = argv[++i];
        if (key == "--dataset") datasetPath = value;
        else if (key == "--config") configPath = value;
        else if (key == "--seed") seed = std::atol(value.c_str());
        else if (key == "--seeds") seeds = std::atoi(value.c_str());
        else if (key == "--folds") folds = std::atoi(value.c_str());
        else if (key == "--fold") onlyFolds.push_back(std::atoi(value.c_str()));
        else if (key == "--device") device = value;
        else if (key == "-o") output = value;
        else if (key == "--markdown") markdown = value;
        else return usage();
    }
    if (merging) {
        Result<train::AblationReport> merged = train::mergeAblationReportFiles(merge);
        if (!merged) {
            std::fprintf(stderr, "dataset_ablation: %s\n", merged.error().c_str());
            return 1;
        }
        return writeReport(merged.value(), output, markdown);
    }
    if (datasetPath.empty()) return usage();
    train::AblationRequest request;
    if (!configPath.empty()) {
        Result<train::TrainConfig> config = train::loadTrainConfig(configPath);
        if (!config) {
            std::fprintf(stderr, "dataset_ablation: %s\n", config.error().c_str());
            return 1;
        }
        request.config = config.value();
    }
    if (seed >= 0) request.config.seed = std::uint32_t(seed);
    if (!device.empty()) request.config.device = device;
    Result<train::LabelledDataset> data = train::readDatasetFile(datasetPath);
    if (!data) {
        std::fprintf(stderr, "dataset_ablation: %s\n", data.error().c_str());
        return 1;
    }
    request.dataset = &data.value();
    for (int i = 0; i < int(data->clips.size()); ++i) request.items.push_back(i);
    request.seeds = seeds;
    request.folds = folds;
    request.onlyFolds = onlyFolds;
    const auto start = std::chrono::steady_clock::now();
    train::AblationCallbacks callbacks;
    callbacks.progress = [&](int done, int total, const std::string& now) {
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::fprintf(stderr, "[%6.1f s] %d/%d %s\n", seconds, done, total, now.c_str());
    };
    Result<train::AblationReport> report = train::runAblation(request, callbacks);
    if (!report) {
        std::fprintf(stderr, "dataset_ablation: %s\n", report.error().c_str());
        return 1;
    }
    return writeReport(report.value(), output, markdown);
}
