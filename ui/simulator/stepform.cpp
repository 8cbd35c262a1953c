#include "simulator/stepform.h"

#include "format/format.h"
#include "pricing/pricecatalog.h"
#include "shell/style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

using Simulation::ScenarioStep;
using Simulation::StepType;

namespace {

constexpr int kPercentDecimals = 2;

QString joined(const std::vector<std::string> &list)
{
    QStringList out;
    for (const auto &s : list)
        out << QString::fromStdString(s);
    return out.join(QStringLiteral(", "));
}

std::vector<std::string> split(const QString &text)
{
    std::vector<std::string> out;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &p : parts)
        if (!p.trimmed().isEmpty())
            out.push_back(p.trimmed().toStdString());
    return out;
}

double ppmToPercent(std::int64_t ppm) { return static_cast<double>(ppm) / 10000.0; }

// The spin box shows a decimal with a fixed number of places: its text is converted exactly.
std::int64_t percentToPpm(const QDoubleSpinBox *box)
{
    std::int64_t ppm = 0;
    Simulation::percentToPpm(QString::number(box->value(), 'f', box->decimals()).toStdString(), ppm);
    return ppm;
}

Cost::Money money(const QDoubleSpinBox *box)
{
    Cost::Money m = 0;
    Pricing::priceFromJson(QString::number(box->value(), 'f', box->decimals()).toStdString(), m);
    return m;
}

QString pct(std::int64_t ppm) { return Format::locale().toString(ppmToPercent(ppm), 'g', 6) + QLatin1Char('%'); }

QString scopeText(const Simulation::Scope &scope)
{
    QStringList parts;
    if (!scope.models.empty())
        parts << joined(scope.models);
    if (!scope.features.empty())
        parts << StepForm::tr("feature %1").arg(joined(scope.features));
    return parts.isEmpty() ? StepForm::tr("all traffic") : parts.join(QStringLiteral(", "));
}

QString endpointsText(const Simulation::Scope &scope)
{
    return scope.endpoints.empty() ? StepForm::tr("every endpoint") : joined(scope.endpoints);
}

QSpinBox *countBox(QWidget *parent, const QString &objectName, int max, const QString &suffix = {})
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(objectName);
    box->setRange(0, max);
    box->setSuffix(suffix);
    return box;
}

} // namespace

