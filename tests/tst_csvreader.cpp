// The streaming CSV reader: RFC 4180 quoting, line ends, BOM, line numbers, truncation.
#include "import/csvreader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Cost;

class TestCsvReader : public QObject {
    Q_OBJECT

    QString write(const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(QStringLiteral("f%1.csv").arg(++m_n));
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
        return path;
    }

    QList<QStringList> readAll(const QString &path, QString *error = nullptr, qint64 *errorLine = nullptr,
                               QList<qint64> *lines = nullptr)
    {
        CsvReader r;
        QList<QStringList> rows;
        if (!r.open(path.toStdString()))
            return rows;
        std::vector<std::string_view> fields;
        for (;;) {
            const auto s = r.next(fields);
            if (s == CsvReader::Status::End)
                break;
            if (s == CsvReader::Status::Error) {
                if (error)
                    *error = QString::fromStdString(r.error());
                if (errorLine)
                    *errorLine = r.line();
                break;
            }
            QStringList row;
            for (auto f : fields)
                row << QString::fromUtf8(f.data(), qsizetype(f.size()));
            rows << row;
            if (lines)
                *lines << r.line();
        }
        return rows;
    }

private Q_SLOTS:
    void quoting_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected"); // rows joined by '|', fields by ';'
        QTest::newRow("plain") << QByteArray("a,b\n1,2\n") << "a;b|1;2";
        QTest::newRow("crlf") << QByteArray("a,b\r\n1,2\r\n") << "a;b|1;2";
        QTest::newRow("cr only") << QByteArray("a,b\r1,2\r") << "a;b|1;2";
        QTest::newRow("no final newline") << QByteArray("a,b\n1,2") << "a;b|1;2";
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF" "a,b\n1,2\n") << "a;b|1;2";
        QTest::newRow("quoted comma") << QByteArray("a,b\n\"x,y\",2\n") << "a;b|x,y;2";
        QTest::newRow("quoted newline") << QByteArray("a,b\n\"x\ny\",2\n") << "a;b|x\ny;2";
        QTest::newRow("doubled quotes") << QByteArray("a\n\"{\"\"k\"\":\"\"v\"\"}\"\n") << "a|{\"k\":\"v\"}";
        QTest::newRow("empty fields") << QByteArray("a,b,c\n,,\n") << "a;b;c|;;";
        QTest::newRow("blank lines skipped") << QByteArray("a\n\n1\n\r\n2\n") << "a|1|2";
        QTest::newRow("empty quoted") << QByteArray("a,b\n\"\",x\n") << "a;b|;x";
    }
    void quoting()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QStringList joined;
        for (const QStringList &row : readAll(write(bytes)))
            joined << row.join(QLatin1Char(';'));
        QCOMPARE(joined.join(QLatin1Char('|')), expected);
    }

    void lineNumbersCountEmbeddedNewlines()
    {
        QList<qint64> lines;
        readAll(write("h\n\"a\nb\nc\"\nx\n\ny\n"), nullptr, nullptr, &lines);
        QCOMPARE(lines, (QList<qint64>{1, 2, 5, 7}));
    }

    void unterminatedQuoteIsAnError()
    {
        QString error;
        qint64 line = 0;
        const auto rows = readAll(write("a,b\n1,2\n3,\"open\n"), &error, &line);
        QCOMPARE(rows.size(), 2);
        QVERIFY(error.contains(QStringLiteral("unterminated")));
        QCOMPARE(line, 3);
    }

    void recordsAcrossBufferBoundaries()
    {
        // Several megabytes so that records, quotes and CRLF pairs straddle read chunks.
        QByteArray bytes = "id,text,n\r\n";
        const int n = 60000;
        for (int i = 0; i < n; ++i)
            bytes += QByteArray::number(i) + ",\"line one, \"\"quoted\"\"\nline two " + QByteArray(i % 97, 'x')
                + "\"," + QByteArray::number(i * 3) + "\r\n";
        const auto rows = readAll(write(bytes));
        QCOMPARE(rows.size(), n + 1);
        for (int i : {0, 1, 4095, 30000, n - 1}) {
            QCOMPARE(rows[i + 1][0], QString::number(i));
            QCOMPARE(rows[i + 1][1], QStringLiteral("line one, \"quoted\"\nline two ") + QString(i % 97, QLatin1Char('x')));
            QCOMPARE(rows[i + 1][2], QString::number(i * 3));
        }
    }

    void hashIdentifiesContent()
    {
        auto hashOf = [&](const QByteArray &b) {
            CsvReader r;
            r.open(write(b).toStdString());
            std::vector<std::string_view> f;
            while (r.next(f) == CsvReader::Status::Row) {
            }
            return r.contentHash();
        };
        QCOMPARE(hashOf("a,b\n1,2\n"), hashOf("a,b\n1,2\n"));
        QVERIFY(hashOf("a,b\n1,2\n") != hashOf("a,b\n1,3\n"));
        QVERIFY(hashOf("a,b\n1,2\n") != hashOf("a,b\n1,2\n\n"));
    }

private:
    QTemporaryDir m_dir;
    int m_n = 0;
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
