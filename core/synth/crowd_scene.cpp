#include "core/synth/crowd_scene.h"

#include "core/synth/retarget.h"
#include "core/synth/synth_random.h"

#include <algorithm>
#include <cmath>

namespace actionlens::synth {

namespace {

// Head top to feet in body units (torso length 1): the head above the neck and the legs below
// the hips of the default proportions, with the feet's depth.
double standingHeightUnits(const BodyProportions& body) {
    return body.neckToHead + body.headRadius + 1.0 + body.thigh + body.shin + 0.1;
}

}  // namespace

Result<CrowdScene> planCrowdScene(const std::vector<MotionClip>& library, const CrowdSceneOptions& options) {
    if (library.empty()) return makeError("crowd scene: the motion library is empty");
    if (options.people < 1 || options.frames < 1 || options.fps <= 0) return makeError("crowd scene: needs people, frames and a frame rate");
    if (options.minPersonHeight <= 0 || options.maxPersonHeight < options.minPersonHeight)
        return makeError("crowd scene: person heights must be positive, the nearest at least the farthest");
    if (options.maxPersonHeight * 1.6 > options.height)
        return makeError("crowd scene: a " + std::to_string(options.height) + " px tall frame is too small for people " +
                         std::to_string(int(options.maxPersonHeight)) + " px tall");
    SynthRandom random(options.seed);
    CrowdScene scene;
    scene.options = options;
    // Depth slots from far to near, shuffled across the width so that neighbours in depth are
    // not neighbours on screen.
    std::vector<double> columns;
    for (int p = 0; p < options.people; ++p) columns.push_back((p + 0.5) / options.people);
    for (int p = options.people - 1; p > 0; --p) std::swap(columns[std::size_t(p)], columns[std::size_t(random.integer(0, p))]);
    const double horizon = 0.25 * options.height;
    for (int p = 0; p < options.people; ++p) {
        CrowdPerson person;
        person.mannequin = randomMannequin(random);
        const double depth = options.people == 1 ? 1.0 : double(p) / (options.people - 1);  // 0 far .. 1 near
        person.standingHeight = options.minPersonHeight + depth * (options.maxPersonHeight - options.minPersonHeight);
        const double heightUnits = standingHeightUnits(person.mannequin.body);
        person.pixelsPerUnit = float(person.standingHeight / heightUnits);
        // Feet from just below the horizon (far) to near the bottom (near).
        const double feetY = horizon + person.standingHeight + depth * (options.height - 0.05 * options.height - horizon - person.standingHeight);
        const double hipsY = feetY - (person.mannequin.body.thigh + person.mannequin.body.shin + 0.1) * person.pixelsPerUnit;
        const double direction = random.unit() < 0.5 ? -1.0 : 1.0;
        const double speed = options.walkingSpeed * person.standingHeight / options.fps;  // pixels per frame
        const double travel = speed * (options.frames - 1);
        // Start so that the walk is centred on the person's column, kept inside the frame.
        double startX = columns[std::size_t(p)] * options.width - direction * 0.5 * travel;
        const double margin = 0.5 * person.standingHeight;
        startX = std::clamp(startX, margin + std::max(0.0, -direction * travel), options.width - margin - std::max(0.0, direction * travel));

        const MotionClip& source = library[std::size_t(random.integer(0, int(library.size()) - 1))];
        auto clip = resampleMotion(source, options.fps);
        if (!clip.ok()) return clip.takeError();
        std::vector<Pose> units = retargetClip(clip.value(), person.mannequin.body);
        if (units.empty()) return makeError("crowd scene: motion '" + source.name + "' has no frames");
        if (person.mannequin.handedness == Handedness::Left)
            for (Pose& pose : units) pose = mirrorPose(pose);
        person.viewpoint = source.viewpoint;
        const int offset = random.integer(0, int(units.size()) - 1);
        for (int f = 0; f < options.frames; ++f) {
            const Pose& body = units[std::size_t((offset + f) % int(units.size()))];
            const double anchorX = startX + direction * speed * f;
            Pose pose;
            for (int j = 0; j < kJointCount; ++j)
                pose[std::size_t(j)] = {float(anchorX + body[std::size_t(j)].x * person.pixelsPerUnit),
                                        float(hipsY + body[std::size_t(j)].y * person.pixelsPerUnit)};
            person.poses.push_back(pose);
        }
        scene.people.push_back(std::move(person));
    }
    return scene;
}

void renderCrowdFrame(const CrowdScene& scene, SceneRenderer& renderer, int frame, media::VideoFrame& picture, LimbMask& mask) {
    std::vector<PosedFigure> figures;
    for (const CrowdPerson& person : scene.people)
        figures.push_back({&person.mannequin, person.poses[std::size_t(std::clamp(frame, 0, int(person.poses.size()) - 1))],
                           person.pixelsPerUnit, person.viewpoint});
    renderer.render(figures, picture, mask);
}

}  // namespace actionlens::synth
