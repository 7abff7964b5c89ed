#include "core/pose/person_detector.h"

namespace actionlens::pose {

const char* personDetectorName(PersonDetector detector) {
    switch (detector) {
    case PersonDetector::Hog: return "hog";
    case PersonDetector::Both: return "both";
    case PersonDetector::BlazePose: break;
    }
    return "blazepose";
}

bool personDetectorFromName(const std::string& name, PersonDetector* detector) {
    for (PersonDetector d : allPersonDetectors())
        if (name == personDetectorName(d)) {
            *detector = d;
            return true;
        }
    return false;
}

std::vector<PersonDetector> allPersonDetectors() { return {PersonDetector::BlazePose, PersonDetector::Hog, PersonDetector::Both}; }

}  // namespace actionlens::pose
