#pragma once

// Mixed precision for one forward pass: while an AutocastScope lives, LibTorch's autocast runs
// matrix products and convolutions on the given device in bfloat16 and keeps reductions,
// softmax and losses in float32. bfloat16 has float32's exponent range, so no loss scaling is
// needed (unlike float16). Autocast state is thread-local: the scope covers the calling thread
// only. Torch-including: internal to core/train.

#include <torch/torch.h>

namespace actionlens::train::internal {

class AutocastScope {
public:
    // enabled false: does nothing.
    AutocastScope(bool enabled, const torch::Device& device);
    ~AutocastScope();
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    bool enabled_ = false;
    bool cuda_ = false;
    bool wasEnabled_ = false;
    at::ScalarType previousType_ = at::kFloat;
};

}  // namespace actionlens::train::internal
