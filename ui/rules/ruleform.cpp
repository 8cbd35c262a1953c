#include "rules/ruleform.h"

#include "rules/rulestablemodel.h"
#include "rules/targetstablemodel.h"
#include "shell/style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace {

const char kTagPrefix[] = "tag:";
constexpr Style::Text kHintStyle = Style::kCaption;
constexpr Style::Text kProblemStyle = Style::kError;

} // namespace

RuleForm::RuleForm(QWidget *parent)
    : QWidget(parent)
{
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("ruleName"));
    m_name->setPlaceholderText(tr("e.g. Key X is 60% chatbot, 40% search"));
    m_enabled = new QCheckBox(tr("Enabled"), this);
    m_enabled->setObjectName(QStringLiteral("ruleEnabled"));
    m_enabled->setToolTip(tr("A disabled rule is kept but matches nothing."));

    m_dimension = new QComboBox(this);
    m_dimension->setObjectName(QStringLiteral("ruleDimension"));
    m_dimension->setEditable(true);
    m_dimension->setInsertPolicy(QComboBox::NoInsert);
    for (const std::string &d : Allocation::ruleDimensions())
        m_dimension->addItem(QString::fromStdString(d));
    m_dimension->insertSeparator(m_dimension->count());
    m_dimension->addItem(QLatin1String(kTagPrefix));
    m_dimension->setItemData(m_dimension->count() - 1, tr("A tag value: type the tag key after \u201Ctag:\u201D"),
                             Qt::ToolTipRole);
    m_dimension->setToolTip(tr("Which value of a charge the rule looks at; \u201Ctag:KEY\u201D looks at a tag."));

    m_match = new QComboBox(this);
    m_match->setObjectName(QStringLiteral("ruleMatch"));
    m_match->addItem(tr("is exactly"), static_cast<int>(Allocation::Match::Exact));
    m_match->addItem(tr("matches wildcards"), static_cast<int>(Allocation::Match::Glob));
    m_match->addItem(tr("matches regular expression"), static_cast<int>(Allocation::Match::Regex));

    m_pattern = new QLineEdit(this);
    m_pattern->setObjectName(QStringLiteral("rulePattern"));
    m_patternHint = new QLabel(this);
    Style::text(m_patternHint, kHintStyle);

    auto *condition = new QHBoxLayout;
    condition->setSpacing(6);
    condition->addWidget(m_dimension, 3);
    condition->addWidget(m_match, 3);

    m_targets = new TargetsTableModel(this);
    m_targetsView = new QTableView(this);
    m_targetsView->setObjectName(QStringLiteral("targetsView"));
    m_targetsView->setModel(m_targets);
    m_targetsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_targetsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_targetsView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                   | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    m_targetsView->verticalHeader()->hide();
    m_targetsView->horizontalHeader()->setSectionResizeMode(TargetsTableModel::FeatureColumn, QHeaderView::Stretch);
    m_targetsView->horizontalHeader()->setSectionResizeMode(TargetsTableModel::TeamColumn, QHeaderView::Stretch);
    m_targetsView->horizontalHeader()->setSectionResizeMode(TargetsTableModel::ShareColumn, QHeaderView::ResizeToContents);
    m_targetsView->setMinimumHeight(110);
    m_targetsView->setToolTip(tr("Double-click a cell to edit it. An empty feature or team keeps the one from the tags."));

    m_addTarget = new QPushButton(tr("Add target"), this);
    m_addTarget->setObjectName(QStringLiteral("addTarget"));
    m_removeTarget = new QPushButton(tr("Remove target"), this);
    m_removeTarget->setObjectName(QStringLiteral("removeTarget"));
    m_shareTotal = new QLabel(this);
    m_shareTotal->setObjectName(QStringLiteral("shareTotal"));
    auto *targetButtons = new QHBoxLayout;
    targetButtons->addWidget(m_addTarget);
    targetButtons->addWidget(m_removeTarget);
    targetButtons->addStretch(1);
    targetButtons->addWidget(m_shareTotal);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("ruleProblem"));
    m_problem->setWordWrap(true);
    Style::text(m_problem, kProblemStyle);

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Name:"), m_name);
    form->addRow(QString(), m_enabled);
    form->addRow(tr("When:"), condition);
    form->addRow(tr("Pattern:"), m_pattern);
    form->addRow(QString(), m_patternHint);

    auto *targetsTitle = new QLabel(tr("Allocate matching cost to:"), this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addSpacing(4);
    layout->addWidget(targetsTitle);
    layout->addWidget(m_targetsView, 1);
    layout->addLayout(targetButtons);
    layout->addWidget(m_problem);

    connect(m_name, &QLineEdit::textEdited, this, &RuleForm::onEdited);
    connect(m_enabled, &QCheckBox::toggled, this, &RuleForm::onEdited);
    connect(m_dimension, &QComboBox::editTextChanged, this, &RuleForm::onEdited);
    connect(m_dimension, &QComboBox::textActivated, this, [this](const QString &text) {
        if (text == QLatin1String(kTagPrefix))
            m_dimension->lineEdit()->setFocus(); // the user types the key next
    });
    connect(m_match, &QComboBox::currentIndexChanged, this, [this] {
        updatePatternHint();
        onEdited();
    });
    connect(m_pattern, &QLineEdit::textEdited, this, &RuleForm::onEdited);
    connect(m_targets, &TargetsTableModel::edited, this, &RuleForm::onEdited);
    connect(m_addTarget, &QPushButton::clicked, this, [this] {
        m_targets->appendTarget();
        const QModelIndex feature = m_targets->index(m_targets->rowCount() - 1, TargetsTableModel::FeatureColumn);
        m_targetsView->setCurrentIndex(feature);
        m_targetsView->edit(feature);
    });
    connect(m_removeTarget, &QPushButton::clicked, this, [this] {
        m_targets->removeTarget(m_targetsView->currentIndex().row());
    });
    connect(m_targetsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { m_removeTarget->setEnabled(m_targetsView->currentIndex().isValid()); });
    connect(m_targets, &QAbstractItemModel::modelReset, this,
            [this] { m_removeTarget->setEnabled(m_targetsView->currentIndex().isValid()); });

    updatePatternHint();
    updateFeedback();
}

