#include "core/synth/synth_project.h"

#include "core/annotation/project_store.h"
#include "core/annotation/video_fingerprint.h"
#include "core/media/video_encoder.h"
#include "core/synth/limb_mask_file.h"
#include "core/synth/dataset_splits.h"
#include "core/synth/limbs.h"
#include "core/synth/paired_script.h"
#include "core/synth/scene_renderer.h"
#include "core/synth/synth_taxonomy.h"

#include <chrono>
#include <cstdio>
#include <filesystem>

namespace actionlens::synth {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::string numbered(const char* stem, int index, const char* suffix) {
    char name[64];
    std::snprintf(name, sizeof(name), "%s_%03d%s", stem, index, suffix);
    return name;
}

Status checkSettings(const SynthSettings& s) {
    if (s.projectPath.empty()) return makeError("no project path given");
    if (s.videos < 1 || s.videos > 10000) return makeError("the number of videos must be 1-10000");
    if (s.width < 64 || s.height < 64 || s.width > 4096 || s.height > 4096 || s.width % 2 || s.height % 2) {
        return makeError("the video size must be even, 64-4096 pixels each way (got " + std::to_string(s.width) + "x" +
                         std::to_string(s.height) + ")");
    }
    if (s.fps < 1 || s.fps > 120) return makeError("the frame rate must be 1-120 frames per second");
    if (!(s.occluderChance >= 0.0 && s.occluderChance <= 1.0)) return makeError("the occluder chance must be 0-1");
    if (!(s.twoSubjectChance >= 0.0 && s.twoSubjectChance <= 1.0)) return makeError("the two-subject chance must be 0-1");
    if (!(s.testFraction >= 0.0 && s.testFraction <= 1.0)) return makeError("the test fraction must be 0-1");
    if (s.timing.minClips < 1 || s.timing.maxClips < s.timing.minClips) return makeError("the clips per video must be a range 1..N");
    return Status::success();
}

// Removes what a failed run created, so a retry starts clean.
void removeProject(const fs::path& project, const fs::path& folder) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", ".lock"}) fs::remove(project.string() + suffix, ec);
    fs::remove_all(folder, ec);
}

struct Planned {
    VideoScript script;
    std::uint32_t renderSeed = 0;
    int subject = 0;
    std::optional<Occluder> occluder;
    std::string split;
    std::optional<VideoScript> partner;
    int partnerSubject = 0;
};

// The people in a video, in drawing order.
std::vector<const VideoScript*> scriptsOf(const Planned& plan) {
    std::vector<const VideoScript*> scripts{&plan.script};
    if (plan.partner) scripts.push_back(&*plan.partner);
    return scripts;
}

}  // namespace

std::string synthVideoFolder(const std::string& projectPath) {
    const fs::path project(projectPath);
    return (project.parent_path() / (project.stem().string() + "_videos")).string();
}

