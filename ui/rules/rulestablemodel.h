#pragma once

#include "allocation/allocation.h"
#include "rules/listtablemodel.h"

#include <QString>

#include <vector>

/// The ordered allocation rules being edited (first match wins), one row per rule: name with
/// an enabled check box, the condition, the targets. Editing here never touches the store;
/// the rules editor saves the whole list at once. GUI thread only.
class RulesTableModel : public ListTableModel<Allocation::Rule> {
    Q_OBJECT
public:
    enum Column { NameColumn, ConditionColumn, TargetsColumn, ColumnCount };

    explicit RulesTableModel(QObject *parent = nullptr);

    /// Only the check box of the name column is editable here.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    const std::vector<Allocation::Rule> &rules() const { return m_items; }
    const Allocation::Rule &rule(int row) const { return itemAt(row); }
    /// Replaces the whole list (after loading or importing).
    void setRules(const std::vector<Allocation::Rule> &rules);
    /// Replaces one rule (the form edited it).
    void setRule(int row, const Allocation::Rule &rule);
    /// Inserts `rule` at `row` (clamped to the end).
    void insertRule(int row, const Allocation::Rule &rule);
    /// Removes the rule at `row`; false when there is none.
    bool removeRule(int row);
    /// Moves the rule at `from` to position `to`; false when either is out of range.
    bool moveRule(int from, int to);

    /// What is wrong with the rule at `row`, translated; empty when it is valid.
    QString problem(int row) const;
    /// What is wrong with `rule`, translated; empty when it is valid (Allocation::validate decides).
    static QString problemOf(const Allocation::Rule &rule);
    /// The first problem of the list ("Rule 2 (name): …"); empty when every rule is valid.
    QString firstProblem() const;

    /// "model is gpt-4o", "sub_account matches proj-*", … for a rule.
    static QString conditionText(const Allocation::Rule &rule);
    /// "chatbot / support 60% · search 40%" for a rule.
    static QString targetsText(const Allocation::Rule &rule);
    /// A share in parts per million as a locale percentage ("33.3333%").
    static QString shareText(std::int64_t sharePpm);

protected:
    QVariant cellData(const Allocation::Rule &r, const QModelIndex &index, int role) const override;
    QStringList columnTitles() const override;
    Qt::ItemFlags columnFlags(int column) const override;
};