StepForm::StepForm(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("stepForm"));
    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_title = new QLabel(this);
    Style::text(m_title, Style::kStrong);
    m_form->addRow(m_title);

    m_features = new QLineEdit(this);
    m_features->setObjectName(QStringLiteral("stepFeatures"));
    m_features->setPlaceholderText(tr("all features (comma-separated list)"));
    m_models = new QLineEdit(this);
    m_models->setObjectName(QStringLiteral("stepModels"));
    m_models->setPlaceholderText(tr("all models (comma-separated list)"));
    m_form->addRow(tr("Features:"), m_features);
    m_form->addRow(tr("From models:"), m_models);

    m_share = percentBox(QStringLiteral("stepShare"));
    m_form->addRow(tr("Share moved:"), m_share);
    m_toModel = new QComboBox(this);
    m_toModel->setObjectName(QStringLiteral("stepToModel"));
    m_toModel->setEditable(true);
    m_toModel->setInsertPolicy(QComboBox::NoInsert);
    m_form->addRow(tr("To model:"), m_toModel);
    m_fallback = new QCheckBox(tr("Non-LLM fallback instead of a model"), this);
    m_fallback->setObjectName(QStringLiteral("stepFallback"));
    m_form->addRow(QString(), m_fallback);
    m_fallbackCost = moneyBox(QStringLiteral("stepFallbackCost"), 6);
    m_form->addRow(tr("Fallback cost / request:"), m_fallbackCost);
    m_standardContext = new QCheckBox(tr("standard (chunked)"), this);
    m_standardContext->setObjectName(QStringLiteral("stepStandardContext"));
    m_standardContext->setToolTip(tr("Price the moved traffic at the target's standard context band, as chunked requests would be"));
    m_form->addRow(tr("Context band:"), m_standardContext);
    m_inputOverhead = percentBox(QStringLiteral("stepInputOverhead"));
    m_inputOverhead->setToolTip(tr("Extra input tokens on the moved traffic (chunk overlap, instructions repeated per chunk)"));
    m_form->addRow(tr("Input overhead:"), m_inputOverhead);

    m_cacheable = percentBox(QStringLiteral("stepCacheable"));
    m_hitRate = percentBox(QStringLiteral("stepHitRate"));
    m_ttl = new QComboBox(this);
    m_ttl->setObjectName(QStringLiteral("stepTtl"));
    m_ttl->addItem(tr("5 minutes"));
    m_ttl->addItem(tr("1 hour"));
    m_form->addRow(tr("Cacheable input:"), m_cacheable);
    m_form->addRow(tr("Cache hit rate:"), m_hitRate);
    m_form->addRow(tr("Cache TTL:"), m_ttl);

    m_inputCut = percentBox(QStringLiteral("stepInputCut"));
    m_form->addRow(tr("Input tokens cut:"), m_inputCut);

    m_gpus = new QSpinBox(this);
    m_gpus->setObjectName(QStringLiteral("stepGpus"));
    m_gpus->setRange(0, 10000);
    m_hours = new QDoubleSpinBox(this);
    m_hours->setObjectName(QStringLiteral("stepHours"));
    m_hours->setRange(0, 24);
    m_hours->setDecimals(2);
    m_hours->setSuffix(tr(" h"));
    m_onDemand = moneyBox(QStringLiteral("stepOnDemand"), 4);
    m_spot = moneyBox(QStringLiteral("stepSpot"), 4);
    m_spotShare = percentBox(QStringLiteral("stepSpotShare"));
    m_interruption = percentBox(QStringLiteral("stepInterruption"));
    m_form->addRow(tr("GPUs:"), m_gpus);
    m_form->addRow(tr("Hours per day:"), m_hours);
    m_form->addRow(tr("On-demand / GPU hour:"), m_onDemand);
    m_form->addRow(tr("Spot / GPU hour:"), m_spot);
    m_form->addRow(tr("Spot share:"), m_spotShare);
    m_form->addRow(tr("Interruption overhead:"), m_interruption);

    // Endpoint steps: which endpoints, replicas and load, spot terms, a new endpoint's price and throughput.
    m_endpoints = new QLineEdit(this);
    m_endpoints->setObjectName(QStringLiteral("stepEndpoints"));
    m_endpoints->setPlaceholderText(tr("every endpoint (comma-separated list)"));
    m_form->insertRow(1, tr("Endpoints:"), m_endpoints);
    m_minReplicas = countBox(this, QStringLiteral("stepMinReplicas"), 1000);
    m_minReplicas->setToolTip(tr("Replicas kept up in every hour; 0 scales to zero when idle"));
    m_concurrency = countBox(this, QStringLiteral("stepConcurrency"), 100000);
    m_concurrency->setMinimum(1);
    m_concurrency->setToolTip(tr("Requests one replica serves at once"));
    m_requestSeconds = new QDoubleSpinBox(this);
    m_requestSeconds->setObjectName(QStringLiteral("stepRequestSeconds"));
    m_requestSeconds->setRange(0.001, 3600);
    m_requestSeconds->setDecimals(3);
    m_requestSeconds->setSuffix(tr(" s"));
    m_requestSeconds->setToolTip(tr("Mean time one request holds a replica"));
    m_scaleDown = countBox(this, QStringLiteral("stepScaleDown"), 60, tr(" min"));
    m_scaleDown->setToolTip(tr("A replica stays up this long after its last request"));
    m_spotDiscount = percentBox(QStringLiteral("stepSpotDiscount"));
    m_checkpoint = percentBox(QStringLiteral("stepCheckpoint"));
    m_perHour = moneyBox(QStringLiteral("stepPerHour"), 4);
    m_tokensPerSecond = countBox(this, QStringLiteral("stepTokensPerSecond"), 100'000'000);
    m_tokensPerSecond->setMinimum(1);
    m_tokensPerSecond->setToolTip(tr("Tokens (input and output) one replica serves per second"));
    m_form->addRow(tr("Minimum replicas:"), m_minReplicas);
    m_form->addRow(tr("Concurrency / replica:"), m_concurrency);
    m_form->addRow(tr("Time per request:"), m_requestSeconds);
    m_form->addRow(tr("Scale-down delay:"), m_scaleDown);
    m_form->addRow(tr("Spot discount:"), m_spotDiscount);
    m_form->addRow(tr("Checkpoint overhead:"), m_checkpoint);
    m_form->addRow(tr("Price / replica hour:"), m_perHour);
    m_form->addRow(tr("Tokens / second / replica:"), m_tokensPerSecond);

    m_band = percentBox(QStringLiteral("stepBand"));
    m_band->setPrefix(QStringLiteral("\u00B1 "));
    m_band->setToolTip(tr("Uncertainty on the cost of the traffic this step changes (output length, tokenizer)"));
    m_form->addRow(tr("Range:"), m_band);

    for (QLineEdit *edit : {m_features, m_models, m_endpoints})
        connect(edit, &QLineEdit::textChanged, this, &StepForm::read);
    for (QDoubleSpinBox *box : {m_share, m_band, m_fallbackCost, m_cacheable, m_hitRate, m_inputCut, m_hours, m_onDemand,
                                m_spot, m_spotShare, m_interruption, m_requestSeconds, m_spotDiscount, m_checkpoint, m_perHour,
                                m_inputOverhead})
        connect(box, &QDoubleSpinBox::valueChanged, this, &StepForm::read);
    for (QSpinBox *box : {m_gpus, m_minReplicas, m_concurrency, m_scaleDown, m_tokensPerSecond})
        connect(box, &QSpinBox::valueChanged, this, &StepForm::read);
    connect(m_toModel, &QComboBox::currentTextChanged, this, &StepForm::read);
    connect(m_ttl, &QComboBox::currentIndexChanged, this, &StepForm::read);
    connect(m_standardContext, &QCheckBox::toggled, this, &StepForm::read);
    connect(m_fallback, &QCheckBox::toggled, this, [this] {
        read();
        updateRows();
    });
    setStep(defaultStep(StepType::PromptCaching));
}

