#pragma once

// Which followed people may give their place to a newcomer when every place is taken: those no
// detection has lain on for a while. The landmark model can hold on to a shadow, a sign or a
// person's remains after they left (its presence score stays high on anything body-like in its
// square), while the person detector, run on the whole frame now and then, keeps confirming the
// real people; a track it has not confirmed for `intervals` of its runs is the first to go.

#include <cstddef>
#include <vector>

namespace actionlens::pose {

// Indexes of the tracks whose last confirmation (`confirmedFrames`, one per track) lies more
// than `intervals` x `detectionInterval` frames before `frame`, the longest unconfirmed first.
std::vector<std::size_t> unconfirmedTracks(const std::vector<long long>& confirmedFrames, long long frame, int detectionInterval,
                                           int intervals = 2);

}  // namespace actionlens::pose