void RuleForm::setRule(const Allocation::Rule &rule)
{
    m_loading = true;
    m_name->setText(QString::fromStdString(rule.name));
    m_enabled->setChecked(rule.enabled);
    m_dimension->setCurrentText(QString::fromStdString(rule.dimension));
    m_match->setCurrentIndex(m_match->findData(static_cast<int>(rule.match)));
    m_pattern->setText(QString::fromStdString(rule.pattern));
    m_targets->setTargets(rule.targets);
    m_loading = false;
    updatePatternHint();
    updateFeedback();
}

Allocation::Rule RuleForm::rule() const
{
    Allocation::Rule r;
    r.name = m_name->text().trimmed().toStdString();
    r.enabled = m_enabled->isChecked();
    r.dimension = m_dimension->currentText().trimmed().toStdString();
    r.match = static_cast<Allocation::Match>(m_match->currentData().toInt());
    r.pattern = m_pattern->text().toStdString();
    r.targets = m_targets->targets();
    return r;
}

QString RuleForm::problem() const
{
    return RulesTableModel::problemOf(rule());
}

void RuleForm::onEdited()
{
    if (m_loading)
        return;
    updateFeedback();
    Q_EMIT edited();
}

void RuleForm::updateFeedback()
{
    const std::int64_t total = m_targets->totalPpm();
    const bool sharesOk = total == Allocation::kShareScale;
    m_shareTotal->setText(tr("Total %1").arg(RulesTableModel::shareText(total)));
    if (sharesOk)
        Style::clear(m_shareTotal);
    else
        Style::text(m_shareTotal, kProblemStyle);
    const QString p = problem();
    m_problem->setText(p.isEmpty() ? QString() : tr("\u26A0 This rule cannot be saved: %1.").arg(p));
    m_problem->setVisible(!p.isEmpty());
}

void RuleForm::updatePatternHint()
{
    switch (static_cast<Allocation::Match>(m_match->currentData().toInt())) {
    case Allocation::Match::Exact:
        m_patternHint->setText(tr("The whole value, letter case included."));
        m_pattern->setPlaceholderText(tr("e.g. gpt-4o"));
        break;
    case Allocation::Match::Glob:
        m_patternHint->setText(tr("* matches any text, ? one character; letter case is ignored."));
        m_pattern->setPlaceholderText(tr("e.g. proj-z*"));
        break;
    case Allocation::Match::Regex:
        m_patternHint->setText(tr("Found anywhere in the value; letter case is ignored."));
        m_pattern->setPlaceholderText(tr("e.g. ^claude-3-5-(sonnet|haiku)$"));
        break;
    }
}
