#pragma once

// Colour scales for explanation maps: perceptually uniform ones (viridis, inferno) and one that
// reads the same to the most common colour-vision deficiencies (cividis). Tables of 256 RGB
// colours, so painting (OpenCV here, Qt in the window) is one look-up per pixel.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::explain {

enum class HeatColours { Viridis, Inferno, Cividis };

const char* heatColoursName(HeatColours colours);  // "viridis", "inferno", "cividis"
bool heatColoursFromName(const std::string& name, HeatColours* colours);
std::vector<HeatColours> allHeatColours();

using Rgb = std::array<std::uint8_t, 3>;
// 256 colours from 0 (no evidence) to 255 (the most).
const std::array<Rgb, 256>& heatColourTable(HeatColours colours);
// The colour of a value in [0, 1] (clamped).
Rgb heatColour(HeatColours colours, float value);

}  // namespace actionlens::explain
