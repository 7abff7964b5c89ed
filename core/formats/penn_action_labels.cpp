#include "core/formats/penn_action_labels.h"

#include <matio.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>

namespace actionlens::formats {

const std::array<const char*, kPennJointCount> kPennJointNames = {
    "head",      "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist",
    "left_hip", "right_hip",     "left_knee",      "right_knee", "left_ankle",  "right_ankle"};

const std::array<const char*, 15> kPennActions = {
    "baseball_pitch", "baseball_swing", "bench_press", "bowl",    "clean_and_jerk",
    "golf_swing",     "jump_rope",      "jumping_jacks", "pullup", "pushup",
    "situp",          "squat",          "strum_guitar", "tennis_forehand", "tennis_serve"};

const std::array<const char*, 4> kPennViewpoints = {"front", "back", "left", "right"};

namespace {

struct MatCloser {
    void operator()(mat_t* mat) const { Mat_Close(mat); }
};
struct VarFreer {
    void operator()(matvar_t* var) const { Mat_VarFree(var); }
};
using MatPtr = std::unique_ptr<mat_t, MatCloser>;
using VarPtr = std::unique_ptr<matvar_t, VarFreer>;

// A 2-D numeric variable as doubles, row-major (MATLAB stores columns first).
struct Matrix {
    size_t rows = 0;
    size_t cols = 0;
    std::vector<double> values;
    double at(size_t r, size_t c) const { return values[r * cols + c]; }
};

template <typename T>
void copyColumnMajor(const void* data, Matrix& m) {
    const T* typed = static_cast<const T*>(data);
    for (size_t c = 0; c < m.cols; ++c) {
        for (size_t r = 0; r < m.rows; ++r) m.values[r * m.cols + c] = static_cast<double>(typed[c * m.rows + r]);
    }
}

class LabelFile {
public:
    LabelFile(std::string path) : path_(std::move(path)), name_(std::filesystem::path(path_).filename().string()) {}

    Error error(const std::string& what) const { return makeError("'" + name_ + "': " + what); }

    Status open() {
        mat_.reset(Mat_Open(path_.c_str(), MAT_ACC_RDONLY));
        if (!mat_) return error("not a readable MATLAB .mat file");
        return Status::success();
    }

    VarPtr read(const char* variable) {
        // Reading variables out of order rewinds the file; matio needs that for compressed ones.
        Mat_Rewind(mat_.get());
        return VarPtr(Mat_VarRead(mat_.get(), variable));
    }

    Result<Matrix> numeric(const char* variable) {
        VarPtr var = read(variable);
        if (!var) return error("variable '" + std::string(variable) + "' is missing");
        if (var->rank != 2) return error("variable '" + std::string(variable) + "' is not a 2-D matrix");
        if (var->isComplex) return error("variable '" + std::string(variable) + "' is complex");
        Matrix m;
        m.rows = var->dims[0];
        m.cols = var->dims[1];
        m.values.resize(m.rows * m.cols);
        if (m.values.empty()) return m;
        if (!var->data) return error("variable '" + std::string(variable) + "' has no data");
        switch (var->class_type) {
        case MAT_C_DOUBLE: copyColumnMajor<double>(var->data, m); break;
        case MAT_C_SINGLE: copyColumnMajor<float>(var->data, m); break;
        case MAT_C_INT8: copyColumnMajor<int8_t>(var->data, m); break;
        case MAT_C_UINT8: copyColumnMajor<uint8_t>(var->data, m); break;
        case MAT_C_INT16: copyColumnMajor<int16_t>(var->data, m); break;
        case MAT_C_UINT16: copyColumnMajor<uint16_t>(var->data, m); break;
        case MAT_C_INT32: copyColumnMajor<int32_t>(var->data, m); break;
        case MAT_C_UINT32: copyColumnMajor<uint32_t>(var->data, m); break;
        case MAT_C_INT64: copyColumnMajor<int64_t>(var->data, m); break;
        case MAT_C_UINT64: copyColumnMajor<uint64_t>(var->data, m); break;
        default: return error("variable '" + std::string(variable) + "' is not numeric");
        }
        for (double v : m.values) {
            if (!std::isfinite(v)) return error("variable '" + std::string(variable) + "' holds a non-finite number");
        }
        return m;
    }

    Result<double> scalar(const char* variable) {
        Result<Matrix> m = numeric(variable);
        if (!m.ok()) return m.takeError();
        if (m->values.size() != 1) {
            return error("variable '" + std::string(variable) + "' should be a single number, is " +
                         std::to_string(m->rows) + "x" + std::to_string(m->cols));
        }
        return m->values[0];
    }

