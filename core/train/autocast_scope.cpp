#include "core/train/internal/autocast_scope.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

// LibTorch 2.4 replaced the per-device autocast functions (set_enabled, set_cpu_enabled,
// set_autocast_gpu_dtype ...) by ones taking the device type; both are supported.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
#define ACTIONLENS_AUTOCAST_BY_DEVICE_TYPE 1
#endif

namespace actionlens::train::internal {

namespace {

bool autocastEnabled(bool cuda) {
#ifdef ACTIONLENS_AUTOCAST_BY_DEVICE_TYPE
    return at::autocast::is_autocast_enabled(cuda ? at::kCUDA : at::kCPU);
#else
    return cuda ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled();
#endif
}

void setAutocastEnabled(bool cuda, bool enabled) {
#ifdef ACTIONLENS_AUTOCAST_BY_DEVICE_TYPE
    at::autocast::set_autocast_enabled(cuda ? at::kCUDA : at::kCPU, enabled);
#else
    if (cuda) at::autocast::set_enabled(enabled);
    else at::autocast::set_cpu_enabled(enabled);
#endif
}

at::ScalarType autocastType(bool cuda) {
#ifdef ACTIONLENS_AUTOCAST_BY_DEVICE_TYPE
    return at::autocast::get_autocast_dtype(cuda ? at::kCUDA : at::kCPU);
#else
    return cuda ? at::autocast::get_autocast_gpu_dtype() : at::autocast::get_autocast_cpu_dtype();
#endif
}

void setAutocastType(bool cuda, at::ScalarType type) {
#ifdef ACTIONLENS_AUTOCAST_BY_DEVICE_TYPE
    at::autocast::set_autocast_dtype(cuda ? at::kCUDA : at::kCPU, type);
#else
    if (cuda) at::autocast::set_autocast_gpu_dtype(type);
    else at::autocast::set_autocast_cpu_dtype(type);
#endif
}

}  // namespace

AutocastScope::AutocastScope(bool enabled, const torch::Device& device) : enabled_(enabled), cuda_(device.is_cuda()) {
    if (!enabled_) return;
    wasEnabled_ = autocastEnabled(cuda_);
    previousType_ = autocastType(cuda_);
    setAutocastType(cuda_, at::kBFloat16);
    setAutocastEnabled(cuda_, true);
    at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope() {
    if (!enabled_) return;
    // The cast weights cached during the pass are dropped when the outermost scope closes, so
    // the next step casts the freshly updated weights again.
    if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
    setAutocastEnabled(cuda_, wasEnabled_);
    setAutocastType(cuda_, previousType_);
}

}  // namespace actionlens::train::internal
