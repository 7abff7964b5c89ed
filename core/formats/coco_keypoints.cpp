#include "core/formats/coco_keypoints.h"

#include "core/annotation/project_store.h"
#include "core/formats/json_type_name.h"
#include "core/formats/dataset_listing.h"
#include "core/formats/text_file.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>
#include <set>

namespace actionlens::formats {

using annotation::Joint;
using annotation::SkeletonFrame;
using annotation::SkeletonLayout;

namespace {

constexpr int kCocoJoints = 17;
constexpr const char* kCocoLayout = "COCO-17";

struct CocoImage {
    std::int64_t id = 0;
    std::string fileName;
    std::string folder;  // "" when the file name has none
    int width = 0;
    int height = 0;
    std::optional<std::int64_t> frameIndex;
    std::int64_t frame = 0;  // in its video, set once the group is ordered
};

struct CocoCategory {
    size_t index = 0;                // in "categories", for messages
    std::string name;
    std::vector<std::string> joints;  // empty: no "keypoints", read as COCO-17
    std::vector<std::pair<int, int>> edges;  // 0-based
    std::int64_t layoutId = 0;       // set by importParsed
};

struct CocoPerson {
    size_t annotation = 0;  // index in "annotations", for messages
    size_t image = 0;       // index in "images"
    std::optional<std::int64_t> category;  // a category with keypoints; nullopt: COCO-17
    std::optional<std::int64_t> trackId;
    std::vector<Joint> joints;
    std::optional<annotation::SubjectBox> box;  // its "bbox", where it has one with a size
};

// Natural order: digit runs compare as numbers, so "frame9.jpg" comes before "frame10.jpg".
int naturalCompare(const std::string& a, const std::string& b) {
    auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            size_t ie = i, je = j;
            while (ie < a.size() && digit(a[ie])) ++ie;
            while (je < b.size() && digit(b[je])) ++je;
            while (i + 1 < ie && a[i] == '0') ++i;
            while (j + 1 < je && b[j] == '0') ++j;
            if (ie - i != je - j) return ie - i < je - j ? -1 : 1;
            if (int c = a.compare(i, ie - i, b, j, je - j)) return c < 0 ? -1 : 1;
            i = ie;
            j = je;
            continue;
        }
        if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
        ++i;
        ++j;
    }
    if (a.size() - i != b.size() - j) return a.size() - i < b.size() - j ? -1 : 1;
    return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
}

// JSON numbers are doubles: integers are exact up to 2^53.
Result<std::int64_t> integerOf(const QJsonValue& v, const std::string& where) {
    if (!v.isDouble()) return makeError(where + " is " + jsonTypeName(v) + ", expected an integer");
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9007199254740992.0)
        return makeError(where + " is " + QByteArray::number(d, 'g', 17).toStdString() + ", expected an integer");
    return static_cast<std::int64_t>(d);
}

Result<QJsonArray> arrayField(const QJsonObject& o, const char* key, const std::string& where) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) return makeError(where + " has no \"" + key + "\"");
    if (!v.isArray()) return makeError(where + "." + key + " is " + jsonTypeName(v) + ", expected an array");
    return v.toArray();
}

Result<std::int64_t> integerField(const QJsonObject& o, const char* key, const std::string& where) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) return makeError(where + " has no \"" + key + "\"");
    return integerOf(v, where + "." + key);
}

// Absent or null: nullopt.
Result<std::optional<std::int64_t>> optionalInteger(const QJsonObject& o, const char* key, const std::string& where,
                                                    std::int64_t minimum) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) return std::optional<std::int64_t>();
    auto n = integerOf(v, where + "." + key);
    if (!n) return n.takeError();
    if (*n < minimum)
        return makeError(where + "." + key + " is " + std::to_string(*n) + ", expected at least " + std::to_string(minimum));
    return std::optional<std::int64_t>(*n);
}

