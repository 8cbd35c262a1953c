#include "prices/priceeditordialog.h"

#include "domain/timeparse.h"
#include "pricing/pricematching.h"
#include "pricing/pricestore.h"
#include "shell/style.h"
#include "simulator/simulatorformat.h"
#include "store/store.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using Pricing::PriceKind;
using SimulatorFormat::textItem;

namespace {

enum Column { ColProvider, ColModel, ColTier, ColFrom, ColFirstPrice, ColSource = ColFirstPrice + Pricing::kPriceKindCount, ColCount };

const char *const kKindTitles[] = {QT_TRANSLATE_NOOP("PriceEditorDialog", "Input"), QT_TRANSLATE_NOOP("PriceEditorDialog", "Cache read"),
                                   QT_TRANSLATE_NOOP("PriceEditorDialog", "Cache write 5m"),
                                   QT_TRANSLATE_NOOP("PriceEditorDialog", "Cache write 1h"), QT_TRANSLATE_NOOP("PriceEditorDialog", "Output")};

QString priceText(Cost::Money perMillion) { return QString::fromStdString(Cost::formatMoney(perMillion, 2)); }

QString dayText(std::int64_t day)
{
    return day == Pricing::kAlways ? PriceEditorDialog::tr("always") : QString::fromStdString(Cost::formatDay(day));
}

} // namespace

PriceEditorDialog::PriceEditorDialog(const QString &dbPath, const std::vector<Simulation::UnpricedUsage> &unpriced, QWidget *parent)
    : QDialog(parent)
    , m_dbPath(dbPath)
{
    // One row per (provider, model, tier): the engine lists unpriced usage per token kind.
    for (const auto &u : unpriced) {
        const auto same = [&](const Simulation::UnpricedUsage &o) { return o.provider == u.provider && o.model == u.model && o.tier == u.tier; };
        const auto it = std::find_if(m_unpricedUsage.begin(), m_unpricedUsage.end(), same);
        if (it == m_unpricedUsage.end())
            m_unpricedUsage.push_back(u);
        else
            it->tokens += u.tokens;
    }
    setObjectName(QStringLiteral("priceEditor"));
    setWindowTitle(tr("Prices"));
    resize(1180, 760);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("priceFilter"));
    m_filter->setPlaceholderText(tr("Filter by model or provider (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_filter, qOverload<>(&QWidget::setFocus));
    addAction(find);
    m_import = new QPushButton(tr("&Import LiteLLM JSON\u2026"), this);
    m_import->setObjectName(QStringLiteral("importPrices"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_import);

    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("priceTable"));
    SimulatorFormat::styleTable(m_table);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *formBox = new QGroupBox(tr("Add or override a price (your prices win over curated and imported ones)"), this);
    buildForm(formBox);
    auto *unpricedBox = new QGroupBox(tr("Unpriced models in the usage"), this);
    m_unpriced = new QListWidget(unpricedBox);
    m_unpriced->setObjectName(QStringLiteral("unpricedModels"));
    for (const auto &u : m_unpricedUsage)
        m_unpriced->addItem(tr("%1 (%2, %3): %4 tokens")
                                .arg(QString::fromStdString(u.model), QString::fromStdString(u.provider),
                                     QString::fromLatin1(Pricing::tierName(u.tier)), QLocale().toString(static_cast<qint64>(u.tokens))));
    if (m_unpricedUsage.empty())
        m_unpriced->addItem(tr("Every model in the usage has a price."));
    auto *addPrice = new QPushButton(tr("Add &price"), unpricedBox);
    addPrice->setEnabled(!m_unpricedUsage.empty());
    connect(addPrice, &QPushButton::clicked, this, [this] { prefillUnpriced(m_unpriced->currentRow()); });
    connect(m_unpriced, &QListWidget::itemDoubleClicked, this, [this] { prefillUnpriced(m_unpriced->currentRow()); });
    auto *unpricedLayout = new QVBoxLayout(unpricedBox);
    unpricedLayout->addWidget(m_unpriced, 1);
    unpricedLayout->addWidget(addPrice, 0, Qt::AlignRight);
    if (!m_unpricedUsage.empty())
        Style::text(unpricedBox, Style::Text{Palette::Role::ErrorBannerText, 0, true});
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(formBox, 3);
    bottom->addWidget(unpricedBox, 2);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("priceStatus"));
    m_status->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_progress);
    statusRow->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);
    layout->addLayout(statusRow);

    connect(m_filter, &QLineEdit::textChanged, this, &PriceEditorDialog::applyFilter);
    connect(m_import, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import prices"), QString(), tr("Price files (*.json)"));
        if (!path.isEmpty())
            importFile(path);
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_table->selectionModel()->selectedRows();
        const int row = rows.isEmpty() ? -1 : m_table->item(rows.front().row(), 0)->data(Qt::UserRole).toInt();
        const bool user = row >= 0 && m_rows[static_cast<std::size_t>(row)]->layer == Pricing::Layer::User;
        m_remove->setEnabled(user && !m_busy);
        if (row < 0)
            return;
        // Selecting any entry fills the form: saving it overrides that price with the user's.
        const Pricing::PriceEntry &e = *m_rows[static_cast<std::size_t>(row)];
        m_provider->setCurrentText(QString::fromStdString(e.provider));
        m_model->setText(QString::fromStdString(e.model));
        m_tier->setCurrentIndex(static_cast<int>(e.tier));
        m_from->setText(e.effectiveFrom == Pricing::kAlways ? QString() : QString::fromStdString(Cost::formatDay(e.effectiveFrom)));
        for (int k = 0; k < Pricing::kPriceKindCount; ++k)
            m_prices[k]->setText(e.has(static_cast<PriceKind>(k)) ? priceText(e.price(static_cast<PriceKind>(k))) : QString());
    });
    reloadCatalog();
}

