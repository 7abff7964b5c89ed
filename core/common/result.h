#pragma once

// Result<T> and Status: the outcome of an operation that can fail on user input.
// A failure carries one message that a user can act on ("frame 900 is out of range ...").

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace actionlens {

struct Error {
    std::string message;
};

inline Error makeError(std::string message) { return Error{std::move(message)}; }

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok());
        return std::get<T>(state_);
    }
    const T& value() const& {
        assert(ok());
        return std::get<T>(state_);
    }
    // By value: `for (auto& v : store.videos().value())` must not iterate a dead temporary.
    T value() && {
        assert(ok());
        return std::get<T>(std::move(state_));
    }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const std::string& error() const {
        assert(!ok());
        return std::get<Error>(state_).message;
    }
    Error takeError() const { return std::get<Error>(state_); }

private:
    std::variant<T, Error> state_;
};

class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error) : failed_(true), message_(std::move(error.message)) {}
    static Status success() { return Status(); }

    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const std::string& error() const { return message_; }
    Error takeError() const { return Error{message_}; }

private:
    bool failed_ = false;
    std::string message_;
};

}  // namespace actionlens
