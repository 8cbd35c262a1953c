#pragma once

#include "allocation/allocation.h"

#include <QString>
#include <QWidget>

#include <optional>

class QPushButton;
class QTableView;
class RulesTableModel;

/// The ordered list of rules in the rules editor with its actions: add, duplicate, delete
/// (undoable), move up and down, and JSON import/export. GUI thread only.
class RulesListPanel : public QWidget {
    Q_OBJECT
public:
    RulesListPanel(RulesTableModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    /// Row of the selected rule, -1 when none.
    int currentRow() const;
    /// Selects `row` (none when out of range).
    void setCurrentRow(int row);
    /// Enables or disables every action and the list (while loading or saving).
    void setEditable(bool editable);
    /// Disables Export with `problem` as the reason; enables it when empty.
    void setExportProblem(const QString &problem);
    /// Forgets the deleted rule (after a save or an import).
    void forgetDeleted() { m_deleted.reset(); }
    bool canUndoDelete() const { return m_deleted.has_value(); }

    /// Replaces the rules with those of a JSON file; false (with a notice naming the rule and
    /// field) when the file cannot be read or parsed.
    bool importFrom(const QString &path);
    /// Writes the rules as JSON; false with a notice when a rule is invalid or the file cannot be written.
    bool exportTo(const QString &path);

public Q_SLOTS:
    /// Adds a rule below the selected one and selects it.
    void addRule();
    void duplicateRule();
    /// Deletes the selected rule; ruleDeleted() follows, undoDelete() brings it back.
    void deleteRule();
    void undoDelete();
    void moveUp();
    void moveDown();
    /// Asks for a JSON file, then importFrom() / exportTo().
    void chooseImport();
    void chooseExport();

Q_SIGNALS:
    /// The user changed the list (not emitted for setRules on the model).
    void edited();
    /// The selection moved to `row` (-1 = none).
    void currentRowChanged(int row);
    /// A rule was deleted; `description` names it for the undo notice.
    void ruleDeleted(const QString &description);
    /// A deleted rule was restored.
    void deleteUndone();
    /// Something to tell the user (import and export outcomes).
    void notice(const QString &text, bool error);

private:
    void updateButtons();

    RulesTableModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_duplicate = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_export = nullptr;
    bool m_editable = false;
    QString m_exportProblem;
    struct Deleted {
        int row;
        Allocation::Rule rule;
    };
    std::optional<Deleted> m_deleted;
};
