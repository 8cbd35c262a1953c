// The colour table and its application: every role has a light and a dark colour, dark text stays
// readable on dark surfaces, the application palette picks the variant, and a page built on the
// light palette turns light-on-dark when the palette switches (and a page built on dark starts so).
#include "charts/chartexporter.h"
#include "charts/stackedcostchart.h"
#include "domain/timeparse.h"
#include "export/reportexportdialog.h"
#include "format/palette.h"
#include "guitestmain.h"
#include "testsupport.h"
#include "import/demogenerator.h"
#include "overview/overviewpage.h"
#include "shell/mainwindow.h"
#include "shell/style.h"
#include "store/store.h"

#include <QAction>
#include <QApplication>
#include <QAbstractAxis>
#include <QAreaSeries>
#include <QChart>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int kLoadTimeoutMs = 60000;
using Role = Palette::Role;

// A platform-like dark palette (what a desktop in dark mode hands the application).
QPalette darkPlatformPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    return p;
}

// Labels of `root` whose look comes from the style table, with text on them.
QList<QLabel *> styledLabels(QWidget *root)
{
    QList<QLabel *> out;
    const QList<QLabel *> labels = root->findChildren<QLabel *>();
    for (QLabel *label : labels) {
        if (label->property("burnrateStyle").isValid() && !label->text().trimmed().isEmpty())
            out << label;
    }
    return out;
}

// How many pixels of `w` as drawn are exactly `colour`.
qint64 pixelsOf(QWidget *w, QRgb colour)
{
    const QImage image = w->grab().toImage();
    qint64 hits = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            hits += QColor(image.pixel(x, y)).rgb() == colour;
    return hits;
}

QColor textColour(QLabel *label)
{
    label->ensurePolished();
    return label->palette().color(label->foregroundRole());
}

} // namespace