Result<std::vector<CocoImage>> readImages(const QJsonObject& root) {
    auto images = arrayField(root, "images", "the file");
    if (!images) return images.takeError();
    std::vector<CocoImage> result;
    std::map<std::int64_t, size_t> byId;
    for (qsizetype i = 0; i < images->size(); ++i) {
        const std::string where = "images[" + std::to_string(i) + "]";
        const QJsonValue value = images->at(i);
        if (!value.isObject()) return makeError(where + " is " + jsonTypeName(value) + ", expected an object");
        const QJsonObject o = value.toObject();
        CocoImage image;
        auto id = integerField(o, "id", where);
        if (!id) return id.takeError();
        image.id = *id;
        if (auto [at, fresh] = byId.emplace(image.id, result.size()); !fresh)
            return makeError(where + ".id " + std::to_string(image.id) + " is also the id of images[" +
                             std::to_string(at->second) + "]");
        const QJsonValue name = o.value(QLatin1String("file_name"));
        if (name.isUndefined()) return makeError(where + " has no \"file_name\"");
        if (!name.isString()) return makeError(where + ".file_name is " + jsonTypeName(name) + ", expected a string");
        auto safe = datasetRelativePath(name.toString().toStdString(), where + ".file_name");
        if (!safe) return safe.takeError();
        image.fileName = *safe;
        const size_t slash = image.fileName.rfind('/');
        image.folder = slash == std::string::npos ? std::string() : image.fileName.substr(0, slash);
        for (auto [key, out] : {std::pair<const char*, int*>{"width", &image.width}, {"height", &image.height}}) {
            auto n = optionalInteger(o, key, where, 0);
            if (!n) return n.takeError();
            if (n->value_or(0) > std::numeric_limits<int>::max())
                return makeError(where + "." + key + " is too large");
            *out = static_cast<int>(n->value_or(0));
        }
        auto frameIndex = optionalInteger(o, "frame_index", where, 0);
        if (!frameIndex) return frameIndex.takeError();
        image.frameIndex = *frameIndex;
        result.push_back(std::move(image));
    }
    return result;
}

// Categories by id. A category's "keypoints" may name any joints (its layout); "skeleton"
// lists 1-based joint pairs.
Result<std::map<std::int64_t, CocoCategory>> readCategories(const QJsonObject& root) {
    std::map<std::int64_t, CocoCategory> result;
    if (!root.contains(QLatin1String("categories"))) return result;
    auto categories = arrayField(root, "categories", "the file");
    if (!categories) return categories.takeError();
    for (qsizetype i = 0; i < categories->size(); ++i) {
        const std::string where = "categories[" + std::to_string(i) + "]";
        const QJsonValue value = categories->at(i);
        if (!value.isObject()) return makeError(where + " is " + jsonTypeName(value) + ", expected an object");
        const QJsonObject o = value.toObject();
        auto id = integerField(o, "id", where);
        if (!id) return id.takeError();
        CocoCategory category;
        category.index = static_cast<size_t>(i);
        category.name = o.value(QLatin1String("name")).toString().toStdString();
        const QJsonValue names = o.value(QLatin1String("keypoints"));
        if (!names.isUndefined()) {
            if (!names.isArray()) return makeError(where + ".keypoints is " + jsonTypeName(names) + ", expected an array");
            const QJsonArray list = names.toArray();
            if (list.isEmpty()) return makeError(where + ".keypoints is empty, expected joint names");
            for (qsizetype k = 0; k < list.size(); ++k) {
                if (!list[k].isString() || list[k].toString().isEmpty())
                    return makeError(where + ".keypoints[" + std::to_string(k) + "] is " + jsonTypeName(list[k]) +
                                     ", expected a joint name");
                category.joints.push_back(list[k].toString().toStdString());
            }
            const QJsonValue skeleton = o.value(QLatin1String("skeleton"));
            if (skeleton.isArray()) {
                const QJsonArray edges = skeleton.toArray();
                for (qsizetype k = 0; k < edges.size(); ++k) {
                    const std::string at = where + ".skeleton[" + std::to_string(k) + "]";
                    const QJsonArray pair = edges[k].toArray();
                    if (!edges[k].isArray() || pair.size() != 2)
                        return makeError(at + " is not a pair of joint numbers");
                    int ends[2];
                    for (int e = 0; e < 2; ++e) {
                        auto n = integerOf(pair[e], at + "[" + std::to_string(e) + "]");
                        if (!n) return n.takeError();
                        if (*n < 1 || *n > static_cast<std::int64_t>(category.joints.size()))
                            return makeError(at + "[" + std::to_string(e) + "] is " + std::to_string(*n) +
                                             ", expected a joint number from 1 to " + std::to_string(category.joints.size()));
                        ends[e] = static_cast<int>(*n - 1);
                    }
                    category.edges.push_back({ends[0], ends[1]});
                }
            }
        }
        if (auto [at, fresh] = result.emplace(*id, std::move(category)); !fresh)
            return makeError(where + ".id " + std::to_string(*id) + " is also the id of categories[" +
                             std::to_string(at->second.index) + "]");
    }
    return result;
}

