#include "core/pose/person_detector.h"

namespace actionlens::pose {

const char* personDetectorName(PersonDetector detector) { return detector == PersonDetector::Hog ? "hog" : "blazepose"; }

bool personDetectorFromName(const std::string& name, PersonDetector* detector) {
    for (PersonDetector d : allPersonDetectors())
        if (name == personDetectorName(d)) {
            *detector = d;
            return true;
        }
    return false;
}

std::vector<PersonDetector> allPersonDetectors() { return {PersonDetector::BlazePose, PersonDetector::Hog}; }

}  // namespace actionlens::pose
