#pragma once

// How import errors name a JSON value's type: "... is a string, expected an integer".

#include <QJsonValue>

namespace actionlens::formats {

inline const char* jsonTypeName(const QJsonValue& v) {
    switch (v.type()) {
    case QJsonValue::Null: return "null";
    case QJsonValue::Bool: return "a boolean";
    case QJsonValue::Double: return "a number";
    case QJsonValue::String: return "a string";
    case QJsonValue::Array: return "an array";
    case QJsonValue::Object: return "an object";
    case QJsonValue::Undefined: break;
    }
    return "missing";
}

}  // namespace actionlens::formats