std::string cocoJointName(int joint) {
    for (const SkeletonLayout& layout : annotation::builtinSkeletonLayouts())
        if (layout.name == kCocoLayout && joint < static_cast<int>(layout.joints.size())) return layout.joints[joint];
    return "joint " + std::to_string(joint);
}

// `names`: the category's joints, empty for COCO-17.
Result<std::vector<Joint>> readKeypoints(const QJsonObject& o, const std::string& where, const std::vector<std::string>& names) {
    const int count = names.empty() ? kCocoJoints : static_cast<int>(names.size());
    // A person with a box and no keypoints may leave "keypoints" out.
    if (!o.contains(QLatin1String("keypoints")) && o.value(QLatin1String("num_keypoints")).toDouble(-1) == 0)
        return std::vector<Joint>(static_cast<size_t>(count));
    auto values = arrayField(o, "keypoints", where);
    if (!values) return values.takeError();
    if (values->size() != 3 * count)
        return makeError(where + ".keypoints has " + std::to_string(values->size()) + " values, expected " +
                         std::to_string(3 * count) + " (" + std::to_string(count) + " x 3)");
    std::vector<Joint> joints(static_cast<size_t>(count));
    for (int j = 0; j < count; ++j) {
        double xyv[3];
        for (int k = 0; k < 3; ++k) {
            const QJsonValue v = values->at(3 * j + k);
            const std::string at = where + ".keypoints[" + std::to_string(3 * j + k) + "]";
            if (!v.isDouble() || !std::isfinite(v.toDouble()))
                return makeError(at + " is " + jsonTypeName(v) + ", expected a number");
            xyv[k] = v.toDouble();
        }
        if (xyv[2] != 0 && xyv[2] != 1 && xyv[2] != 2)
            return makeError(where + ".keypoints[" + std::to_string(3 * j + 2) + "] (visibility of " +
                             (names.empty() ? cocoJointName(j) : names[static_cast<size_t>(j)]) + ") is " + QByteArray::number(xyv[2]).toStdString() +
                             ", expected 0, 1 or 2");
        joints[j].x = static_cast<float>(xyv[0]);
        joints[j].y = static_cast<float>(xyv[1]);
        joints[j].visible = xyv[2] == 2;
        joints[j].confidence = xyv[2] > 0 ? 1.0f : 0.0f;
    }
    return joints;
}

// A person's box [x, y, width, height] with positive size, else nullopt.
std::optional<std::array<double, 4>> boxOf(const QJsonObject& o) {
    const QJsonArray box = o.value(QLatin1String("bbox")).toArray();
    if (box.size() != 4) return std::nullopt;
    std::array<double, 4> b;
    for (int k = 0; k < 4; ++k) {
        if (!box[k].isDouble() || !std::isfinite(box[k].toDouble())) return std::nullopt;
        b[static_cast<size_t>(k)] = box[k].toDouble();
    }
    if (b[2] <= 0 || b[3] <= 0) return std::nullopt;
    return b;
}

