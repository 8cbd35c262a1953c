#include "shell/style.h"

#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QFrame>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QPalette>
#include <QRegularExpression>
#include <QSettings>
#include <QWidget>

#include <optional>
#include <tuple>

namespace Style {

namespace {

using Role = Palette::Role;

const char kStyleProperty[] = "burnrateStyle";

// The stylesheets, with {Role} where a colour of the table goes (see fill()).
// Set on the sidebar itself, so dialogs of the window (QFileDialog names its own list "sidebar")
// do not inherit the navy behind their dark text.
const char kSidebar[] = R"(
QWidget#sidebar { background: {Sidebar}; }
QLabel#brand { color: {SidebarBrand}; font-size: 15pt; font-weight: 700; padding: 18px 18px 14px 18px; }
QListWidget#navigation { background: transparent; border: none; color: {SidebarText}; font-size: 10.5pt; outline: 0; }
QListWidget#navigation::item { padding: 8px 12px; margin: 1px 8px; border-radius: 6px; }
QListWidget#navigation::item:hover { background: {SidebarHover}; }
QListWidget#navigation::item:selected { background: {Accent}; color: {OnAccent}; }
)";

const char kWindow[] = R"(
QWidget#canvas { background: {Canvas}; }
QLabel#pageTitle { color: {Text}; font-size: 17pt; font-weight: 600; }
)";

// Type selector, not the object name: pages name their tiles for tests and accessibility.
const char kKpiTile[] = R"(
KpiTile { background: {Card}; border: 1px solid {Border}; border-radius: 8px; }
QLabel#kpiCaption { color: {MutedText}; }
QLabel#kpiValue { color: {Text}; }
)";

const char kSpendCard[] = R"(
SpendCard { background: {Card}; border: 1px solid {Border}; border-radius: 8px; }
QLabel#cardTitle { color: {Text}; font-size: 12pt; font-weight: 600; }
QLabel#cardSubtitle { color: {MutedText}; font-size: 9pt; }
QToolButton#cardExport, QToolButton[cardControl="true"] { background: {Card}; color: {Text}; border: 1px solid {ControlBorder};
    border-radius: 5px; padding: 3px 9px; }
QToolButton#cardExport:hover, QToolButton[cardControl="true"]:hover { background: {Hover}; }
QToolButton[cardControl="true"]:checked { background: {AccentSoft}; border-color: {Accent}; color: {AccentText}; }
QToolButton[cardControl="true"]:disabled { background: {Card}; border-color: {Border}; color: {DisabledText}; }
)";

const char kBreakdownTable[] = R"(
QTableView { border: none; background: {Card}; alternate-background-color: {AlternateRow}; gridline-color: transparent;
    selection-background-color: {Selection}; selection-color: {Text}; font-size: 9pt; }
QTableView::item { padding: 0 5px; border: none; }
QHeaderView::section { background: {Card}; color: {MutedText}; border: none; border-bottom: 1px solid {Border};
    padding: 3px 5px 3px 5px; font-size: 8pt; font-weight: 600; }
QHeaderView::down-arrow, QHeaderView::up-arrow { subcontrol-origin: margin; subcontrol-position: top center;
    width: 9px; height: 6px; }
)";

const char kBreadcrumbs[] = R"(
QToolButton { border: none; background: transparent; color: {Link}; padding: 2px 4px; font-size: 10pt; }
QToolButton:hover { text-decoration: underline; }
QToolButton[current="true"] { color: {Text}; font-weight: 600; }
QToolButton[current="true"]:hover { text-decoration: none; }
QToolButton#crumbBack { color: {Text}; border: 1px solid {ControlBorder}; border-radius: 5px; background: {Card}; padding: 1px 8px; }
QToolButton#crumbBack:disabled { color: {DisabledText}; border-color: {Border}; }
QToolButton#crumbBack:hover { background: {Hover}; text-decoration: none; }
)";

const char kFilterBar[] = R"(
QComboBox { background: {Card}; border: 1px solid {ControlBorder}; border-radius: 5px; padding: 3px 6px; color: {Text}; }
QComboBox:hover { border-color: {ControlHoverBorder}; }
QComboBox[active="true"] { background: {AccentSoft}; border-color: {Accent}; color: {AccentText}; font-weight: 600; }
QComboBox:focus { border: 2px solid {Accent}; padding: 2px 5px; }
QComboBox::drop-down { border: none; width: 16px; }
)";

