#include "contracts/contractform.h"

#include "contracts/contractjson.h"
#include "domain/jsonread.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

#include <nlohmann/json.hpp>

namespace {

QString text(const nlohmann::json &v) { return QString::fromStdString(v.is_string() ? v.get<std::string>() : std::string()); }

// The terms the form keeps as JSON arrays, in the file format.
const char *const kTermArrays[] = {"prices", "credits", "commitments"};

} // namespace

ContractForm::ContractForm(QWidget *parent)
    : QWidget(parent)
{
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("contractName"));
    m_provider = new QComboBox(this);
    m_provider->setObjectName(QStringLiteral("contractProvider"));
    m_provider->setEditable(true);
    m_provider->addItems({QStringLiteral("OpenAI"), QStringLiteral("Anthropic"), QStringLiteral("Amazon Bedrock"),
                          QStringLiteral("Azure OpenAI"), QStringLiteral("Vertex AI"), QStringLiteral("Gemini")});
    m_account = new QLineEdit(this);
    m_account->setObjectName(QStringLiteral("contractAccount"));
    m_account->setPlaceholderText(tr("billing account id; empty = every account"));
    m_model = new QLineEdit(this);
    m_model->setObjectName(QStringLiteral("contractModel"));
    m_model->setPlaceholderText(tr("empty = every model"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("contractTokenKind"));
    m_kind->addItem(tr("every kind"));
    for (int k = 0; k < Pricing::kPriceKindCount; ++k)
        m_kind->addItem(QString::fromLatin1(Pricing::priceKindName(static_cast<Pricing::PriceKind>(k))));
    m_from = new QLineEdit(this);
    m_from->setObjectName(QStringLiteral("contractFrom"));
    m_from->setPlaceholderText(tr("YYYY-MM-DD (first day)"));
    m_to = new QLineEdit(this);
    m_to->setObjectName(QStringLiteral("contractTo"));
    m_to->setPlaceholderText(tr("YYYY-MM-DD (first day after); empty = open-ended"));
    m_discount = new QLineEdit(this);
    m_discount->setObjectName(QStringLiteral("contractDiscount"));
    m_discount->setPlaceholderText(tr("e.g. 20 or 12.5 (percent off list prices)"));
    m_terms = new QPlainTextEdit(this);
    m_terms->setObjectName(QStringLiteral("contractTerms"));
    m_terms->setToolTip(tr("Negotiated prices per 1M tokens, credits and commitments, as in the contracts JSON file:\n"
                           "\"prices\": [{\"model\": \"gpt-4o\", \"input\": \"2.00\"}],\n"
                           "\"credits\": [{\"amount\": \"500\", \"expires\": \"2026-06-30\"}],\n"
                           "\"commitments\": [{\"type\": \"monthly_minimum\", \"amount\": \"1000\"}]"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Provider:"), m_provider);
    form->addRow(tr("Billing &account:"), m_account);
    form->addRow(tr("&Model:"), m_model);
    form->addRow(tr("&Token kind:"), m_kind);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("T&o:"), m_to);
    form->addRow(tr("&Discount %:"), m_discount);
    form->addRow(tr("Prices, credits, &commitments (JSON):"), m_terms);
    setContract({});
}

void ContractForm::setContract(const Contracts::Contract &c)
{
    m_id = c.id;
    const nlohmann::json o = c.name.empty() ? nlohmann::json::object() : Contracts::contractToJson(c);
    m_name->setText(QString::fromStdString(c.name));
    m_provider->setCurrentText(c.provider.empty() ? QStringLiteral("OpenAI") : QString::fromStdString(c.provider));
    m_account->setText(QString::fromStdString(c.account));
    m_model->setText(QString::fromStdString(c.model));
    m_kind->setCurrentIndex(c.tokenKind ? static_cast<int>(*c.tokenKind) + 1 : 0);
    m_from->setText(o.contains("from") ? text(o["from"]) : QString());
    m_to->setText(o.contains("to") ? text(o["to"]) : QString());
    m_discount->setText(c.discountBp ? QString::fromStdString(Contracts::discountText(c.discountBp)) : QString());
    nlohmann::json terms = nlohmann::json::object();
    for (const char *key : kTermArrays)
        terms[key] = o.contains(key) ? o[key] : nlohmann::json::array();
    m_terms->setPlainText(QString::fromStdString(terms.dump(2)));
}

bool ContractForm::readContract(Contracts::Contract &out, QString &error) const
{
    nlohmann::json terms;
    std::string why;
    const QString termsText = m_terms->toPlainText().trimmed();
    if (termsText.isEmpty()) {
        terms = nlohmann::json::object();
    } else if (!JsonRead::parse(termsText.toStdString(), terms, why) || !terms.is_object()) {
        error = tr("Prices, credits, commitments: %1").arg(why.empty() ? tr("must be a JSON object") : QString::fromStdString(why));
        return false;
    }
    nlohmann::json o = nlohmann::json::object();
    for (const auto &[key, value] : terms.items()) {
        bool known = false;
        for (const char *k : kTermArrays)
            known = known || key == k;
        if (!known) {
            error = tr("Prices, credits, commitments: '%1' is not one of prices, credits, commitments").arg(QString::fromStdString(key));
            return false;
        }
        o[key] = value;
    }
    auto set = [&o](const char *key, const QString &value) {
        if (!value.trimmed().isEmpty())
            o[key] = value.trimmed().toStdString();
    };
    set("name", m_name->text());
    set("provider", m_provider->currentText());
    set("account", m_account->text());
    set("model", m_model->text());
    if (m_kind->currentIndex() > 0)
        o["token_kind"] = m_kind->currentText().toStdString();
    set("from", m_from->text());
    set("to", m_to->text());
    set("discount_pct", m_discount->text().remove(QLatin1Char('%')));
    Contracts::Contract c;
    if (!Contracts::contractFromJson(o, "this contract", c, why)) {
        error = QString::fromStdString(why);
        return false;
    }
    c.id = m_id;
    out = std::move(c);
    return true;
}
