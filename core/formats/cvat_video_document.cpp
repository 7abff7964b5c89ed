#include "core/formats/cvat_video_document.h"

#include <QFile>
#include <QFileInfo>
#include <QXmlStreamReader>

namespace actionlens::formats {

namespace {

class DocumentReader {
public:
    DocumentReader(QFile& file, std::string fileName) : xml_(&file), fileName_(std::move(fileName)) {}

    Result<CvatVideoDocument> read() {
        if (!xml_.readNextStartElement() || xml_.name() != QLatin1String("annotations"))
            return failure(xml_.hasError() ? "not valid XML: " + xml_.errorString().toStdString() : "expected <annotations>, CVAT's root element");
        while (xml_.readNextStartElement()) {
            Status read = Status::success();
            if (xml_.name() == QLatin1String("meta")) read = readMeta();
            else if (xml_.name() == QLatin1String("track")) read = readTrack();
            else xml_.skipCurrentElement();  // <version>, <tag>, image annotations' elements
            if (!read) return read.takeError();
        }
        if (xml_.hasError()) return failure("not valid XML: " + xml_.errorString().toStdString());
        return document_;
    }

private:
    Error failure(const std::string& message) const {
        return makeError(fileName_ + " line " + std::to_string(xml_.lineNumber()) + ": " + message);
    }

    Result<std::int64_t> integerText(const char* what) {
        const QString text = xml_.readElementText().trimmed();
        bool ok = false;
        const qlonglong value = text.toLongLong(&ok);
        if (!ok) return failure(std::string("<") + what + "> '" + text.toStdString() + "' is not a whole number");
        return static_cast<std::int64_t>(value);
    }

    // <meta><task> (or <job>): the video, its size and the frames the task took from it.
    Status readMeta() {
        while (xml_.readNextStartElement()) {
            if (xml_.name() != QLatin1String("task") && xml_.name() != QLatin1String("job")) {
                xml_.skipCurrentElement();
                continue;
            }
            while (xml_.readNextStartElement()) {
                const auto name = xml_.name();
                if (name == QLatin1String("source")) document_.source = xml_.readElementText().trimmed().toStdString();
                else if (name == QLatin1String("name")) document_.taskName = xml_.readElementText().trimmed().toStdString();
                else if (name == QLatin1String("start_frame") || name == QLatin1String("stop_frame")) {
                    const bool start = name == QLatin1String("start_frame");
                    auto value = integerText(start ? "start_frame" : "stop_frame");
                    if (!value) return value.takeError();
                    (start ? document_.startFrame : document_.stopFrame) = value.value();
                } else if (name == QLatin1String("frame_filter")) {
                    const QString filter = xml_.readElementText().trimmed();
                    if (filter.isEmpty()) continue;
                    bool ok = false;
                    const qlonglong step = filter.startsWith(QLatin1String("step=")) ? filter.mid(5).toLongLong(&ok) : 0;
                    if (!ok || step < 1) return failure("<frame_filter> '" + filter.toStdString() + "' is not step=N with N 1 or more");
                    document_.frameStep = step;
                } else if (name == QLatin1String("original_size")) {
                    while (xml_.readNextStartElement()) {
                        const bool width = xml_.name() == QLatin1String("width");
                        if (!width && xml_.name() != QLatin1String("height")) {
                            xml_.skipCurrentElement();
                            continue;
                        }
                        auto value = integerText(width ? "width" : "height");
                        if (!value) return value.takeError();
                        (width ? document_.width : document_.height) = static_cast<int>(value.value());
                    }
                } else {
                    xml_.skipCurrentElement();
                }
            }
        }
        return Status::success();
    }

    Result<double> number(const char* attribute, const char* element) {
        const QStringView text = xml_.attributes().value(QLatin1String(attribute));
        bool ok = false;
        const double value = text.toDouble(&ok);
        if (!ok) return failure(std::string("<") + element + "> " + attribute + " '" + text.toString().toStdString() + "' is not a number");
        return value;
    }

    Result<bool> flag(const char* attribute, const char* element) {
        const QStringView text = xml_.attributes().value(QLatin1String(attribute));
        if (text.isEmpty() || text == QLatin1String("0")) return false;
        if (text == QLatin1String("1")) return true;
        return failure(std::string("<") + element + "> " + attribute + " '" + text.toString().toStdString() + "' is not 0 or 1");
    }

    Status readFlags(CvatShape& shape, const char* element) {
        auto frame = number("frame", element);
        if (!frame) return frame.takeError();
        if (*frame < 0 || *frame != static_cast<double>(static_cast<std::int64_t>(*frame)))
            return failure(std::string("<") + element + "> frame is not a frame number");
        shape.frame = static_cast<std::int64_t>(*frame);
        shape.line = xml_.lineNumber();
        for (auto [name, target] : {std::pair<const char*, bool*>{"outside", &shape.outside}, {"occluded", &shape.occluded}}) {
            auto value = flag(name, element);
            if (!value) return value.takeError();
            *target = value.value();
        }
        auto keyframe = flag("keyframe", element);
        if (!keyframe) return keyframe.takeError();
        shape.keyframe = xml_.attributes().hasAttribute(QLatin1String("keyframe")) ? keyframe.value() : true;
        return Status::success();
    }