Result<SynthSummary> synthesiseProject(const SynthSettings& settings, const std::vector<MotionClip>& library,
                                       const SynthCallbacks& callbacks) {
    if (Status s = checkSettings(settings); !s.ok()) return s.takeError();
    const fs::path project = fs::absolute(settings.projectPath);
    const fs::path folder = synthVideoFolder(project.string());
    std::error_code ec;
    if (fs::exists(project, ec)) return makeError("'" + project.string() + "' exists already; synth writes a new project");
    if (fs::exists(folder, ec)) return makeError("'" + folder.string() + "' exists already; remove it or choose another project name");
    auto taxonomy = synthTaxonomy();
    if (!taxonomy.ok()) return taxonomy.takeError();

    // Everything random is decided here, before any file is written, in a fixed order.
    SynthRandom random(settings.seed);
    const int subjectCount = std::max(1, (settings.videos + 1) / 2);  // people recur: identity is learnable
    std::vector<Mannequin> people;
    for (int i = 0; i < subjectCount; ++i) people.push_back(randomMannequin(random));
    std::vector<Planned> plans;
    std::int64_t totalFrames = 0;
    for (int v = 0; v < settings.videos; ++v) {
        Planned plan;
        plan.subject = v % subjectCount;
        auto script = scriptVideo(library, people[static_cast<size_t>(plan.subject)], settings.width, settings.height,
                                  settings.fps, settings.timing, random);
        if (!script.ok()) return script.takeError();
        plan.script = std::move(script).value();
        plan.renderSeed = random.childSeed();
        totalFrames += plan.script.frameCount();
        plans.push_back(std::move(plan));
    }
    // Second people: their own generator, so videos without one are what they were before.
    SynthRandom pairRandom(settings.seed ^ 0x2bd1e5a3u);
    for (Planned& plan : plans) {
        const bool paired = pairRandom.chance(settings.twoSubjectChance);
        if (!paired || subjectCount < 2) continue;
        plan.partnerSubject = (plan.subject + pairRandom.integer(1, subjectCount - 1)) % subjectCount;
        auto partner = scriptVideo(library, people[static_cast<size_t>(plan.partnerSubject)], settings.width / 2, settings.height,
                                   settings.fps, settings.timing, pairRandom);
        if (!partner.ok()) return partner.takeError();
        plan.partner = std::move(partner).value();
        placeSideBySide(plan.script, *plan.partner, settings.width, settings.height, settings.fps, pairRandom);
    }
    SynthRandom occluderRandom(settings.seed ^ 0x0cc1de75u);
    for (Planned& plan : plans) {
        const bool seeded = occluderRandom.chance(settings.occluderChance);
        const Occluder occluder = randomOccluder(occluderRandom, settings.width, settings.height, plan.script.frameCount());
        const bool on = settings.occluders == OccluderMode::Always || (settings.occluders == OccluderMode::Seeded && seeded);
        if (on) plan.occluder = occluder;
    }
    const std::vector<std::string> splits = assignSplits(settings.videos, settings.testFraction, settings.seed);
    for (size_t v = 0; v < plans.size(); ++v) plans[v].split = splits[v];

    fs::create_directories(folder, ec);
    if (ec) return makeError("cannot create '" + folder.string() + "': " + ec.message());
    auto opened = annotation::ProjectStore::create(project.string());
    if (!opened.ok()) {
        removeProject(project, folder);
        return opened.takeError();
    }
    std::unique_ptr<annotation::ProjectStore> store = std::move(opened).value();

    SynthSummary summary;
    std::int64_t framesDone = 0;
    Status written = store->transaction([&]() -> Status {
        auto previous = store->setTaxonomy(taxonomy.value());
        if (!previous.ok()) return previous.takeError();
        const annotation::SkeletonLayout* layout = store->skeletonLayout("Penn-13");
        if (!layout) return makeError("the project has no Penn-13 skeleton layout");
        std::vector<std::int64_t> subjectIds;
        for (int i = 0; i < subjectCount; ++i) {
            const Mannequin& m = people[static_cast<size_t>(i)];
            annotation::Subject subject{0, "person " + std::to_string(i + 1),
                                        {{"handedness", handednessName(m.handedness)}, {"build", buildName(m.build)}, {"clothing", m.clothingColour}}};
            auto id = store->insertSubject(subject);
            if (!id.ok()) return id.takeError();
            subjectIds.push_back(id.value());
        }

        for (size_t v = 0; v < plans.size(); ++v) {
            const VideoScript& script = plans[v].script;
            SynthVideoSummary video;
            video.videoPath = (folder / numbered("video", static_cast<int>(v), ".mp4")).string();
            video.maskPath = (folder / numbered("video", static_cast<int>(v), ".limbs")).string();
            video.subjectName = "person " + std::to_string(plans[v].subject + 1);
            video.mannequin = script.mannequin;
            video.frameCount = script.frameCount();
            video.occluder = plans[v].occluder;
            video.split = plans[v].split;
            std::vector<std::optional<OccluderFrame>> occluderFrames(static_cast<size_t>(script.frameCount()));
            if (plans[v].occluder) {
                for (int f = 0; f < script.frameCount(); ++f)
                    occluderFrames[static_cast<size_t>(f)] = occluderAt(*plans[v].occluder, f, settings.width, settings.height);
            }

            media::EncoderSettings encoding;
            encoding.width = settings.width;
            encoding.height = settings.height;
            encoding.fpsNum = settings.fps;
            encoding.gopSize = 2 * settings.fps;  // a keyframe every 2 s: quick seeking in the player
            encoding.quality = settings.quality;
            auto encoder = media::VideoEncoder::open(video.videoPath, encoding);
            if (!encoder.ok()) return encoder.takeError();
            auto masks = LimbMaskWriter::open(video.maskPath, settings.width, settings.height);
            if (!masks.ok()) return masks.takeError();

            SceneRenderer renderer(settings.width, settings.height, plans[v].renderSeed);
            media::VideoFrame frame;
            LimbMask mask;
            for (int f = 0; f < script.frameCount(); ++f) {
                if (callbacks.cancelled && callbacks.cancelled()) return makeError("cancelled");
                const auto renderStart = Clock::now();
                std::vector<PosedFigure> figures;
                for (const VideoScript* person : scriptsOf(plans[v])) {
                    figures.push_back({&person->mannequin, person->imagePoses[static_cast<size_t>(f)],
                                       person->camera[static_cast<size_t>(f)].scale, person->frameViewpoints[static_cast<size_t>(f)]});
                }
                renderer.render(figures, frame, mask, occluderFrames[static_cast<size_t>(f)]);
                mask.mostMoved = f > 0 ? mostMovedLimb(script.imagePoses[static_cast<size_t>(f - 1)], script.imagePoses[static_cast<size_t>(f)]) : 0;
                summary.renderSeconds += secondsSince(renderStart);
                const auto encodeStart = Clock::now();
                if (Status s = encoder.value()->write(frame.rgb.data(), frame.stride); !s.ok()) return s;
                summary.encodeSeconds += secondsSince(encodeStart);
                if (Status s = masks.value()->write(mask); !s.ok()) return s;
                ++framesDone;
                if (callbacks.progress) callbacks.progress(framesDone, totalFrames);
            }
            if (Status s = encoder.value()->finish(); !s.ok()) return s;
            if (Status s = masks.value()->finish(); !s.ok()) return s;
            summary.codec = encoder.value()->codecName();

            annotation::Video record;
            record.path = video.videoPath;
            record.sizeBytes = static_cast<std::int64_t>(fs::file_size(video.videoPath, ec));
            record.fps = settings.fps;
            record.frameCount = script.frameCount();
            record.width = settings.width;
            record.height = settings.height;
            auto hash = annotation::videoContentHash(video.videoPath);
            if (!hash.ok()) return hash.takeError();
            record.contentHash = hash.value();
            record.name = numbered("video", static_cast<int>(v), "");
            record.splits = {plans[v].split};
            auto videoId = store->insertVideo(record);
            if (!videoId.ok()) return videoId.takeError();
            if (plans[v].partner) {
                video.partner.subjectName = "person " + std::to_string(plans[v].partnerSubject + 1);
                video.partner.mannequin = plans[v].partner->mannequin;
            }
            const std::vector<const VideoScript*> persons = scriptsOf(plans[v]);
            for (size_t person = 0; person < persons.size(); ++person) {
                const VideoScript& performer = *persons[person];
                const std::int64_t subjectId =
                    subjectIds[static_cast<size_t>(person == 0 ? plans[v].subject : plans[v].partnerSubject)];
                // The generator's poses are exact: imported ground truth, visible wherever inside the
                // frame and not behind the occluder (the coordinates stay exact either way).
                std::vector<annotation::SkeletonFrame> skeletons(static_cast<size_t>(performer.frameCount()));
                for (int f = 0; f < performer.frameCount(); ++f) {
                    annotation::SkeletonFrame& s = skeletons[static_cast<size_t>(f)];
                    s.videoId = videoId.value();
                    s.subjectId = subjectId;
                    s.frame = f;
                    s.layoutId = layout->id;
                    s.source = annotation::PoseSource::Imported;
                    const std::optional<OccluderFrame>& occluder = occluderFrames[static_cast<size_t>(f)];
                    for (const Point2& p : performer.imagePoses[static_cast<size_t>(f)]) {
                        const bool inside = p.x >= 0.0f && p.y >= 0.0f && p.x < settings.width && p.y < settings.height;
                        const bool hidden = occluder && occluder->covers(p);
                        s.joints.push_back(annotation::Joint{p.x, p.y, inside ? 1.0f : 0.0f, inside && !hidden});
                    }
                }
                if (Status s = store->insertSkeletonFrames(skeletons); !s.ok()) return s;

                for (const ScriptedClip& clip : performer.clips) {
                    annotation::Segment segment;
                    segment.videoId = videoId.value();
                    segment.subjectId = subjectId;
                    segment.firstFrame = clip.firstFrame;
                    segment.lastFrame = clip.lastFrame;
                    segment.labels = {{store->taxonomy().actionTask()->name, clip.motion->action}, {"viewpoint", clip.viewpoint}};
                    segment.annotator = "ActionLens synth";
                    segment.review = annotation::ReviewStatus::Accepted;  // generated, hence exact
                    auto id = store->insertSegment(segment);
                    if (!id.ok()) return id.takeError();
                    std::vector<SynthClipSummary>& clips = person == 0 ? video.clips : video.partner.clips;
                    clips.push_back({clip.motion->name, clip.motion->action, clip.viewpoint, clip.firstFrame, clip.lastFrame});
                }
            }
            summary.videos.push_back(std::move(video));
        }
        return Status::success();
    });
    store.reset();
    if (!written.ok()) {
        removeProject(project, folder);
        return written.takeError();
    }
    return summary;
}

}  // namespace actionlens::synth