const char kSwitch[] = R"(
QToolButton { background: {Card}; color: {Text}; border: 1px solid {ControlBorder}; padding: 3px 12px; }
QToolButton#groupByProvider { border-top-left-radius: 5px; border-bottom-left-radius: 5px; }
QToolButton#groupByService { border-top-right-radius: 5px; border-bottom-right-radius: 5px; border-left: none; }
QToolButton:checked { background: {Accent}; border-color: {Accent}; color: {OnAccent}; }
)";

const char kPrimaryButton[] = "QPushButton { background: {Accent}; color: {OnAccent}; border: none; border-radius: 6px;"
                              " padding: 8px 18px; font-weight: 600; } QPushButton:hover { background: {AccentHover}; }";
const char kSecondaryButton[] = "QPushButton { background: {Card}; color: {Text}; border: 1px solid {ControlBorder};"
                                " border-radius: 6px; padding: 8px 18px; } QPushButton:hover { background: {Hover}; }";
const char kTable[] = "QTableWidget { background: {Card}; border: 1px solid {Border}; border-radius: 6px; }";

constexpr double kDesignPoints = 9; ///< the application font size the sizes here are drawn for

// "{Role}" -> the role's CSS colour in `palette`. Stylesheet blocks never match: they hold spaces.
QString fill(const char *templ, const Palette &palette)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z0-9]+)\\}"));
    QString out = QString::fromLatin1(templ);
    QRegularExpressionMatch m;
    qsizetype from = 0;
    while ((m = placeholder.match(out, from)).hasMatch()) {
        const std::optional<Role> role = Palette::roleNamed(m.captured(1));
        Q_ASSERT_X(role, "Style::fill", "unknown colour role in a stylesheet");
        const QString colour = role ? palette.css(*role) : QString();
        out.replace(m.capturedStart(), m.capturedLength(), colour);
        from = m.capturedStart() + colour.size();
    }
    return scaledFontSizes(out);
}

// Where a widget's selector comes from: its object name when it has one.
QString selector(const QWidget *w, const char *type)
{
    const QString name = w->objectName();
    return name.isEmpty() ? QString::fromLatin1(type) : QStringLiteral("%1#%2").arg(QLatin1String(type), name);
}

QString textSheet(const Text &t, const Palette &palette)
{
    QString css = QStringLiteral("color: %1;").arg(palette.css(t.colour));
    if (t.points > 0)
        css += QStringLiteral(" font-size: %1pt;").arg(points(t.points), 0, 'g', 4);
    if (t.bold)
        css += QStringLiteral(" font-weight: 600;");
    if (t.extra)
        css += QLatin1Char(' ') + QString::fromLatin1(t.extra);
    return css;
}

struct BannerRoles {
    Role fill, border, text;
};

BannerRoles bannerRoles(Banner kind)
{
    switch (kind) {
    case Banner::Error: return {Role::ErrorBanner, Role::ErrorBannerBorder, Role::ErrorBannerText};
    case Banner::Warning: return {Role::WarningBanner, Role::WarningBannerBorder, Role::WarningBannerText};
    case Banner::Info: break;
    }
    return {Role::InfoBanner, Role::InfoBannerBorder, Role::InfoBannerText};
}

// What a widget asked for, kept on it so refresh() can rebuild it for another palette.
QString recipe(const QWidget *w)
{
    return w->property(kStyleProperty).toString();
}

QString build(const QWidget *w, const QString &what, const Palette &palette)
{
    const QStringList parts = what.split(QLatin1Char('|'));
    const QString kind = parts.value(0);
    if (kind == QLatin1String("sheet"))
        return sheetText(static_cast<Sheet>(parts.value(1).toInt()), palette);
    if (kind == QLatin1String("text")) {
        const QByteArray extra = parts.value(4).toLatin1();
        const Text t{Palette::roleNamed(parts.value(1)).value_or(Role::Text), parts.value(2).toDouble(),
                     parts.value(3) == QLatin1String("1"), extra.isEmpty() ? nullptr : extra.constData()};
        // A group box's children would inherit a bare declaration: style its title only.
        if (qobject_cast<const QGroupBox *>(w))
            return QStringLiteral("QGroupBox { %1 }").arg(textSheet(t, palette));
        return textSheet(t, palette);
    }
    if (kind == QLatin1String("card"))
        return QStringLiteral("%1 { background: %2; border: 1px solid %3; border-radius: %4px; }")
            .arg(selector(w, "QFrame"), palette.css(Role::Card), palette.css(Role::Border), parts.value(1));
    if (kind == QLatin1String("banner")) {
        const BannerRoles r = bannerRoles(static_cast<Banner>(parts.value(1).toInt()));
        // Only the box: its labels keep their own look (a banner's message takes r.text itself).
        return QStringLiteral("%1 { background: %2; border: 1px solid %3; border-radius: 6px; }")
            .arg(selector(w, "QFrame"), palette.css(r.fill), palette.css(r.border));
    }
    return {};
}

