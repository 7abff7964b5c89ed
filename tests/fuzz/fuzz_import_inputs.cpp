#include "tests/fuzz/fuzz_import_inputs.h"

#include "tests/fuzz/fuzz_files.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace actionlens::fuzz {

const std::vector<ImportInput>& importInputs() {
    static const std::vector<ImportInput> inputs = {
        {"fuzz_native_json", "native", {"in.json"}, false},
        {"fuzz_coco", "coco", {"in.json"}, false},
        // Two frames' files of one video.
        {"fuzz_openpose", "openpose", {"clip_a_000000000000_keypoints.json", "clip_a_000000000001_keypoints.json"}, true},
        {"fuzz_penn_action", "penn-action", {"labels/0002.mat"}, true},
        {"fuzz_ucf101", "ucf101", {"classInd.txt", "trainlist01.txt", "testlist01.txt"}, true},
        {"fuzz_hmdb51", "hmdb51", {"brush_hair_test_split1.txt", "golf_test_split1.txt"}, true},
        {"fuzz_kinetics", "kinetics", {"train.csv"}, false},
        {"fuzz_segments_csv", "segments-csv", {"in.csv"}, false},
        {"fuzz_elan", "elan", {"clip_a.eaf"}, false},
        {"fuzz_boris", "boris", {"in.boris"}, false},
        {"fuzz_cvat_video", "cvat-video", {"in.xml"}, false},
        {"fuzz_activitynet", "activitynet", {"in.json"}, false},
        {"fuzz_ava", "ava", {"ava_train.csv", "actions.pbtxt"}, false},
        {"fuzz_ntu_rgbd", "ntu-rgbd", {"S001C001P001R001A005.skeleton", "actions.txt"}, false},
    };
    return inputs;
}

const ImportInput& importInput(const std::string& target) {
    for (const ImportInput& input : importInputs())
        if (input.target == target) return input;
    std::fprintf(stderr, "fuzz: no import input for '%s'\n", target.c_str());
    std::abort();
}

std::string placeImportInput(const ImportInput& input, const std::string& folder, const std::string& bytes) {
    namespace fs = std::filesystem;
    resetFolder(folder);
    const std::vector<std::string> parts = splitParts(bytes, input.files.size());
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const fs::path path = fs::path(folder) / input.files[i];
        std::error_code ec;
        fs::create_directories(path.parent_path(), ec);
        writeFile(path.string(), parts[i]);
    }
    return input.sourceIsFolder ? folder : (fs::path(folder) / input.files.front()).string();
}

}  // namespace actionlens::fuzz
