#pragma once

#include "pricing/pricecatalog.h"
#include "pricing/pricedusage.h"
#include "store/sqlitedb.h"
#include "task/task.h"

#include <QDialog>
#include <QString>

#include <functional>
#include <memory>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

/// Tools → Prices: the merged catalog (curated, imported LiteLLM, the user's own) with a filter,
/// a form to add or override a user price (validated field by field), removal of user prices
/// with confirmation, LiteLLM JSON import, and the models that have no price with an
/// "Add price" action. Store work runs on a worker with its own connection; pricesChanged()
/// tells the Simulator to re-price. GUI thread.
class PriceEditorDialog : public QDialog {
    Q_OBJECT
public:
    PriceEditorDialog(const QString &dbPath, const std::vector<Simulation::UnpricedUsage> &unpriced, QWidget *parent = nullptr);

    /// Reloads the catalog from the store (loaded() when shown).
    void reloadCatalog();
    /// Validates the form and saves it as a user price; false with the error shown (and in `error`).
    bool saveForm(QString *error = nullptr);
    /// Removes the selected user price after the user confirms.
    void removeSelected();
    /// Imports a LiteLLM (or Burnrate) price file on a worker.
    void importFile(const QString &path);
    /// Fills the form for the unpriced model in row `row` of the unpriced list.
    void prefillUnpriced(int row);
    /// Sets the filter text (model or provider substring).
    void setFilter(const QString &text);

    const Pricing::PriceCatalog &catalog() const { return m_catalog; }
    QTableWidget *table() const { return m_table; }
    QListWidget *unpricedList() const { return m_unpriced; }
    QLabel *statusLabel() const { return m_status; }
    bool isBusy() const { return m_busy; }
    /// Selects the table row showing the user entry for (model, tier, effective day); false when none.
    bool selectUserEntry(const QString &model, qint64 effectiveFrom);

Q_SIGNALS:
    /// The catalog in the dialog is up to date.
    void loaded();
    /// User or imported prices changed in the store.
    void pricesChanged();
    /// A store operation finished (status shows its outcome).
    void finished(bool ok);

private:
    void buildForm(QWidget *box);
    void fillTable();
    void applyFilter();
    void setBusy(bool busy, const QString &message = {});
    void runStore(const QString &busyText, std::function<bool(Cost::SqliteDb &db, std::string &error)> change,
                  std::function<QString()> success);
    bool readForm(Pricing::PriceEntry &entry, QString &error) const;

    QString m_dbPath;
    Pricing::PriceCatalog m_catalog;
    std::vector<Simulation::UnpricedUsage> m_unpricedUsage;
    std::vector<const Pricing::PriceEntry *> m_rows;
    bool m_busy = false;
    Task::Runner m_loader{this, Task::Runner::Policy::Latest};
    Task::Runner m_writer{this, Task::Runner::Policy::Every};
    QLineEdit *m_filter = nullptr;
    QTableWidget *m_table = nullptr;
    QListWidget *m_unpriced = nullptr;
    QComboBox *m_provider = nullptr;
    QLineEdit *m_model = nullptr;
    QComboBox *m_tier = nullptr;
    QLineEdit *m_from = nullptr;
    QLineEdit *m_prices[Pricing::kPriceKindCount] = {};
    QPushButton *m_save = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_import = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
};
