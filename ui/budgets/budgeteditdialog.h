#pragma once

#include "budget/budget.h"
#include "forecast/forecastview.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableWidget;

/// Adds or edits one budget: name, scope (all spend or one provider / model / feature / team),
/// period (month, quarter, custom range), exact amount and thresholds on actual and forecast.
/// Validation runs before accept (Budgets::validate); the caller saves.
class BudgetEditDialog : public QDialog {
    Q_OBJECT
public:
    /// `choices` fill the scope value list; `budget` is the one edited (a new one when id is 0).
    BudgetEditDialog(const Budgets::Budget &budget, const std::vector<Analytics::SeriesRef> &choices,
                     QWidget *parent = nullptr);

    /// The budget as entered; false with `error` when it is not valid.
    bool budget(Budgets::Budget &out, QString &error) const;

    /// Adds a threshold 10% above the highest one, in order (the Add threshold button).
    void addThreshold();

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *amountEdit() const { return m_amount; }
    QComboBox *scopeDimBox() const { return m_dim; }
    QComboBox *scopeValueBox() const { return m_value; }
    QComboBox *periodBox() const { return m_period; }
    QTableWidget *thresholdTable() const { return m_thresholds; }

    void accept() override;

private:
    void fillValues();
    void addThresholdRow(const Budgets::Threshold &t);
    /// Puts the rows in ascending percent order (the dialog keeps them so while editing).
    void sortThresholds();
    /// The rows as they stand, in table order.
    std::vector<Budgets::Threshold> thresholdRows() const;

    Budgets::Budget m_original;
    std::vector<Analytics::SeriesRef> m_choices;
    QLineEdit *m_name = nullptr;
    QComboBox *m_dim = nullptr;
    QComboBox *m_value = nullptr;
    QComboBox *m_period = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLineEdit *m_amount = nullptr;
    QTableWidget *m_thresholds = nullptr;
    QLabel *m_error = nullptr;
};
