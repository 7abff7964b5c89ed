#pragma once

// UCF101's list folder (ucfTrainTestlist): classInd.txt ("1 ApplyEyeMakeup", CRLF line ends),
// trainlist01-03.txt ("ApplyEyeMakeup/v_ApplyEyeMakeup_g08_c01.avi 1") and testlist01-03.txt
// (path only; the class is the folder name). Splits are called "train1".."test3".

#include "core/formats/dataset_listing.h"

namespace actionlens::formats {

// `folder` holds classInd.txt, or has a ucfTrainTestlist/ subfolder that does.
Result<DatasetListing> readUcf101Lists(const std::string& folder);

}  // namespace actionlens::formats
