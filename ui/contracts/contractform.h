#pragma once

#include "contracts/contract.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

/// The fields of one contract: scope, term and discount as fields, the negotiated prices,
/// credits and commitments as the JSON arrays of the contracts file. readContract() validates
/// with Contracts::contractFromJson, so a wrong value names its field as an import would. GUI thread.
class ContractForm : public QWidget {
    Q_OBJECT
public:
    explicit ContractForm(QWidget *parent = nullptr);

    /// Shows `contract` (its id is kept for saving); a default Contract clears the form.
    void setContract(const Contracts::Contract &contract);
    /// The contract in the fields; false with a message naming the field.
    bool readContract(Contracts::Contract &out, QString &error) const;

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *providerEdit() const { return m_provider; }
    QLineEdit *fromEdit() const { return m_from; }
    QLineEdit *toEdit() const { return m_to; }
    QLineEdit *discountEdit() const { return m_discount; }
    QPlainTextEdit *termsEdit() const { return m_terms; }

private:
    std::int64_t m_id = 0;
    QLineEdit *m_name = nullptr;
    QComboBox *m_provider = nullptr;
    QLineEdit *m_account = nullptr;
    QLineEdit *m_model = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_discount = nullptr;
    QPlainTextEdit *m_terms = nullptr;
};