void record(QWidget *w, const QString &what)
{
    w->setProperty(kStyleProperty, what);
    w->setStyleSheet(build(w, what, Palette::current()));
}

QPalette qtPalette(const Palette &p)
{
    QPalette q;
    auto set = [&](QPalette::ColorRole r, Role role) { q.setColor(r, p.colour(role)); };
    set(QPalette::Window, Role::Canvas);
    set(QPalette::WindowText, Role::Text);
    set(QPalette::Base, Role::Card);
    set(QPalette::AlternateBase, Role::AlternateRow);
    set(QPalette::ToolTipBase, Role::Card);
    set(QPalette::ToolTipText, Role::Text);
    set(QPalette::PlaceholderText, Role::FaintText);
    set(QPalette::Text, Role::Text);
    set(QPalette::Button, Role::Hover);
    set(QPalette::ButtonText, Role::Text);
    set(QPalette::BrightText, Role::OnAccent);
    set(QPalette::Light, Role::ControlBorder);
    set(QPalette::Midlight, Role::Border);
    set(QPalette::Mid, Role::ControlBorder);
    set(QPalette::Dark, Role::Canvas);
    set(QPalette::Shadow, Role::Sidebar);
    set(QPalette::Highlight, Role::Accent);
    set(QPalette::HighlightedText, Role::OnAccent);
    set(QPalette::Link, Role::Link);
    set(QPalette::LinkVisited, Role::Link);
    for (QPalette::ColorRole r : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        q.setColor(QPalette::Disabled, r, p.colour(Role::DisabledText));
    return q;
}

// Restyles every styled widget when the application palette changes (light <-> dark).
class PaletteWatcher : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        const bool restyle =
            event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::ApplicationFontChange;
        if (watched == qApp && restyle) {
            const QWidgetList tops = QApplication::topLevelWidgets();
            for (QWidget *top : tops)
                refresh(top);
        }
        return false;
    }
};

} // namespace

namespace {

Theme g_theme = Theme::System;
QPalette *g_platform = nullptr; ///< the desktop's palette as it was before Burnrate set one

std::optional<Theme> themeNamed(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("light"))
        return Theme::Light;
    if (n == QLatin1String("dark"))
        return Theme::Dark;
    if (n == QLatin1String("system"))
        return Theme::System;
    return std::nullopt;
}

void applyTheme(Theme theme)
{
    g_theme = theme;
    const Palette::Variant system = Palette::variantOf(*g_platform);
    const Palette::Variant chosen = theme == Theme::Dark    ? Palette::Variant::Dark
                                    : theme == Theme::Light ? Palette::Variant::Light
                                                            : system;
    // A light platform palette stays as it is (the app was designed on it); dark, or a choice
    // against the platform, gets the table's own palette.
    if (chosen == Palette::Variant::Light && system == Palette::Variant::Light)
        QApplication::setPalette(*g_platform);
    else
        QApplication::setPalette(qtPalette(Palette::of(chosen)));
}

} // namespace

void install()
{
    static bool installed = false;
    if (installed || !qApp)
        return;
    installed = true;
    qApp->installEventFilter(new PaletteWatcher(qApp));
    g_platform = new QPalette(QApplication::palette());
    const auto fromEnvironment = themeNamed(qEnvironmentVariable("BURNRATE_THEME"));
    const auto saved = themeNamed(QSettings().value(QStringLiteral("view/theme")).toString());
    const Theme theme = fromEnvironment.value_or(saved.value_or(Theme::System));
    if (theme != Theme::System || Palette::variantOf(*g_platform) == Palette::Variant::Dark)
        applyTheme(theme);
}

