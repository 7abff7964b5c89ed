#include "core/predict/labelling_queue.h"

#include <algorithm>
#include <numeric>

namespace actionlens::predict {

namespace {

// The mean answer of frames first..last (track frames) for each task; empty when no frame of
// the clip was covered by a window.
std::vector<std::vector<float>> meanAnswers(const train::TrackPrediction& p, int first, int last) {
    int covered = 0;
    for (int f = first; f <= last; ++f) covered += p.covered[size_t(f)];
    if (covered == 0) return {};
    std::vector<std::vector<float>> out;
    for (const train::TaskFrameProbabilities& task : p.tasks) {
        std::vector<float> mean(size_t(task.classCount), 0.0f);
        for (int f = first; f <= last; ++f) {
            if (!p.covered[size_t(f)]) continue;
            for (int c = 0; c < task.classCount; ++c) mean[size_t(c)] += task.probabilities[size_t(f) * size_t(task.classCount) + size_t(c)];
        }
        const float sum = std::accumulate(mean.begin(), mean.end(), 0.0f);
        if (sum > 0) for (float& v : mean) v /= sum;
        out.push_back(std::move(mean));
    }
    return out;
}

}  // namespace

std::vector<QueueClip> unlabelledClips(const VideoPrediction& prediction, std::int64_t videoId,
                                       const std::vector<annotation::Segment>& segments, const train::ModelSnapshot& snapshot,
                                       const QueueOptions& options) {
    const int clipFrames = std::max(1, options.clipFrames > 0 ? options.clipFrames
                                                               : snapshot.windowFrames > 0 ? snapshot.windowFrames
                                                                                           : snapshot.frames);
    std::vector<QueueClip> out;
    for (const PredictedTrack& track : prediction.tracks) {
        if (!track.frameProbabilities) continue;
        const train::TrackPrediction& p = *track.frameProbabilities;
        // Frames free to label: covered by the model, outside the subject's people's segments.
        std::vector<bool> free(size_t(p.frames), false);
        for (int f = 0; f < p.frames; ++f) free[size_t(f)] = p.covered[size_t(f)];
        for (const annotation::Segment& s : segments) {
            if (s.videoId != videoId || s.subjectId != track.track.subjectId || annotation::isModelPrediction(s)) continue;
            for (std::int64_t f = std::max(s.firstFrame, track.track.firstFrame); f <= std::min(s.lastFrame, track.track.lastFrame); ++f)
                free[size_t(f - track.track.firstFrame)] = false;
        }
        int f = 0;
        while (f < p.frames) {
            if (!free[size_t(f)]) {
                ++f;
                continue;
            }
            int end = f;
            while (end + 1 < p.frames && free[size_t(end + 1)]) ++end;
            // The stretch f..end in clips of clipFrames; a remainder of half a clip or more is a clip too.
            for (int first = f; first <= end; first += clipFrames) {
                const int last = std::min(end, first + clipFrames - 1);
                if (last - first + 1 < (clipFrames + 1) / 2) break;
                const std::vector<std::vector<float>> answers = meanAnswers(p, first, last);
                if (answers.empty()) continue;
                QueueClip clip;
                clip.videoId = videoId;
                clip.subjectId = track.track.subjectId;
                clip.firstFrame = track.track.firstFrame + first;
                clip.lastFrame = track.track.firstFrame + last;
                int used = 0;
                for (size_t t = 0; t < answers.size(); ++t) {
                    const auto best = std::max_element(answers[t].begin(), answers[t].end());
                    const size_t index = size_t(best - answers[t].begin());
                    const auto& names = snapshot.tasks[t].classNames;
                    clip.classes.push_back(index < names.size() ? names[index] : std::to_string(index));
                    clip.confidences.push_back(*best);
                    if (options.task >= 0 && int(t) != options.task) continue;
                    clip.uncertainty += train::answerUncertainty(answers[t], options.measure);
                    ++used;
                }
                if (used > 0) clip.uncertainty /= used;
                out.push_back(std::move(clip));
            }
            f = end + 1;
        }
    }
    return out;
}

std::vector<QueueClip> rankForLabelling(const std::vector<QueueClip>& candidates, const QueueOptions& options) {
    std::vector<int> indices(candidates.size());
    std::iota(indices.begin(), indices.end(), 0);
    std::vector<double> uncertainty;
    std::vector<std::string> groups;
    for (const QueueClip& c : candidates) {
        uncertainty.push_back(c.uncertainty);
        if (options.diversity) groups.push_back(std::to_string(c.videoId));
    }
    const int count = std::min<int>(options.maxClips, int(candidates.size()));
    std::vector<QueueClip> out;
    for (int i : train::chooseForLabelling(indices, uncertainty, count, groups)) out.push_back(candidates[size_t(i)]);
    return out;
}

}  // namespace actionlens::predict