void PriceEditorDialog::buildForm(QWidget *box)
{
    m_provider = new QComboBox(box);
    m_provider->setObjectName(QStringLiteral("priceProvider"));
    m_provider->setEditable(true);
    m_provider->addItems({QStringLiteral("openai"), QStringLiteral("anthropic"), QStringLiteral("bedrock"), QStringLiteral("azure"),
                          QStringLiteral("vertex"), QStringLiteral("gemini")});
    m_model = new QLineEdit(box);
    m_model->setObjectName(QStringLiteral("priceModel"));
    m_model->setPlaceholderText(tr("e.g. gpt-4o-mini"));
    m_tier = new QComboBox(box);
    m_tier->setObjectName(QStringLiteral("priceTier"));
    m_tier->addItems({tr("standard"), tr("batch"), tr("priority")});
    m_from = new QLineEdit(box);
    m_from->setObjectName(QStringLiteral("priceFrom"));
    m_from->setPlaceholderText(tr("YYYY-MM-DD, empty = always"));
    auto *grid = new QGridLayout(box);
    grid->addWidget(new QLabel(tr("Provider:"), box), 0, 0);
    grid->addWidget(m_provider, 0, 1);
    grid->addWidget(new QLabel(tr("Model:"), box), 0, 2);
    grid->addWidget(m_model, 0, 3);
    grid->addWidget(new QLabel(tr("Tier:"), box), 1, 0);
    grid->addWidget(m_tier, 1, 1);
    grid->addWidget(new QLabel(tr("Effective from:"), box), 1, 2);
    grid->addWidget(m_from, 1, 3);
    auto *unit = new QLabel(tr("Prices per 1M tokens (empty = no price for that kind):"), box);
    grid->addWidget(unit, 2, 0, 1, 4);
    for (int k = 0; k < Pricing::kPriceKindCount; ++k) {
        m_prices[k] = new QLineEdit(box);
        m_prices[k]->setObjectName(QStringLiteral("price_") + QString::fromLatin1(Pricing::priceKindName(static_cast<PriceKind>(k))));
        m_prices[k]->setPlaceholderText(QStringLiteral("0.00"));
        grid->addWidget(new QLabel(tr(kKindTitles[k]) + QLatin1Char(':'), box), 3 + k / 2, (k % 2) * 2);
        grid->addWidget(m_prices[k], 3 + k / 2, (k % 2) * 2 + 1);
    }
    m_save = new QPushButton(tr("&Save price"), box);
    m_save->setObjectName(QStringLiteral("savePrice"));
    m_save->setDefault(true);
    m_remove = new QPushButton(tr("&Remove my price\u2026"), box);
    m_remove->setObjectName(QStringLiteral("removePrice"));
    m_remove->setEnabled(false);
    grid->addWidget(m_remove, 5, 2);
    grid->addWidget(m_save, 5, 3);
    grid->setRowStretch(6, 1);
    connect(m_save, &QPushButton::clicked, this, [this] { saveForm(); });
    connect(m_remove, &QPushButton::clicked, this, &PriceEditorDialog::removeSelected);
}

void PriceEditorDialog::setBusy(bool busy, const QString &message)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_save->setEnabled(!busy);
    m_import->setEnabled(!busy);
    if (busy)
        m_remove->setEnabled(false);
    if (!message.isEmpty())
        m_status->setText(message);
}