QDoubleSpinBox *StepForm::percentBox(const QString &objectName)
{
    auto *box = new QDoubleSpinBox(this);
    box->setObjectName(objectName);
    box->setRange(0, 100);
    box->setDecimals(kPercentDecimals);
    box->setSingleStep(5);
    box->setSuffix(QStringLiteral(" %"));
    box->setAccelerated(true);
    return box;
}

QDoubleSpinBox *StepForm::moneyBox(const QString &objectName, int decimals)
{
    auto *box = new QDoubleSpinBox(this);
    box->setObjectName(objectName);
    box->setRange(0, 1e6);
    box->setDecimals(decimals);
    box->setSingleStep(decimals > 4 ? 0.0001 : 0.1);
    return box;
}

void StepForm::setChoices(const QStringList &models, const QStringList &features, const QStringList &endpoints)
{
    const QString current = m_toModel->currentText();
    m_filling = true;
    m_toModel->clear();
    m_toModel->addItems(models);
    m_toModel->setCurrentText(current);
    m_filling = false;
    for (QLineEdit *edit : {m_models, m_features, m_endpoints})
        if (QCompleter *old = edit->completer())
            old->deleteLater(); // QLineEdit::setCompleter() keeps the old one alive
    auto *modelCompleter = new QCompleter(models, m_models);
    modelCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    m_models->setCompleter(modelCompleter);
    auto *featureCompleter = new QCompleter(features, m_features);
    featureCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    m_features->setCompleter(featureCompleter);
    auto *endpointCompleter = new QCompleter(endpoints, m_endpoints);
    endpointCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    m_endpoints->setCompleter(endpointCompleter);
}