    Result<std::string> text(const char* variable) {
        VarPtr var = read(variable);
        if (!var) return error("variable '" + std::string(variable) + "' is missing");
        if (var->class_type != MAT_C_CHAR || !var->data) return error("variable '" + std::string(variable) + "' is not text");
        const size_t count = var->nbytes / std::max<size_t>(1, var->data_size);
        std::string out;
        for (size_t i = 0; i < count; ++i) {
            uint32_t c = 0;
            if (var->data_size == 1) c = static_cast<const uint8_t*>(var->data)[i];
            else if (var->data_size == 2) c = static_cast<const uint16_t*>(var->data)[i];
            else if (var->data_size == 4) c = static_cast<const uint32_t*>(var->data)[i];
            if (c == 0) break;
            if (c > 127) return error("variable '" + std::string(variable) + "' is not plain ASCII text");
            out.push_back(static_cast<char>(c));
        }
        return out;
    }

private:
    std::string path_;
    std::string name_;
    MatPtr mat_;
};

template <size_t N>
bool oneOf(const std::string& value, const std::array<const char*, N>& allowed) {
    return std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return value == a; });
}

}  // namespace

Result<PennActionSequence> readPennActionLabels(const std::string& path) {
    LabelFile file(path);
    if (Status s = file.open(); !s.ok()) return s.takeError();
    PennActionSequence seq;

    auto action = file.text("action");
    if (!action.ok()) return action.takeError();
    seq.action = action.value();
    if (!oneOf(seq.action, kPennActions)) return file.error("unknown action '" + seq.action + "'");
    auto viewpoint = file.text("pose");
    if (!viewpoint.ok()) return viewpoint.takeError();
    seq.viewpoint = viewpoint.value();
    if (!oneOf(seq.viewpoint, kPennViewpoints)) {
        return file.error("variable 'pose': unknown viewpoint '" + seq.viewpoint + "' (front, back, left or right)");
    }

    auto nframes = file.scalar("nframes");
    if (!nframes.ok()) return nframes.takeError();
    if (nframes.value() < 1 || nframes.value() > 1e6 || nframes.value() != std::floor(nframes.value())) {
        return file.error("variable 'nframes' is not a positive whole number");
    }
    seq.frameCount = static_cast<int>(nframes.value());

    auto dimensions = file.numeric("dimensions");
    if (!dimensions.ok()) return dimensions.takeError();
    if (dimensions->values.size() != 3) return file.error("variable 'dimensions' should hold height, width, nframes");
    seq.height = static_cast<int>(dimensions->values[0]);
    seq.width = static_cast<int>(dimensions->values[1]);
    if (seq.width <= 0 || seq.height <= 0) return file.error("variable 'dimensions' has a non-positive size");

    auto train = file.scalar("train");
    if (!train.ok()) return train.takeError();
    if (train.value() != 1 && train.value() != -1) return file.error("variable 'train' should be 1 or -1");
    seq.train = train.value() == 1;

    const size_t frames = static_cast<size_t>(seq.frameCount);
    auto jointMatrix = [&](const char* name) -> Result<Matrix> {
        auto m = file.numeric(name);
        if (!m.ok()) return m;
        if (m->rows != frames || m->cols != kPennJointCount) {
            return file.error("variable '" + std::string(name) + "' is " + std::to_string(m->rows) + "x" +
                              std::to_string(m->cols) + ", expected nframes (" + std::to_string(frames) + ") x 13");
        }
        return m;
    };
    auto x = jointMatrix("x");
    if (!x.ok()) return x.takeError();
    auto y = jointMatrix("y");
    if (!y.ok()) return y.takeError();
    auto visibility = jointMatrix("visibility");
    if (!visibility.ok()) return visibility.takeError();
    seq.x.resize(frames * kPennJointCount);
    seq.y.resize(frames * kPennJointCount);
    seq.visible.resize(frames * kPennJointCount);
    for (size_t f = 0; f < frames; ++f) {
        for (size_t j = 0; j < kPennJointCount; ++j) {
            seq.x[f * kPennJointCount + j] = static_cast<float>(x->at(f, j));
            seq.y[f * kPennJointCount + j] = static_cast<float>(y->at(f, j));
            seq.visible[f * kPennJointCount + j] = visibility->at(f, j) != 0 ? 1 : 0;
        }
    }

    auto boxes = file.numeric("bbox");
    if (boxes.ok() && !boxes->values.empty()) {
        if (boxes->cols != 4 || boxes->rows > frames) {
            return file.error("variable 'bbox' is " + std::to_string(boxes->rows) + "x" + std::to_string(boxes->cols) +
                              ", expected at most nframes (" + std::to_string(frames) + ") x 4");
        }
        seq.boxes.resize(boxes->rows);
        for (size_t f = 0; f < boxes->rows; ++f) {
            for (size_t k = 0; k < 4; ++k) seq.boxes[f][k] = static_cast<float>(boxes->at(f, k));
        }
    }
    return seq;
}

}  // namespace actionlens::formats