void PriceEditorDialog::reloadCatalog()
{
    struct Loaded {
        Pricing::PriceCatalog catalog;
        QString error;
    };
    m_loader.run(
        m_dbPath,
        [](Task::Context &context) {
            Loaded out;
            std::string error;
            if (!Pricing::loadCatalog(context.db(), out.catalog, error))
                out.error = QString::fromStdString(error);
            return out;
        },
        [this](Task::Outcome<Loaded> &result) {
            const QString error = result.ok() ? result.value.error : result.error;
            if (!error.isEmpty())
                m_status->setText(tr("Cannot read the prices: %1").arg(error));
            m_catalog = result.value.catalog;
            fillTable();
            Q_EMIT loaded();
        });
}

void PriceEditorDialog::fillTable()
{
    m_rows = m_catalog.find("");
    QStringList headers = {tr("Provider"), tr("Model"), tr("Tier"), tr("From")};
    for (const char *title : kKindTitles)
        headers << tr(title);
    headers << tr("Source");
    m_table->setUpdatesEnabled(false);
    SimulatorFormat::resetTable(m_table, headers);
    m_table->setRowCount(static_cast<int>(m_rows.size()));
    for (int row = 0; row < static_cast<int>(m_rows.size()); ++row) {
        const Pricing::PriceEntry &e = *m_rows[static_cast<std::size_t>(row)];
        QTableWidgetItem *provider = textItem(e.provider.empty() ? tr("any") : QString::fromStdString(e.provider));
        provider->setData(Qt::UserRole, row);
        m_table->setItem(row, ColProvider, provider);
        m_table->setItem(row, ColModel, textItem(QString::fromStdString(e.model) + (e.longContext ? tr(" (long context)") : QString())));
        m_table->setItem(row, ColTier, textItem(QString::fromLatin1(Pricing::tierName(e.tier))));
        m_table->setItem(row, ColFrom, textItem(dayText(e.effectiveFrom)));
        for (int k = 0; k < Pricing::kPriceKindCount; ++k) {
            const auto kind = static_cast<PriceKind>(k);
            QTableWidgetItem *cell = textItem(e.has(kind) ? priceText(e.price(kind)) : QStringLiteral("\u2014"));
            cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, ColFirstPrice + k, cell);
        }
        QTableWidgetItem *source = textItem(QString::fromLatin1(Pricing::layerName(e.layer)), QString::fromStdString(e.source));
        if (e.layer == Pricing::Layer::User)
            source->setForeground(Style::colour(Palette::Role::Link));
        m_table->setItem(row, ColSource, source);
    }
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ColModel, QHeaderView::Stretch);
    applyFilter();
    m_table->setUpdatesEnabled(true);
}

void PriceEditorDialog::setFilter(const QString &text) { m_filter->setText(text); }

void PriceEditorDialog::applyFilter()
{
    const QString needle = m_filter->text().trimmed();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const bool match = needle.isEmpty() || m_table->item(row, ColModel)->text().contains(needle, Qt::CaseInsensitive)
            || m_table->item(row, ColProvider)->text().contains(needle, Qt::CaseInsensitive);
        m_table->setRowHidden(row, !match);
    }
}