void StepForm::setStep(const ScenarioStep &step)
{
    m_filling = true;
    m_step = step;
    m_title->setText(typeName(step.type));
    m_features->setText(joined(step.scope.features));
    m_models->setText(joined(step.scope.models));
    m_share->setValue(ppmToPercent(step.sharePpm));
    m_band->setValue(ppmToPercent(step.bandPpm));
    m_toModel->setCurrentText(QString::fromStdString(step.toModel));
    m_fallback->setChecked(step.fallback);
    m_fallbackCost->setValue(Cost::toDouble(step.fallbackPerRequest));
    m_standardContext->setChecked(step.standardContext);
    m_inputOverhead->setValue(ppmToPercent(step.inputOverheadPpm));
    m_cacheable->setValue(ppmToPercent(step.cacheablePpm));
    m_hitRate->setValue(ppmToPercent(step.hitRatePpm));
    m_ttl->setCurrentIndex(step.oneHourTtl ? 1 : 0);
    m_inputCut->setValue(ppmToPercent(step.inputCutPpm));
    m_gpus->setValue(static_cast<int>(step.gpus));
    m_hours->setValue(static_cast<double>(step.hoursPerDayPpm) / 1e6);
    m_onDemand->setValue(Cost::toDouble(step.onDemandPerHour));
    m_spot->setValue(Cost::toDouble(step.spotPerHour));
    m_spotShare->setValue(ppmToPercent(step.spotSharePpm));
    m_interruption->setValue(ppmToPercent(step.interruptionPpm));
    m_endpoints->setText(joined(step.scope.endpoints));
    m_minReplicas->setValue(static_cast<int>(step.minReplicas));
    m_concurrency->setValue(static_cast<int>(step.concurrency));
    m_requestSeconds->setValue(static_cast<double>(step.requestMs) / 1000.0);
    m_scaleDown->setValue(static_cast<int>(step.scaleDownMinutes));
    m_spotDiscount->setValue(ppmToPercent(step.spotDiscountPpm));
    m_checkpoint->setValue(ppmToPercent(step.checkpointPpm));
    m_perHour->setValue(Cost::toDouble(step.perHour));
    m_tokensPerSecond->setValue(static_cast<int>(std::min<std::int64_t>(step.tokensPerSecond, 100'000'000)));
    m_filling = false;
    updateRows();
}

void StepForm::updateRows()
{
    const StepType t = m_step.type;
    const bool moves = t == StepType::ModelSwap || t == StepType::Routing || t == StepType::ApiToEndpoint;
    const bool onEndpoints = Simulation::isEndpointStep(t);
    m_form->setRowVisible(m_endpoints, onEndpoints);
    m_form->setRowVisible(m_features, !onEndpoints);
    m_form->setRowVisible(m_models, !onEndpoints);
    m_form->setRowVisible(m_share, t != StepType::PromptCaching && t != StepType::Compression && !onEndpoints);
    m_form->setRowVisible(m_toModel, t == StepType::ModelSwap || t == StepType::EndpointToApi
                                         || (t == StepType::Routing && !m_step.fallback));
    m_toModel->lineEdit()->setPlaceholderText(t == StepType::EndpointToApi ? tr("the model served") : QString());
    m_form->setRowVisible(m_fallback, t == StepType::Routing);
    m_form->setRowVisible(m_fallbackCost, t == StepType::Routing && m_step.fallback);
    const bool toModel = t == StepType::ModelSwap || (t == StepType::Routing && !m_step.fallback);
    m_form->setRowVisible(m_standardContext, toModel);
    m_form->setRowVisible(m_inputOverhead, toModel);
    for (QWidget *w : {static_cast<QWidget *>(m_cacheable), static_cast<QWidget *>(m_hitRate), static_cast<QWidget *>(m_ttl)})
        m_form->setRowVisible(w, t == StepType::PromptCaching);
    m_form->setRowVisible(m_inputCut, t == StepType::Compression);
    for (QWidget *w : {static_cast<QWidget *>(m_gpus), static_cast<QWidget *>(m_hours), static_cast<QWidget *>(m_onDemand),
                       static_cast<QWidget *>(m_spot), static_cast<QWidget *>(m_spotShare),
                       static_cast<QWidget *>(m_interruption)})
        m_form->setRowVisible(w, t == StepType::SelfHosted);
    m_form->setRowVisible(m_spotShare, t == StepType::SelfHosted || t == StepType::EndpointSpot);
    m_form->setRowVisible(m_interruption, t == StepType::SelfHosted || t == StepType::EndpointSpot);
    m_form->setRowVisible(m_spotDiscount, t == StepType::EndpointSpot);
    m_form->setRowVisible(m_checkpoint, t == StepType::EndpointSpot);
    m_form->setRowVisible(m_minReplicas, t == StepType::EndpointScaling || t == StepType::ApiToEndpoint);
    for (QWidget *w : {static_cast<QWidget *>(m_concurrency), static_cast<QWidget *>(m_requestSeconds),
                       static_cast<QWidget *>(m_scaleDown)})
        m_form->setRowVisible(w, t == StepType::EndpointScaling);
    m_form->setRowVisible(m_perHour, t == StepType::ApiToEndpoint);
    m_form->setRowVisible(m_tokensPerSecond, t == StepType::ApiToEndpoint);
    m_share->setToolTip(moves ? tr("Share of the scoped traffic moved to the target")
                              : tr("Share of the scoped traffic this step applies to"));
}

