#pragma once

// CvatVideoDocument: a CVAT "for video 1.1" XML export as plain structs, read with
// QXmlStreamReader and checked (numbers, flags, known shapes) without knowing any project.
// Shapes keep the line they were read from, so the importer's errors can name it.

#include "core/common/result.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace actionlens::formats {

// One point of a <points> shape, or one labelled <points> child of a <skeleton>.
struct CvatPoint {
    std::string label;  // the skeleton's joint name; empty in a <points> shape
    float x = 0.0f;
    float y = 0.0f;
    bool outside = false;
    bool occluded = false;
};

enum class CvatShapeKind { Box, Points, Skeleton };

struct CvatShape {
    std::int64_t frame = 0;  // as the file numbers it (task frames, before start and step)
    std::int64_t line = 0;
    bool outside = false;
    bool occluded = false;
    bool keyframe = true;
    double xtl = 0, ytl = 0, xbr = 0, ybr = 0;  // a box's corners
    std::vector<CvatPoint> points;                // a points shape's or a skeleton's points
    std::map<std::string, std::string> attributes;
};

struct CvatTrack {
    std::int64_t id = 0;
    std::string label;
    std::int64_t line = 0;
    CvatShapeKind kind = CvatShapeKind::Box;
    std::vector<CvatShape> shapes;  // in the file's order
};

struct CvatVideoDocument {
    std::string source;    // meta task <source>: the video's file name
    std::string taskName;  // meta task <name>
    int width = 0;
    int height = 0;
    std::int64_t startFrame = 0;
    std::int64_t stopFrame = -1;  // -1: not given
    std::int64_t frameStep = 1;   // <frame_filter>step=N</frame_filter>
    std::vector<CvatTrack> tracks;
};

// Reads `path`; errors name the file and line ("a.xml line 12: <box> xtl 'x' is not a number").
Result<CvatVideoDocument> readCvatVideoDocument(const std::string& path);

}  // namespace actionlens::formats