bool PriceEditorDialog::selectUserEntry(const QString &model, qint64 effectiveFrom)
{
    for (int row = 0; row < static_cast<int>(m_rows.size()); ++row) {
        const Pricing::PriceEntry &e = *m_rows[static_cast<std::size_t>(row)];
        if (e.layer == Pricing::Layer::User && QString::fromStdString(e.model) == model && e.effectiveFrom == effectiveFrom) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

bool PriceEditorDialog::readForm(Pricing::PriceEntry &e, QString &error) const
{
    e.provider = PriceMatching::providerFamily(m_provider->currentText().trimmed().toStdString());
    e.model = m_model->text().trimmed().toStdString();
    if (e.model.empty()) {
        error = tr("Model: enter the model name (e.g. gpt-4o-mini).");
        return false;
    }
    e.model = PriceMatching::primaryKey(e.model);
    e.tier = static_cast<Pricing::Tier>(m_tier->currentIndex());
    e.layer = Pricing::Layer::User;
    e.source = "user (Prices dialog)";
    const QString from = m_from->text().trimmed();
    if (!from.isEmpty() && !Cost::parseDate(from.toStdString(), e.effectiveFrom)) {
        error = tr("Effective from: '%1' is not a date (YYYY-MM-DD); leave it empty for always.").arg(from);
        return false;
    }
    for (int k = 0; k < Pricing::kPriceKindCount; ++k) {
        const QString text = m_prices[k]->text().trimmed().remove(QLatin1Char('$'));
        if (text.isEmpty())
            continue;
        Cost::Money value = 0;
        if (!Pricing::priceFromJson(text.toStdString(), value) || value < 0) {
            error = tr("%1: '%2' is not a price (a non-negative amount per 1M tokens, e.g. 2.50).").arg(tr(kKindTitles[k]), text);
            return false;
        }
        e.set(static_cast<PriceKind>(k), value);
    }
    if (!e.has(PriceKind::Input) && !e.has(PriceKind::Output)) {
        error = tr("Input / Output: give at least the input or the output price.");
        return false;
    }
    return true;
}

bool PriceEditorDialog::saveForm(QString *errorOut)
{
    Pricing::PriceEntry entry;
    QString error;
    if (!readForm(entry, error)) {
        m_status->setText(QStringLiteral("<span style='color:%2'>%1</span>").arg(error.toHtmlEscaped(), Style::css(Palette::Role::Negative)));
        if (errorOut)
            *errorOut = error;
        return false;
    }
    const QString label = QString::fromStdString(entry.model);
    runStore(tr("Saving the price of %1\u2026").arg(label),
             [entry](Cost::SqliteDb &db, std::string &e) { return Pricing::saveUserPrices(db, {entry}, e); },
             [label] { return tr("Saved your price for %1; the simulator re-prices with it.").arg(label); });
    return true;
}

void PriceEditorDialog::removeSelected()
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const int index = m_table->item(rows.front().row(), 0)->data(Qt::UserRole).toInt();
    const Pricing::PriceEntry entry = *m_rows[static_cast<std::size_t>(index)];
    if (entry.layer != Pricing::Layer::User)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove price"),
                                tr("Remove your price for %1 (%2, from %3)? Curated or imported prices apply again.")
                                    .arg(QString::fromStdString(entry.model), QString::fromLatin1(Pricing::tierName(entry.tier)),
                                         dayText(entry.effectiveFrom)),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmRemovePrice"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, entry](QAbstractButton *button) {
        if (box->standardButton(button) != QMessageBox::Yes)
            return;
        const QString label = QString::fromStdString(entry.model);
        runStore(tr("Removing the price of %1\u2026").arg(label),
                 [entry](Cost::SqliteDb &db, std::string &e) {
                     if (Pricing::removeUserPrice(db, entry, e))
                         return true;
                     if (e.empty())
                         e = "there was no such price";
                     return false;
                 },
                 [label] { return tr("Removed your price for %1.").arg(label); });
    });
    box->open();
}

void PriceEditorDialog::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        Q_EMIT finished(false);
        return;
    }
    const QByteArray bytes = file.readAll();
    const std::string name = QFileInfo(path).fileName().toStdString();
    auto summary = std::make_shared<Pricing::PriceImportResult>();
    runStore(tr("Importing %1\u2026").arg(QFileInfo(path).fileName()),
             [bytes, name, summary](Cost::SqliteDb &db, std::string &e) {
                 return Pricing::importPriceFile(db, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), name,
                                                 *summary, e);
             },
             [summary] {
                 return tr("Imported %1 prices for %2 models (%3 format, %4 skipped).")
                     .arg(summary->entries)
                     .arg(summary->models)
                     .arg(QString::fromStdString(summary->format))
                     .arg(summary->skipped);
             });
}

void PriceEditorDialog::runStore(const QString &busyText, std::function<bool(Cost::SqliteDb &db, std::string &error)> change,
                                 std::function<QString()> success)
{
    setBusy(true, busyText);
    m_writer.write(m_dbPath, std::move(change), [this, success](const QString &error) {
        setBusy(false, error.isEmpty() ? success()
                                       : QStringLiteral("<span style='color:%2'>%1</span>")
                                             .arg(error.toHtmlEscaped(), Style::css(Palette::Role::Negative)));
        if (error.isEmpty()) {
            Q_EMIT pricesChanged();
            reloadCatalog();
        }
        Q_EMIT finished(error.isEmpty());
    });
}

void PriceEditorDialog::prefillUnpriced(int row)
{
    if (row < 0 || row >= static_cast<int>(m_unpricedUsage.size()))
        return;
    const auto &u = m_unpricedUsage[static_cast<std::size_t>(row)];
    m_provider->setCurrentText(QString::fromStdString(PriceMatching::providerFamily(u.provider)));
    m_model->setText(QString::fromStdString(PriceMatching::primaryKey(u.model)));
    m_tier->setCurrentIndex(static_cast<int>(u.tier));
    m_from->clear();
    for (QLineEdit *edit : m_prices)
        edit->clear();
    m_prices[static_cast<int>(u.kind)]->setFocus();
    m_status->setText(tr("Enter the prices of %1 per 1M tokens and save.").arg(QString::fromStdString(u.model)));
}