void StepForm::read()
{
    if (m_filling)
        return;
    ScenarioStep &s = m_step;
    s.scope.features = split(m_features->text());
    s.scope.models = split(m_models->text());
    s.sharePpm = percentToPpm(m_share);
    s.bandPpm = percentToPpm(m_band);
    s.scope.endpoints = split(m_endpoints->text());
    if (s.type == StepType::ModelSwap || s.type == StepType::Routing || s.type == StepType::EndpointToApi) {
        s.toModel = m_toModel->currentText().trimmed().toStdString();
        s.fallback = s.type == StepType::Routing && m_fallback->isChecked();
        if (s.fallback)
            s.toModel.clear();
        s.standardContext = !s.fallback && m_standardContext->isChecked();
        s.inputOverheadPpm = s.fallback ? 0 : percentToPpm(m_inputOverhead);
    }
    s.fallbackPerRequest = money(m_fallbackCost);
    s.cacheablePpm = percentToPpm(m_cacheable);
    s.hitRatePpm = percentToPpm(m_hitRate);
    s.oneHourTtl = m_ttl->currentIndex() == 1;
    s.inputCutPpm = percentToPpm(m_inputCut);
    s.gpus = m_gpus->value();
    s.hoursPerDayPpm = std::llround(m_hours->value() * 100) * 10000;
    s.onDemandPerHour = money(m_onDemand);
    s.spotPerHour = money(m_spot);
    s.spotSharePpm = percentToPpm(m_spotShare);
    s.interruptionPpm = percentToPpm(m_interruption);
    s.minReplicas = m_minReplicas->value();
    s.concurrency = m_concurrency->value();
    s.requestMs = std::llround(m_requestSeconds->value() * 1000.0);
    s.scaleDownMinutes = m_scaleDown->value();
    s.spotDiscountPpm = percentToPpm(m_spotDiscount);
    s.checkpointPpm = percentToPpm(m_checkpoint);
    s.perHour = money(m_perHour);
    s.tokensPerSecond = m_tokensPerSecond->value();
    Q_EMIT changed();
}

QString StepForm::typeName(StepType type)
{
    switch (type) {
    case StepType::ModelSwap: return tr("Model swap");
    case StepType::PromptCaching: return tr("Prompt caching");
    case StepType::Batch: return tr("Batch API");
    case StepType::Compression: return tr("Prompt compression");
    case StepType::Routing: return tr("Routing / fallback");
    case StepType::SelfHosted: return tr("Self-hosted GPUs");
    case StepType::EndpointScaling: return tr("Endpoint auto-scaling");
    case StepType::EndpointSpot: return tr("Endpoint on spot");
    case StepType::EndpointToApi: return tr("Endpoint to pay-per-token API");
    case StepType::ApiToEndpoint: return tr("Pay-per-token to an endpoint");
    }
    return {};
}

