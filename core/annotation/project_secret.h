#pragma once

// The project's pseudonym secret: the key core/privacy's pseudonyms are made with, kept in
// project_info. Every project gets one (schema 9); copies made for others never keep it.

#include <string>

namespace actionlens::annotation {

inline constexpr const char* kPseudonymSecretKey = "pseudonym_secret";

// 32 random bytes from the system's generator, as 64 hex digits.
std::string newProjectSecret();

}  // namespace actionlens::annotation
