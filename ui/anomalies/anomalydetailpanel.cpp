#include "anomalies/anomalydetailpanel.h"

#include "anomalies/anomalychart.h"
#include "anomalies/anomalytext.h"
#include "format/format.h"
#include "shell/style.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>

namespace {

// Combo index 0 follows the global sensitivity; then Low, Normal, High.
const Analytics::Sensitivity kLevels[] = {Analytics::Sensitivity::Low, Analytics::Sensitivity::Normal,
                                          Analytics::Sensitivity::High};

} // namespace

AnomalyDetailPanel::AnomalyDetailPanel(QWidget *parent)
    : QWidget(parent)
{
    m_chart = new AnomalyChart;
    m_chart->setAccessibleName(tr("Anomaly series with its expected band"));
    m_chart->setMinimumHeight(180);
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("anomalyTitle"));
    Style::text(m_title, Style::Text{Palette::Role::Text, 11, true});
    m_title->setWordWrap(true);
    m_explanation = new QLabel;
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Style::text(m_explanation, Style::Text{Palette::Role::ChartText});

    m_causes = new QTreeWidget;
    m_causes->setObjectName(QStringLiteral("causeList"));
    m_causes->setAccessibleName(tr("Root causes"));
    m_causes->setRootIsDecorated(false);
    m_causes->setUniformRowHeights(true);
    m_causes->setHeaderLabels({tr("Cause"), tr("Share"), tr("Actual"), tr("Baseline")});
    m_causes->header()->setStretchLastSection(false);
    m_causes->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 4; ++c)
        m_causes->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_causes->setToolTip(tr("Dimension values ranked by their share of the change against the baseline "
                            "(the same hours of the previous days, or the same weekdays of the previous weeks)"));

    m_expected = new QPushButton(tr("&Expected"));
    m_expected->setToolTip(tr("This is a known change: the series takes it as its new normal and stops alerting on it (Alt+E)"));
    m_notExpected = new QPushButton(tr("&Not expected"));
    m_notExpected->setToolTip(tr("Confirm this is a real problem (Alt+N)"));
    m_undo = new QPushButton(tr("&Undo"));
    m_undo->setToolTip(tr("Revert the last feedback on this anomaly (Alt+U)"));
    m_sensitivity = new QComboBox;
    m_sensitivity->setObjectName(QStringLiteral("seriesSensitivity"));
    m_sensitivity->addItem(QString());
    for (Analytics::Sensitivity s : kLevels)
        m_sensitivity->addItem(AnomalyText::sensitivity(s));
    m_sensitivity->setToolTip(tr("Sensitivity of this series only"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_expected);
    buttons->addWidget(m_notExpected);
    buttons->addWidget(m_undo);
    buttons->addStretch(1);
    auto *sensitivityRow = new QHBoxLayout;
    sensitivityRow->addWidget(new QLabel(tr("Series sensitivity:")));
    sensitivityRow->addWidget(m_sensitivity, 1);

    auto *side = new QVBoxLayout;
    side->setContentsMargins(0, 0, 0, 0);
    side->addWidget(m_title);
    side->addWidget(m_explanation);
    side->addWidget(m_causes, 1);
    side->addLayout(buttons);
    side->addLayout(sensitivityRow);
    auto *sideWidget = new QWidget;
    sideWidget->setLayout(side);
    sideWidget->setMinimumWidth(300);
    sideWidget->setMaximumWidth(460);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(14);
    layout->addWidget(m_chart, 3);
    layout->addWidget(sideWidget, 2);

    connect(m_expected, &QPushButton::clicked, this, [this] {
        if (m_hasDetail)
            Q_EMIT statusRequested(m_detail.anomaly.id, Analytics::AnomalyStatus::Expected);
    });
    connect(m_notExpected, &QPushButton::clicked, this, [this] {
        if (m_hasDetail)
            Q_EMIT statusRequested(m_detail.anomaly.id, Analytics::AnomalyStatus::NotExpected);
    });
    connect(m_undo, &QPushButton::clicked, this, [this] {
        if (m_hasDetail)
            Q_EMIT undoRequested(m_detail.anomaly.id);
    });
    connect(m_sensitivity, &QComboBox::activated, this, [this](int index) {
        if (!m_hasDetail)
            return;
        std::optional<Analytics::Sensitivity> s;
        if (index > 0)
            s = kLevels[index - 1];
        Q_EMIT seriesSensitivityRequested(m_detail.anomaly.series, s);
    });
    clear(tr("Select an anomaly to see its series and root cause"));
}

void AnomalyDetailPanel::setDetail(const Detail &detail)
{
    m_detail = detail;
    m_hasDetail = true;
    const Analytics::Anomaly &a = detail.anomaly;
    m_title->setText(AnomalyText::headline(a, detail.currency));
    m_explanation->setText(AnomalyText::summary(a, detail.currency));
    m_causes->clear();
    for (const Analytics::CauseItem &c : detail.causes) {
        auto *item = new QTreeWidgetItem(m_causes);
        item->setText(0, QStringLiteral("%1 %2").arg(AnomalyText::causeDimension(c.dimension), AnomalyText::value(c.dimension, c.value)));
        item->setText(1, Format::locale().toString(c.share * 100.0, 'f', 0) + QLatin1Char('%'));
        item->setText(2, Format::money(c.actual, detail.currency, Format::Precision::WholeFromThousand));
        item->setText(3, Format::money(c.baseline, detail.currency, Format::Precision::WholeFromThousand));
        for (int col = 1; col < 4; ++col)
            item->setTextAlignment(col, Qt::AlignRight | Qt::AlignVCenter);
    }
    if (detail.causes.empty()) {
        auto *item = new QTreeWidgetItem(m_causes);
        item->setText(0, tr("No single value stands out"));
    }
    m_sensitivity->setItemText(0, tr("Global (%1)").arg(AnomalyText::sensitivity(detail.globalSensitivity)));
    int index = 0;
    if (detail.ownSensitivity)
        index = 1 + static_cast<int>(std::find(std::begin(kLevels), std::end(kLevels), *detail.ownSensitivity) - std::begin(kLevels));
    m_sensitivity->setCurrentIndex(index);

    AnomalyChart::Data data;
    data.grain = a.grain;
    data.points = detail.trace;
    data.highlightStart = a.start;
    data.highlightEnd = a.end;
    data.currency = detail.currency;
    data.completeUntil = detail.completeUntil;
    if (data.points.empty())
        m_chart->showMessage(tr("This series has no charges in the scanned history any more"));
    else
        m_chart->setData(data);
    updateButtons();
}

void AnomalyDetailPanel::clear(const QString &message)
{
    m_hasDetail = false;
    m_detail = Detail{};
    m_title->setText(tr("No anomaly selected"));
    m_explanation->clear();
    m_causes->clear();
    m_sensitivity->setItemText(0, tr("Global"));
    m_sensitivity->setCurrentIndex(0);
    m_chart->showMessage(message);
    updateButtons();
}

void AnomalyDetailPanel::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

QString AnomalyDetailPanel::explanationText() const
{
    return m_explanation->text();
}

void AnomalyDetailPanel::updateButtons()
{
    const bool on = m_hasDetail && !m_busy;
    const Analytics::AnomalyStatus s = m_detail.anomaly.status;
    m_expected->setEnabled(on && s != Analytics::AnomalyStatus::Expected);
    m_notExpected->setEnabled(on && s != Analytics::AnomalyStatus::NotExpected);
    m_undo->setEnabled(on && m_detail.canUndo);
    m_sensitivity->setEnabled(on);
}
