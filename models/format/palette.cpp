#include "format/palette.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QPalette>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <iterator>

namespace {

struct Entry {
    Palette::Role role;
    const char *name;
    QRgb light; ///< 0xAARRGGBB
    QRgb dark;
};

using R = Palette::Role;

// The table. Light values are the colours the app was designed with; dark values keep every text
// role at a contrast ratio of at least 4.5 on the surface it is drawn on (tst_style checks it).
const Entry kTable[] = {
    {R::Text, "Text", 0xff1b1f24, 0xffe6e9ee},
    {R::SecondaryText, "SecondaryText", 0xff3b4350, 0xffc4cad3},
    {R::ChartText, "ChartText", 0xff333b45, 0xffc9ced6},
    {R::MutedText, "MutedText", 0xff5f6b7a, 0xff9aa4b1},
    {R::FaintText, "FaintText", 0xff8a94a0, 0xff8e98a5},
    {R::DisabledText, "DisabledText", 0xffb4bbc4, 0xff5b6472},
    {R::Link, "Link", 0xff3b6fd8, 0xff7ea6f4},
    {R::Positive, "Positive", 0xff1e8e3e, 0xff5cc77a},
    {R::Negative, "Negative", 0xffd93025, 0xfff28b82},
    {R::Warning, "Warning", 0xff9a6700, 0xffe3b341},
    {R::Caution, "Caution", 0xffd96b1c, 0xfff0a05a},
    {R::Canvas, "Canvas", 0xfff4f5f7, 0xff15181d},
    {R::Card, "Card", 0xffffffff, 0xff1e2229},
    {R::Border, "Border", 0xffe1e4e8, 0xff2f353e},
    {R::ControlBorder, "ControlBorder", 0xffc9ced6, 0xff434a55},
    {R::ControlHoverBorder, "ControlHoverBorder", 0xff9aa4b1, 0xff6b7482},
    {R::Hover, "Hover", 0xfff2f4f7, 0xff2a2f37},
    {R::AlternateRow, "AlternateRow", 0xfff8f9fb, 0xff22262d},
    {R::Selection, "Selection", 0xffe3ecfc, 0xff26395e},
    {R::Accent, "Accent", 0xff3b6fd8, 0xff3b6fd8},
    {R::AccentHover, "AccentHover", 0xff2f5fc4, 0xff5583e4},
    {R::AccentSoft, "AccentSoft", 0xffeaf1fd, 0xff22324f},
    {R::AccentText, "AccentText", 0xff1d4fb8, 0xffa8c4f8},
    {R::OnAccent, "OnAccent", 0xffffffff, 0xffffffff},
    {R::Sidebar, "Sidebar", 0xff1f2530, 0xff101318},
    {R::SidebarText, "SidebarText", 0xffc5ccd6, 0xffc5ccd6},
    {R::SidebarHover, "SidebarHover", 0xff2a3240, 0xff1f2530},
    {R::SidebarBrand, "SidebarBrand", 0xffffffff, 0xffffffff},
    {R::ErrorBanner, "ErrorBanner", 0xffffebe9, 0xff3a1d1f},
    {R::ErrorBannerBorder, "ErrorBannerBorder", 0xffcf222e, 0xffa8403a},
    {R::ErrorBannerText, "ErrorBannerText", 0xff82071e, 0xffffb4ab},
    {R::InfoBanner, "InfoBanner", 0xffeef3fd, 0xff1d2a40},
    {R::InfoBannerBorder, "InfoBannerBorder", 0xffc9d8f5, 0xff35507e},
    {R::InfoBannerText, "InfoBannerText", 0xff1b1f24, 0xffdce6f9},
    {R::WarningBanner, "WarningBanner", 0xfffff8e6, 0xff33290f},
    {R::WarningBannerBorder, "WarningBannerBorder", 0xfff0d9a0, 0xff6b5520},
    {R::WarningBannerText, "WarningBannerText", 0xff8a5a00, 0xfff2d48a},
    {R::Grid, "Grid", 0xffe9ecf0, 0xff2c3139},
    {R::AxisLine, "AxisLine", 0xff9aa3ae, 0xff5b6472},
    {R::Series0, "Series0", 0xff3b6fd8, 0xff5b8def},
    {R::Series1, "Series1", 0xff1fa68a, 0xff2cc4a3},
    {R::Series2, "Series2", 0xfff09a2b, 0xfff3a843},
    {R::Series3, "Series3", 0xffd94f7d, 0xffe86b95},
    {R::Series4, "Series4", 0xff7a5cd6, 0xff9a82e6},
    {R::Series5, "Series5", 0xff2ba9c9, 0xff45c0de},
    {R::Series6, "Series6", 0xffe05d4a, 0xffec7664},
    {R::Series7, "Series7", 0xff8bb53a, 0xffa2c957},
    {R::Series8, "Series8", 0xff9c6b4e, 0xffbb8a6c},
    {R::Series9, "Series9", 0xff4a5a78, 0xff8393b3},
    {R::SeriesOther, "SeriesOther", 0xffb4bbc4, 0xff6b7482},
    {R::Actual, "Actual", 0xff1f4eb4, 0xff6f9cf0},
    {R::Forecast, "Forecast", 0xffd96b1c, 0xfff0934a},
    {R::Budget, "Budget", 0xffc62828, 0xfff2675e},
    {R::Threshold, "Threshold", 0xff8a94a0, 0xff8e98a5},
    {R::Expected, "Expected", 0xff6b7684, 0xff9aa4b1},
    {R::BandFill, "BandFill", 0x2a3b6fd8, 0x405b8def},
    {R::Flag, "Flag", 0xffd93a2b, 0xffff6b5b},
    {R::Highlight, "Highlight", 0x30f09a2b, 0x40f09a2b},
    {R::Increase, "Increase", 0xffc0392b, 0xfff28b82},
    {R::Decrease, "Decrease", 0xff1f6fd8, 0xff7ea6f4},
    {R::Rule, "Rule", 0xffd5dae1, 0xff3a404a},
    {R::TableStripe, "TableStripe", 0xfff4f6f8, 0xff22262d},
    {R::TableHeader, "TableHeader", 0xffe8edf4, 0xff2a303a},
};
static_assert(std::size(kTable) == Palette::kRoleCount, "every role has one row");

std::atomic<int> g_preferred{-1}; // -1: follow the application's QPalette

double luminance(const QColor &c)
{
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

} // namespace

Palette::Palette(Variant variant)
    : m_variant(variant)
{
    m_colours.resize(kRoleCount);
    for (const Entry &e : kTable)
        m_colours[static_cast<std::size_t>(e.role)] = QColor::fromRgba(variant == Variant::Dark ? e.dark : e.light);
}

const Palette &Palette::light()
{
    static const Palette p(Variant::Light);
    return p;
}

const Palette &Palette::dark()
{
    static const Palette p(Variant::Dark);
    return p;
}

const Palette &Palette::of(Variant variant)
{
    return variant == Variant::Dark ? dark() : light();
}

const Palette &Palette::current()
{
    if (const std::optional<Variant> chosen = preferred())
        return of(*chosen);
    // QGuiApplication::palette() is GUI-thread state; a CLI or a worker thread gets light.
    auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance());
    if (!app || QThread::currentThread() != app->thread())
        return light();
    return of(variantOf(QGuiApplication::palette()));
}