// Persons with at least one labelled keypoint, and people with a box but no keypoints (their
// joints all unlabelled, the box kept as the frame's box). Crowds and people with neither carry
// nothing and are skipped.
Result<std::vector<CocoPerson>> readPersons(const QJsonObject& root, const std::map<std::int64_t, size_t>& imageById,
                                            const std::map<std::int64_t, CocoCategory>& categories) {
    auto annotations = arrayField(root, "annotations", "the file");
    if (!annotations) return annotations.takeError();
    std::vector<CocoPerson> persons;
    for (qsizetype i = 0; i < annotations->size(); ++i) {
        const std::string where = "annotations[" + std::to_string(i) + "]";
        const QJsonValue value = annotations->at(i);
        if (!value.isObject()) return makeError(where + " is " + jsonTypeName(value) + ", expected an object");
        const QJsonObject o = value.toObject();
        CocoPerson person;
        person.annotation = static_cast<size_t>(i);
        auto imageId = integerField(o, "image_id", where);
        if (!imageId) return imageId.takeError();
        auto image = imageById.find(*imageId);
        if (image == imageById.end()) return makeError(where + ".image_id " + std::to_string(*imageId) + " is not an image");
        person.image = image->second;
        auto category = optionalInteger(o, "category_id", where, std::numeric_limits<std::int64_t>::min());
        if (!category) return category.takeError();
        static const std::vector<std::string> none;
        const std::vector<std::string>* names = &none;
        if (*category && !categories.empty()) {
            auto found = categories.find(**category);
            if (found == categories.end())
                return makeError(where + ".category_id " + std::to_string(**category) + " is not a category");
            if (!found->second.joints.empty()) {
                person.category = **category;
                names = &found->second.joints;
            }
        }
        auto track = optionalInteger(o, "track_id", where, 0);
        if (!track) return track.takeError();
        person.trackId = *track;
        auto joints = readKeypoints(o, where, *names);
        if (!joints) return joints.takeError();
        person.joints = std::move(joints).value();
        const auto box = boxOf(o);
        if (box)
            person.box = annotation::SubjectBox{static_cast<float>((*box)[0]), static_cast<float>((*box)[1]), static_cast<float>((*box)[2]),
                                                static_cast<float>((*box)[3])};
        if (std::none_of(person.joints.begin(), person.joints.end(), [](const Joint& j) { return j.confidence > 0; }) &&
            (!box || o.value(QLatin1String("iscrowd")).toInt() == 1)) {
            continue;
        }
        persons.push_back(std::move(person));
    }
    return persons;
}

// Orders each video's images into frames; returns the groups (image indices) by folder.
Result<std::map<std::string, std::vector<size_t>>> groupIntoVideos(std::vector<CocoImage>& images) {
    std::map<std::string, std::vector<size_t>> groups;
    for (size_t i = 0; i < images.size(); ++i) groups[images[i].folder].push_back(i);
    for (auto& [folder, members] : groups) {
        const std::string video = folder.empty() ? std::string("without a folder") : "in '" + folder + "'";
        size_t withIndex = 0;
        for (size_t i : members) withIndex += images[i].frameIndex ? 1 : 0;
        if (withIndex == members.size()) {
            std::map<std::int64_t, size_t> byFrame;
            for (size_t i : members) {
                images[i].frame = *images[i].frameIndex;
                if (auto [at, fresh] = byFrame.emplace(images[i].frame, i); !fresh)
                    return makeError("images[" + std::to_string(i) + "].frame_index " + std::to_string(images[i].frame) +
                                     " is also the frame of images[" + std::to_string(at->second) + "]");
            }
            continue;
        }
        if (withIndex > 0) {
            for (size_t i : members)
                if (!images[i].frameIndex)
                    return makeError("images[" + std::to_string(i) + "] has no frame_index, but other images " + video +
                                     " have one");
        }
        std::stable_sort(members.begin(), members.end(),
                         [&](size_t a, size_t b) { return naturalCompare(images[a].fileName, images[b].fileName) < 0; });
        for (size_t k = 0; k < members.size(); ++k) {
            if (k > 0 && images[members[k]].fileName == images[members[k - 1]].fileName)
                return makeError("images[" + std::to_string(members[k]) + "].file_name '" + images[members[k]].fileName +
                                 "' is also the file of images[" + std::to_string(members[k - 1]) + "]");
            images[members[k]].frame = static_cast<std::int64_t>(k);
        }
    }
    return groups;
}

