#include "core/train/mirror_inference.h"

#include "core/train/skeleton_augmentation.h"

#include <algorithm>

namespace actionlens::train {

model::SkeletonBatch mirroredSkeletonBatch(const model::SkeletonBatch& batch, const std::vector<std::pair<int, int>>& mirrorPairs) {
    model::SkeletonBatch out = batch;
    const size_t clipSize = size_t(model::kSkeletonChannels) * batch.frames * batch.joints;
    for (int n = 0; n < batch.clips; ++n) {
        model::SkeletonClip clip{batch.frames, batch.joints,
                                 std::vector<float>(batch.values.begin() + long(n * clipSize),
                                                    batch.values.begin() + long((n + 1) * clipSize))};
        mirrorClip(clip, mirrorPairs);
        std::copy(clip.values.begin(), clip.values.end(), out.values.begin() + long(n * clipSize));
    }
    return out;
}

model::VideoBatch mirroredVideoBatch(const model::VideoBatch& batch) {
    model::VideoBatch out = batch;
    const size_t rows = out.values.size() / size_t(std::max(1, batch.width));
    for (size_t r = 0; r < rows; ++r) {
        auto row = out.values.begin() + long(r * size_t(batch.width));
        std::reverse(row, row + batch.width);
    }
    return out;
}

std::vector<double> mirroredPriorCorrection(const DatasetTask& task, const std::vector<int>& labels, double mirrorChance) {
    const size_t classes = task.classNames.size();
    if (!(mirrorChance > 0.0) || task.mirrorOf.size() != classes) return {};
    bool changes = false;
    for (size_t c = 0; c < classes; ++c) changes = changes || task.mirrorOf[c] != int(c);
    if (!changes) return {};
    std::vector<double> count(classes, 1.0);
    double total = double(classes);
    for (int label : labels)
        if (label >= 0 && size_t(label) < classes) count[size_t(label)] += 1.0, total += 1.0;
    std::vector<double> ratio(classes);
    for (size_t c = 0; c < classes; ++c) {
        const double data = count[c] / total;
        const double trained = (1.0 - mirrorChance) * data + mirrorChance * count[size_t(task.mirrorOf[c])] / total;
        ratio[c] = data / trained;
    }
    return ratio;
}

Result<model::MultiTaskPrediction> inferBatch(model::MultiTaskModel& model, const ModelSnapshot& snapshot,
                                              const model::ModelInput& input) {
    Result<model::MultiTaskPrediction> plain = model.forward(input);
    if (!plain) return plain;
    model::MultiTaskPrediction out = std::move(plain).value();
    if (snapshot.testTimeMirror) {
        model::SkeletonBatch skeleton;
        model::VideoBatch video;
        model::ModelInput mirrored;
        if (input.skeleton) {
            skeleton = mirroredSkeletonBatch(*input.skeleton, snapshot.mirrorPairs);
            mirrored.skeleton = &skeleton;
        }
        if (input.video) {
            video = mirroredVideoBatch(*input.video);
            mirrored.video = &video;
        }
        Result<model::MultiTaskPrediction> other = model.forward(mirrored);
        if (!other) return other.takeError();
        for (size_t t = 0; t < out.tasks.size() && t < snapshot.tasks.size(); ++t) {
            const std::vector<int>& image = snapshot.tasks[t].mirrorOf;
            model::TaskPrediction& task = out.tasks[t];
            if (image.size() != size_t(task.classCount)) continue;  // undeclared: the clip's own answer
            const std::vector<float>& seen = other->tasks[t].probabilities;
            for (int n = 0; n < out.clips; ++n) {
                float* p = task.probabilities.data() + size_t(n) * task.classCount;
                const float* q = seen.data() + size_t(n) * task.classCount;
                // Class c of the clip is class image[c] of its mirror image.
                for (int c = 0; c < task.classCount; ++c) p[c] = 0.5f * (p[c] + q[image[size_t(c)]]);
            }
        }
    }
    for (size_t t = 0; t < out.tasks.size() && t < snapshot.priorCorrection.size(); ++t) {
        const std::vector<double>& ratio = snapshot.priorCorrection[t];
        model::TaskPrediction& task = out.tasks[t];
        if (ratio.size() != size_t(task.classCount)) continue;
        for (int n = 0; n < out.clips; ++n) {
            float* p = task.probabilities.data() + size_t(n) * task.classCount;
            double sum = 0.0;
            for (int c = 0; c < task.classCount; ++c) sum += p[c] * ratio[size_t(c)];
            if (!(sum > 0.0)) continue;
            for (int c = 0; c < task.classCount; ++c) p[c] = float(p[c] * ratio[size_t(c)] / sum);
        }
    }
    return out;
}

}  // namespace actionlens::train
