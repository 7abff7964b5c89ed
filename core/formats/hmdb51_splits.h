#pragma once

// HMDB51's split folder (testTrainMulti_7030_splits): one file per action and split,
// ACTION_test_splitN.txt, each line "VIDEO.avi ID" with ID 1 = training, 2 = testing,
// 0 = not used in that split. Videos live in ACTION/VIDEO.avi; splits are "train1".."test3".

#include "core/formats/dataset_listing.h"

namespace actionlens::formats {

Result<DatasetListing> readHmdb51Splits(const std::string& folder);

}  // namespace actionlens::formats