// A category's layout: the project's layout with the same joints, else COCO-17 for 17 joints,
// else a custom layout added to the project, named like the category.
Status resolveLayouts(std::map<std::int64_t, CocoCategory>& categories, annotation::ProjectStore& store,
                      std::int64_t coco17) {
    for (auto& [id, category] : categories) {
        if (category.joints.empty()) continue;
        const std::string where = "categories[" + std::to_string(category.index) + "]";
        for (const SkeletonLayout& layout : store.skeletonLayouts())
            if (layout.joints == category.joints) category.layoutId = layout.id;
        if (category.layoutId) continue;
        if (category.joints.size() == kCocoJoints) {
            category.layoutId = coco17;
            continue;
        }
        std::string name = category.name.empty() ? "COCO category " + std::to_string(id) : category.name;
        if (store.skeletonLayout(name))
            return makeError(where + ".keypoints are not the joints of the project's layout '" + name + "'");
        auto added = store.insertSkeletonLayout(SkeletonLayout{0, name, category.joints, category.edges, {}});
        if (!added) return makeError(where + ": " + added.error());
        category.layoutId = *added;
    }
    return Status::success();
}

Status importParsed(std::vector<CocoImage>& images, const std::vector<CocoPerson>& persons,
                    std::map<std::int64_t, CocoCategory>& categories, const std::string& fallbackName,
                    annotation::ProjectStore& store, const ImportOptions& options) {
    const SkeletonLayout* layout = store.skeletonLayout(kCocoLayout);
    if (!layout || layout->joints.size() != kCocoJoints)
        return makeError(std::string("the project has no ") + kCocoLayout + " skeleton layout");
    const std::int64_t coco17 = layout->id;
    if (Status s = resolveLayouts(categories, store, coco17); !s) return s;
    auto groups = groupIntoVideos(images);
    if (!groups) return groups.takeError();
    std::map<size_t, std::vector<const CocoPerson*>> personsOfImage;
    for (const CocoPerson& p : persons) personsOfImage[p.image].push_back(&p);

    std::int64_t done = 0;
    for (const auto& [folder, members] : *groups) {
        const std::string videoName = folder.empty() ? fallbackName : folder;
        // Subject numbers: the track id, or without track ids the position in the image.
        std::map<std::int64_t, std::vector<std::pair<std::int64_t, const CocoPerson*>>> numbered;  // number -> (frame, person)
        std::optional<bool> tracked;
        for (size_t i : members) {
            std::map<std::int64_t, size_t> seen;  // number -> annotation index, in this image
            std::int64_t position = 0;
            for (const CocoPerson* p : personsOfImage[i]) {
                const std::string where = "annotations[" + std::to_string(p->annotation) + "]";
                if (tracked && *tracked != p->trackId.has_value())
                    return makeError(where + (p->trackId ? " has" : " has no") + " track_id, unlike earlier annotations of video '" +
                                     videoName + "'");
                tracked = p->trackId.has_value();
                const std::int64_t number = p->trackId ? *p->trackId : ++position;
                if (auto [at, fresh] = seen.emplace(number, p->annotation); !fresh)
                    return makeError(where + ": image " + std::to_string(images[i].id) + " already has track " +
                                     std::to_string(number) + " (annotations[" + std::to_string(at->second) + "])");
                numbered[number].push_back({images[i].frame, p});
            }
        }
        annotation::Video video;
        video.name = videoName;
        for (size_t i : members) {
            video.frameCount = std::max(video.frameCount, images[i].frame + 1);
            if (video.width == 0) video.width = images[i].width;
            if (video.height == 0) video.height = images[i].height;
        }
        auto videoId = store.insertVideo(video);
        if (!videoId) return videoId.takeError();
        std::vector<SkeletonFrame> frames;
        for (const auto& [number, appearances] : numbered) {
            const std::string name = groups->size() == 1 ? "person " + std::to_string(number)
                                                          : videoName + " person " + std::to_string(number);
            auto subjectId = store.insertSubject(annotation::Subject{0, name, {}});
            if (!subjectId) return subjectId.takeError();
            for (const auto& [frame, person] : appearances)
                frames.push_back(SkeletonFrame{*videoId, *subjectId, frame,
                                               person->category ? categories.at(*person->category).layoutId : coco17,
                                               annotation::PoseSource::Imported, person->joints, person->box});
        }
        if (Status s = store.insertSkeletonFrames(frames); !s) return s;
        std::vector<annotation::FrameSource> sources;
        for (size_t i : members) sources.push_back(annotation::FrameSource{*videoId, images[i].frame, images[i].fileName, images[i].id});
        if (Status s = store.insertFrameSources(sources); !s) return s;
        if (Status cancel = progressPoint(options, ++done, static_cast<std::int64_t>(groups->size())); !cancel) return cancel;
    }
    return Status::success();
}

