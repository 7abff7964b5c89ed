#include "ui/document/effective_hotkeys.h"

#include "core/annotation/taxonomy_draft.h"

#include <QSettings>

#include <set>

namespace actionlens::ui {

namespace {

const QString kGroup = QStringLiteral("hotkeys");

// QSettings reads '/' and '\' in a key as sub-keys: action names may hold them ("sit/stand").
QString settingsName(const QString& action) {
    QString name = action;
    name.replace(QLatin1Char('%'), QStringLiteral("%25"));
    name.replace(QLatin1Char('/'), QStringLiteral("%2F"));
    name.replace(QLatin1Char('\\'), QStringLiteral("%5C"));
    return name;
}

QString actionName(const QString& settingsName) {
    QString name = settingsName;
    name.replace(QStringLiteral("%2F"), QStringLiteral("/"));
    name.replace(QStringLiteral("%5C"), QStringLiteral("\\"));
    name.replace(QStringLiteral("%25"), QStringLiteral("%"));
    return name;
}

const annotation::TaskValue* actionValue(const annotation::Taxonomy& taxonomy, const std::string& name) {
    const annotation::TaskDefinition* task = taxonomy.actionTask();
    if (!task) return nullptr;
    for (const annotation::TaskValue& value : task->values)
        if (value.name == name) return &value;
    return nullptr;
}

}  // namespace

EffectiveHotkeys::EffectiveHotkeys(QObject* parent) : QObject(parent) { reload(); }

void EffectiveHotkeys::reload() {
    userKeys_.clear();
    QSettings settings;
    settings.beginGroup(kGroup);
    for (const QString& name : settings.childKeys()) {
        const QString key = settings.value(name).toString().toLower();
        if (!key.isEmpty()) userKeys_[actionName(name)] = key;
    }
    Q_EMIT changed();
}

QString EffectiveHotkeys::userKey(const QString& action) const {
    auto it = userKeys_.find(action);
    return it != userKeys_.end() ? it->second : QString();
}

annotation::Taxonomy EffectiveHotkeys::applyTo(const annotation::Taxonomy& taxonomy) const {
    annotation::Taxonomy effective = taxonomy;
    if (userKeys_.empty()) return effective;
    // The user's keys first: they win over the project's.
    std::set<std::string> taken;
    std::set<std::pair<size_t, size_t>> overridden;
    for (size_t t = 0; t < effective.tasks.size(); ++t) {
        annotation::TaskDefinition& task = effective.tasks[t];
        if (task.kind != annotation::TaskKind::Action) continue;
        for (size_t v = 0; v < task.values.size(); ++v) {
            const QString key = userKey(QString::fromStdString(task.values[v].name));
            if (key.isEmpty() || !taken.insert(key.toStdString()).second) continue;
            task.values[v].hotkey = key.toStdString();
            overridden.insert({t, v});
        }
    }
    for (size_t t = 0; t < effective.tasks.size(); ++t)
        for (size_t v = 0; v < effective.tasks[t].values.size(); ++v) {
            std::string& hotkey = effective.tasks[t].values[v].hotkey;
            if (!overridden.count({t, v}) && taken.count(hotkey)) hotkey.clear();
        }
    return effective;
}

std::string EffectiveHotkeys::hotkeyOf(const annotation::Taxonomy& taxonomy, const std::string& task, const std::string& value) const {
    for (const annotation::TaskDefinition& def : applyTo(taxonomy).tasks) {
        if (def.name != task) continue;
        for (const annotation::TaskValue& v : def.values)
            if (v.name == value) return v.hotkey;
    }
    return {};
}

Status EffectiveHotkeys::check(const annotation::Taxonomy& taxonomy, const std::map<std::string, std::string>& reservedKeys,
                               const QString& action, const QString& key) const {
    // The taxonomy editor's rules (one visible key, not the window's, not another value's),
    // applied to the keys as this user has them.
    annotation::TaxonomyDraft draft(applyTo(taxonomy));
    draft.setReservedKeys(reservedKeys);
    const annotation::Taxonomy& effective = draft.taxonomy();
    for (size_t t = 0; t < effective.tasks.size(); ++t) {
        if (effective.tasks[t].kind != annotation::TaskKind::Action) continue;
        for (size_t v = 0; v < effective.tasks[t].values.size(); ++v)
            if (effective.tasks[t].values[v].name == action.toStdString()) return draft.setHotkey(t, v, key.toStdString());
    }
    return makeError("'" + action.toStdString() + "' is not an action of this project");
}

Status EffectiveHotkeys::setUserKey(const annotation::Taxonomy& taxonomy, const std::map<std::string, std::string>& reservedKeys,
                                    const QString& action, const QString& key) {
    const annotation::TaskValue* value = actionValue(taxonomy, action.toStdString());
    if (!value) return makeError("'" + action.toStdString() + "' is not an action of this project");
    const QString lower = key.toLower();
    if (lower.isEmpty()) {
        reset(action);
        return Status::success();
    }
    // The project's own key is checked too: another action may have taken it over.
    if (Status status = check(taxonomy, reservedKeys, action, lower); !status) return status;
    if (lower.toStdString() == value->hotkey) {
        reset(action);
        return Status::success();
    }
    userKeys_[action] = lower;
    QSettings().setValue(kGroup + QLatin1Char('/') + settingsName(action), lower);
    Q_EMIT changed();
    return Status::success();
}

void EffectiveHotkeys::reset(const QString& action) {
    if (!userKeys_.erase(action)) return;
    QSettings().remove(kGroup + QLatin1Char('/') + settingsName(action));
    Q_EMIT changed();
}

void EffectiveHotkeys::resetAll(const annotation::Taxonomy& taxonomy) {
    const annotation::TaskDefinition* task = taxonomy.actionTask();
    if (!task) return;
    QSettings settings;
    bool any = false;
    for (const annotation::TaskValue& value : task->values) {
        const QString action = QString::fromStdString(value.name);
        if (!userKeys_.erase(action)) continue;
        settings.remove(kGroup + QLatin1Char('/') + settingsName(action));
        any = true;
    }
    if (any) Q_EMIT changed();
}

}  // namespace actionlens::ui