void setTheme(Theme theme)
{
    install();
    applyTheme(theme);
    QSettings().setValue(QStringLiteral("view/theme"), theme == Theme::Dark    ? QStringLiteral("dark")
                                                       : theme == Theme::Light ? QStringLiteral("light")
                                                                               : QStringLiteral("system"));
}

Theme theme()
{
    return g_theme;
}

void addThemeMenu(QMenu *view)
{
    QMenu *themes = view->addMenu(QCoreApplication::translate("Style", "&Theme"));
    auto *group = new QActionGroup(themes);
    const std::tuple<Theme, QString, const char *> choices[] = {
        {Theme::System, QCoreApplication::translate("Style", "&System"), "themeSystem"},
        {Theme::Light, QCoreApplication::translate("Style", "&Light"), "themeLight"},
        {Theme::Dark, QCoreApplication::translate("Style", "&Dark"), "themeDark"}};
    for (const auto &[choice, text, name] : choices) {
        QAction *action = themes->addAction(text, themes, [chosen = choice] { setTheme(chosen); });
        action->setObjectName(QString::fromLatin1(name));
        action->setCheckable(true);
        action->setChecked(theme() == choice);
        group->addAction(action);
    }
}

QString sheetText(Sheet sheet, const Palette &palette)
{
    switch (sheet) {
    case Sheet::Window: return fill(kWindow, palette);
    case Sheet::Sidebar: return fill(kSidebar, palette);
    case Sheet::KpiTile: return fill(kKpiTile, palette);
    case Sheet::SpendCard: return fill(kSpendCard, palette);
    case Sheet::BreakdownTable: return fill(kBreakdownTable, palette);
    case Sheet::Breadcrumbs: return fill(kBreadcrumbs, palette);
    case Sheet::FilterBar: return fill(kFilterBar, palette);
    case Sheet::Switch: return fill(kSwitch, palette);
    case Sheet::PrimaryButton: return fill(kPrimaryButton, palette);
    case Sheet::SecondaryButton: return fill(kSecondaryButton, palette);
    case Sheet::Table: return fill(kTable, palette);
    }
    return {};
}

void apply(QWidget *widget, Sheet sheet)
{
    record(widget, QStringLiteral("sheet|%1").arg(static_cast<int>(sheet)));
}

void text(QWidget *widget, const Text &t)
{
    record(widget, QStringLiteral("text|%1|%2|%3|%4")
                       .arg(Palette::roleName(t.colour))
                       .arg(t.points)
                       .arg(t.bold ? 1 : 0)
                       .arg(t.extra ? QString::fromLatin1(t.extra) : QString()));
}

void mutedLabel(QLabel *label, double points)
{
    text(label, Text{Role::MutedText, points});
}

void card(QFrame *frame, int radius)
{
    frame->setAttribute(Qt::WA_StyledBackground);
    record(frame, QStringLiteral("card|%1").arg(radius));
}

void banner(QFrame *frame, Banner kind)
{
    frame->setAttribute(Qt::WA_StyledBackground);
    record(frame, QStringLiteral("banner|%1").arg(static_cast<int>(kind)));
}

void clear(QWidget *widget)
{
    widget->setProperty(kStyleProperty, QVariant());
    widget->setStyleSheet(QString());
}

void refresh(QWidget *root)
{
    const Palette &palette = Palette::current();
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : widgets) {
        const QString what = recipe(w);
        if (!what.isEmpty())
            w->setStyleSheet(build(w, what, palette));
    }
}

double points(double designPoints)
{
    const double base = QApplication::font().pointSizeF();
    return base > 0 ? designPoints * base / kDesignPoints : designPoints;
}

QString scaledFontSizes(QString css)
{
    static const QRegularExpression size(QStringLiteral("font-size:( ?)([0-9.]+)pt"));
    QRegularExpressionMatch m;
    qsizetype from = 0;
    while ((m = size.match(css, from)).hasMatch()) {
        const QString scaled =
            QStringLiteral("font-size:%1%2pt").arg(m.captured(1)).arg(points(m.captured(2).toDouble()), 0, 'g', 4);
        css.replace(m.capturedStart(), m.capturedLength(), scaled);
        from = m.capturedStart() + scaled.size();
    }
    return css;
}

QColor colour(Palette::Role role)
{
    return Palette::current().colour(role);
}

QString css(Palette::Role role)
{
    return Palette::current().css(role);
}

} // namespace Style