    // "x1,y1;x2,y2;..." of a <points> element.
    Result<std::vector<CvatPoint>> pointList() {
        std::vector<CvatPoint> points;
        const QString text = xml_.attributes().value(QLatin1String("points")).toString();
        for (const QString& pair : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const QStringList xy = pair.split(QLatin1Char(','));
            bool okX = false, okY = false;
            CvatPoint point;
            if (xy.size() == 2) {
                point.x = xy[0].trimmed().toFloat(&okX);
                point.y = xy[1].trimmed().toFloat(&okY);
            }
            if (!okX || !okY) return failure("<points> points '" + text.toStdString() + "' is not x1,y1;x2,y2;...");
            points.push_back(point);
        }
        if (points.empty()) return failure("<points> has no points");
        return points;
    }

    // The <attribute name="..."> children of the current shape, and (skeletons) its labelled points.
    Status readChildren(CvatShape& shape) {
        while (xml_.readNextStartElement()) {
            if (xml_.name() == QLatin1String("attribute")) {
                const std::string name = xml_.attributes().value(QLatin1String("name")).toString().toStdString();
                shape.attributes[name] = xml_.readElementText().trimmed().toStdString();
            } else if (xml_.name() == QLatin1String("points")) {
                // A skeleton's points carry no frame of their own: they are the skeleton's.
                CvatShape child;
                for (auto [name, target] : {std::pair<const char*, bool*>{"outside", &child.outside}, {"occluded", &child.occluded}}) {
                    auto value = flag(name, "points");
                    if (!value) return value.takeError();
                    *target = value.value();
                }
                auto points = pointList();
                if (!points) return points.takeError();
                if (points->size() != 1) return failure("a skeleton's <points> has " + std::to_string(points->size()) + " points, expected 1");
                CvatPoint point = points->front();
                point.label = xml_.attributes().value(QLatin1String("label")).toString().toStdString();
                if (point.label.empty()) return failure("a skeleton's <points> has no label (its joint's name)");
                point.outside = child.outside;
                point.occluded = child.occluded;
                shape.points.push_back(point);
                xml_.skipCurrentElement();
            } else {
                xml_.skipCurrentElement();
            }
        }
        return Status::success();
    }

    Status readShape(CvatTrack& track) {
        const auto name = xml_.name();
        CvatShapeKind kind;
        if (name == QLatin1String("box")) kind = CvatShapeKind::Box;
        else if (name == QLatin1String("points")) kind = CvatShapeKind::Points;
        else if (name == QLatin1String("skeleton")) kind = CvatShapeKind::Skeleton;
        else return failure("track " + std::to_string(track.id) + ": <" + name.toString().toStdString() +
                            "> shapes are not read (only <box>, <points> and <skeleton>)");
        if (!track.shapes.empty() && kind != track.kind)
            return failure("track " + std::to_string(track.id) + " mixes <" + name.toString().toStdString() + "> with other shapes");
        track.kind = kind;
        const std::string element = name.toString().toStdString();
        CvatShape shape;
        if (Status flags = readFlags(shape, element.c_str()); !flags) return flags;
        if (kind == CvatShapeKind::Box) {
            double* corners[] = {&shape.xtl, &shape.ytl, &shape.xbr, &shape.ybr};
            const char* names[] = {"xtl", "ytl", "xbr", "ybr"};
            for (int i = 0; i < 4; ++i) {
                auto value = number(names[i], "box");
                if (!value) return value.takeError();
                *corners[i] = value.value();
            }
        } else if (kind == CvatShapeKind::Points) {
            auto points = pointList();
            if (!points) return points.takeError();
            shape.points = std::move(points).value();
            for (CvatPoint& point : shape.points) {  // a points shape's flags are all its points'
                point.outside = shape.outside;
                point.occluded = shape.occluded;
            }
        }
        if (Status children = readChildren(shape); !children) return children;
        track.shapes.push_back(std::move(shape));
        return Status::success();
    }

    Status readTrack() {
        CvatTrack track;
        track.line = xml_.lineNumber();
        bool ok = false;
        track.id = xml_.attributes().value(QLatin1String("id")).toLongLong(&ok);
        if (!ok) return failure("<track> id '" + xml_.attributes().value(QLatin1String("id")).toString().toStdString() + "' is not a whole number");
        track.label = xml_.attributes().value(QLatin1String("label")).toString().toStdString();
        while (xml_.readNextStartElement())
            if (Status shape = readShape(track); !shape) return shape;
        document_.tracks.push_back(std::move(track));
        return Status::success();
    }

    QXmlStreamReader xml_;
    std::string fileName_;
    CvatVideoDocument document_;
};

}  // namespace

Result<CvatVideoDocument> readCvatVideoDocument(const std::string& path) {
    const std::string fileName = QFileInfo(QString::fromStdString(path)).fileName().toStdString();
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly)) return makeError("cannot read '" + path + "': " + file.errorString().toStdString());
    DocumentReader reader(file, fileName);
    return reader.read();
}

}  // namespace actionlens::formats