QString StepForm::summary(const ScenarioStep &s)
{
    const QString scope = scopeText(s.scope);
    switch (s.type) {
    case StepType::ModelSwap:
        return tr("Swap %1 of %2 \u2192 %3").arg(pct(s.sharePpm), scope, QString::fromStdString(s.toModel));
    case StepType::PromptCaching:
        return tr("Cache %1 of input of %2, %3 hits").arg(pct(s.cacheablePpm), scope, pct(s.hitRatePpm));
    case StepType::Batch: return tr("Batch %1 of %2").arg(pct(s.sharePpm), scope);
    case StepType::Compression: return tr("Compress input of %1 by %2").arg(scope, pct(s.inputCutPpm));
    case StepType::Routing:
        return s.fallback ? tr("Route %1 of %2 to a fallback").arg(pct(s.sharePpm), scope)
                          : tr("Route %1 of %2 \u2192 %3").arg(pct(s.sharePpm), scope, QString::fromStdString(s.toModel));
    case StepType::SelfHosted: return tr("Self-host %1 of %2 on %n GPU(s)", nullptr, static_cast<int>(s.gpus)).arg(pct(s.sharePpm), scope);
    case StepType::EndpointScaling: {
        if (s.minReplicas == 0)
            return tr("Scale %1 to zero when idle, %2 requests per replica").arg(endpointsText(s.scope), QString::number(s.concurrency));
        const int n = static_cast<int>(s.minReplicas);
        return tr("Scale %1, at least %n replica(s), %2 requests each", nullptr, n)
            .arg(endpointsText(s.scope), QString::number(s.concurrency));
    }
    case StepType::EndpointSpot: return tr("Run %1 of %2 on spot, %3 off").arg(pct(s.spotSharePpm), endpointsText(s.scope), pct(s.spotDiscountPpm));
    case StepType::EndpointToApi:
        return tr("Move %1 to the pay-per-token API %2")
            .arg(endpointsText(s.scope), s.toModel.empty() ? QString() : QString::fromStdString(s.toModel))
            .trimmed();
    case StepType::ApiToEndpoint: return tr("Move %1 of %2 to an endpoint").arg(pct(s.sharePpm), scope);
    }
    return {};
}

ScenarioStep StepForm::defaultStep(StepType type)
{
    ScenarioStep s;
    s.type = type;
    switch (type) {
    case StepType::ModelSwap:
    case StepType::Routing:
        // Both move part of gpt-4o's traffic to its smaller sibling: half of it, or a fifth routed.
        s.scope.models = {"gpt-4o"};
        s.sharePpm = type == StepType::ModelSwap ? 500'000 : 200'000;
        s.bandPpm = 100'000;
        s.toModel = "gpt-4o-mini";
        break;
    case StepType::PromptCaching:
        s.cacheablePpm = 400'000;
        s.hitRatePpm = 700'000;
        break;
    case StepType::Batch: s.sharePpm = 300'000; break;
    case StepType::Compression: s.inputCutPpm = 150'000; break;
    case StepType::SelfHosted:
        s.sharePpm = 500'000;
        s.gpus = 2;
        s.onDemandPerHour = 41'000'000'000;
        s.spotPerHour = 13'000'000'000;
        s.spotSharePpm = 700'000;
        s.interruptionPpm = 150'000;
        break;
    case StepType::EndpointScaling: s.bandPpm = 100'000; break; // scale to zero, 4 requests at once, 2 s each, 15 min delay
    case StepType::EndpointSpot:
        s.spotSharePpm = 1'000'000;
        s.spotDiscountPpm = 600'000;
        s.interruptionPpm = 50'000;
        s.checkpointPpm = 20'000;
        s.bandPpm = 100'000;
        break;
    case StepType::EndpointToApi: s.bandPpm = 100'000; break;
    case StepType::ApiToEndpoint:
        s.sharePpm = 1'000'000;
        s.bandPpm = 100'000;
        s.minReplicas = 1;
        s.perHour = 12'000'000'000; // $1.20 an hour: one 24 GB GPU
        s.tokensPerSecond = 1500;
        break;
    }
    return s;
}