std::string folderOf(const std::string& fileName) {
    const size_t slash = fileName.rfind('/');
    return slash == std::string::npos ? std::string() : fileName.substr(0, slash);
}

// What the export calls a video: its name, else its file's base name, made a safe folder name.
std::string exportName(const annotation::Video& video, std::set<std::string>& used) {
    std::string name = video.name;
    if (name.empty() && !video.path.empty()) name = QFileInfo(QString::fromStdString(video.path)).completeBaseName().toStdString();
    auto safe = datasetRelativePath(name, "");
    name = safe && !safe->empty() ? *safe : "video" + std::to_string(video.id);
    if (used.count(name)) name += "_" + std::to_string(video.id);
    used.insert(name);
    return name;
}

}  // namespace

Status importCocoKeypoints(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options) {
    const QFileInfo info(QString::fromStdString(source));
    const std::string file = info.fileName().toStdString();
    auto fail = [&](const std::string& message) -> Status { return makeError(file + ": " + message); };
    auto text = readTextFile(source, size_t{2} << 30);
    if (!text) return text.takeError();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(*text), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail("not valid JSON at byte " + std::to_string(parseError.offset) + ": " +
                    parseError.errorString().toStdString());
    if (!doc.isObject()) return fail("expected a JSON object with \"images\" and \"annotations\"");
    const QJsonObject root = doc.object();
    auto images = readImages(root);
    if (!images) return fail(images.error());
    auto categories = readCategories(root);
    if (!categories) return fail(categories.error());
    std::map<std::int64_t, size_t> imageById;
    for (size_t i = 0; i < images->size(); ++i) imageById[(*images)[i].id] = i;
    auto persons = readPersons(root, imageById, *categories);
    if (!persons) return fail(persons.error());
    if (Status s = importParsed(*images, *persons, *categories, info.completeBaseName().toStdString(), store, options); !s)
        return fail(s.error());
    return Status::success();
}

