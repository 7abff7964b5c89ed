#include "core/annotation/taxonomy_json.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

// The resource lives in a static library, so nothing would pull its initialiser into the
// program; Q_INIT_RESOURCE must be called outside any namespace.
static void initTaxonomyResources() { Q_INIT_RESOURCE(taxonomies); }

namespace actionlens::annotation {

namespace {

std::string str(const QString& s) { return s.toStdString(); }

// Reads an optional string member; an absent member is "", any other type is an error.
Status optionalString(const QJsonObject& object, const char* key, const std::string& field, std::string* out) {
    const QJsonValue v = object.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) return Status::success();
    if (!v.isString()) return makeError(field + "." + key + ": expected a string");
    *out = str(v.toString());
    return Status::success();
}

Status requiredString(const QJsonObject& object, const char* key, const std::string& field, std::string* out) {
    if (!object.contains(QLatin1String(key))) return makeError(field + "." + key + ": missing");
    return optionalString(object, key, field, out);
}

Result<TaskValue> parseValue(const QJsonValue& json, const std::string& field, bool action) {
    TaskValue value;
    if (json.isString() && !action) {
        value.name = str(json.toString());
        return value;
    }
    if (!json.isObject()) return makeError(field + ": expected " + (action ? "an object" : "a string or an object"));
    const QJsonObject o = json.toObject();
    for (auto [key, out] : {std::pair<const char*, std::string*>{"colour", &value.colour}, {"hotkey", &value.hotkey}, {"mirror", &value.mirror}})
        if (Status s = optionalString(o, key, field, out); !s) return s.takeError();
    if (Status s = requiredString(o, "name", field, &value.name); !s) return s.takeError();
    if (action)
        if (Status s = requiredString(o, "group", field, &value.group); !s) return s.takeError();
    return value;
}

Result<TaskDefinition> parseTask(const QJsonValue& json, const std::string& field) {
    if (!json.isObject()) return makeError(field + ": expected an object");
    const QJsonObject o = json.toObject();
    TaskDefinition task;
    if (Status s = requiredString(o, "name", field, &task.name); !s) return s.takeError();
    std::string kind, scope;
    if (Status s = requiredString(o, "kind", field, &kind); !s) return s.takeError();
    if (!parseTaskKind(kind, &task.kind))
        return makeError(field + ".kind: '" + kind + "' is neither \"action\" nor \"attribute\"");
    if (Status s = optionalString(o, "scope", field, &scope); !s) return s.takeError();
    if (!scope.empty() && !parseTaskScope(scope, &task.scope))
        return makeError(field + ".scope: '" + scope + "' is neither \"segment\" nor \"subject\"");
    const bool action = task.kind == TaskKind::Action;
    const QJsonValue sideFree = o.value(QLatin1String("side_free"));
    if (!sideFree.isUndefined() && !sideFree.isNull() && !sideFree.isBool()) return makeError(field + ".side_free: expected true or false");
    task.sideFree = sideFree.toBool(false);

    if (o.contains(QLatin1String("groups"))) {
        const QJsonValue groups = o.value(QLatin1String("groups"));
        if (!groups.isArray()) return makeError(field + ".groups: expected an array of objects");
        const QJsonArray array = groups.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const std::string gf = field + ".groups[" + std::to_string(i) + "]";
            if (!array[i].isObject()) return makeError(gf + ": expected an object");
            ClassGroup group;
            if (Status s = requiredString(array[i].toObject(), "name", gf, &group.name); !s) return s.takeError();
            if (Status s = optionalString(array[i].toObject(), "colour", gf, &group.colour); !s) return s.takeError();
            const QJsonValue groupOnly = array[i].toObject().value(QLatin1String("group_only"));
            if (!groupOnly.isUndefined() && !groupOnly.isNull() && !groupOnly.isBool())
                return makeError(gf + ".group_only: expected true or false");
            group.allowsGroupOnly = groupOnly.toBool(false);
            task.groups.push_back(group);
        }
    }
    const char* listKey = action ? "classes" : "values";
    const std::string lf = field + "." + listKey;
    if (!o.contains(QLatin1String(listKey))) return makeError(lf + ": missing");
    const QJsonValue list = o.value(QLatin1String(listKey));
    if (!list.isArray())
        return makeError(lf + (action ? ": expected an array of objects" : ": expected an array of strings or objects"));
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto value = parseValue(array[i], lf + "[" + std::to_string(i) + "]", action);
        if (!value) return value.takeError();
        task.values.push_back(std::move(value).value());
    }
    return task;
}

