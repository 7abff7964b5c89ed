// Fuzzes the taxonomy JSON reader (core/annotation/taxonomy_json) and the validation behind it.
#include "core/annotation/taxonomy_json.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto taxonomy = actionlens::annotation::taxonomyFromJson(std::string(reinterpret_cast<const char*>(data), size));
    // What it accepted must write back and read again.
    if (taxonomy) (void)actionlens::annotation::taxonomyFromJson(actionlens::annotation::taxonomyToJson(taxonomy.value()));
    return 0;
}