Status exportCocoKeypoints(annotation::ProjectStore& store, const std::string& output, const ExportOptions& options) {
    const SkeletonLayout* coco = store.skeletonLayout(kCocoLayout);
    if (!coco) return makeError(std::string("the project has no ") + kCocoLayout + " skeleton layout");
    // Layout id -> its category and, for each joint written, its index in that layout. Layouts
    // that name all 17 COCO joints are written as COCO-17 (category 1) unless the options keep
    // layouts; others as they are, a category each (2, 3, ... in the project's layout order).
    struct Written {
        std::int64_t category = 1;
        const SkeletonLayout* layout = nullptr;  // of the category
        std::vector<int> indices;
    };
    std::map<std::int64_t, Written> pick;
    std::int64_t nextCategory = 2;
    for (const SkeletonLayout& layout : store.skeletonLayouts()) {
        Written w;
        for (const std::string& joint : coco->joints) w.indices.push_back(layout.jointIndex(joint));
        w.layout = coco;
        const bool mapped = layout.id == coco->id ||
                            (!options.keepSkeletonLayouts && std::find(w.indices.begin(), w.indices.end(), -1) == w.indices.end());
        if (!mapped) {
            w.category = nextCategory++;
            w.layout = &layout;
            w.indices.clear();
            for (int j = 0; j < static_cast<int>(layout.joints.size()); ++j) w.indices.push_back(j);
        }
        pick[layout.id] = std::move(w);
    }
    std::map<std::int64_t, const SkeletonLayout*> usedCategories;
    auto videos = store.videos();
    if (!videos) return videos.takeError();
    // Frames imported from a dataset keep its image names and ids; the ids it used are not given
    // to other images, and a name or id a second dataset used again gets a new one.
    std::map<std::int64_t, std::map<std::int64_t, annotation::FrameSource>> sourcesOf;  // video -> frame -> source
    std::set<std::int64_t> reservedIds;
    for (const annotation::Video& video : *videos) {
        auto sources = store.frameSources(video.id);
        if (!sources) return sources.takeError();
        for (const annotation::FrameSource& source : *sources) {
            if (source.id) reservedIds.insert(*source.id);
            sourcesOf[video.id][source.frame] = source;
        }
    }
    std::set<std::int64_t> usedIds;
    std::set<std::string> usedFiles;
    std::int64_t nextId = 1;
    auto freshId = [&]() {
        while (reservedIds.count(nextId) || usedIds.count(nextId)) ++nextId;
        return nextId;
    };
    QJsonArray images, annotations;
    std::set<std::string> usedNames;
    std::int64_t done = 0;
    for (const annotation::Video& video : *videos) {
        auto frames = store.skeletonFrames(video.id, 0, std::numeric_limits<std::int64_t>::max());
        if (!frames) return frames.takeError();
        const auto& sources = sourcesOf[video.id];
        std::string name;
        // Images: every frame with a source (an imported image without people stays) or a skeleton.
        std::map<std::int64_t, std::int64_t> imageOfFrame;
        std::set<std::int64_t> imageFrames;
        for (const auto& [frame, source] : sources) imageFrames.insert(frame);
        for (const SkeletonFrame& f : *frames)
            if (pick.count(f.layoutId)) imageFrames.insert(f.frame);
        for (std::int64_t frame : imageFrames) {
            auto source = sources.find(frame);
            std::string file;
            std::optional<std::int64_t> id;
            if (source != sources.end()) {
                if (!usedFiles.count(source->second.name)) file = source->second.name;
                if (source->second.id && !usedIds.count(*source->second.id)) id = source->second.id;
            }
            if (file.empty()) {
                // Beside the video's imported images where it has some, so that they stay one video.
                if (name.empty()) name = sources.empty() ? exportName(video, usedNames) : folderOf(sources.begin()->second.name);
                char number[48];
                std::snprintf(number, sizeof number, "%06lld.jpg", static_cast<long long>(frame));
                file = name.empty() ? std::string(number) : name + "/" + number;
                if (usedFiles.count(file)) file = (name.empty() ? "" : name + "/") + "video" + std::to_string(video.id) + "_" + number;
            }
            if (!id) id = freshId();
            usedIds.insert(*id);
            usedFiles.insert(file);
            QJsonObject image{{"id", qint64(*id)}, {"file_name", QString::fromStdString(file)}, {"frame_index", qint64(frame)}};
            if (video.width > 0 && video.height > 0) {
                image.insert(QStringLiteral("width"), video.width);
                image.insert(QStringLiteral("height"), video.height);
            }
            images.append(image);
            imageOfFrame[frame] = *id;
        }
        const std::string where = name.empty() ? (video.name.empty() ? video.path : video.name) : name;
        for (const SkeletonFrame& f : *frames) {
            auto indices = pick.find(f.layoutId);
            if (indices == pick.end()) continue;
            usedCategories[indices->second.category] = indices->second.layout;
            QJsonArray keypoints;
            int labelled = 0;
            float x0 = std::numeric_limits<float>::max(), y0 = x0, x1 = -x0, y1 = -x0;
            // Joints all unlabelled: keypoints 0 (a box-only person).
            bool anyLabelled = false;
            for (const Joint& j : f.joints) anyLabelled = anyLabelled || j.visible || j.confidence > 0;
            // Without a stored box, such a frame's box is its joints' extent (box-only people imported
            // before boxes were stored had their joints at the box's corners).
            double bx0 = 0, by0 = 0, bx1 = 0, by1 = 0;
            for (size_t k = 0; k < f.joints.size(); ++k) {
                const Joint& j = f.joints[k];
                if (k == 0 || j.x < bx0) bx0 = j.x;
                if (k == 0 || j.y < by0) by0 = j.y;
                if (k == 0 || j.x > bx1) bx1 = j.x;
                if (k == 0 || j.y > by1) by1 = j.y;
            }
            for (int index : indices->second.indices) {
                if (static_cast<size_t>(index) >= f.joints.size())
                    return makeError("video '" + where + "' frame " + std::to_string(f.frame) + ": the skeleton has " +
                                     std::to_string(f.joints.size()) + " joints, its layout more");
                const Joint& j = f.joints[static_cast<size_t>(index)];
                if (!anyLabelled) {
                    for (int k = 0; k < 3; ++k) keypoints.append(0);
                    continue;
                }
                const int v = j.visible ? 2 : (j.confidence > 0 ? 1 : 0);
                keypoints.append(double(j.x));
                keypoints.append(double(j.y));
                keypoints.append(v);
                if (v == 0) continue;
                ++labelled;
                x0 = std::min(x0, j.x), y0 = std::min(y0, j.y), x1 = std::max(x1, j.x), y1 = std::max(y1, j.y);
            }
            const bool boxOnly = !anyLabelled && bx1 > bx0 && by1 > by0;
            QJsonArray bbox{0, 0, 0, 0};
            double area = 0.0;
            if (f.box) {
                bbox = QJsonArray{double(f.box->x), double(f.box->y), double(f.box->width), double(f.box->height)};
                area = double(f.box->width) * double(f.box->height);
            } else if (labelled) {
                bbox = QJsonArray{double(x0), double(y0), double(x1 - x0), double(y1 - y0)};
                area = double(x1 - x0) * double(y1 - y0);
            } else if (boxOnly) {
                bbox = QJsonArray{bx0, by0, bx1 - bx0, by1 - by0};
                area = (bx1 - bx0) * (by1 - by0);
            }
            annotations.append(QJsonObject{{"id", qint64(annotations.size() + 1)},
                                           {"image_id", qint64(imageOfFrame.at(f.frame))},
                                           {"category_id", qint64(indices->second.category)},
                                           {"track_id", qint64(f.subjectId)},
                                           {"keypoints", keypoints},
                                           {"num_keypoints", labelled},
                                           {"bbox", bbox},
                                           {"area", area},
                                           {"iscrowd", 0}});
        }
        if (Status cancel = progressPoint(options, ++done, static_cast<std::int64_t>(videos->size())); !cancel) return cancel;
    }
    if (annotations.isEmpty()) return makeError("the project has no skeletons to export");
    QJsonArray categories;
    for (const auto& [id, layout] : usedCategories) {
        QJsonArray names, skeleton;
        for (const std::string& joint : layout->joints) names.append(QString::fromStdString(joint));
        for (const auto& [a, b] : layout->edges) skeleton.append(QJsonArray{a + 1, b + 1});  // COCO counts joints from 1
        categories.append(QJsonObject{{"id", qint64(id)},
                                      {"name", id == 1 ? QStringLiteral("person") : QString::fromStdString(layout->name)},
                                      {"supercategory", "person"},
                                      {"keypoints", names},
                                      {"skeleton", skeleton}});
    }
    const QJsonObject root{{"images", images}, {"annotations", annotations}, {"categories", categories}};
    QFile out(QString::fromStdString(output));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return makeError("cannot write '" + output + "': " + out.errorString().toStdString());
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Compact);
    if (out.write(bytes) != bytes.size() || !out.flush())
        return makeError("cannot write '" + output + "': " + out.errorString().toStdString());
    return Status::success();
}

}  // namespace actionlens::formats