QJsonObject valueToJson(const TaskValue& value) {
    QJsonObject o{{"name", QString::fromStdString(value.name)}};
    if (!value.group.empty()) o.insert("group", QString::fromStdString(value.group));
    if (!value.colour.empty()) o.insert("colour", QString::fromStdString(value.colour));
    if (!value.hotkey.empty()) o.insert("hotkey", QString::fromStdString(value.hotkey));
    if (!value.mirror.empty()) o.insert("mirror", QString::fromStdString(value.mirror));
    return o;
}

}  // namespace

Result<Taxonomy> taxonomyFromJson(const std::string& jsonText) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(jsonText), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Qt reports a byte offset; a line number is what a person editing the file can use.
        const int offset = parseError.offset;
        const int line = 1 + static_cast<int>(std::count(jsonText.begin(), jsonText.begin() + std::min<size_t>(offset, jsonText.size()), '\n'));
        return makeError("line " + std::to_string(line) + ": " + str(parseError.errorString()));
    }
    if (!doc.isObject()) return makeError("top level: expected an object with \"name\" and \"tasks\"");
    const QJsonObject root = doc.object();
    Taxonomy taxonomy;
    if (Status s = optionalString(root, "name", "taxonomy", &taxonomy.name); !s) return s.takeError();
    const QJsonValue tasks = root.value(QLatin1String("tasks"));
    if (!tasks.isArray()) return makeError("tasks: expected an array of task objects");
    const QJsonArray array = tasks.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto task = parseTask(array[i], "tasks[" + std::to_string(i) + "]");
        if (!task) return task.takeError();
        taxonomy.tasks.push_back(std::move(task).value());
    }
    if (Status s = validateTaxonomy(taxonomy); !s) return s.takeError();
    return taxonomy;
}

std::string taxonomyToJson(const Taxonomy& taxonomy) {
    QJsonArray tasks;
    for (const TaskDefinition& task : taxonomy.tasks) {
        const bool action = task.kind == TaskKind::Action;
        QJsonObject o{{"name", QString::fromStdString(task.name)}, {"kind", taskKindName(task.kind)}};
        if (!action) o.insert("scope", taskScopeName(task.scope));
        if (task.sideFree) o.insert("side_free", true);
        if (action) {
            QJsonArray groups;
            for (const ClassGroup& g : task.groups) {
                QJsonObject go{{"name", QString::fromStdString(g.name)}};
                if (!g.colour.empty()) go.insert("colour", QString::fromStdString(g.colour));
                if (g.allowsGroupOnly) go.insert("group_only", true);
                groups.append(go);
            }
            o.insert("groups", groups);
        }
        QJsonArray values;
        for (const TaskValue& v : task.values) values.append(valueToJson(v));
        o.insert(action ? "classes" : "values", values);
        tasks.append(o);
    }
    const QJsonObject root{{"name", QString::fromStdString(taxonomy.name)}, {"tasks", tasks}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
}

Result<Taxonomy> loadTaxonomyFile(const std::string& path) {
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return makeError("cannot read taxonomy '" + path + "': " + str(file.errorString()));
    auto taxonomy = taxonomyFromJson(file.readAll().toStdString());
    if (!taxonomy) return makeError(path + ": " + taxonomy.error());
    return taxonomy;
}

Status saveTaxonomyFile(const Taxonomy& taxonomy, const std::string& path) {
    QSaveFile file(QString::fromStdString(path));
    const std::string json = taxonomyToJson(taxonomy);
    if (!file.open(QIODevice::WriteOnly) || file.write(json.data(), static_cast<qint64>(json.size())) < 0 ||
        !file.commit())
        return makeError("cannot write taxonomy '" + path + "': " + str(file.errorString()));
    return Status::success();
}

std::vector<std::string> builtinTaxonomyNames() {
    initTaxonomyResources();
    std::vector<std::string> names;
    const QStringList files = QDir(QStringLiteral(":/taxonomies")).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString& f : files) names.push_back(str(f.chopped(5)));
    return names;
}

Result<Taxonomy> builtinTaxonomy(const std::string& name) {
    initTaxonomyResources();
    const std::string path = ":/taxonomies/" + name + ".json";
    if (!QFile::exists(QString::fromStdString(path))) return makeError("no built-in taxonomy named '" + name + "'");
    return loadTaxonomyFile(path);
}

}  // namespace actionlens::annotation
