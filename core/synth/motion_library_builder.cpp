// buildMotionLibrary: chooses the sequences of the built-in motion library from a folder of Penn
// Action label files. Kept apart from the format (motion_library.cpp) because only the
// `motion-library` tool and the tests read the dataset; the app itself only decodes.

#include "core/synth/motion_library.h"

#include "core/formats/penn_action_labels.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <utility>

namespace actionlens::synth {

Result<MotionLibraryBuild> buildMotionLibrary(const std::string& folder, int perPair) {
    namespace fs = std::filesystem;
    if (perPair < 1) return makeError("at least one sequence per action and viewpoint is needed");
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (entry.path().extension() == ".mat") files.push_back(entry.path());
    }
    if (ec) return makeError("cannot list '" + folder + "': " + ec.message());
    if (files.empty()) return makeError("'" + folder + "' holds no Penn Action label files (NNNN.mat)");
    std::sort(files.begin(), files.end());

    // Per pair, in file order: complete sequences (every joint visible somewhere) first, then
    // the others, so a mannequin rarely has to guess a limb.
    std::map<std::pair<std::string, std::string>, std::pair<std::vector<MotionClip>, std::vector<MotionClip>>> pairs;
    MotionLibraryBuild build;
    for (const fs::path& file : files) {
        auto sequence = formats::readPennActionLabels(file.string());
        if (!sequence.ok()) return sequence.takeError();
        ++build.filesRead;
        const bool anyVisible = std::any_of(sequence->visible.begin(), sequence->visible.end(), [](uint8_t v) { return v != 0; });
        if (!anyVisible) continue;
        auto& [complete, partial] = pairs[{sequence->action, sequence->viewpoint}];
        if (static_cast<int>(complete.size()) >= perPair) continue;
        auto clip = filledPennMotion(sequence.value(), file.stem().string());
        if (!clip.ok()) return clip.takeError();
        const bool all = std::all_of(clip->everVisible.begin(), clip->everVisible.end(), [](bool v) { return v; });
        (all ? complete : partial).push_back(std::move(clip).value());
    }
    std::vector<MotionClip> chosen;
    for (auto& [key, lists] : pairs) {
        auto& [complete, partial] = lists;
        std::vector<MotionClip> pick = std::move(complete);
        for (MotionClip& clip : partial) {
            if (static_cast<int>(pick.size()) < perPair) pick.push_back(std::move(clip));
        }
        // Back to file order within the pair, so the library reads like the dataset.
        std::sort(pick.begin(), pick.end(), [](const MotionClip& a, const MotionClip& b) { return a.name < b.name; });
        for (MotionClip& clip : pick) chosen.push_back(std::move(clip));
    }
    std::sort(chosen.begin(), chosen.end(), [](const MotionClip& a, const MotionClip& b) { return a.name < b.name; });
    auto bytes = encodeMotionLibrary(chosen);
    if (!bytes.ok()) return bytes.takeError();
    build.bytes = std::move(bytes).value();
    build.sequences = static_cast<int>(chosen.size());
    return build;
}

}  // namespace actionlens::synth
