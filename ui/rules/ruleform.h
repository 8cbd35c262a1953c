#pragma once

#include "allocation/allocation.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class TargetsTableModel;

/// Edits one allocation rule: name, enabled, dimension (a known one or "tag:KEY"), match
/// kind, pattern and the targets with their shares. It validates as the user types and shows
/// what is wrong; edited() tells the owner to take rule(). GUI thread only.
class RuleForm : public QWidget {
    Q_OBJECT
public:
    explicit RuleForm(QWidget *parent = nullptr);

    /// Shows `rule` without emitting edited().
    void setRule(const Allocation::Rule &rule);
    /// The rule as currently edited.
    Allocation::Rule rule() const;
    /// What is wrong with rule(), translated; empty when it is valid.
    QString problem() const;

    QLineEdit *nameEdit() const { return m_name; }
    QCheckBox *enabledBox() const { return m_enabled; }
    QComboBox *dimensionBox() const { return m_dimension; }
    QComboBox *matchBox() const { return m_match; }
    QLineEdit *patternEdit() const { return m_pattern; }
    TargetsTableModel *targetsModel() const { return m_targets; }
    QTableView *targetsView() const { return m_targetsView; }
    QLabel *problemLabel() const { return m_problem; }

Q_SIGNALS:
    /// The user changed something.
    void edited();

private:
    void onEdited();
    void updateFeedback();
    void updatePatternHint();

    QLineEdit *m_name = nullptr;
    QCheckBox *m_enabled = nullptr;
    QComboBox *m_dimension = nullptr;
    QComboBox *m_match = nullptr;
    QLineEdit *m_pattern = nullptr;
    QLabel *m_patternHint = nullptr;
    TargetsTableModel *m_targets = nullptr;
    QTableView *m_targetsView = nullptr;
    QPushButton *m_addTarget = nullptr;
    QPushButton *m_removeTarget = nullptr;
    QLabel *m_shareTotal = nullptr;
    QLabel *m_problem = nullptr;
    bool m_loading = false;
};