class TestStyle : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QPalette m_original;
    QFont m_originalFont;

    // Every styled label of the Overview reads as the current variant wants: dark text on the
    // light card, light text on the dark one, readable either way.
    void verifyLabels(QWidget *page, Palette::Variant variant)
    {
        const QList<QLabel *> labels = styledLabels(page);
        QVERIFY2(labels.size() >= 5, qPrintable(QString::number(labels.size())));
        const QColor card = Palette::of(variant).colour(Role::Card);
        for (QLabel *label : labels) {
            const QColor text = textColour(label);
            const QString what = label->objectName() + QLatin1Char(' ') + label->text() + QLatin1Char(' ') + text.name();
            if (variant == Palette::Variant::Dark)
                QVERIFY2(text.lightness() > card.lightness(), qPrintable(what));
            else
                QVERIFY2(text.lightness() < card.lightness(), qPrintable(what));
            QVERIFY2(Palette::contrastRatio(text, card) >= 3.0, qPrintable(what));
        }
    }

    // Shows `window` and waits for its Overview to load.
    void loadOverview(MainWindow &window, OverviewPage *&page)
    {
        window.resize(1280, 800);
        window.show();
        page = qobject_cast<OverviewPage *>(window.page(QStringLiteral("overview")));
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded(), kLoadTimeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // View → Theme remembers the choice in QSettings: a throw-away place, not the user's.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BurnrateTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_style"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale::c());
        m_original = QApplication::palette();
        m_originalFont = QApplication::font();
        m_db = m_dir.filePath(QStringLiteral("demo.sqlite"));
        std::string error;
        QVERIFY2(TestSupport::writeDemoStore(m_db, Cost::daysFromCivil(2025, 6, 18), 60, &error), error.c_str());
    }

    void cleanup()
    {
        Palette::setPreferred(std::nullopt);
        QApplication::setPalette(m_original);
        QApplication::setFont(m_originalFont);
    }

    // A desktop set to a larger font gets larger text everywhere: the stylesheet sizes (page
    // title), the fonts the pages set themselves (KPI captions) and the charts' axis labels, all
    // by the ratio of the desktop's size to the 9 pt they are designed for. They were fixed
    // points before, so only the plain body text followed the desktop.
    void textFollowsTheDesktopFontSize_data()
    {
        QTest::addColumn<double>("desktopPoints");
        QTest::newRow("9 pt (Qt's default)") << 9.0;
        QTest::newRow("13.5 pt") << 13.5;
    }

    void textFollowsTheDesktopFontSize()
    {
        QFETCH(double, desktopPoints);
        QFont desktop = m_originalFont;
        desktop.setPointSizeF(desktopPoints);
        QApplication::setFont(desktop);
        const double scale = desktopPoints / 9.0;
        QCOMPARE(Style::points(17), 17 * scale);

        MainWindow window(m_db);
        OverviewPage *page = nullptr;
        loadOverview(window, page);
        if (QTest::currentTestFailed())
            return;
        auto *title = window.findChild<QLabel *>(QStringLiteral("pageTitle"));
        QVERIFY(title);
        title->ensurePolished();
        QCOMPARE(title->font().pointSizeF(), 17 * scale);
        auto *caption = page->findChild<QLabel *>(QStringLiteral("kpiCaption"));
        QVERIFY(caption);
        QCOMPARE(caption->font().pointSizeF(), 9 * scale);
        const QList<QAbstractAxis *> axes = page->chart()->chart()->axes(Qt::Horizontal);
        QVERIFY(!axes.isEmpty());
        QCOMPARE(axes.constFirst()->labelsFont().pointSizeF(), 8.5 * scale);
        // The larger text still fits: the title is as tall as its font needs.
        QVERIFY2(title->height() >= QFontMetrics(title->font()).height(),
                 qPrintable(QStringLiteral("%1 < %2").arg(title->height()).arg(QFontMetrics(title->font()).height())));
    }

    void everyRoleHasBothVariants_data()
    {
        QTest::addColumn<int>("role");
        for (Role role : Palette::roles())
            QTest::newRow(qPrintable(Palette::roleName(role))) << static_cast<int>(role);
    }

    void everyRoleHasBothVariants()
    {
        QFETCH(int, role);
        const auto r = static_cast<Role>(role);
        QVERIFY(Palette::light().colour(r).isValid());
        QVERIFY(Palette::dark().colour(r).isValid());
        QCOMPARE(Palette::roleNamed(Palette::roleName(r)), std::optional<Role>(r));
        QVERIFY(Palette::light().css(r).startsWith(QLatin1Char('#')) || Palette::light().css(r).startsWith(QLatin1String("rgba(")));
    }

    void tableIsComplete()
    {
        QCOMPARE(Palette::roles().size(), Palette::kRoleCount);
        QCOMPARE(Palette::light().variant(), Palette::Variant::Light);
        QCOMPARE(Palette::dark().variant(), Palette::Variant::Dark);
        // Surfaces really flip: the dark card and canvas are dark, the light ones light.
        for (Role surface : {Role::Card, Role::Canvas}) {
            QVERIFY(Palette::light().colour(surface).lightness() > 200);
            QVERIFY(Palette::dark().colour(surface).lightness() < 60);
        }
        // Series: ten distinct hues, "Other" apart from them.
        for (const Palette *p : {&Palette::light(), &Palette::dark()}) {
            QSet<QRgb> seen;
            for (int i = 0; i < Palette::kSeriesCount; ++i)
                seen.insert(p->series(i).rgba());
            QCOMPARE(seen.size(), Palette::kSeriesCount);
            QVERIFY(!seen.contains(p->series(0, true).rgba()));
            QCOMPARE(p->series(Palette::kSeriesCount), p->series(0));
        }
    }

    void contrastRatio()
    {
        QCOMPARE(Palette::contrastRatio(Qt::black, Qt::white), 21.0);
        QCOMPARE(Palette::contrastRatio(Qt::white, Qt::black), 21.0);
        QCOMPARE(Palette::contrastRatio(QColor(0x77, 0x77, 0x77), QColor(0x77, 0x77, 0x77)), 1.0);
    }

    void darkTextIsReadable_data()
    {
        QTest::addColumn<int>("text");
        QTest::addColumn<int>("surface");
        for (const auto &[text, surface] : Palette::textOnSurface())
            QTest::newRow(qPrintable(Palette::roleName(text) + QStringLiteral(" on ") + Palette::roleName(surface)))
                << static_cast<int>(text) << static_cast<int>(surface);
    }

    void darkTextIsReadable()
    {
        QFETCH(int, text);
        QFETCH(int, surface);
        const double ratio = Palette::contrastRatio(Palette::dark().colour(static_cast<Role>(text)),
                                                    Palette::dark().colour(static_cast<Role>(surface)));
        QVERIFY2(ratio >= 4.5, qPrintable(QString::number(ratio)));
    }

    void stylesheetsUseTheTable()
    {
        // Every placeholder is filled from the variant asked for; nothing else carries a colour.
        const QString light = Style::sheetText(Style::Sheet::SpendCard, Palette::light());
        const QString dark = Style::sheetText(Style::Sheet::SpendCard, Palette::dark());
        QVERIFY(!light.contains(QLatin1Char('{') + Palette::roleName(Role::Card)));
        QVERIFY(light.contains(Palette::light().css(Role::Card)));
        QVERIFY(dark.contains(Palette::dark().css(Role::Card)));
        QVERIFY(!dark.contains(Palette::light().css(Role::Text)));
        QVERIFY(dark.contains(Palette::dark().css(Role::Text)));
    }

    void applicationPaletteChoosesTheVariant()
    {
        QApplication::setPalette(m_original);
        QCOMPARE(Palette::current().variant(), Palette::variantOf(m_original));
        QApplication::setPalette(darkPlatformPalette());
        QCOMPARE(Palette::current().variant(), Palette::Variant::Dark);
        QCOMPARE(Palette::current().colour(Role::Text), Palette::dark().colour(Role::Text));
        // An explicit choice wins over the application palette.
        Palette::setPreferred(Palette::Variant::Light);
        QCOMPARE(Palette::current().variant(), Palette::Variant::Light);
        Palette::setPreferred(std::nullopt);
        QCOMPARE(Palette::current().variant(), Palette::Variant::Dark);
        QPalette light;
        light.setColor(QPalette::Window, QColor(0xf0, 0xf0, 0xf0));
        QApplication::setPalette(light);
        QCOMPARE(Palette::current().variant(), Palette::Variant::Light);
    }

    void pageLabelsFollowThePalette()
    {
        QApplication::setPalette(m_original);
        QCOMPARE(Palette::current().variant(), Palette::Variant::Light);
        MainWindow window(m_db);
        OverviewPage *page = nullptr;
        loadOverview(window, page);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!page->isShowingEmptyState());
        verifyLabels(page, Palette::Variant::Light);
        QCOMPARE(page->chart()->backgroundBrush().color(), Palette::light().colour(Role::Card));

        // Switching the application palette restyles what is already on screen.
        QApplication::setPalette(darkPlatformPalette());
        verifyLabels(page, Palette::Variant::Dark);
        QCOMPARE(page->chart()->backgroundBrush().color(), Palette::dark().colour(Role::Card));
        // The picture agrees: the chart's background is the dark card.
        const QImage shot = page->chart()->grab().toImage();
        // (Top right: nothing is drawn there, neither axis labels nor the legend.)
        QCOMPARE(QColor(shot.pixel(shot.width() - 2, 1)).rgb(), Palette::dark().colour(Role::Card).rgb());
    }

    // Issue #23 item 11: a filter box with the keyboard focus shows it (the accent border).
    void filterBoxShowsFocus()
    {
        QApplication::setPalette(m_original);
        QWidget host;
        Style::apply(&host, Style::Sheet::FilterBar);
        auto *other = new QComboBox(&host);
        auto *box = new QComboBox(&host);
        box->addItem(QStringLiteral("All providers"));
        other->addItem(QStringLiteral("All models"));
        auto *layout = new QHBoxLayout(&host);
        layout->addWidget(other);
        layout->addWidget(box);
        host.show();
        QVERIFY(QTest::qWaitForWindowActive(&host));
        const QRgb accent = Palette::current().colour(Role::Accent).rgb();
        auto accentPixels = [accent](QWidget *w) { return pixelsOf(w, accent); };
        other->setFocus();
        QTRY_VERIFY(other->hasFocus());
        const int unfocused = accentPixels(box);
        box->setFocus();
        QTRY_VERIFY(box->hasFocus());
        const int focused = accentPixels(box);
        QVERIFY2(focused > unfocused + 2 * box->width(), qPrintable(QStringLiteral("%1 -> %2").arg(unfocused).arg(focused)));
    }

    // Issue #23 item 11: the sidebar's navy is the sidebar's alone; a file dialog of the window
    // (whose own list is also named "sidebar") keeps the platform look behind its dark text.
    void fileDialogDoesNotInheritTheSidebar()
    {
        QApplication::setPalette(m_original);
        MainWindow window(m_db);
        window.resize(1000, 650);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QRgb navy = Palette::current().colour(Role::Sidebar).rgb();
        auto navyShare = [navy](QWidget *w) {
            const QSize size = w->grab().size();
            return double(pixelsOf(w, navy)) / double(std::max<qint64>(1, qint64(size.width()) * size.height()));
        };
        QWidget *own = window.findChild<QWidget *>(QStringLiteral("sidebar"));
        QVERIFY(own);
        QVERIFY2(navyShare(own) > 0.5, "the window's sidebar is navy");

        QFileDialog dialog(&window, QStringLiteral("Export chart"));
        dialog.setOption(QFileDialog::DontUseNativeDialog);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QWidget *theirs = nullptr;
        for (QWidget *w : dialog.findChildren<QWidget *>(QStringLiteral("sidebar")))
            theirs = w;
        QVERIFY(theirs);
        QVERIFY2(navyShare(theirs) < 0.05, qPrintable(QString::number(navyShare(theirs))));
        dialog.close();
    }

    // #17 item 3: View → Theme switches what is on screen at once and is remembered.
    void themeMenu()
    {
        QApplication::setPalette(m_original);
        MainWindow window(m_db);
        OverviewPage *page = nullptr;
        loadOverview(window, page);
        if (QTest::currentTestFailed())
            return;
        auto *system = window.findChild<QAction *>(QStringLiteral("themeSystem"));
        auto *light = window.findChild<QAction *>(QStringLiteral("themeLight"));
        auto *dark = window.findChild<QAction *>(QStringLiteral("themeDark"));
        QVERIFY(system && light && dark);
        QVERIFY(system->isChecked());
        dark->trigger();
        QVERIFY(dark->isChecked() && !system->isChecked());
        QCOMPARE(Palette::current().variant(), Palette::Variant::Dark);
        verifyLabels(page, Palette::Variant::Dark);
        QCOMPARE(page->chart()->backgroundBrush().color(), Palette::dark().colour(Role::Card));
        QCOMPARE(QSettings().value(QStringLiteral("view/theme")).toString(), QStringLiteral("dark"));
        light->trigger();
        QCOMPARE(Palette::current().variant(), Palette::Variant::Light);
        verifyLabels(page, Palette::Variant::Light);
        QCOMPARE(QSettings().value(QStringLiteral("view/theme")).toString(), QStringLiteral("light"));
        system->trigger(); // the platform palette of this test run is light
        QCOMPARE(Palette::current().variant(), Palette::variantOf(m_original));
        QCOMPARE(QApplication::palette().color(QPalette::Window), m_original.color(QPalette::Window));
        QCOMPARE(QSettings().value(QStringLiteral("view/theme")).toString(), QStringLiteral("system"));
    }

    // File → Export report (the report's only view before the PDF, which stays light) is
    // readable on a dark desktop: every label and field text stands out from what it sits on.
    void reportDialogIsReadableInDark()
    {
        QApplication::setPalette(darkPlatformPalette());
        ReportExportDialog dialog(m_db, Cost::daysFromCivil(2025, 6, 18), Cost::daysFromCivil(2025, 7, 17), {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QColor window = dialog.palette().color(QPalette::Window);
        QVERIFY2(window.lightness() < 100, qPrintable(window.name()));
        int checked = 0;
        const QList<QWidget *> widgets = dialog.findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            auto *label = qobject_cast<QLabel *>(w);
            auto *edit = qobject_cast<QLineEdit *>(w);
            if ((!label || label->text().trimmed().isEmpty()) && !edit)
                continue;
            if (!w->isVisible())
                continue;
            w->ensurePolished();
            const QColor fg = w->palette().color(w->foregroundRole());
            const QColor bg = edit ? w->palette().color(QPalette::Base) : window;
            const QString what = w->objectName() + QLatin1Char(' ') + (label ? label->text() : edit->text());
            QVERIFY2(Palette::contrastRatio(fg, bg) >= 4.5, qPrintable(what + QLatin1Char(' ') + fg.name() + QLatin1Char('/') + bg.name()));
            ++checked;
        }
        QVERIFY2(checked >= 4, qPrintable(QString::number(checked)));
        const QString png = qEnvironmentVariable("BURNRATE_TEST_SHOT_DIR");
        if (!png.isEmpty())
            dialog.grab().save(png + QStringLiteral("/report-dialog-dark.png"));
    }

    void pageBuiltOnDarkStartsDark()
    {
        QApplication::setPalette(darkPlatformPalette());
        MainWindow window(m_db);
        OverviewPage *page = nullptr;
        loadOverview(window, page);
        if (QTest::currentTestFailed())
            return;
        verifyLabels(page, Palette::Variant::Dark);
        // Series are drawn in the dark variant's hues.
        QVERIFY(page->chart()->seriesCount() > 0);
        auto *first = qobject_cast<QAreaSeries *>(page->chart()->chart()->series().constFirst());
        QVERIFY(first);
        QCOMPARE(first->color(), Palette::dark().series(0));
        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());

        // An exported chart keeps the dark look: its caption sits on the dark card, not on white
        // paper with the dark variant's pale legend (unreadable before).
        const QString png = m_dir.filePath(QStringLiteral("dark-chart.png"));
        QString error;
        QVERIFY2(ChartExporter::exportChart(page->chart(), ChartExporter::Caption{QStringLiteral("Daily cost"), QStringLiteral("range"), {}, {}, {}},
                                            png, ChartExporter::Format::Png, 72, &error),
                 qPrintable(error));
        const QImage exported(png);
        QCOMPARE(QColor(exported.pixel(1, 1)).rgb(), Palette::dark().colour(Role::Card).rgb());
    }
};

BURNRATE_GUI_TEST_MAIN(TestStyle)
#include "tst_style.moc"