void Palette::setPreferred(std::optional<Variant> variant)
{
    g_preferred = variant ? static_cast<int>(*variant) : -1;
}

std::optional<Palette::Variant> Palette::preferred()
{
    const int v = g_preferred;
    if (v < 0)
        return std::nullopt;
    return static_cast<Variant>(v);
}

Palette::Variant Palette::variantOf(const QPalette &palette)
{
    return palette.color(QPalette::Active, QPalette::Window).lightness() < 128 ? Variant::Dark : Variant::Light;
}

QColor Palette::colour(Role role) const
{
    return m_colours[static_cast<std::size_t>(role)];
}

QString Palette::css(Role role) const
{
    const QColor c = colour(role);
    if (c.alpha() == 255)
        return c.name(QColor::HexRgb);
    return QStringLiteral("rgba(%1, %2, %3, %4)").arg(c.red()).arg(c.green()).arg(c.blue()).arg(c.alpha());
}

QColor Palette::series(int index, bool other) const
{
    if (other || index < 0)
        return colour(Role::SeriesOther);
    return colour(static_cast<Role>(static_cast<int>(Role::Series0) + index % kSeriesCount));
}

QList<Palette::Role> Palette::roles()
{
    QList<Role> out;
    for (const Entry &e : kTable)
        out << e.role;
    return out;
}

QString Palette::roleName(Role role)
{
    return QString::fromLatin1(kTable[static_cast<std::size_t>(role)].name);
}

std::optional<Palette::Role> Palette::roleNamed(const QString &name)
{
    for (const Entry &e : kTable) {
        if (name == QLatin1String(e.name))
            return e.role;
    }
    return std::nullopt;
}

std::vector<std::pair<Palette::Role, Palette::Role>> Palette::textOnSurface()
{
    return {
        {R::Text, R::Card}, {R::Text, R::Canvas}, {R::SecondaryText, R::Card}, {R::ChartText, R::Card},
        {R::MutedText, R::Card}, {R::MutedText, R::Canvas}, {R::FaintText, R::Card}, {R::Link, R::Card},
        {R::Positive, R::Card}, {R::Negative, R::Card}, {R::Warning, R::Card}, {R::Caution, R::Card},
        {R::AccentText, R::AccentSoft}, {R::Text, R::Selection}, {R::Text, R::AlternateRow}, {R::Text, R::Hover},
        {R::OnAccent, R::Accent}, {R::SidebarText, R::Sidebar}, {R::SidebarBrand, R::Sidebar},
        {R::ErrorBannerText, R::ErrorBanner}, {R::InfoBannerText, R::InfoBanner},
        {R::WarningBannerText, R::WarningBanner},
    };
}

double Palette::contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
