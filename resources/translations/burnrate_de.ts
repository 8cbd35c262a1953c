<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountsPage</name>
    <message>
        <source>&amp;Connect account…</source>
        <translation>Konto &amp;verbinden…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>Jetzt s&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation>Synchronisierung abbrechen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last successful sync</source>
        <translation>Letzte erfolgreiche Synchronisierung</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Buchungen</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No accounts connected&lt;/h3&gt;&lt;p&gt;Connect OpenAI, Anthropic, AWS, Azure, Google Cloud or a folder of FOCUS exports: Burnrate syncs their cost and usage into this computer&apos;s store.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Keine Konten verbunden&lt;/h3&gt;&lt;p&gt;Verbinden Sie OpenAI, Anthropic, AWS, Azure, Google Cloud oder einen Ordner mit FOCUS-Exporten: Burnrate synchronisiert deren Kosten und Nutzung in die Datenbank auf diesem Computer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>Connection works.</source>
        <translation>Verbindung funktioniert.</translation>
    </message>
    <message>
        <source>✗ %1: %2</source>
        <translation>✗ %1: %2</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Accounts are not limited to a date range</source>
        <translation>Konten sind nicht auf einen Zeitraum beschränkt</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source> (through %1)</source>
        <translation> (bis %1)</translation>
    </message>
    <message>
        <source>%1 charges written by the last sync</source>
        <translation>%1 Buchungen aus der letzten Synchronisierung</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Testing “%1”…</source>
        <translation>„%1“ wird getestet…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Syncing… Complete windows are stored as they arrive; Cancel keeps them.</source>
        <translation>Synchronisierung… Vollständige Zeitfenster werden beim Eintreffen gespeichert; Abbrechen behält sie.</translation>
    </message>
    <message>
        <source>✓ %1: %2 charges</source>
        <translation>✓ %1: %2 Buchungen</translation>
    </message>
    <message numerus="yes">
        <source>%1: cancelled, %n complete window(s) kept</source>
        <translation>
            <numerusform>%1: abgebrochen, %n vollständiges Zeitfenster behalten</numerusform>
            <numerusform>%1: abgebrochen, %n vollständige Zeitfenster behalten</numerusform>
        </translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove “%1”? Its secret is deleted from the keychain.</source>
        <translation>„%1“ entfernen? Sein Geheimnis wird aus dem Schlüsselbund gelöscht.</translation>
    </message>
    <message>
        <source>Keep the charges it synced (they stay in every view, no longer updated), or delete them from the store?</source>
        <translation>Sollen die synchronisierten Buchungen behalten werden (sie bleiben in allen Ansichten, werden aber nicht mehr aktualisiert) oder aus der Datenbank gelöscht werden?</translation>
    </message>
    <message>
        <source>Remove, &amp;keep data</source>
        <translation>Entfernen, Daten &amp;behalten</translation>
    </message>
    <message>
        <source>Remove and &amp;delete data</source>
        <translation>Entfernen und Daten &amp;löschen</translation>
    </message>
    <message>
        <source>Removing the account and its data…</source>
        <translation>Konto und Daten werden entfernt…</translation>
    </message>
    <message>
        <source>Removing the account…</source>
        <translation>Konto wird entfernt…</translation>
    </message>
    <message>
        <source>Account removed%1.</source>
        <translation>Konto entfernt%1.</translation>
    </message>
    <message>
        <source> with its data</source>
        <translation> samt Daten</translation>
    </message>
    <message>
        <source>✓ %1: %2 model calls added to the telemetry</source>
        <translation>✓ %1: %2 Modellaufrufe zur Telemetrie hinzugefügt</translation>
    </message>
    <message numerus="yes">
        <source>%n model calls</source>
        <translation>
            <numerusform>%n Modellaufruf</numerusform>
            <numerusform>%n Modellaufrufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In the application telemetry; %n added by the last sync</source>
        <translation>
            <numerusform>In der Anwendungstelemetrie; %n durch die letzte Synchronisierung hinzugefügt</numerusform>
            <numerusform>In der Anwendungstelemetrie; %n durch die letzte Synchronisierung hinzugefügt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertHistoryDialog</name>
    <message>
        <source>desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <source>webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>webhook (sending…)</source>
        <translation>Webhook (wird gesendet…)</translation>
    </message>
    <message>
        <source>webhook failed: %1</source>
        <translation>Webhook fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>webhook skipped: %1</source>
        <translation>Webhook übersprungen: %1</translation>
    </message>
    <message>
        <source>history only</source>
        <translation>nur Verlauf</translation>
    </message>
    <message>
        <source>Alert history</source>
        <translation>Warnungsverlauf</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>No alerts yet. Budget thresholds and anomalies appear here when they fire.</source>
        <translation>Noch keine Warnungen. Budgetschwellen und Anomalien erscheinen hier, sobald sie auslösen.</translation>
    </message>
</context>
<context>
    <name>AlertSettingsDialog</name>
    <message>
        <source>Alert settings</source>
        <translation>Warnungseinstellungen</translation>
    </message>
    <message>
        <source>Show &amp;desktop notifications for new alerts</source>
        <translation>&amp;Desktop-Benachrichtigungen für neue Warnungen anzeigen</translation>
    </message>
    <message>
        <source>No system tray is available right now; alerts are still recorded in the history.</source>
        <translation>Derzeit ist kein Systembereich verfügbar; Warnungen werden weiterhin im Verlauf gespeichert.</translation>
    </message>
    <message>
        <source>https://hooks.slack.com/services/…</source>
        <translation>https://hooks.slack.com/services/…</translation>
    </message>
    <message>
        <source>Slack-compatible incoming webhook: alerts are posted as JSON &lt;tt&gt;{&quot;text&quot;: …}&lt;/tt&gt;. The URL is stored in the system keychain only.</source>
        <translation>Slack-kompatibler eingehender Webhook: Warnungen werden als JSON &lt;tt&gt;{&quot;text&quot;: …}&lt;/tt&gt; gesendet. Die URL wird nur im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>Send &amp;test message</source>
        <translation>&amp;Testnachricht senden</translation>
    </message>
    <message>
        <source>&amp;Remove webhook</source>
        <translation>Webhook &amp;entfernen</translation>
    </message>
    <message>
        <source>Webhook &amp;URL:</source>
        <translation>Webhook-&amp;URL:</translation>
    </message>
    <message>
        <source>Cannot read the keychain: %1</source>
        <translation>Der Schlüsselbund kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>A webhook to %1 is stored in the keychain. Type a new URL to replace it.</source>
        <translation>Ein Webhook an %1 ist im Schlüsselbund gespeichert. Geben Sie eine neue URL ein, um ihn zu ersetzen.</translation>
    </message>
    <message>
        <source>No webhook configured: alerts go to desktop notifications and the history only.</source>
        <translation>Kein Webhook eingerichtet: Warnungen gehen nur an Desktop-Benachrichtigungen und den Verlauf.</translation>
    </message>
    <message>
        <source>Type a webhook URL first.</source>
        <translation>Geben Sie zuerst eine Webhook-URL ein.</translation>
    </message>
    <message>
        <source>Sending a test message…</source>
        <translation>Testnachricht wird gesendet…</translation>
    </message>
    <message>
        <source>Test message</source>
        <translation>Testnachricht</translation>
    </message>
    <message>
        <source>Burnrate alerts will be posted here.</source>
        <translation>Burnrate-Warnungen werden hier veröffentlicht.</translation>
    </message>
    <message>
        <source>Test message delivered.</source>
        <translation>Testnachricht zugestellt.</translation>
    </message>
    <message>
        <source>Test failed: %1</source>
        <translation>Test fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Remove webhook</source>
        <translation>Webhook entfernen</translation>
    </message>
    <message>
        <source>Remove the webhook URL from the keychain? Alerts will no longer be posted to it.</source>
        <translation>Die Webhook-URL aus dem Schlüsselbund entfernen? Warnungen werden dann nicht mehr dorthin gesendet.</translation>
    </message>
    <message>
        <source>Cannot remove the webhook URL: %1</source>
        <translation>Die Webhook-URL kann nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>That is not a valid https:// URL.</source>
        <translation>Das ist keine gültige https://-URL.</translation>
    </message>
    <message>
        <source>Cannot store the URL in the keychain: %1</source>
        <translation>Die URL kann nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>Analytics::ForecastView</name>
    <message>
        <source>Total spend</source>
        <translation>Gesamtausgaben</translation>
    </message>
    <message>
        <source>%1 ended at %2.</source>
        <translation>%1 endete bei %2.</translation>
    </message>
    <message numerus="yes">
        <source>%1 will end at %2, between %3 and %4 (80% range; 95%: %5 to %6). %7 spent so far, %n day(s) to go.</source>
        <translation>
            <numerusform>%1 endet bei %2, zwischen %3 und %4 (80-%-Bereich; 95 %: %5 bis %6). Bisher %7 ausgegeben, noch %n Tag.</numerusform>
            <numerusform>%1 endet bei %2, zwischen %3 und %4 (80-%-Bereich; 95 %: %5 bis %6). Bisher %7 ausgegeben, noch %n Tage.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too little history to measure accuracy yet: the forecast repeats recent days.</source>
        <translation>Zu wenig Verlauf, um die Genauigkeit zu messen: Die Prognose wiederholt die letzten Tage.</translation>
    </message>
    <message>
        <source>Typical daily error %1 (repeating last week: %2)</source>
        <translation>Typischer Tagesfehler %1 (Wiederholung der Vorwoche: %2)</translation>
    </message>
    <message>
        <source> — %1% better</source>
        <translation> — %1 % besser</translation>
    </message>
    <message>
        <source> — %1% worse</source>
        <translation> — %1 % schlechter</translation>
    </message>
    <message>
        <source> — about the same</source>
        <translation> — etwa gleich</translation>
    </message>
    <message numerus="yes">
        <source>, measured on %n past forecast(s).</source>
        <translation>
            <numerusform>, gemessen an %n früheren Prognose.</numerusform>
            <numerusform>, gemessen an %n früheren Prognosen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnomaliesPage</name>
    <message>
        <source>How eagerly anomalies are raised: High also flags smaller deviations, Low only clear ones</source>
        <translation>Wie schnell Anomalien gemeldet werden: Hoch meldet auch kleinere Abweichungen, Niedrig nur deutliche</translation>
    </message>
    <message>
        <source>Minimum impact</source>
        <translation>Mindestauswirkung</translation>
    </message>
    <message>
        <source>Deviations smaller than this (in money, against the expected cost) never become anomalies</source>
        <translation>Abweichungen unter diesem Betrag (gegenüber den erwarteten Kosten) werden nie zu Anomalien</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>Neu scannen</translation>
    </message>
    <message>
        <source>Scan every series again (Ctrl+Shift+R)</source>
        <translation>Alle Reihen erneut scannen (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sensitivity:</source>
        <translation>Empfindlichkeit:</translation>
    </message>
    <message>
        <source>Minimum impact:</source>
        <translation>Mindestauswirkung:</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Anomalien</translation>
    </message>
    <message>
        <source>Rescanning</source>
        <translation>Neuer Scan läuft</translation>
    </message>
    <message>
        <source>Scan cancelled; the previous anomalies are shown</source>
        <translation>Scan abgebrochen; die vorherigen Anomalien werden angezeigt</translation>
    </message>
    <message>
        <source>Scan failed: %1</source>
        <translation>Scan fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Saving feedback</source>
        <translation>Rückmeldung wird gespeichert</translation>
    </message>
    <message>
        <source>Undo feedback</source>
        <translation>Rückmeldung rückgängig machen</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nichts rückgängig zu machen</translation>
    </message>
    <message>
        <source>Saving the series sensitivity</source>
        <translation>Empfindlichkeit der Reihe wird gespeichert</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Cannot open the store: %1</source>
        <translation>Die Datenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Scanned %1 series (%2 points) in %3 s</source>
        <translation>%1 Reihen (%2 Punkte) in %3 s gescannt</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message numerus="yes">
        <source>%n anomalies in this range, %1 not reviewed. Largest: %2.</source>
        <translation>
            <numerusform>%n Anomalie in diesem Zeitraum, %1 nicht geprüft. Größte: %2.</numerusform>
            <numerusform>%n Anomalien in diesem Zeitraum, %1 nicht geprüft. Größte: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an anomaly to see its series and root cause</source>
        <translation>Wählen Sie eine Anomalie, um ihre Reihe und Ursache zu sehen</translation>
    </message>
    <message>
        <source>No anomalies in this range</source>
        <translation>Keine Anomalien in diesem Zeitraum</translation>
    </message>
    <message>
        <source>Cannot load the anomaly: %1</source>
        <translation>Die Anomalie kann nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Undoing feedback</source>
        <translation>Rückmeldung wird rückgängig gemacht</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saving the scan settings</source>
        <translation>Scan-Einstellungen werden gespeichert</translation>
    </message>
    <message>
        <source>Scanning for anomalies…</source>
        <translation>Suche nach Anomalien…</translation>
    </message>
    <message>
        <source>No anomalies in this range. Every total, provider, model, feature, team and endpoint series stayed within its expected band, or moved by less than the minimum impact.</source>
        <translation>Keine Anomalien in diesem Zeitraum. Jede Reihe (Gesamt, Anbieter, Modell, Funktion, Team, Endpunkt) blieb in ihrem erwarteten Band oder bewegte sich um weniger als die Mindestauswirkung.</translation>
    </message>
</context>
<context>
    <name>AnomalyChart</name>
    <message>
        <source>Select an anomaly to see its series</source>
        <translation>Wählen Sie eine Anomalie, um ihre Reihe zu sehen</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>Unvollständig</translation>
    </message>
    <message>
        <source>This anomaly</source>
        <translation>Diese Anomalie</translation>
    </message>
    <message>
        <source>Expected band</source>
        <translation>Erwartetes Band</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Tatsächlich</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
</context>
<context>
    <name>AnomalyDetailPanel</name>
    <message>
        <source>Anomaly series with its expected band</source>
        <translation>Anomaliereihe mit ihrem erwarteten Band</translation>
    </message>
    <message>
        <source>Root causes</source>
        <translation>Ursachen</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Ursache</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Tatsächlich</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Basislinie</translation>
    </message>
    <message>
        <source>Dimension values ranked by their share of the change against the baseline (the same hours of the previous days, or the same weekdays of the previous weeks)</source>
        <translation>Dimensionswerte nach ihrem Anteil an der Änderung gegenüber der Basislinie (dieselben Stunden der Vortage oder dieselben Wochentage der Vorwochen)</translation>
    </message>
    <message>
        <source>&amp;Expected</source>
        <translation>&amp;Erwartet</translation>
    </message>
    <message>
        <source>This is a known change: the series takes it as its new normal and stops alerting on it (Alt+E)</source>
        <translation>Dies ist eine bekannte Änderung: Die Reihe übernimmt sie als neuen Normalwert und warnt nicht mehr davor (Alt+E)</translation>
    </message>
    <message>
        <source>&amp;Not expected</source>
        <translation>&amp;Nicht erwartet</translation>
    </message>
    <message>
        <source>Confirm this is a real problem (Alt+N)</source>
        <translation>Bestätigen, dass dies ein echtes Problem ist (Alt+N)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Revert the last feedback on this anomaly (Alt+U)</source>
        <translation>Die letzte Rückmeldung zu dieser Anomalie zurücknehmen (Alt+U)</translation>
    </message>
    <message>
        <source>Sensitivity of this series only</source>
        <translation>Empfindlichkeit nur dieser Reihe</translation>
    </message>
    <message>
        <source>Series sensitivity:</source>
        <translation>Empfindlichkeit der Reihe:</translation>
    </message>
    <message>
        <source>Select an anomaly to see its series and root cause</source>
        <translation>Wählen Sie eine Anomalie, um ihre Reihe und Ursache zu sehen</translation>
    </message>
    <message>
        <source>No single value stands out</source>
        <translation>Kein einzelner Wert sticht heraus</translation>
    </message>
    <message>
        <source>Global (%1)</source>
        <translation>Global (%1)</translation>
    </message>
    <message>
        <source>This series has no charges in the scanned history any more</source>
        <translation>Diese Reihe hat im gescannten Verlauf keine Buchungen mehr</translation>
    </message>
    <message>
        <source>No anomaly selected</source>
        <translation>Keine Anomalie ausgewählt</translation>
    </message>
    <message>
        <source>Global</source>
        <translation>Global</translation>
    </message>
</context>
<context>
    <name>AnomalyScanner</name>
    <message numerus="yes">
        <source>%n more cost anomalies found</source>
        <translation>
            <numerusform>%n weitere Kostenanomalie gefunden</numerusform>
            <numerusform>%n weitere Kostenanomalien gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Earlier or smaller anomalies in the stored history; see the Anomalies page.</source>
        <translation>Frühere oder kleinere Anomalien im gespeicherten Verlauf; siehe Seite Anomalien.</translation>
    </message>
</context>
<context>
    <name>AnomalyTableModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Wann (UTC)</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <source>Grain</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Tatsächlich</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Band</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Auswirkung</translation>
    </message>
    <message>
        <source>Impact %</source>
        <translation>Auswirkung %</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Ursache</translation>
    </message>
</context>
<context>
    <name>AnomalyText</name>
    <message numerus="yes">
        <source>%1 (%n days)</source>
        <translation>
            <numerusform>%1 (%n Tag)</numerusform>
            <numerusform>%1 (%n Tage)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n h)</source>
        <translation>
            <numerusform>%1 (%n h)</numerusform>
            <numerusform>%1 (%n h)</numerusform>
        </translation>
    </message>
    <message>
        <source>All spend</source>
        <translation>Alle Ausgaben</translation>
    </message>
    <message>
        <source>Hourly</source>
        <translation>Stündlich</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Not expected</source>
        <translation>Nicht erwartet</translation>
    </message>
    <message>
        <source>spend spike</source>
        <translation>Ausgabenspitze</translation>
    </message>
    <message>
        <source>spend drop</source>
        <translation>Ausgabenrückgang</translation>
    </message>
    <message>
        <source>%1: %2 %3 (%4)</source>
        <translation>%1: %2 %3 (%4)</translation>
    </message>
    <message>
        <source>%1, %2 UTC: %3 against %4 expected.</source>
        <translation>%1, %2 UTC: %3 statt %4 erwartet.</translation>
    </message>
    <message>
        <source>(unallocated)</source>
        <translation>(nicht zugeordnet)</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>sub-account</source>
        <translation>Unterkonto</translation>
    </message>
    <message>
        <source>usage type</source>
        <translation>Nutzungsart</translation>
    </message>
    <message>
        <source>token kind</source>
        <translation>Token-Art</translation>
    </message>
    <message>
        <source>region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>input tokens</source>
        <translation>Eingabe-Token</translation>
    </message>
    <message>
        <source>cached input tokens</source>
        <translation>gecachte Eingabe-Token</translation>
    </message>
    <message>
        <source>cache writes</source>
        <translation>Cache-Schreibvorgänge</translation>
    </message>
    <message>
        <source>output tokens</source>
        <translation>Ausgabe-Token</translation>
    </message>
    <message>
        <source>other charges</source>
        <translation>sonstige Kosten</translation>
    </message>
    <message>
        <source>%1 charges</source>
        <translation>%1-Kosten</translation>
    </message>
    <message>
        <source>new</source>
        <comment>a token kind absent from the baseline</comment>
        <translation>neu</translation>
    </message>
    <message>
        <source>gone</source>
        <comment>a token kind absent from the anomaly window</comment>
        <translation>weggefallen</translation>
    </message>
    <message>
        <source>evenly over all models</source>
        <translation>gleichmäßig über alle Modelle</translation>
    </message>
    <message>
        <source>evenly over all features</source>
        <translation>gleichmäßig über alle Funktionen</translation>
    </message>
    <message>
        <source>evenly over all features and models</source>
        <translation>gleichmäßig über alle Funktionen und Modelle</translation>
    </message>
    <message>
        <source>%1 from %2 %3</source>
        <comment>82% from feature agent</comment>
        <translation>%1 aus %2 %3</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <comment>… from feature agent on model gpt-4o</comment>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1 in feature %2</source>
        <comment>… from model gpt-4o in feature agent</comment>
        <translation>%1 in Funktion %2</translation>
    </message>
    <message>
        <source>%1, %2 %3</source>
        <comment>…, output tokens ×9</comment>
        <translation>%1, %2 %3</translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation>Endpunkt</translation>
    </message>
</context>
<context>
    <name>BandChart</name>
    <message>
        <source>Daily spend</source>
        <translation>Tägliche Ausgaben</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>Spent so far</source>
        <translation>Bisher ausgegeben</translation>
    </message>
    <message>
        <source>Projected</source>
        <translation>Hochgerechnet</translation>
    </message>
    <message>
        <source>Budget %1</source>
        <translation>Budget %1</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>80% range</source>
        <translation>80-%-Bereich</translation>
    </message>
    <message>
        <source>95% range</source>
        <translation>95-%-Bereich</translation>
    </message>
</context>
<context>
    <name>BreakdownTableModel</name>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>%1 — click to filter every page to it</source>
        <translation>%1 — klicken, um jede Seite danach zu filtern</translation>
    </message>
    <message>
        <source>%1: %2 billed</source>
        <translation>%1: %2 abgerechnet</translation>
    </message>
    <message>
        <source>Previous period: %1</source>
        <translation>Vorheriger Zeitraum: %1</translation>
    </message>
    <message>
        <source>No token counts reported</source>
        <translation>Keine Token-Zahlen gemeldet</translation>
    </message>
    <message>
        <source>%1 tokens: %2 input, %3 cached input, %4 cache write, %5 output</source>
        <translation>%1 Token: %2 Eingabe, %3 gecachte Eingabe, %4 Cache-Schreibvorgänge, %5 Ausgabe</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>%1 Anfragen</translation>
    </message>
    <message>
        <source>The sources do not report requests</source>
        <translation>Die Quellen melden keine Anfragen</translation>
    </message>
    <message>
        <source>No tokens of this kind</source>
        <translation>Keine Token dieser Art</translation>
    </message>
    <message>
        <source>Billed within input: %1 cached input tokens</source>
        <translation>In der Eingabe abgerechnet: %1 gecachte Eingabe-Token</translation>
    </message>
    <message>
        <source>%1 for %2 tokens</source>
        <translation>%1 für %2 Token</translation>
    </message>
    <message>
        <source>%1 (with %2 cached input tokens billed within input)</source>
        <translation>%1 (davon %2 gecachte Eingabe-Token, in der Eingabe abgerechnet)</translation>
    </message>
    <message>
        <source>%1 (the sources that report tokens); %2 more from sources that report none</source>
        <translation>%1 (Quellen, die Token melden); %2 mehr aus Quellen ohne Token-Angaben</translation>
    </message>
    <message>
        <source>%1 (the sources that report tokens)</source>
        <translation>%1 (Quellen, die Token melden)</translation>
    </message>
    <message>
        <source>%1 for %2 requests</source>
        <translation>%1 für %2 Anfragen</translation>
    </message>
    <message>
        <source>%1 (the sources that report requests)</source>
        <translation>%1 (Quellen, die Anfragen melden)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Change against the period of the same length just before the range</source>
        <translation>Änderung gegenüber dem gleich langen Zeitraum direkt davor</translation>
    </message>
    <message>
        <source>Cost per million uncached input tokens</source>
        <translation>Kosten pro Million ungecachter Eingabe-Token</translation>
    </message>
    <message>
        <source>Cost per million cached input tokens</source>
        <translation>Kosten pro Million gecachter Eingabe-Token</translation>
    </message>
    <message>
        <source>Cost per million output tokens</source>
        <translation>Kosten pro Million Ausgabe-Token</translation>
    </message>
    <message>
        <source>Cost per million tokens of every kind</source>
        <translation>Kosten pro Million Token aller Arten</translation>
    </message>
    <message>
        <source>Cost per request, from the sources that report requests</source>
        <translation>Kosten pro Anfrage, aus den Quellen, die Anfragen melden</translation>
    </message>
    <message>
        <source>Cached input tokens as a share of all input tokens</source>
        <translation>Gecachte Eingabe-Token als Anteil aller Eingabe-Token</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Input
/ 1M</source>
        <translation>Eingabe
/ 1 Mio.</translation>
    </message>
    <message>
        <source>Cached
/ 1M</source>
        <translation>Gecacht
/ 1 Mio.</translation>
    </message>
    <message>
        <source>Output
/ 1M</source>
        <translation>Ausgabe
/ 1 Mio.</translation>
    </message>
    <message>
        <source>Blended
/ 1M</source>
        <translation>Gemischt
/ 1 Mio.</translation>
    </message>
    <message>
        <source>Tokens
/ request</source>
        <translation>Token
/ Anfrage</translation>
    </message>
    <message>
        <source>Cost
/ request</source>
        <translation>Kosten
/ Anfrage</translation>
    </message>
    <message>
        <source>Cached
input</source>
        <translation>Gecachte
Eingabe</translation>
    </message>
    <message>
        <source>Cost%1</source>
        <translation>Kosten%1</translation>
    </message>
    <message>
        <source>Share (%)</source>
        <translation>Anteil (%)</translation>
    </message>
    <message>
        <source>Change vs previous period (%)</source>
        <translation>Änderung ggü. Vorzeitraum (%)</translation>
    </message>
    <message>
        <source>Input cost per 1M tokens%1</source>
        <translation>Eingabekosten pro 1 Mio. Token%1</translation>
    </message>
    <message>
        <source>Cached input cost per 1M tokens%1</source>
        <translation>Kosten gecachter Eingabe pro 1 Mio. Token%1</translation>
    </message>
    <message>
        <source>Output cost per 1M tokens%1</source>
        <translation>Ausgabekosten pro 1 Mio. Token%1</translation>
    </message>
    <message>
        <source>Blended cost per 1M tokens%1</source>
        <translation>Gemischte Kosten pro 1 Mio. Token%1</translation>
    </message>
    <message>
        <source>Tokens per request</source>
        <translation>Token pro Anfrage</translation>
    </message>
    <message>
        <source>Cost per request%1</source>
        <translation>Kosten pro Anfrage%1</translation>
    </message>
    <message>
        <source>Cached input share (%)</source>
        <translation>Anteil gecachter Eingabe (%)</translation>
    </message>
</context>
<context>
    <name>BreakdownTableView</name>
    <message>
        <source>Cost breakdown</source>
        <translation>Kostenaufschlüsselung</translation>
    </message>
</context>
<context>
    <name>BudgetAlertWatcher</name>
    <message>
        <source>Budget “%1” reached %2%</source>
        <translation>Budget „%1“ hat %2 % erreicht</translation>
    </message>
    <message>
        <source>Budget “%1” forecast to reach %2%</source>
        <translation>Budget „%1“ erreicht laut Prognose %2 %</translation>
    </message>
    <message>
        <source>Spend of %1 has reached %2% of %3 for budget “%4”, %5</source>
        <translation>Ausgaben von %1 haben %2% von %3 für das Budget „%4“ erreicht, %5</translation>
    </message>
    <message>
        <source>Forecast spend of %1 by %2 has reached %3% of %4 for budget “%5”, %6</source>
        <translation>Prognostizierte Ausgaben von %1 bis %2 haben %3% von %4 für das Budget „%5“ erreicht, %6</translation>
    </message>
</context>
<context>
    <name>BudgetEditDialog</name>
    <message>
        <source>Add budget</source>
        <translation>Budget hinzufügen</translation>
    </message>
    <message>
        <source>Edit budget</source>
        <translation>Budget bearbeiten</translation>
    </message>
    <message>
        <source>e.g. AI total, Support bot</source>
        <translation>z. B. KI gesamt, Support-Bot</translation>
    </message>
    <message>
        <source>All spend</source>
        <translation>Alle Ausgaben</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>Jeden Monat</translation>
    </message>
    <message>
        <source>Every quarter</source>
        <translation>Jedes Quartal</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>e.g. 5000 or 1234.56 (billing currency)</source>
        <translation>z. B. 5000 oder 1234,56 (Abrechnungswährung)</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Prozent</translation>
    </message>
    <message>
        <source>On actual</source>
        <translation>Auf Ist-Ausgaben</translation>
    </message>
    <message>
        <source>On forecast</source>
        <translation>Auf Prognose</translation>
    </message>
    <message>
        <source>Add threshold</source>
        <translation>Schwelle hinzufügen</translation>
    </message>
    <message>
        <source>Remove threshold</source>
        <translation>Schwelle entfernen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Bereich:</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Wert:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>Be&amp;trag:</translation>
    </message>
    <message>
        <source>Alert thresholds (each fires once per period):</source>
        <translation>Warnschwellen (jede löst einmal pro Zeitraum aus):</translation>
    </message>
    <message>
        <source>The amount “%1” is not a number (e.g. 5000 or 1234.56).</source>
        <translation>Der Betrag „%1“ ist keine Zahl (z. B. 5000 oder 1234,56).</translation>
    </message>
    <message>
        <source>Threshold %1% is listed twice.</source>
        <translation>Die Schwelle %1 % ist doppelt aufgeführt.</translation>
    </message>
</context>
<context>
    <name>BudgetsPage</name>
    <message>
        <source>Monthly (%1)</source>
        <translation>Monatlich (%1)</translation>
    </message>
    <message>
        <source>Quarterly (%1)</source>
        <translation>Vierteljährlich (%1)</translation>
    </message>
    <message>
        <source>Custom (%1)</source>
        <translation>Eigener Zeitraum (%1)</translation>
    </message>
    <message>
        <source>All spend</source>
        <translation>Alle Ausgaben</translation>
    </message>
    <message>
        <source>Over budget</source>
        <translation>Über Budget</translation>
    </message>
    <message>
        <source>Forecast over</source>
        <translation>Prognose über Budget</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>Im Plan</translation>
    </message>
    <message>
        <source>&amp;Add budget…</source>
        <translation>Budget &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Add a budget (Ctrl+N)</source>
        <translation>Budget hinzufügen (Strg+N)</translation>
    </message>
    <message>
        <source>Remove the selected budget (Delete)</source>
        <translation>Ausgewähltes Budget entfernen (Entf)</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Ausgegeben</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Verbraucht</translation>
    </message>
    <message>
        <source>Projected (80% range)</source>
        <translation>Hochgerechnet (80-%-Bereich)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Budget burn-down</source>
        <translation>Budgetverbrauch</translation>
    </message>
    <message>
        <source>No budgets yet. A budget watches the spend of a period (month, quarter or a custom range) against thresholds on actual and forecast spend, and alerts once per threshold and period.</source>
        <translation>Noch keine Budgets. Ein Budget überwacht die Ausgaben eines Zeitraums (Monat, Quartal oder eigener Zeitraum) anhand von Schwellen für Ist- und Prognoseausgaben und warnt einmal pro Schwelle und Zeitraum.</translation>
    </message>
    <message>
        <source>Add a budget…</source>
        <translation>Budget hinzufügen…</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <source>Budgets always show their current period</source>
        <translation>Budgets zeigen immer ihren aktuellen Zeitraum</translation>
    </message>
    <message>
        <source>Cannot read the budgets: %1</source>
        <translation>Die Budgets können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 (%2 – %3)</source>
        <translation>%1 (%2 – %3)</translation>
    </message>
    <message>
        <source>Burn-down: %1</source>
        <translation>Budgetverbrauch: %1</translation>
    </message>
    <message>
        <source>%1 of %2 spent (%3%).</source>
        <translation>%1 von %2 ausgegeben (%3 %).</translation>
    </message>
    <message>
        <source>Projected to end the period at %1 (80% range %2 – %3).</source>
        <translation>Voraussichtliches Ende des Zeitraums bei %1 (80-%-Bereich %2 – %3).</translation>
    </message>
    <message>
        <source>At this pace it reaches the budget on %1.</source>
        <translation>Bei diesem Tempo wird das Budget am %1 erreicht.</translation>
    </message>
    <message>
        <source>At this pace it stays within the budget.</source>
        <translation>Bei diesem Tempo bleibt es im Budget.</translation>
    </message>
    <message>
        <source>No history to forecast this scope from yet.</source>
        <translation>Noch kein Verlauf, aus dem sich dieser Bereich prognostizieren ließe.</translation>
    </message>
    <message>
        <source>Add budget</source>
        <translation>Budget hinzufügen</translation>
    </message>
    <message>
        <source>Edit budget</source>
        <translation>Budget bearbeiten</translation>
    </message>
    <message>
        <source>Remove budget</source>
        <translation>Budget entfernen</translation>
    </message>
    <message>
        <source>Remove the budget “%1”? Its alert history is kept.</source>
        <translation>Das Budget „%1“ entfernen? Sein Warnungsverlauf bleibt erhalten.</translation>
    </message>
</context>
<context>
    <name>ByFeaturePage</name>
    <message>
        <source>By feature</source>
        <translation>Nach Funktion</translation>
    </message>
</context>
<context>
    <name>ByModelPage</name>
    <message>
        <source>By model</source>
        <translation>Nach Modell</translation>
    </message>
</context>
<context>
    <name>ByProviderPage</name>
    <message>
        <source>Group by</source>
        <translation>Gruppieren nach</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>By provider</source>
        <translation>Nach Anbieter</translation>
    </message>
</context>
<context>
    <name>ByTeamPage</name>
    <message>
        <source>By team</source>
        <translation>Nach Team</translation>
    </message>
</context>
<context>
    <name>ChartBase</name>
    <message>
        <source>Export data as CSV…</source>
        <translation>Daten als CSV exportieren…</translation>
    </message>
</context>
<context>
    <name>ChartContextMenu</name>
    <message>
        <source>Export data as CSV…</source>
        <translation>Daten als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export chart as PDF…</source>
        <translation>Diagramm als PDF exportieren…</translation>
    </message>
    <message>
        <source>Export chart as PNG…</source>
        <translation>Diagramm als PNG exportieren…</translation>
    </message>
    <message>
        <source>Export chart as SVG…</source>
        <translation>Diagramm als SVG exportieren…</translation>
    </message>
</context>
<context>
    <name>ChartStyle</name>
    <message>
        <source>Partial — data until %1</source>
        <translation>Unvollständig — Daten bis %1</translation>
    </message>
    <message>
        <source>Partial — data until %1, %2</source>
        <translation>Unvollständig — Daten bis %1, %2</translation>
    </message>
</context>
<context>
    <name>Conn</name>
    <message>
        <source>Azure Cost Management response: %1</source>
        <translation>Antwort von Azure Cost Management: %1</translation>
    </message>
    <message>
        <source>not valid JSON (%1)</source>
        <translation>kein gültiges JSON (%1)</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>JSON-Objekt erwartet</translation>
    </message>
    <message>
        <source>error %1: %2</source>
        <translation>Fehler %1: %2</translation>
    </message>
    <message>
        <source>missing field &quot;properties&quot;</source>
        <translation>Feld „properties“ fehlt</translation>
    </message>
    <message>
        <source>missing field &quot;properties.columns&quot;</source>
        <translation>Feld „properties.columns“ fehlt</translation>
    </message>
    <message>
        <source>missing field &quot;properties.rows&quot;</source>
        <translation>Feld „properties.rows“ fehlt</translation>
    </message>
    <message>
        <source>column %1 has no name</source>
        <translation>Spalte %1 hat keinen Namen</translation>
    </message>
    <message>
        <source>no cost column (expected &quot;Cost&quot; or &quot;PreTaxCost&quot;)</source>
        <translation>keine Kostenspalte („Cost“ oder „PreTaxCost“ erwartet)</translation>
    </message>
    <message>
        <source>no &quot;Currency&quot; column</source>
        <translation>keine Spalte „Currency“</translation>
    </message>
    <message>
        <source>row %1, column &quot;%2&quot;: %3</source>
        <translation>Zeile %1, Spalte „%2“: %3</translation>
    </message>
    <message>
        <source>row %1 is not an array</source>
        <translation>Zeile %1 ist kein Array</translation>
    </message>
    <message>
        <source>row %1 has %2 values for %3 columns</source>
        <translation>Zeile %1 hat %2 Werte für %3 Spalten</translation>
    </message>
    <message>
        <source>unexpected nested value</source>
        <translation>unerwarteter verschachtelter Wert</translation>
    </message>
    <message>
        <source>missing value</source>
        <translation>fehlender Wert</translation>
    </message>
    <message>
        <source>not a number (&quot;%1&quot;)</source>
        <translation>keine Zahl („%1“)</translation>
    </message>
    <message>
        <source>not a date (&quot;%1&quot;)</source>
        <translation>kein Datum („%1“)</translation>
    </message>
    <message>
        <source>BigQuery response: %1</source>
        <translation>BigQuery-Antwort: %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>the query failed: %1</source>
        <translation>die Abfrage ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>missing field &quot;schema.fields&quot;</source>
        <translation>Feld „schema.fields“ fehlt</translation>
    </message>
    <message>
        <source>a schema field has no name</source>
        <translation>ein Schemafeld hat keinen Namen</translation>
    </message>
    <message>
        <source>&quot;rows&quot; is not an array</source>
        <translation>„rows“ ist kein Array</translation>
    </message>
    <message>
        <source>row %1 has no &quot;f&quot; array</source>
        <translation>Zeile %1 hat kein „f“-Array</translation>
    </message>
    <message>
        <source>row %1 has %2 cells for %3 schema fields</source>
        <translation>Zeile %1 hat %2 Zellen für %3 Schemafelder</translation>
    </message>
    <message>
        <source>BigQuery billing rows: %1</source>
        <translation>BigQuery-Abrechnungszeilen: %1</translation>
    </message>
    <message>
        <source>the result needs the fields day, cost and currency (got %1)</source>
        <translation>das Ergebnis braucht die Felder day, cost und currency (erhalten: %1)</translation>
    </message>
    <message>
        <source>row %1, field &quot;%2&quot;: %3</source>
        <translation>Zeile %1, Feld „%2“: %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>the private key is not a readable, unencrypted PEM key</source>
        <translation>der private Schlüssel ist kein lesbarer, unverschlüsselter PEM-Schlüssel</translation>
    </message>
    <message>
        <source>the private key is not an RSA key (RS256 needs RSA)</source>
        <translation>der private Schlüssel ist kein RSA-Schlüssel (RS256 braucht RSA)</translation>
    </message>
    <message>
        <source>RS256 signing failed</source>
        <translation>RS256-Signatur fehlgeschlagen</translation>
    </message>
    <message>
        <source>the private key is damaged: its signatures do not verify</source>
        <translation>der private Schlüssel ist beschädigt: seine Signaturen lassen sich nicht prüfen</translation>
    </message>
    <message>
        <source>the key is not a readable PEM key</source>
        <translation>der Schlüssel ist kein lesbarer PEM-Schlüssel</translation>
    </message>
    <message>
        <source>the key is not an RSA key</source>
        <translation>der Schlüssel ist kein RSA-Schlüssel</translation>
    </message>
    <message>
        <source>RS256 verification could not start</source>
        <translation>RS256-Prüfung konnte nicht starten</translation>
    </message>
    <message>
        <source>invalid RS256 signature</source>
        <translation>ungültige RS256-Signatur</translation>
    </message>
    <message>
        <source>a JWT has three dot-separated parts, this has %1</source>
        <translation>ein JWT hat drei durch Punkte getrennte Teile, dieses hat %1</translation>
    </message>
    <message>
        <source>a JWT part is not base64url</source>
        <translation>ein JWT-Teil ist nicht base64url</translation>
    </message>
    <message>
        <source>the JWT header or claims are not a JSON object</source>
        <translation>Header oder Claims des JWT sind kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the JWT is not signed with RS256</source>
        <translation>das JWT ist nicht mit RS256 signiert</translation>
    </message>
    <message>
        <source>cannot write the public key</source>
        <translation>der öffentliche Schlüssel kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>The secret for account %1 was entered for %2; the account now points to %3. Enter the secret again for the new host.</source>
        <translation>Das Geheimnis für Konto %1 wurde für %2 eingegeben; das Konto zeigt jetzt auf %3. Geben Sie das Geheimnis für den neuen Host erneut ein.</translation>
    </message>
    <message>
        <source>no OS keychain is available (on Linux a Secret Service such as gnome-keyring or KWallet must be running)</source>
        <translation>kein Schlüsselbund des Betriebssystems verfügbar (unter Linux muss ein Secret Service wie gnome-keyring oder KWallet laufen)</translation>
    </message>
    <message>
        <source>access to the keychain was denied (is it locked?)</source>
        <translation>der Zugriff auf den Schlüsselbund wurde verweigert (ist er gesperrt?)</translation>
    </message>
    <message>
        <source>no such entry in the keychain</source>
        <translation>kein solcher Eintrag im Schlüsselbund</translation>
    </message>
    <message>
        <source>Cannot %1 the secret in the OS keychain: %2</source>
        <translation>Das Geheimnis im Schlüsselbund des Betriebssystems kann nicht %1 werden: %2</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>store</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>gelöscht</translation>
    </message>
</context>
<context>
    <name>Conn::AccountManager</name>
    <message>
        <source>The %1 connector needs a secret (API key or credentials).</source>
        <translation>Der Connector %1 braucht ein Geheimnis (API-Schlüssel oder Zugangsdaten).</translation>
    </message>
    <message>
        <source>The store is not open.</source>
        <translation>Die Datenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>A sync is running; cancel it or wait before removing an account.</source>
        <translation>Eine Synchronisierung läuft; brechen Sie sie ab oder warten Sie, bevor Sie ein Konto entfernen.</translation>
    </message>
    <message>
        <source>The account was removed, but its keychain entry could not be deleted: %1</source>
        <translation>Das Konto wurde entfernt, aber sein Schlüsselbundeintrag konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Unknown provider &quot;%1&quot;.</source>
        <translation>Unbekannter Anbieter „%1“.</translation>
    </message>
    <message>
        <source>There is no active account to sync.</source>
        <translation>Es gibt kein aktives Konto zum Synchronisieren.</translation>
    </message>
    <message>
        <source>No such account.</source>
        <translation>Kein solches Konto.</translation>
    </message>
</context>
<context>
    <name>Conn::AccountStore</name>
    <message>
        <source>The account needs a name.</source>
        <translation>Das Konto braucht einen Namen.</translation>
    </message>
    <message>
        <source>Unknown provider &quot;%1&quot; (known: %2).</source>
        <translation>Unbekannter Anbieter „%1“ (bekannt: %2).</translation>
    </message>
    <message>
        <source>An account named &quot;%1&quot; already exists.</source>
        <translation>Ein Konto namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>Cannot store the account: %1</source>
        <translation>Das Konto kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Cannot update the account: %1</source>
        <translation>Das Konto kann nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>No such account.</source>
        <translation>Kein solches Konto.</translation>
    </message>
    <message>
        <source>Cannot remove the account: %1</source>
        <translation>Das Konto kann nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>Cannot delete the account&apos;s data</source>
        <translation>Die Daten des Kontos können nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Cannot remove the account</source>
        <translation>Das Konto kann nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>Conn::AdminReportConnector</name>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>There are no whole days to fetch from %1 to %2.</source>
        <translation>Von %1 bis %2 gibt es keine ganzen Tage abzurufen.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The base URL &quot;%1&quot; is not a valid URL.</source>
        <translation>Die Basis-URL „%1“ ist keine gültige URL.</translation>
    </message>
    <message>
        <source>Fetching %1 for %2, page %3</source>
        <translation>%1 für %2 wird abgerufen, Seite %3</translation>
    </message>
    <message>
        <source>%1, page %2: %3</source>
        <translation>%1, Seite %2: %3</translation>
    </message>
    <message>
        <source>%1, page %2: unexpected response from %3: %4</source>
        <translation>%1, Seite %2: unerwartete Antwort von %3: %4</translation>
    </message>
    <message>
        <source>The %1 %2 report</source>
        <translation>Der Bericht %1 (%2)</translation>
    </message>
    <message>
        <source>Connected to %1: the key can read the organization&apos;s usage.</source>
        <translation>Verbunden mit %1: Der Schlüssel kann die Nutzung der Organisation lesen.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n record(s) outside the window dropped</source>
        <translation>
            <numerusform>, %n Datensatz außerhalb des Zeitfensters verworfen</numerusform>
            <numerusform>, %n Datensätze außerhalb des Zeitfensters verworfen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) fetched</source>
        <translation>
            <numerusform>%n Seite abgerufen</numerusform>
            <numerusform>%n Seiten abgerufen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conn::AnthropicConnector</name>
    <message>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
    <message>
        <source>Claude API usage (uncached input, cache writes and reads, output tokens by model and workspace) and costs, through the organization&apos;s Admin API.</source>
        <translation>Nutzung der Claude API (ungecachte Eingabe, Cache-Schreib- und -Lesevorgänge, Ausgabe-Token nach Modell und Workspace) und Kosten, über die Admin API der Organisation.</translation>
    </message>
    <message>
        <source>Admin API key</source>
        <translation>Admin-API-Schlüssel</translation>
    </message>
    <message>
        <source>An Admin API key of the organization; it is stored in the system keychain only.</source>
        <translation>Ein Admin-API-Schlüssel der Organisation; er wird nur im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Organization id or name used as the billing account (default: the account name).</source>
        <translation>ID oder Name der Organisation als Abrechnungskonto (Standard: der Kontoname).</translation>
    </message>
    <message>
        <source>Workspaces to include</source>
        <translation>Einzuschließende Workspaces</translation>
    </message>
    <message>
        <source>Workspace ids (wrkspc_…), comma separated, &quot;default&quot; for the default workspace; empty includes every workspace.</source>
        <translation>Workspace-IDs (wrkspc_…), durch Kommas getrennt, „default“ für den Standard-Workspace; leer schließt alle Workspaces ein.</translation>
    </message>
    <message>
        <source>Group usage by</source>
        <translation>Nutzung gruppieren nach</translation>
    </message>
    <message>
        <source>model+workspace keeps the store small; add api_key to see usage per API key.</source>
        <translation>model+workspace hält die Datenbank klein; fügen Sie api_key hinzu, um die Nutzung pro API-Schlüssel zu sehen.</translation>
    </message>
    <message>
        <source>How far back (days)</source>
        <translation>Zeitraum zurück (Tage)</translation>
    </message>
    <message>
        <source>Days of history the first sync fetches.</source>
        <translation>Tage an Verlauf, die die erste Synchronisierung abruft.</translation>
    </message>
    <message>
        <source>Needs an Admin API key (sk-ant-admin…), which organization admins create in the Claude Console under Settings → Admin keys. Ordinary API keys (sk-ant-api…) cannot read usage or costs, and individual accounts have no Admin API.</source>
        <translation>Benötigt einen Admin-API-Schlüssel (sk-ant-admin…), den Administratoren der Organisation in der Claude Console unter Settings → Admin keys erstellen. Gewöhnliche API-Schlüssel (sk-ant-api…) können weder Nutzung noch Kosten lesen, und Einzelkonten haben keine Admin API.</translation>
    </message>
    <message>
        <source>Option group_by is &quot;%1&quot;; use %2 or %3.</source>
        <translation>Die Option group_by ist „%1“; verwenden Sie %2 oder %3.</translation>
    </message>
    <message>
        <source>usage</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>costs</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Enter the Anthropic Admin API key (sk-ant-admin…).</source>
        <translation>Geben Sie den Admin-API-Schlüssel von Anthropic ein (sk-ant-admin…).</translation>
    </message>
    <message>
        <source>This is an ordinary API key. Usage and costs can only be read with an Admin API key (sk-ant-admin…): an organization admin creates one at %1.</source>
        <translation>Dies ist ein gewöhnlicher API-Schlüssel. Nutzung und Kosten lassen sich nur mit einem Admin-API-Schlüssel (sk-ant-admin…) lesen: Ein Administrator der Organisation erstellt ihn unter %1.</translation>
    </message>
    <message>
        <source>Use an Admin API key (sk-ant-admin…) from %1.</source>
        <translation>Verwenden Sie einen Admin-API-Schlüssel (sk-ant-admin…) von %1.</translation>
    </message>
</context>
<context>
    <name>Conn::Aws</name>
    <message>
        <source>GetCostAndUsage response, %1: %2</source>
        <translation>GetCostAndUsage-Antwort, %1: %2</translation>
    </message>
    <message>
        <source>expected a date YYYY-MM-DD</source>
        <translation>Datum im Format JJJJ-MM-TT erwartet</translation>
    </message>
    <message>
        <source>byte %1</source>
        <translation>Byte %1</translation>
    </message>
    <message>
        <source>top level</source>
        <translation>oberste Ebene</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>JSON-Objekt erwartet</translation>
    </message>
    <message>
        <source>missing or not an array</source>
        <translation>fehlt oder ist kein Array</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>Zeichenkette erwartet</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>Objekt erwartet</translation>
    </message>
    <message>
        <source>End is not after Start</source>
        <translation>End liegt nicht nach Start</translation>
    </message>
    <message>
        <source>expected %1 keys (one per GroupDefinition), found %2</source>
        <translation>%1 Schlüssel erwartet (einer pro GroupDefinition), %2 gefunden</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a decimal amount</source>
        <translation>„%1“ ist kein Dezimalbetrag</translation>
    </message>
    <message>
        <source>missing currency</source>
        <translation>Währung fehlt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
</context>
<context>
    <name>Conn::AwsConnector</name>
    <message>
        <source>1 Cost Explorer request</source>
        <translation>1 Cost-Explorer-Anfrage</translation>
    </message>
    <message>
        <source>%1 Cost Explorer requests</source>
        <translation>%1 Cost-Explorer-Anfragen</translation>
    </message>
    <message>
        <source>AWS (Amazon Bedrock)</source>
        <translation>AWS (Amazon Bedrock)</translation>
    </message>
    <message>
        <source>Amazon Bedrock spend from AWS Cost Explorer, daily, by model and token kind (first-party and Marketplace models).</source>
        <translation>Ausgaben für Amazon Bedrock aus AWS Cost Explorer, täglich, nach Modell und Token-Art (eigene und Marketplace-Modelle).</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>Zugriffsschlüssel-ID</translation>
    </message>
    <message>
        <source>Starts with AKIA (or ASIA for temporary keys). Leave empty to use a profile.</source>
        <translation>Beginnt mit AKIA (oder ASIA für temporäre Schlüssel). Leer lassen, um ein Profil zu verwenden.</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>Geheimer Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>Shown once when the key is created.</source>
        <translation>Wird beim Erstellen des Schlüssels einmal angezeigt.</translation>
    </message>
    <message>
        <source>Session token (optional)</source>
        <translation>Sitzungstoken (optional)</translation>
    </message>
    <message>
        <source>Only for temporary credentials from AWS STS; they expire, so prefer a dedicated IAM user&apos;s key.</source>
        <translation>Nur für temporäre Zugangsdaten aus AWS STS; sie laufen ab, verwenden Sie besser den Schlüssel eines eigenen IAM-Benutzers.</translation>
    </message>
    <message>
        <source>…or AWS profile</source>
        <translation>…oder AWS-Profil</translation>
    </message>
    <message>
        <source>Instead of keys: a profile name from ~/.aws/credentials or ~/.aws/config with static keys.</source>
        <translation>Statt Schlüsseln: ein Profilname aus ~/.aws/credentials oder ~/.aws/config mit statischen Schlüsseln.</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Split by cost-allocation tag (optional)</source>
        <translation>Nach Kostenzuordnungs-Tag aufteilen (optional)</translation>
    </message>
    <message>
        <source>One activated cost-allocation tag (e.g. team). Costs one extra request per Bedrock service and window.</source>
        <translation>Ein aktiviertes Kostenzuordnungs-Tag (z. B. team). Kostet eine zusätzliche Anfrage pro Bedrock-Dienst und Zeitfenster.</translation>
    </message>
    <message>
        <source>Cost Explorer region</source>
        <translation>Cost-Explorer-Region</translation>
    </message>
    <message>
        <source>Cost Explorer is global and signed for us-east-1; use cn-northwest-1 for the China partition.</source>
        <translation>Cost Explorer ist global und für us-east-1 signiert; verwenden Sie cn-northwest-1 für die China-Partition.</translation>
    </message>
    <message>
        <source>AWS account ID (label)</source>
        <translation>AWS-Konto-ID (Bezeichnung)</translation>
    </message>
    <message>
        <source>Shown as the billing account; the account name is used when empty.</source>
        <translation>Wird als Abrechnungskonto angezeigt; ist es leer, wird der Kontoname verwendet.</translation>
    </message>
    <message>
        <source>First sync: days back</source>
        <translation>Erste Synchronisierung: Tage zurück</translation>
    </message>
    <message>
        <source>Cost Explorer keeps about 13 months of daily data. Each 31-day window is one paid request.</source>
        <translation>Cost Explorer bewahrt etwa 13 Monate an Tagesdaten auf. Jedes 31-Tage-Fenster ist eine kostenpflichtige Anfrage.</translation>
    </message>
    <message>
        <source>Create an IAM user (or use a profile) whose policy allows ce:GetCostAndUsage, and enable Cost Explorer once in the Billing console. AWS charges US$0.01 for every Cost Explorer request: a sync makes one per 31-day window (more when results span several pages), so a daily sync costs about US$0.01.</source>
        <translation>Erstellen Sie einen IAM-Benutzer (oder verwenden Sie ein Profil), dessen Richtlinie ce:GetCostAndUsage erlaubt, und aktivieren Sie Cost Explorer einmal in der Billing-Konsole. AWS berechnet 0,01 US$ pro Cost-Explorer-Anfrage: Eine Synchronisierung stellt eine pro 31-Tage-Fenster (mehr, wenn Ergebnisse mehrere Seiten umfassen), eine tägliche Synchronisierung kostet also etwa 0,01 US$.</translation>
    </message>
    <message>
        <source>This sync makes at least %1</source>
        <translation>Diese Synchronisierung stellt mindestens %1</translation>
    </message>
    <message>
        <source> (AWS charges US$0.01 each: %1)</source>
        <translation> (AWS berechnet je 0,01 US$: %1)</translation>
    </message>
    <message>
        <source>; the tag split adds one request per Bedrock service and window, and</source>
        <translation>; die Tag-Aufteilung fügt eine Anfrage pro Bedrock-Dienst und Zeitfenster hinzu, und</translation>
    </message>
    <message>
        <source>; results that span several pages add one request per page.</source>
        <translation>; Ergebnisse über mehrere Seiten fügen eine Anfrage pro Seite hinzu.</translation>
    </message>
    <message>
        <source>Invalid date window.</source>
        <translation>Ungültiges Datumsfenster.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>AWS rejected the credentials (%1). Check the access key ID and secret access key (or the profile), that a session token has not expired, and that this computer&apos;s clock is right.</source>
        <translation>AWS hat die Zugangsdaten abgelehnt (%1). Prüfen Sie Zugriffsschlüssel-ID und geheimen Zugriffsschlüssel (oder das Profil), ob ein Sitzungstoken abgelaufen ist und ob die Uhr dieses Computers stimmt.</translation>
    </message>
    <message>
        <source>AWS accepted the credentials but refused Cost Explorer (%1). The IAM policy must allow ce:GetCostAndUsage, and Cost Explorer must be enabled for the account.</source>
        <translation>AWS hat die Zugangsdaten akzeptiert, aber Cost Explorer verweigert (%1). Die IAM-Richtlinie muss ce:GetCostAndUsage erlauben, und Cost Explorer muss für das Konto aktiviert sein.</translation>
    </message>
    <message>
        <source>Cost Explorer kept throttling the requests (%1); try again later.</source>
        <translation>Cost Explorer hat die Anfragen wiederholt gedrosselt (%1); versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Cost Explorer refused the request (HTTP %1, %2).</source>
        <translation>Cost Explorer hat die Anfrage abgelehnt (HTTP %1, %2).</translation>
    </message>
    <message>
        <source>Cost Explorer is throttling (%1); retrying in %2 s</source>
        <translation>Cost Explorer drosselt (%1); neuer Versuch in %2 s</translation>
    </message>
    <message>
        <source>%1 (after %2 complete pages)</source>
        <translation>%1 (nach %2 vollständigen Seiten)</translation>
    </message>
    <message>
        <source>%1 (page %2)</source>
        <translation>%1 (Seite %2)</translation>
    </message>
    <message>
        <source>Costs for %1, page %2 received</source>
        <translation>Kosten für %1, Seite %2 empfangen</translation>
    </message>
    <message>
        <source>Cost Explorer</source>
        <translation>Cost Explorer</translation>
    </message>
    <message>
        <source>Connected to AWS Cost Explorer with %1. The test made 1 request (US$0.01).</source>
        <translation>Mit AWS Cost Explorer verbunden über %1. Der Test hat 1 Anfrage gestellt (0,01 US$).</translation>
    </message>
    <message>
        <source>the access key %1</source>
        <translation>den Zugriffsschlüssel %1</translation>
    </message>
    <message>
        <source>&quot;bedrock&quot; keeps Amazon Bedrock (including Marketplace models) and SageMaker inference endpoint hours; &quot;all&quot; stores every AWS service.</source>
        <translation>„bedrock“ behält Amazon Bedrock (auch Marketplace-Modelle) und die Stunden von SageMaker-Inferenz-Endpunkten; „all“ speichert jeden AWS-Dienst.</translation>
    </message>
</context>
<context>
    <name>Conn::AzureBlobFocusConnector</name>
    <message>
        <source>FOCUS export in Azure Blob Storage</source>
        <translation>FOCUS-Export in Azure Blob Storage</translation>
    </message>
    <message>
        <source>The FOCUS cost export Azure Cost Management writes to a storage container: every run&apos;s manifest and parts, newer runs of a month replacing older ones.</source>
        <translation>Der FOCUS-Kostenexport, den Azure Cost Management in einen Speichercontainer schreibt: Manifest und Teile jedes Laufs; neuere Läufe eines Monats ersetzen ältere.</translation>
    </message>
    <message>
        <source>Tenant id</source>
        <translation>Mandanten-ID</translation>
    </message>
    <message>
        <source>Directory (tenant) id of the app registration; empty with a SAS.</source>
        <translation>Verzeichnis-ID (Mandant) der App-Registrierung; leer bei einer SAS.</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Application (client) id of the app registration; empty with a SAS.</source>
        <translation>Anwendungs-ID (Client) der App-Registrierung; leer bei einer SAS.</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Geheimer Clientschlüssel</translation>
    </message>
    <message>
        <source>The app registration&apos;s secret value; empty with a SAS.</source>
        <translation>Der geheime Wert der App-Registrierung; leer bei einer SAS.</translation>
    </message>
    <message>
        <source>…or SAS token</source>
        <translation>…oder SAS-Token</translation>
    </message>
    <message>
        <source>Instead of the app registration: a SAS token or URL of the container with read and list permission.</source>
        <translation>Statt der App-Registrierung: ein SAS-Token oder eine SAS-URL des Containers mit Lese- und Auflistungsrecht.</translation>
    </message>
    <message>
        <source>Container URL</source>
        <translation>Container-URL</translation>
    </message>
    <message>
        <source>The export&apos;s storage container, e.g. https://account.blob.core.windows.net/costexports.</source>
        <translation>Der Speichercontainer des Exports, z. B. https://account.blob.core.windows.net/costexports.</translation>
    </message>
    <message>
        <source>Export path</source>
        <translation>Exportpfad</translation>
    </message>
    <message>
        <source>The export&apos;s directory and name in the container, e.g. focus/monthly-focus.</source>
        <translation>Verzeichnis und Name des Exports im Container, z. B. focus/monthly-focus.</translation>
    </message>
    <message>
        <source>Create the export in Cost Management → Exports as &quot;Cost and usage (FOCUS)&quot;, format CSV (Parquet is not read), into a storage container. Give the app registration used for Cost Management the Storage Blob Data Reader role on the container, or paste a SAS with read and list permission.</source>
        <translation>Legen Sie den Export unter Cost Management → Exporte als „Kosten und Nutzung (FOCUS)“ im Format CSV (Parquet wird nicht gelesen) in einem Speichercontainer an. Geben Sie der für Cost Management genutzten App-Registrierung die Rolle „Storage Blob Data Reader“ auf dem Container, oder fügen Sie eine SAS mit Lese- und Auflistungsrecht ein.</translation>
    </message>
    <message>
        <source>Enter the export&apos;s container URL (https://account.blob.core.windows.net/container).</source>
        <translation>Geben Sie die Container-URL des Exports ein (https://account.blob.core.windows.net/container).</translation>
    </message>
    <message>
        <source>Enter a SAS token, or the tenant id, client id and client secret of the app registration.</source>
        <translation>Geben Sie ein SAS-Token ein, oder Mandanten-ID, Client-ID und geheimen Clientschlüssel der App-Registrierung.</translation>
    </message>
    <message>
        <source>Give the app registration the Storage Blob Data Reader role on the container.</source>
        <translation>Geben Sie der App-Registrierung die Rolle „Storage Blob Data Reader“ auf dem Container.</translation>
    </message>
    <message>
        <source>The SAS needs read and list permission and must not have expired.</source>
        <translation>Die SAS braucht Lese- und Auflistungsrecht und darf nicht abgelaufen sein.</translation>
    </message>
</context>
<context>
    <name>Conn::AzureConnector</name>
    <message>
        <source>Microsoft Azure</source>
        <translation>Microsoft Azure</translation>
    </message>
    <message>
        <source>Azure OpenAI and other Azure spend from the Cost Management Query API, daily per meter and resource, with an Entra ID service principal.</source>
        <translation>Azure OpenAI und weitere Azure-Ausgaben aus der Cost Management Query API, täglich pro Meter und Ressource, mit einem Entra-ID-Dienstprinzipal.</translation>
    </message>
    <message>
        <source>Tenant id</source>
        <translation>Mandanten-ID</translation>
    </message>
    <message>
        <source>Directory (tenant) id of the app registration.</source>
        <translation>Verzeichnis-(Mandanten-)ID der App-Registrierung.</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Application (client) id of the app registration.</source>
        <translation>Anwendungs-(Client-)ID der App-Registrierung.</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Geheimer Clientschlüssel</translation>
    </message>
    <message>
        <source>The secret value (not the secret id) of the app registration.</source>
        <translation>Der Wert des geheimen Schlüssels (nicht seine ID) der App-Registrierung.</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>What to read costs for.</source>
        <translation>Wofür Kosten gelesen werden.</translation>
    </message>
    <message>
        <source>Subscription id</source>
        <translation>Abonnement-ID</translation>
    </message>
    <message>
        <source>For the subscription and resource-group scopes.</source>
        <translation>Für die Bereiche Abonnement und Ressourcengruppe.</translation>
    </message>
    <message>
        <source>Resource group</source>
        <translation>Ressourcengruppe</translation>
    </message>
    <message>
        <source>For the resource-group scope.</source>
        <translation>Für den Bereich Ressourcengruppe.</translation>
    </message>
    <message>
        <source>Billing account id</source>
        <translation>Abrechnungskonto-ID</translation>
    </message>
    <message>
        <source>For the billing-account scope.</source>
        <translation>Für den Bereich Abrechnungskonto.</translation>
    </message>
    <message>
        <source>Cost type</source>
        <translation>Kostenart</translation>
    </message>
    <message>
        <source>Actual cost as invoiced, or amortized reservations.</source>
        <translation>Tatsächliche Kosten laut Rechnung oder amortisierte Reservierungen.</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>AI services only (Azure OpenAI, Foundry Models, Cognitive Services) or all spend.</source>
        <translation>Nur KI-Dienste (Azure OpenAI, Foundry Models, Cognitive Services) oder alle Ausgaben.</translation>
    </message>
    <message>
        <source>Group by tag</source>
        <translation>Nach Tag gruppieren</translation>
    </message>
    <message>
        <source>Optional tag key (e.g. &quot;team&quot;) whose value is kept on each charge.</source>
        <translation>Optionaler Tag-Schlüssel (z. B. „team“), dessen Wert an jeder Buchung bleibt.</translation>
    </message>
    <message>
        <source>Sign-in URL</source>
        <translation>Anmelde-URL</translation>
    </message>
    <message>
        <source>Entra ID authority; change only for sovereign clouds.</source>
        <translation>Entra-ID-Autorität; nur für souveräne Clouds ändern.</translation>
    </message>
    <message>
        <source>Register an app in Entra ID (App registrations → New registration), create a client secret, and give the app the &quot;Cost Management Reader&quot; role on the subscription, resource group or billing account. Cost Management allows only a few queries per minute; a sync makes one query per month of history plus one per extra page.</source>
        <translation>Registrieren Sie eine App in Entra ID (App-Registrierungen → Neue Registrierung), erstellen Sie einen geheimen Clientschlüssel und geben Sie der App die Rolle „Cost Management Reader“ für das Abonnement, die Ressourcengruppe oder das Abrechnungskonto. Cost Management erlaubt nur wenige Abfragen pro Minute; eine Synchronisierung stellt eine Abfrage pro Monat Verlauf plus eine pro weiterer Seite.</translation>
    </message>
    <message>
        <source>The Azure account needs a %1.</source>
        <translation>Das Azure-Konto braucht eine %1.</translation>
    </message>
    <message>
        <source>billing account id</source>
        <translation>Abrechnungskonto-ID</translation>
    </message>
    <message>
        <source>subscription id</source>
        <translation>Abonnement-ID</translation>
    </message>
    <message>
        <source>resource group</source>
        <translation>Ressourcengruppe</translation>
    </message>
    <message>
        <source>Unknown Azure scope type &quot;%1&quot; (subscription, resource_group or billing_account).</source>
        <translation>Unbekannter Azure-Bereichstyp „%1“ (subscription, resource_group oder billing_account).</translation>
    </message>
    <message>
        <source>The Azure account needs a tenant id.</source>
        <translation>Das Azure-Konto braucht eine Mandanten-ID.</translation>
    </message>
    <message>
        <source>The Azure account needs a client (application) id.</source>
        <translation>Das Azure-Konto braucht eine Client-(Anwendungs-)ID.</translation>
    </message>
    <message>
        <source>No client secret is stored for this Azure account.</source>
        <translation>Für dieses Azure-Konto ist kein geheimer Clientschlüssel gespeichert.</translation>
    </message>
    <message>
        <source>Fetching costs for %1, page %2</source>
        <translation>Kosten für %1 werden abgerufen, Seite %2</translation>
    </message>
    <message>
        <source>Give the app registration the &quot;Cost Management Reader&quot; role on this scope.</source>
        <translation>Geben Sie der App-Registrierung die Rolle „Cost Management Reader“ für diesen Bereich.</translation>
    </message>
    <message numerus="yes">
        <source>Azure asks to wait %n second(s) before the next query.</source>
        <translation>
            <numerusform>Azure bittet, %n Sekunde bis zur nächsten Abfrage zu warten.</numerusform>
            <numerusform>Azure bittet, %n Sekunden bis zur nächsten Abfrage zu warten.</numerusform>
        </translation>
    </message>
    <message>
        <source> (page %1)</source>
        <translation> (Seite %1)</translation>
    </message>
    <message>
        <source>Azure Cost Management returned a row for a day outside the requested window.</source>
        <translation>Azure Cost Management hat eine Zeile für einen Tag außerhalb des angefragten Zeitfensters geliefert.</translation>
    </message>
    <message>
        <source>Azure Cost Management returned rows without a UsageDate (daily granularity expected).</source>
        <translation>Azure Cost Management hat Zeilen ohne UsageDate geliefert (tägliche Granularität erwartet).</translation>
    </message>
    <message>
        <source>Azure Cost Management</source>
        <translation>Azure Cost Management</translation>
    </message>
    <message>
        <source>Azure Cost Management sent a nextLink to another host (%1); not followed.</source>
        <translation>Azure Cost Management hat einen nextLink zu einem anderen Host gesendet (%1); nicht gefolgt.</translation>
    </message>
    <message numerus="yes">
        <source>Connected to Azure Cost Management: the service principal can read costs (%n charge(s) yesterday).</source>
        <translation>
            <numerusform>Mit Azure Cost Management verbunden: Der Dienstprinzipal kann Kosten lesen (gestern %n Buchung).</numerusform>
            <numerusform>Mit Azure Cost Management verbunden: Der Dienstprinzipal kann Kosten lesen (gestern %n Buchungen).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conn::AzureTokenSource</name>
    <message>
        <source>Entra ID (%1) refused the service principal (HTTP %2 %3%4). Check the tenant id, the application (client) id and that the client secret is current.</source>
        <translation>Entra ID (%1) hat den Dienstprinzipal abgelehnt (HTTP %2 %3%4). Prüfen Sie die Mandanten-ID, die Anwendungs-(Client-)ID und ob der geheime Clientschlüssel aktuell ist.</translation>
    </message>
    <message>
        <source>Entra ID (%1) answered without an access token.</source>
        <translation>Entra ID (%1) hat ohne Zugriffstoken geantwortet.</translation>
    </message>
</context>
<context>
    <name>Conn::FailureText</name>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>The key was rejected (HTTP 401)</source>
        <translation>Der Schlüssel wurde abgelehnt (HTTP 401)</translation>
    </message>
    <message>
        <source>The key lacks a permission (HTTP 403)</source>
        <translation>Dem Schlüssel fehlt eine Berechtigung (HTTP 403)</translation>
    </message>
    <message>
        <source>The server name could not be found (DNS)</source>
        <translation>Der Servername wurde nicht gefunden (DNS)</translation>
    </message>
    <message>
        <source>The secure connection failed (TLS)</source>
        <translation>Die sichere Verbindung ist fehlgeschlagen (TLS)</translation>
    </message>
    <message>
        <source>The server did not answer in time</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>The connection failed</source>
        <translation>Die Verbindung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The provider is rate-limiting requests (HTTP 429)</source>
        <translation>Der Anbieter drosselt Anfragen (HTTP 429)</translation>
    </message>
    <message>
        <source>The provider&apos;s server failed (HTTP 5xx)</source>
        <translation>Der Server des Anbieters ist ausgefallen (HTTP 5xx)</translation>
    </message>
    <message>
        <source>The provider refused the request</source>
        <translation>Der Anbieter hat die Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>The provider sent an unexpected answer</source>
        <translation>Der Anbieter hat eine unerwartete Antwort gesendet</translation>
    </message>
    <message>
        <source>The address is not secure (HTTPS required)</source>
        <translation>Die Adresse ist nicht sicher (HTTPS erforderlich)</translation>
    </message>
    <message>
        <source>The settings are incomplete</source>
        <translation>Die Einstellungen sind unvollständig</translation>
    </message>
    <message>
        <source>The store refused the data</source>
        <translation>Die Datenbank hat die Daten abgelehnt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Enter the key again (or a new one) for this account, then sync again.</source>
        <translation>Geben Sie den Schlüssel (oder einen neuen) für dieses Konto erneut ein und synchronisieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>Give the key the permission named above (or use a key that has it), then sync again.</source>
        <translation>Geben Sie dem Schlüssel die oben genannte Berechtigung (oder verwenden Sie einen Schlüssel, der sie hat) und synchronisieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>Check the base URL and the network connection, then sync again.</source>
        <translation>Prüfen Sie die Basis-URL und die Netzwerkverbindung und synchronisieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>Check the system clock and any proxy, then sync again.</source>
        <translation>Prüfen Sie die Systemuhr und einen etwaigen Proxy und synchronisieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>Check the network connection, then sync again.</source>
        <translation>Prüfen Sie die Netzwerkverbindung und synchronisieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>Wait a few minutes, then sync again.</source>
        <translation>Warten Sie einige Minuten und synchronisieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>The provider&apos;s service had a problem: sync again later.</source>
        <translation>Der Dienst des Anbieters hatte ein Problem: Synchronisieren Sie später erneut.</translation>
    </message>
    <message>
        <source>Check the base URL and the account&apos;s settings, then sync again.</source>
        <translation>Prüfen Sie die Basis-URL und die Einstellungen des Kontos und synchronisieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>Sync again; if it fails the same way, report this message.</source>
        <translation>Synchronisieren Sie erneut; schlägt es auf dieselbe Weise fehl, melden Sie diese Nachricht.</translation>
    </message>
    <message>
        <source>Use an https:// base URL (plain http:// only for 127.0.0.1 or localhost).</source>
        <translation>Verwenden Sie eine https://-Basis-URL (einfaches http:// nur für 127.0.0.1 oder localhost).</translation>
    </message>
    <message>
        <source>Complete the account&apos;s settings, then sync again.</source>
        <translation>Vervollständigen Sie die Einstellungen des Kontos und synchronisieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>Check the free disk space and that the store file is writable, then sync again.</source>
        <translation>Prüfen Sie den freien Speicherplatz und ob die Datenbankdatei beschreibbar ist, und synchronisieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Conn::FocusBucket</name>
    <message>
        <source>expected &lt;%1&gt;, got &lt;%2&gt;</source>
        <translation>&lt;%1&gt; erwartet, &lt;%2&gt; erhalten</translation>
    </message>
    <message>
        <source>an object without a name</source>
        <translation>ein Objekt ohne Namen</translation>
    </message>
    <message>
        <source>malformed XML at line %1: %2</source>
        <translation>fehlerhaftes XML in Zeile %1: %2</translation>
    </message>
    <message>
        <source>the answer is empty</source>
        <translation>die Antwort ist leer</translation>
    </message>
    <message>
        <source>malformed JSON at byte %1: %2</source>
        <translation>fehlerhaftes JSON bei Byte %1: %2</translation>
    </message>
    <message>
        <source>the manifest is not a JSON object</source>
        <translation>das Manifest ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>%1: expected %2</source>
        <translation>%1: %2 erwartet</translation>
    </message>
    <message>
        <source>an object&apos;s Size is not a byte count</source>
        <translation>die Size eines Objekts ist keine Byteanzahl</translation>
    </message>
    <message>
        <source>IsTruncated is true but NextContinuationToken is missing</source>
        <translation>IsTruncated ist true, aber NextContinuationToken fehlt</translation>
    </message>
    <message>
        <source>a blob&apos;s Content-Length is not a byte count</source>
        <translation>die Content-Length eines Blobs ist keine Byteanzahl</translation>
    </message>
    <message>
        <source>an array of s3:// URIs</source>
        <translation>ein Array von s3://-URIs</translation>
    </message>
    <message>
        <source>dataFiles[%1]: &quot;%2&quot; is not an object of bucket %3</source>
        <translation>dataFiles[%1]: „%2“ ist kein Objekt des Buckets %3</translation>
    </message>
    <message>
        <source>an array of blobs</source>
        <translation>ein Array von Blobs</translation>
    </message>
    <message>
        <source>blobs[%1].blobName: missing</source>
        <translation>blobs[%1].blobName: fehlt</translation>
    </message>
    <message>
        <source>cannot start gzip decompression</source>
        <translation>gzip-Entpacken kann nicht starten</translation>
    </message>
    <message>
        <source>the gzip data ends early</source>
        <translation>die gzip-Daten enden vorzeitig</translation>
    </message>
    <message>
        <source>corrupt gzip data</source>
        <translation>beschädigte gzip-Daten</translation>
    </message>
    <message>
        <source>more than %1 bytes once decompressed</source>
        <translation>entpackt mehr als %1 Byte</translation>
    </message>
    <message>
        <source>cannot write the decompressed data: %1</source>
        <translation>die entpackten Daten können nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>Conn::FocusBucketConnector</name>
    <message>
        <source>A FOCUS export in cloud storage is imported by the sync, not fetched by day.</source>
        <translation>Ein FOCUS-Export im Cloud-Speicher wird von der Synchronisierung importiert, nicht tageweise abgerufen.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Listing %1</source>
        <translation>Liste %1 auf</translation>
    </message>
    <message>
        <source>Listing %1: unexpected answer: %2</source>
        <translation>Auflisten von %1: unerwartete Antwort: %2</translation>
    </message>
    <message>
        <source>%1 holds Parquet objects only. %2</source>
        <translation>%1 enthält nur Parquet-Objekte. %2</translation>
    </message>
    <message>
        <source>Connected to %1, but it holds no FOCUS export yet (no manifest, no CSV object). Check the prefix, or wait for the export&apos;s first run.</source>
        <translation>Mit %1 verbunden, aber dort liegt noch kein FOCUS-Export (kein Manifest, kein CSV-Objekt). Prüfen Sie das Präfix oder warten Sie auf den ersten Lauf des Exports.</translation>
    </message>
    <message>
        <source>Connected to %1: %2 and %3 on the first page of the listing.</source>
        <translation>Mit %1 verbunden: %2 und %3 auf der ersten Seite der Auflistung.</translation>
    </message>
    <message numerus="yes">
        <source>%n manifest(s)</source>
        <translation>
            <numerusform>%n Manifest</numerusform>
            <numerusform>%n Manifeste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n CSV object(s)</source>
        <translation>
            <numerusform>%n CSV-Objekt</numerusform>
            <numerusform>%n CSV-Objekte</numerusform>
        </translation>
    </message>
    <message>
        <source>The listing of %1</source>
        <translation>Die Auflistung von %1</translation>
    </message>
    <message>
        <source>Burnrate reads FOCUS exports as CSV (gzip or plain; Debian 12 has no Parquet library): set the export&apos;s file format to CSV — AWS Data Exports: &quot;gzip - text/csv&quot;; Azure Cost Management: format CSV — and let it run again.</source>
        <translation>Burnrate liest FOCUS-Exporte als CSV (gzip oder unkomprimiert; Debian 12 hat keine Parquet-Bibliothek): Stellen Sie das Dateiformat des Exports auf CSV — AWS Data Exports: „gzip - text/csv“; Azure Cost Management: Format CSV — und lassen Sie ihn erneut laufen.</translation>
    </message>
    <message>
        <source>%1 holds no FOCUS export (no manifest, no CSV object). Check the bucket and prefix.</source>
        <translation>%1 enthält keinen FOCUS-Export (kein Manifest, kein CSV-Objekt). Prüfen Sie Bucket und Präfix.</translation>
    </message>
    <message>
        <source>The store could not start an import.</source>
        <translation>Die Datenbank konnte keinen Import beginnen.</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>Lese %1</translation>
    </message>
    <message>
        <source>The export manifest %1 is not readable: %2</source>
        <translation>Das Exportmanifest %1 ist nicht lesbar: %2</translation>
    </message>
    <message>
        <source>%1 is a Parquet object. %2</source>
        <translation>%1 ist ein Parquet-Objekt. %2</translation>
    </message>
    <message>
        <source>The manifest %1 names %2, which is neither CSV nor gzip CSV.</source>
        <translation>Das Manifest %1 nennt %2, das weder CSV noch gzip-CSV ist.</translation>
    </message>
    <message>
        <source>The manifest %1 names %2, which is not in the listing (the export may still be writing it: sync again later).</source>
        <translation>Das Manifest %1 nennt %2, das nicht in der Auflistung steht (der Export schreibt es vielleicht noch: später erneut synchronisieren).</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder for the downloaded export: %1</source>
        <translation>Für den heruntergeladenen Export kann kein temporärer Ordner angelegt werden: %1</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Importiere %1</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n Anfrage</numerusform>
            <numerusform>%n Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>The store could not start the import of %1: %2</source>
        <translation>Der Speicher konnte den Import von %1 nicht beginnen: %2</translation>
    </message>
    <message>
        <source>The store could not finish the import of %1: %2</source>
        <translation>Der Speicher konnte den Import von %1 nicht abschließen: %2</translation>
    </message>
</context>
<context>
    <name>Conn::FocusFolderConnector</name>
    <message>
        <source>FOCUS folder</source>
        <translation>FOCUS-Ordner</translation>
    </message>
    <message>
        <source>A local folder of FOCUS CSV exports (for example an S3, Blob or GCS billing export synced to this machine). New and restated files are imported on every sync.</source>
        <translation>Ein lokaler Ordner mit FOCUS-CSV-Exporten (zum Beispiel ein S3-, Blob- oder GCS-Abrechnungsexport, der auf diesen Rechner synchronisiert wird). Neue und geänderte Dateien werden bei jeder Synchronisierung importiert.</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>The folder holding the FOCUS CSV files (searched recursively).</source>
        <translation>Der Ordner mit den FOCUS-CSV-Dateien (wird rekursiv durchsucht).</translation>
    </message>
    <message>
        <source>Burnrate needs read access to the folder. No credentials are stored.</source>
        <translation>Burnrate braucht Lesezugriff auf den Ordner. Es werden keine Zugangsdaten gespeichert.</translation>
    </message>
    <message>
        <source>The folder is readable but holds no CSV files yet.</source>
        <translation>Der Ordner ist lesbar, enthält aber noch keine CSV-Dateien.</translation>
    </message>
    <message>
        <source>A FOCUS folder is imported file by file, not by date window.</source>
        <translation>Ein FOCUS-Ordner wird Datei für Datei importiert, nicht nach Datumsfenstern.</translation>
    </message>
</context>
<context>
    <name>Conn::FocusFolderSync</name>
    <message>
        <source>No folder is set (option &quot;path&quot;).</source>
        <translation>Kein Ordner festgelegt (Option „path“).</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is not a readable folder.</source>
        <translation>%1 ist kein lesbarer Ordner.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 Dateien</translation>
    </message>
</context>
<context>
    <name>Conn::GcpConnector</name>
    <message>
        <source>Google Cloud</source>
        <translation>Google Cloud</translation>
    </message>
    <message>
        <source>Vertex AI and other Google Cloud spend from the Cloud Billing export to BigQuery (standard or FOCUS export), with a service-account key.</source>
        <translation>Vertex AI und weitere Google-Cloud-Ausgaben aus dem Cloud-Billing-Export nach BigQuery (Standard- oder FOCUS-Export), mit einem Dienstkontoschlüssel.</translation>
    </message>
    <message>
        <source>Service-account key (JSON)</source>
        <translation>Dienstkontoschlüssel (JSON)</translation>
    </message>
    <message>
        <source>Paste the JSON key file or choose it; it is stored in the system keychain only.</source>
        <translation>Fügen Sie die JSON-Schlüsseldatei ein oder wählen Sie sie aus; sie wird nur im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>Billing export table</source>
        <translation>Tabelle des Abrechnungsexports</translation>
    </message>
    <message>
        <source>project.dataset.table of the export, e.g. my-project.billing.gcp_billing_export_v1_012345_6789AB_CDEF01.</source>
        <translation>project.dataset.table des Exports, z. B. my-project.billing.gcp_billing_export_v1_012345_6789AB_CDEF01.</translation>
    </message>
    <message>
        <source>Export type</source>
        <translation>Exportart</translation>
    </message>
    <message>
        <source>Standard usage cost export or the FOCUS export.</source>
        <translation>Standardexport der Nutzungskosten oder der FOCUS-Export.</translation>
    </message>
    <message>
        <source>Query project</source>
        <translation>Abfrageprojekt</translation>
    </message>
    <message>
        <source>Project the BigQuery jobs run (and are billed) in; default: the key&apos;s project.</source>
        <translation>Projekt, in dem die BigQuery-Jobs laufen (und abgerechnet werden); Standard: das Projekt des Schlüssels.</translation>
    </message>
    <message>
        <source>Dataset location</source>
        <translation>Speicherort des Datasets</translation>
    </message>
    <message>
        <source>Location of the export dataset (US, EU, a region).</source>
        <translation>Speicherort des Export-Datasets (US, EU, eine Region).</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>AI services only (Vertex AI, Gemini API) or all spend.</source>
        <translation>Nur KI-Dienste (Vertex AI, Gemini API) oder alle Ausgaben.</translation>
    </message>
    <message>
        <source>Enable the Cloud Billing export to BigQuery, create a service account with the roles &quot;BigQuery Data Viewer&quot; on the export dataset and &quot;BigQuery Job User&quot; on the query project, and download a JSON key for it. Each sync window runs one query (billed by bytes scanned; the date filter keeps it to the days asked for).</source>
        <translation>Aktivieren Sie den Cloud-Billing-Export nach BigQuery, erstellen Sie ein Dienstkonto mit den Rollen „BigQuery Data Viewer“ für das Export-Dataset und „BigQuery Job User“ für das Abfrageprojekt und laden Sie dafür einen JSON-Schlüssel herunter. Jedes Synchronisierungsfenster führt eine Abfrage aus (abgerechnet nach gescannten Bytes; der Datumsfilter beschränkt sie auf die angefragten Tage).</translation>
    </message>
    <message>
        <source>The Google Cloud account needs the billing export table (project.dataset.table).</source>
        <translation>Das Google-Cloud-Konto braucht die Tabelle des Abrechnungsexports (project.dataset.table).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a BigQuery table name (project.dataset.table).</source>
        <translation>„%1“ ist kein BigQuery-Tabellenname (project.dataset.table).</translation>
    </message>
    <message>
        <source>No service-account key is stored for this Google Cloud account.</source>
        <translation>Für dieses Google-Cloud-Konto ist kein Dienstkontoschlüssel gespeichert.</translation>
    </message>
    <message>
        <source>The Google Cloud account needs the project to run queries in (option &quot;project&quot;).</source>
        <translation>Das Google-Cloud-Konto braucht das Projekt, in dem Abfragen laufen (Option „project“).</translation>
    </message>
    <message>
        <source>Fetching the billing export for %1, page %2</source>
        <translation>Abrechnungsexport für %1 wird abgerufen, Seite %2</translation>
    </message>
    <message>
        <source>BigQuery kept throttling the query: %1</source>
        <translation>BigQuery hat die Abfrage wiederholt gedrosselt: %1</translation>
    </message>
    <message>
        <source>The service account needs &quot;BigQuery Data Viewer&quot; on the export dataset and &quot;BigQuery Job User&quot; on the query project.</source>
        <translation>Das Dienstkonto braucht „BigQuery Data Viewer“ für das Export-Dataset und „BigQuery Job User“ für das Abfrageprojekt.</translation>
    </message>
    <message>
        <source> (page %1)</source>
        <translation> (Seite %1)</translation>
    </message>
    <message>
        <source>BigQuery reported an unfinished query without a job id.</source>
        <translation>BigQuery hat eine unvollendete Abfrage ohne Job-ID gemeldet.</translation>
    </message>
    <message>
        <source>The BigQuery query did not finish after %1 polls.</source>
        <translation>Die BigQuery-Abfrage war nach %1 Abfragen des Status nicht fertig.</translation>
    </message>
    <message>
        <source>BigQuery returned a row for a day outside the requested window.</source>
        <translation>BigQuery hat eine Zeile für einen Tag außerhalb des angefragten Zeitfensters geliefert.</translation>
    </message>
    <message>
        <source>BigQuery</source>
        <translation>BigQuery</translation>
    </message>
    <message numerus="yes">
        <source>Connected to BigQuery: the billing export answered (%n row(s) yesterday).</source>
        <translation>
            <numerusform>Mit BigQuery verbunden: Der Abrechnungsexport hat geantwortet (gestern %n Zeile).</numerusform>
            <numerusform>Mit BigQuery verbunden: Der Abrechnungsexport hat geantwortet (gestern %n Zeilen).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conn::GcpToken</name>
    <message>
        <source>The service-account key is not a JSON key file (%1 at byte %2). Download it from IAM &amp; Admin → Service accounts → Keys → Add key → JSON.</source>
        <translation>Der Dienstkontoschlüssel ist keine JSON-Schlüsseldatei (%1 bei Byte %2). Laden Sie ihn unter IAM &amp; Admin → Service accounts → Keys → Add key → JSON herunter.</translation>
    </message>
    <message>
        <source>The key file is of type &quot;%1&quot;; Burnrate needs a service-account key (type &quot;service_account&quot;).</source>
        <translation>Die Schlüsseldatei hat den Typ „%1“; Burnrate braucht einen Dienstkontoschlüssel (Typ „service_account“).</translation>
    </message>
    <message>
        <source>The service-account key has no &quot;client_email&quot; field.</source>
        <translation>Dem Dienstkontoschlüssel fehlt das Feld „client_email“.</translation>
    </message>
    <message>
        <source>The service-account key has no PEM &quot;private_key&quot; field.</source>
        <translation>Dem Dienstkontoschlüssel fehlt das PEM-Feld „private_key“.</translation>
    </message>
    <message>
        <source>The service-account key has an empty &quot;token_uri&quot; field.</source>
        <translation>Der Dienstkontoschlüssel hat ein leeres Feld „token_uri“.</translation>
    </message>
</context>
<context>
    <name>Conn::GcpTokenSource</name>
    <message>
        <source>Cannot sign with the service-account key: %1</source>
        <translation>Mit dem Dienstkontoschlüssel kann nicht signiert werden: %1</translation>
    </message>
    <message>
        <source>Google (%1) refused the service-account key (HTTP %2 %3%4). Check that the key file is current (not deleted in IAM) and the service account is enabled.</source>
        <translation>Google (%1) hat den Dienstkontoschlüssel abgelehnt (HTTP %2 %3%4). Prüfen Sie, ob die Schlüsseldatei aktuell ist (nicht in IAM gelöscht) und das Dienstkonto aktiviert ist.</translation>
    </message>
    <message>
        <source>Google (%1) answered without an access token.</source>
        <translation>Google (%1) hat ohne Zugriffstoken geantwortet.</translation>
    </message>
</context>
<context>
    <name>Conn::HttpClient</name>
    <message>
        <source>&quot;%1&quot; is not a valid URL.</source>
        <translation>„%1“ ist keine gültige URL.</translation>
    </message>
    <message>
        <source>Refusing to connect to %1: only HTTPS URLs are allowed (plain http:// only for 127.0.0.1 or localhost).</source>
        <translation>Verbindung zu %1 verweigert: Nur HTTPS-URLs sind erlaubt (einfaches http:// nur für 127.0.0.1 oder localhost).</translation>
    </message>
    <message>
        <source>%1 rejected the credentials (HTTP 401 Unauthorized): the key is wrong, expired or revoked.</source>
        <translation>%1 hat die Zugangsdaten abgelehnt (HTTP 401 Unauthorized): Der Schlüssel ist falsch, abgelaufen oder widerrufen.</translation>
    </message>
    <message>
        <source>%1 accepted the credentials but refused access (HTTP 403 Forbidden): the key lacks the permission this needs (an admin / billing-read key).</source>
        <translation>%1 hat die Zugangsdaten akzeptiert, aber den Zugriff verweigert (HTTP 403 Forbidden): Dem Schlüssel fehlt die nötige Berechtigung (ein Admin- oder Abrechnungs-Leseschlüssel).</translation>
    </message>
    <message>
        <source>%1 kept rate-limiting the requests (HTTP 429 Too Many Requests); try again later.</source>
        <translation>%1 hat die Anfragen wiederholt gedrosselt (HTTP 429 Too Many Requests); versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>%1 had a server error (HTTP %2); try again later.</source>
        <translation>%1 hatte einen Serverfehler (HTTP %2); versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 for %3.</source>
        <translation>%1 antwortete HTTP %2 für %3.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 for %3: %4</source>
        <translation>%1 antwortete HTTP %2 für %3: %4</translation>
    </message>
    <message>
        <source>%1 sent a response larger than %2 MiB; Burnrate stopped reading it.</source>
        <translation>%1 hat eine Antwort größer als %2 MiB gesendet; Burnrate hat das Lesen abgebrochen.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 seconds.</source>
        <translation>%1 hat nicht innerhalb von %2 Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot find the server %1 (DNS lookup failed): check the base URL and your network connection.</source>
        <translation>Der Server %1 wurde nicht gefunden (DNS-Abfrage fehlgeschlagen): Prüfen Sie die Basis-URL und Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>Secure connection to %1 failed (TLS): %2. The server&apos;s certificate could not be verified; a proxy or the system clock may interfere.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen (TLS): %2. Das Zertifikat des Servers konnte nicht geprüft werden; ein Proxy oder die Systemuhr könnte stören.</translation>
    </message>
    <message>
        <source>%1 refused the connection (is the server running and the port right?).</source>
        <translation>%1 hat die Verbindung abgelehnt (läuft der Server und stimmt der Port?).</translation>
    </message>
    <message>
        <source>The connection to %1 failed: %2.</source>
        <translation>Die Verbindung zu %1 ist fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <source>%1 sent a malformed JSON response (%2 at byte %3 of %4).</source>
        <translation>%1 hat eine fehlerhafte JSON-Antwort gesendet (%2 bei Byte %3 von %4).</translation>
    </message>
    <message>
        <source>Gave up after %1 attempts.</source>
        <translation>Nach %1 Versuchen aufgegeben.</translation>
    </message>
    <message>
        <source>The connection to %1 closed %2 bytes short of the %3 it announced (the answer arrived cut short).</source>
        <translation>Die Verbindung zu %1 endete %2 Bytes vor den angekündigten %3 (die Antwort kam unvollständig an).</translation>
    </message>
</context>
<context>
    <name>Conn::HuggingFaceConnector</name>
    <message>
        <source>Hugging Face</source>
        <translation>Hugging Face</translation>
    </message>
    <message>
        <source>Estimated cost of Hugging Face Inference Endpoints: the minutes each endpoint is initializing or running, per hour, at the published hourly price of its instance.</source>
        <translation>Geschätzte Kosten von Hugging Face Inference Endpoints: die Minuten, in denen jeder Endpunkt startet oder läuft, je Stunde, zum veröffentlichten Stundenpreis seiner Instanz.</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>The user name or organisation that owns the Inference Endpoints.</source>
        <translation>Der Benutzername oder die Organisation, der die Inference Endpoints gehören.</translation>
    </message>
    <message>
        <source>User access token</source>
        <translation>Benutzer-Zugriffstoken</translation>
    </message>
    <message>
        <source>Create one on huggingface.co under Settings → Access Tokens; it is stored in the system keychain only.</source>
        <translation>Auf huggingface.co unter Settings → Access Tokens erstellen; es wird nur im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>How far back (days)</source>
        <translation>Zeitraum zurück (Tage)</translation>
    </message>
    <message>
        <source>Days the first sync fills in: an endpoint running at the first sync counts from its last state change, within these days.</source>
        <translation>Tage, die die erste Synchronisierung füllt: Ein Endpunkt, der bei der ersten Synchronisierung läuft, zählt ab seiner letzten Zustandsänderung, innerhalb dieser Tage.</translation>
    </message>
    <message>
        <source>Needs a user access token (huggingface.co → Settings → Access Tokens) that can read the namespace&apos;s Inference Endpoints. Hugging Face has no billing API: the cost is an estimate from the states Burnrate observes at each sync (the more often it syncs, the closer), priced from a table shipped with Burnrate.</source>
        <translation>Benötigt ein Benutzer-Zugriffstoken (huggingface.co → Settings → Access Tokens), das die Inference Endpoints des Namespace lesen kann. Hugging Face hat keine Abrechnungs-API: Die Kosten sind eine Schätzung aus den Zuständen, die Burnrate bei jeder Synchronisierung beobachtet (je öfter synchronisiert wird, desto genauer), bewertet mit einer Preistabelle, die Burnrate mitbringt.</translation>
    </message>
    <message>
        <source>Enter the namespace: the user name or organisation that owns the endpoints.</source>
        <translation>Geben Sie den Namespace ein: den Benutzernamen oder die Organisation, der die Endpunkte gehören.</translation>
    </message>
    <message>
        <source>The account has no namespace: edit it and enter the user name or organisation that owns the endpoints.</source>
        <translation>Das Konto hat keinen Namespace: Bearbeiten Sie es und geben Sie den Benutzernamen oder die Organisation ein, der die Endpunkte gehören.</translation>
    </message>
    <message>
        <source>endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message numerus="yes">
        <source>The token can list the %n endpoint(s) of &quot;%1&quot;.</source>
        <translation>
            <numerusform>Das Token kann den %n Endpunkt von „%1“ auflisten.</numerusform>
            <numerusform>Das Token kann die %n Endpunkte von „%1“ auflisten.</numerusform>
        </translation>
    </message>
    <message>
        <source>No hourly price is known for %1: its hours are stored at cost 0 until Burnrate&apos;s price table knows the instance.</source>
        <translation>Für %1 ist kein Stundenpreis bekannt: Seine Stunden werden mit Kosten 0 gespeichert, bis die Preistabelle von Burnrate die Instanz kennt.</translation>
    </message>
    <message>
        <source>Enter a Hugging Face user access token.</source>
        <translation>Geben Sie ein Hugging-Face-Benutzer-Zugriffstoken ein.</translation>
    </message>
    <message>
        <source>Create a user access token at %1 that can read the namespace&apos;s Inference Endpoints.</source>
        <translation>Erstellen Sie unter %1 ein Benutzer-Zugriffstoken, das die Inference Endpoints des Namespace lesen kann.</translation>
    </message>
    <message>
        <source>Connected to Hugging Face.</source>
        <translation>Mit Hugging Face verbunden.</translation>
    </message>
</context>
<context>
    <name>Conn::HuggingFaceStateLog</name>
    <message>
        <source>cannot store the observed endpoint states: %1</source>
        <translation>die beobachteten Endpunkt-Zustände können nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>Conn::ImportLedger</name>
    <message>
        <source>Cannot record the imported file %1: %2</source>
        <translation>Die importierte Datei %1 kann nicht vermerkt werden: %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Conn::LangfuseConnector</name>
    <message>
        <source>Langfuse</source>
        <translation>Langfuse</translation>
    </message>
    <message>
        <source>Application telemetry from Langfuse: model, tokens, feature, team and user of every generation, matched with the bills of the same days.</source>
        <translation>Anwendungstelemetrie aus Langfuse: Modell, Tokens, Feature, Team und Nutzer jeder Generation, abgeglichen mit den Rechnungen derselben Tage.</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>Öffentlicher Schlüssel</translation>
    </message>
    <message>
        <source>The project&apos;s public key; stored in the system keychain with the secret key.</source>
        <translation>Der öffentliche Schlüssel des Projekts; er wird mit dem geheimen Schlüssel im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Geheimer Schlüssel</translation>
    </message>
    <message>
        <source>The project&apos;s secret key; it is stored in the system keychain only.</source>
        <translation>Der geheime Schlüssel des Projekts; er wird nur im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>How far back (days)</source>
        <translation>Wie weit zurück (Tage)</translation>
    </message>
    <message>
        <source>Days of generations the first sync reads.</source>
        <translation>Tage an Generationen, die die erste Synchronisierung liest.</translation>
    </message>
    <message>
        <source>Needs a project&apos;s API key pair, created under the project&apos;s Settings → API Keys. For a self-hosted Langfuse, enter its address (version 4 or later serves the observations API Burnrate reads).</source>
        <translation>Benötigt das API-Schlüsselpaar eines Projekts, angelegt unter den Einstellungen des Projekts → API Keys. Für ein selbst betriebenes Langfuse dessen Adresse eingeben (ab Version 4 gibt es die Observations-API, die Burnrate liest).</translation>
    </message>
    <message>
        <source>Enter both keys of the Langfuse project: the public key (pk-lf-…) and the secret key (sk-lf-…).</source>
        <translation>Beide Schlüssel des Langfuse-Projekts eingeben: den öffentlichen (pk-lf-…) und den geheimen (sk-lf-…).</translation>
    </message>
    <message>
        <source>generations</source>
        <translation>Generationen</translation>
    </message>
    <message>
        <source>Enter the Langfuse project&apos;s public and secret key.</source>
        <translation>Den öffentlichen und den geheimen Schlüssel des Langfuse-Projekts eingeben.</translation>
    </message>
    <message>
        <source>Check the project&apos;s key pair (Settings → API Keys) and the host: keys of Langfuse Cloud EU and US and of a self-hosted instance differ.</source>
        <translation>Schlüsselpaar des Projekts (Einstellungen → API Keys) und Host prüfen: Schlüssel von Langfuse Cloud EU, US und einer selbst betriebenen Instanz sind verschieden.</translation>
    </message>
</context>
<context>
    <name>Conn::LiteLlmConnector</name>
    <message>
        <source>LiteLLM proxy</source>
        <translation>LiteLLM-Proxy</translation>
    </message>
    <message>
        <source>Application telemetry from a LiteLLM proxy&apos;s spend logs: model, tokens, feature, team and user of every call, matched with the bills of the same days.</source>
        <translation>Anwendungstelemetrie aus den Spend-Logs eines LiteLLM-Proxys: Modell, Tokens, Feature, Team und Nutzer jedes Aufrufs, abgeglichen mit den Rechnungen derselben Tage.</translation>
    </message>
    <message>
        <source>Master or admin key</source>
        <translation>Master- oder Admin-Schlüssel</translation>
    </message>
    <message>
        <source>The proxy&apos;s master key or an admin key that can read spend logs; it is stored in the system keychain only.</source>
        <translation>Der Master-Schlüssel des Proxys oder ein Admin-Schlüssel, der Spend-Logs lesen darf; er wird nur im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>How far back (days)</source>
        <translation>Wie weit zurück (Tage)</translation>
    </message>
    <message>
        <source>Days of spend logs the first sync reads.</source>
        <translation>Tage an Spend-Logs, die die erste Synchronisierung liest.</translation>
    </message>
    <message>
        <source>Needs the proxy&apos;s master key or an admin key: spend logs of all keys are an admin endpoint. The proxy must store spend logs (a database is configured).</source>
        <translation>Benötigt den Master-Schlüssel des Proxys oder einen Admin-Schlüssel: Die Spend-Logs aller Schlüssel sind ein Admin-Endpunkt. Der Proxy muss Spend-Logs speichern (eine Datenbank ist eingerichtet).</translation>
    </message>
    <message>
        <source>spend logs</source>
        <translation>Spend-Logs</translation>
    </message>
    <message>
        <source>Enter the LiteLLM proxy&apos;s master or admin key.</source>
        <translation>Den Master- oder Admin-Schlüssel des LiteLLM-Proxys eingeben.</translation>
    </message>
    <message>
        <source>Use the proxy&apos;s master key or an admin key; virtual keys of users cannot read spend logs.</source>
        <translation>Den Master-Schlüssel des Proxys oder einen Admin-Schlüssel verwenden; virtuelle Schlüssel von Nutzern können keine Spend-Logs lesen.</translation>
    </message>
</context>
<context>
    <name>Conn::OAuthPagedConnector</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Conn::OAuthTokenSource</name>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>Conn::OpenAiConnector</name>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>OpenAI API usage (tokens by model, project and batch) and billed costs, through the organization&apos;s Admin API.</source>
        <translation>Nutzung der OpenAI API (Token nach Modell, Projekt und Batch) und abgerechnete Kosten, über die Admin API der Organisation.</translation>
    </message>
    <message>
        <source>Admin key</source>
        <translation>Admin-Schlüssel</translation>
    </message>
    <message>
        <source>An organization admin key; it is stored in the system keychain only.</source>
        <translation>Ein Admin-Schlüssel der Organisation; er wird nur im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Organization id or name used as the billing account (default: the account name).</source>
        <translation>ID oder Name der Organisation als Abrechnungskonto (Standard: der Kontoname).</translation>
    </message>
    <message>
        <source>Projects to include</source>
        <translation>Einzuschließende Projekte</translation>
    </message>
    <message>
        <source>Project ids (proj_…), comma separated; empty includes every project.</source>
        <translation>Projekt-IDs (proj_…), durch Kommas getrennt; leer schließt alle Projekte ein.</translation>
    </message>
    <message>
        <source>Group usage by</source>
        <translation>Nutzung gruppieren nach</translation>
    </message>
    <message>
        <source>model+project keeps the store small; add api_key to see spend per API key.</source>
        <translation>model+project hält die Datenbank klein; fügen Sie api_key hinzu, um die Ausgaben pro API-Schlüssel zu sehen.</translation>
    </message>
    <message>
        <source>How far back (days)</source>
        <translation>Zeitraum zurück (Tage)</translation>
    </message>
    <message>
        <source>Days of history the first sync fetches.</source>
        <translation>Tage an Verlauf, die die erste Synchronisierung abruft.</translation>
    </message>
    <message>
        <source>Needs an organization admin key (sk-admin-…), created by an organization Owner under Settings → Organization → Admin keys. Project keys (sk-proj-…) and user keys cannot read usage or costs.</source>
        <translation>Benötigt einen Admin-Schlüssel der Organisation (sk-admin-…), den ein Owner unter Settings → Organization → Admin keys erstellt. Projektschlüssel (sk-proj-…) und Benutzerschlüssel können weder Nutzung noch Kosten lesen.</translation>
    </message>
    <message>
        <source>Option group_by is &quot;%1&quot;; use %2 or %3.</source>
        <translation>Die Option group_by ist „%1“; verwenden Sie %2 oder %3.</translation>
    </message>
    <message>
        <source>usage</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>costs</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Enter the OpenAI admin key (sk-admin-…).</source>
        <translation>Geben Sie den Admin-Schlüssel von OpenAI ein (sk-admin-…).</translation>
    </message>
    <message>
        <source>This is a project or user API key. Usage and costs can only be read with an organization admin key (sk-admin-…): create one at %1.</source>
        <translation>Dies ist ein Projekt- oder Benutzer-API-Schlüssel. Nutzung und Kosten lassen sich nur mit einem Admin-Schlüssel der Organisation (sk-admin-…) lesen: Erstellen Sie ihn unter %1.</translation>
    </message>
    <message>
        <source>Use an organization admin key (sk-admin-…) from %1.</source>
        <translation>Verwenden Sie einen Admin-Schlüssel der Organisation (sk-admin-…) von %1.</translation>
    </message>
</context>
<context>
    <name>Conn::OpenRouterConnector</name>
    <message>
        <source>OpenRouter</source>
        <translation>OpenRouter</translation>
    </message>
    <message>
        <source>OpenRouter usage per day, model and serving provider (prompt, completion and reasoning tokens, requests, cost in USD), through the activity API.</source>
        <translation>OpenRouter-Nutzung pro Tag, Modell und ausführendem Anbieter (Prompt-, Completion- und Reasoning-Token, Anfragen, Kosten in USD) über die Activity-API.</translation>
    </message>
    <message>
        <source>Management key</source>
        <translation>Verwaltungsschlüssel</translation>
    </message>
    <message>
        <source>A management (provisioning) key; it is stored in the system keychain only.</source>
        <translation>Ein Verwaltungsschlüssel (Provisioning Key); er wird nur im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Name used as the billing account (default: the account name).</source>
        <translation>Name, der als Abrechnungskonto verwendet wird (Standard: der Kontoname).</translation>
    </message>
    <message>
        <source>Only this API key</source>
        <translation>Nur dieser API-Schlüssel</translation>
    </message>
    <message>
        <source>The hash of one API key to read only its usage; empty reads the whole account.</source>
        <translation>Der Hash eines API-Schlüssels, um nur dessen Nutzung zu lesen; leer liest das ganze Konto.</translation>
    </message>
    <message>
        <source>How far back (days)</source>
        <translation>Wie weit zurück (Tage)</translation>
    </message>
    <message>
        <source>Days of history the first sync fetches; OpenRouter keeps the last 30.</source>
        <translation>Tage an Verlauf, die die erste Synchronisierung abruft; OpenRouter hält die letzten 30 vor.</translation>
    </message>
    <message>
        <source>Needs a management key (also called a provisioning key), created under Settings → Management keys. Ordinary API keys used for requests cannot read activity.</source>
        <translation>Benötigt einen Verwaltungsschlüssel (auch Provisioning Key genannt), angelegt unter Settings → Management keys. Gewöhnliche API-Schlüssel für Anfragen können die Aktivität nicht lesen.</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Enter the OpenRouter management key.</source>
        <translation>Geben Sie den OpenRouter-Verwaltungsschlüssel ein.</translation>
    </message>
    <message>
        <source>Use a management key from %1; ordinary API keys cannot read activity.</source>
        <translation>Verwenden Sie einen Verwaltungsschlüssel von %1; gewöhnliche API-Schlüssel können die Aktivität nicht lesen.</translation>
    </message>
</context>
<context>
    <name>Conn::S3FocusConnector</name>
    <message>
        <source>FOCUS export in Amazon S3</source>
        <translation>FOCUS-Export in Amazon S3</translation>
    </message>
    <message>
        <source>The FOCUS export AWS Data Exports writes to an S3 bucket: every billing period, restated runs replacing earlier ones; CSV or gzip CSV.</source>
        <translation>Der FOCUS-Export, den AWS Data Exports in einen S3-Bucket schreibt: jeder Abrechnungszeitraum, neu berechnete Läufe ersetzen frühere; CSV oder gzip-CSV.</translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation>Bucket</translation>
    </message>
    <message>
        <source>The S3 bucket the export is delivered to.</source>
        <translation>Der S3-Bucket, in den der Export geliefert wird.</translation>
    </message>
    <message>
        <source>Export path</source>
        <translation>Exportpfad</translation>
    </message>
    <message>
        <source>The export&apos;s S3 path prefix and name, e.g. billing/focus-export (the folder holding data/ and metadata/).</source>
        <translation>S3-Pfadpräfix und Name des Exports, z. B. billing/focus-export (der Ordner mit data/ und metadata/).</translation>
    </message>
    <message>
        <source>Bucket region</source>
        <translation>Region des Buckets</translation>
    </message>
    <message>
        <source>The region of the bucket, e.g. us-east-1.</source>
        <translation>Die Region des Buckets, z. B. us-east-1.</translation>
    </message>
    <message>
        <source>Needs s3:ListBucket on the bucket (for the export&apos;s prefix) and s3:GetObject on its objects. Create the export in Billing and Cost Management → Data Exports as &quot;FOCUS 1.0&quot; with file format &quot;gzip - text/csv&quot; (Parquet is not read).</source>
        <translation>Benötigt s3:ListBucket auf dem Bucket (für das Präfix des Exports) und s3:GetObject auf seinen Objekten. Legen Sie den Export unter Billing and Cost Management → Data Exports als „FOCUS 1.0“ mit dem Dateiformat „gzip - text/csv“ an (Parquet wird nicht gelesen).</translation>
    </message>
    <message>
        <source>Enter the bucket the export is delivered to (option &quot;bucket&quot;).</source>
        <translation>Geben Sie den Bucket ein, in den der Export geliefert wird (Option „bucket“).</translation>
    </message>
    <message>
        <source>The address of bucket &quot;%1&quot; is not a valid URL.</source>
        <translation>Die Adresse des Buckets „%1“ ist keine gültige URL.</translation>
    </message>
    <message>
        <source>The credentials (%1) need s3:ListBucket and s3:GetObject on %2.</source>
        <translation>Die Zugangsdaten (%1) brauchen s3:ListBucket und s3:GetObject auf %2.</translation>
    </message>
</context>
<context>
    <name>Conn::SyncEngine</name>
    <message>
        <source>A sync is already running.</source>
        <translation>Eine Synchronisierung läuft bereits.</translation>
    </message>
    <message>
        <source>No account to sync.</source>
        <translation>Kein Konto zum Synchronisieren.</translation>
    </message>
    <message>
        <source>no credentials stored in the keychain for this account; edit the account to enter them again</source>
        <translation>für dieses Konto sind keine Zugangsdaten im Schlüsselbund gespeichert; bearbeiten Sie das Konto, um sie erneut einzugeben</translation>
    </message>
</context>
<context>
    <name>Conn::SyncWorker</name>
    <message>
        <source>Waiting for another Burnrate process writing this store…</source>
        <translation>Warten auf einen anderen Burnrate-Prozess, der in diese Datenbank schreibt…</translation>
    </message>
    <message>
        <source>Sync cancelled before it started.</source>
        <translation>Synchronisierung vor dem Start abgebrochen.</translation>
    </message>
    <message>
        <source>Unknown provider &quot;%1&quot;.</source>
        <translation>Unbekannter Anbieter „%1“.</translation>
    </message>
    <message>
        <source>Fetching %1</source>
        <translation>%1 wird abgerufen</translation>
    </message>
    <message>
        <source>the connector returned no result</source>
        <translation>der Connector hat kein Ergebnis geliefert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the connector returned a charge at %1, outside the requested window</source>
        <translation>der Connector hat eine Buchung am %1 geliefert, außerhalb des angefragten Zeitfensters</translation>
    </message>
    <message>
        <source>cannot update the store: %1</source>
        <translation>die Datenbank kann nicht aktualisiert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Stored: %n complete file(s); the next sync continues with the others.</source>
        <translation>
            <numerusform>Gespeichert: %n vollständige Datei; die nächste Synchronisierung fährt mit den anderen fort.</numerusform>
            <numerusform>Gespeichert: %n vollständige Dateien; die nächste Synchronisierung fährt mit den anderen fort.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stored: nothing from this sync; what earlier syncs stored is kept.</source>
        <translation>Gespeichert: nichts aus dieser Synchronisierung; was frühere Synchronisierungen gespeichert haben, bleibt erhalten.</translation>
    </message>
    <message>
        <source>Nothing was stored.</source>
        <translation>Es wurde nichts gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>Stored: %1 (%n complete window(s)).</source>
        <translation>
            <numerusform>Gespeichert: %1 (%n vollständiges Zeitfenster).</numerusform>
            <numerusform>Gespeichert: %1 (%n vollständige Zeitfenster).</numerusform>
        </translation>
    </message>
    <message>
        <source>Not stored: %1; the next sync fetches it.</source>
        <translation>Nicht gespeichert: %1; die nächste Synchronisierung ruft es ab.</translation>
    </message>
    <message numerus="yes">
        <source>Sync cancelled; %n complete window(s) stored.</source>
        <translation>
            <numerusform>Synchronisierung abgebrochen; %n vollständiges Zeitfenster gespeichert.</numerusform>
            <numerusform>Synchronisierung abgebrochen; %n vollständige Zeitfenster gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The %1 connector cannot read a bucket.</source>
        <translation>Der Connector %1 kann keinen Bucket lesen.</translation>
    </message>
</context>
<context>
    <name>Conn::WebhookSender</name>
    <message>
        <source>webhook URL refused: %1</source>
        <translation>Webhook-URL abgelehnt: %1</translation>
    </message>
    <message>
        <source>the webhook URL is not a valid https:// URL</source>
        <translation>die Webhook-URL ist keine gültige https://-URL</translation>
    </message>
    <message>
        <source>webhook delivery to %1 failed (HTTP %2)</source>
        <translation>Zustellung des Webhooks an %1 fehlgeschlagen (HTTP %2)</translation>
    </message>
</context>
<context>
    <name>ConnectWizard</name>
    <message>
        <source>Edit account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <source>Connect an account</source>
        <translation>Konto verbinden</translation>
    </message>
</context>
<context>
    <name>ContractForm</name>
    <message>
        <source>billing account id; empty = every account</source>
        <translation>Abrechnungskonto-ID; leer = alle Konten</translation>
    </message>
    <message>
        <source>empty = every model</source>
        <translation>leer = alle Modelle</translation>
    </message>
    <message>
        <source>every kind</source>
        <translation>jede Art</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (first day)</source>
        <translation>JJJJ-MM-TT (erster Tag)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (first day after); empty = open-ended</source>
        <translation>JJJJ-MM-TT (erster Tag danach); leer = unbegrenzt</translation>
    </message>
    <message>
        <source>e.g. 20 or 12.5 (percent off list prices)</source>
        <translation>z. B. 20 oder 12.5 (Prozent Rabatt auf Listenpreise)</translation>
    </message>
    <message>
        <source>Negotiated prices per 1M tokens, credits and commitments, as in the contracts JSON file:
&quot;prices&quot;: [{&quot;model&quot;: &quot;gpt-4o&quot;, &quot;input&quot;: &quot;2.00&quot;}],
&quot;credits&quot;: [{&quot;amount&quot;: &quot;500&quot;, &quot;expires&quot;: &quot;2026-06-30&quot;}],
&quot;commitments&quot;: [{&quot;type&quot;: &quot;monthly_minimum&quot;, &quot;amount&quot;: &quot;1000&quot;}]</source>
        <translation>Ausgehandelte Preise pro 1 Mio. Token, Guthaben und Zusagen, wie in der Vertrags-JSON-Datei:
&quot;prices&quot;: [{&quot;model&quot;: &quot;gpt-4o&quot;, &quot;input&quot;: &quot;2.00&quot;}],
&quot;credits&quot;: [{&quot;amount&quot;: &quot;500&quot;, &quot;expires&quot;: &quot;2026-06-30&quot;}],
&quot;commitments&quot;: [{&quot;type&quot;: &quot;monthly_minimum&quot;, &quot;amount&quot;: &quot;1000&quot;}]</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>Billing &amp;account:</source>
        <translation>Abrechnungs&amp;konto:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>&amp;Token kind:</source>
        <translation>&amp;Token-Art:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>B&amp;is:</translation>
    </message>
    <message>
        <source>&amp;Discount %:</source>
        <translation>&amp;Rabatt %:</translation>
    </message>
    <message>
        <source>Prices, credits, &amp;commitments (JSON):</source>
        <translation>Preise, Guthaben, &amp;Zusagen (JSON):</translation>
    </message>
    <message>
        <source>Prices, credits, commitments: %1</source>
        <translation>Preise, Guthaben, Zusagen: %1</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>Prices, credits, commitments: &apos;%1&apos; is not one of prices, credits, commitments</source>
        <translation>Preise, Guthaben, Zusagen: „%1“ ist keines von prices, credits, commitments</translation>
    </message>
</context>
<context>
    <name>ContractOutlook</name>
    <message>
        <source>monthly minimum</source>
        <translation>Monatsminimum</translation>
    </message>
    <message>
        <source>provisioned fee</source>
        <translation>Bereitstellungsgebühr</translation>
    </message>
    <message>
        <source>Unused commitment</source>
        <translation>Ungenutzte Zusage</translation>
    </message>
    <message>
        <source>credit</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>credit · %1</source>
        <translation>Guthaben · %1</translation>
    </message>
    <message>
        <source>Met on %1</source>
        <translation>Erfüllt am %1</translation>
    </message>
    <message>
        <source>Owed on top of usage (%1)</source>
        <translation>Zusätzlich zur Nutzung geschuldet (%1)</translation>
    </message>
    <message>
        <source>Forecast: met about %1</source>
        <translation>Prognose: erfüllt etwa am %1</translation>
    </message>
    <message>
        <source>Forecast: %1 short at month end</source>
        <translation>Prognose: %1 fehlen zum Monatsende</translation>
    </message>
    <message>
        <source>Used up on %1</source>
        <translation>Aufgebraucht am %1</translation>
    </message>
    <message>
        <source>Expired after %1, %2 unused</source>
        <translation>Abgelaufen nach %1, %2 ungenutzt</translation>
    </message>
    <message>
        <source>Forecast: runs out about %1</source>
        <translation>Prognose: aufgebraucht etwa am %1</translation>
    </message>
    <message>
        <source>Forecast: %1 left at expiry (%2)</source>
        <translation>Prognose: %1 übrig bei Ablauf (%2)</translation>
    </message>
    <message>
        <source>Forecast: lasts past %1</source>
        <translation>Prognose: reicht über %1 hinaus</translation>
    </message>
</context>
<context>
    <name>ContractsCard</name>
    <message>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Verträge</translation>
    </message>
    <message>
        <source>List, contract and billed cost by provider</source>
        <translation>Listen-, Vertrags- und abgerechnete Kosten nach Anbieter</translation>
    </message>
    <message>
        <source>Commitments and credits</source>
        <translation>Zusagen und Guthaben</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Abgerechnet</translation>
    </message>
    <message>
        <source>At contract prices</source>
        <translation>Zu Vertragspreisen</translation>
    </message>
    <message>
        <source>At list prices</source>
        <translation>Zu Listenpreisen</translation>
    </message>
    <message>
        <source>Contract saves</source>
        <translation>Vertrag spart</translation>
    </message>
    <message>
        <source>Token charges over %1: billed, and the same usage at contract and at list prices</source>
        <translation>Token-Kosten über %1: abgerechnet sowie dieselbe Nutzung zu Vertrags- und zu Listenpreisen</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Posten</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Verbraucht</translation>
    </message>
    <message>
        <source>Unused / left</source>
        <translation>Ungenutzt / übrig</translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation>Ausblick</translation>
    </message>
    <message>
        <source>No commitments or credits in these contracts.</source>
        <translation>Keine Zusagen oder Guthaben in diesen Verträgen.</translation>
    </message>
    <message>
        <source>Commitments and credits as of %1 · %2 of unused commitment in complete months</source>
        <translation>Zusagen und Guthaben am %1 · %2 ungenutzte Zusage in vollständigen Monaten</translation>
    </message>
    <message>
        <source>Commitments and credits as of %1</source>
        <translation>Zusagen und Guthaben am %1</translation>
    </message>
</context>
<context>
    <name>ContractsDialog</name>
    <message>
        <source>account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>alles</translation>
    </message>
    <message>
        <source>%1% off list</source>
        <translation>%1 % unter Liste</translation>
    </message>
    <message numerus="yes">
        <source>%n negotiated price(s)</source>
        <translation>
            <numerusform>%n ausgehandelter Preis</numerusform>
            <numerusform>%n ausgehandelte Preise</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n credit(s)</source>
        <translation>
            <numerusform>%n Guthaben</numerusform>
            <numerusform>%n Guthaben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n commitment(s)</source>
        <translation>
            <numerusform>%n Zusage</numerusform>
            <numerusform>%n Zusagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Verträge</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Save contract</source>
        <translation>Vertrag &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>&amp;Import JSON…</source>
        <translation>JSON &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Export JSON…</source>
        <translation>JSON e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Negotiated prices win over discounts, and discounts over list prices (README → Contracts).</source>
        <translation>Ausgehandelte Preise gehen vor Rabatten, Rabatte vor Listenpreisen (README → Contracts).</translation>
    </message>
    <message>
        <source>Import contracts</source>
        <translation>Verträge importieren</translation>
    </message>
    <message>
        <source>Contracts (*.json)</source>
        <translation>Verträge (*.json)</translation>
    </message>
    <message>
        <source>Export contracts</source>
        <translation>Verträge exportieren</translation>
    </message>
    <message>
        <source>Cannot read the contracts: %1</source>
        <translation>Die Verträge können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Gilt für</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Bedingungen</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved the contract %1; prices follow it.</source>
        <translation>Vertrag %1 gespeichert; die Preise folgen ihm.</translation>
    </message>
    <message>
        <source>Remove contract</source>
        <translation>Vertrag entfernen</translation>
    </message>
    <message>
        <source>Remove the contract %1? Its usage is priced at list prices again.</source>
        <translation>Den Vertrag %1 entfernen? Seine Nutzung wird wieder zu Listenpreisen berechnet.</translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>%1 wird entfernt…</translation>
    </message>
    <message>
        <source>Removed the contract %1.</source>
        <translation>Vertrag %1 entfernt.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>Imported %1: %2 added, %3 updated.</source>
        <translation>%1 importiert: %2 hinzugefügt, %3 aktualisiert.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contract(s) to %1.</source>
        <translation>
            <numerusform>%n Vertrag nach %1 exportiert.</numerusform>
            <numerusform>%n Verträge nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cost::ImportJob</name>
    <message>
        <source>Cannot start the import: %1</source>
        <translation>Der Import kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Importing %1 (%2 of %3)</source>
        <translation>%1 wird importiert (%2 von %3)</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>%1 wird importiert</translation>
    </message>
    <message>
        <source>%1
%2 rows read</source>
        <translation>%1
%2 Zeilen gelesen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message numerus="yes">
        <source>Generating %n days of demo charges</source>
        <translation>
            <numerusform>%n Tag Demo-Buchungen werden erzeugt</numerusform>
            <numerusform>%n Tage Demo-Buchungen werden erzeugt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoverageNote</name>
    <message>
        <source>Telemetry reported in this range, but the bill carries no token counts to set it against.</source>
        <translation>Telemetrie in diesem Zeitraum gemeldet, aber die Rechnung enthält keine Tokenzahlen zum Abgleich.</translation>
    </message>
    <message>
        <source>Telemetry coverage</source>
        <translation>Telemetrie-Abdeckung</translation>
    </message>
    <message>
        <source>Cannot read the telemetry coverage: %1</source>
        <translation>Die Telemetrie-Abdeckung kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Telemetry accounts for %1 of the billed tokens in this range.</source>
        <translation>Die Telemetrie deckt %1 der abgerechneten Token in diesem Zeitraum ab.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) flagged: telemetry over the bill, or an instrumented model with none reported (burnrate coverage lists them).</source>
        <translation>
            <numerusform>%n Tag markiert: Telemetrie über der Rechnung oder ein instrumentiertes Modell ohne Meldung (burnrate coverage listet sie).</numerusform>
            <numerusform>%n Tage markiert: Telemetrie über der Rechnung oder ein instrumentiertes Modell ohne Meldung (burnrate coverage listet sie).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>CurrencyNote</name>
    <message>
        <source>no currency</source>
        <translation>keine Währung</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>show</source>
        <translation>anzeigen</translation>
    </message>
    <message>
        <source>Amounts in %1 only. Also billed in this range, not converted or added: %2.</source>
        <translation>Beträge nur in %1. Ebenfalls in diesem Zeitraum abgerechnet, nicht umgerechnet oder addiert: %2.</translation>
    </message>
    <message>
        <source>Burnrate never adds amounts across currencies and has no exchange rates: each view shows one currency.</source>
        <translation>Burnrate addiert nie Beträge über Währungen hinweg und kennt keine Wechselkurse: Jede Ansicht zeigt eine Währung.</translation>
    </message>
</context>
<context>
    <name>DateRangeBar</name>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Month to date</source>
        <translation>Monat bis heute</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>All data</source>
        <translation>Alle Daten</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Eigener…</translation>
    </message>
    <message>
        <source>Range start</source>
        <translation>Beginn des Zeitraums</translation>
    </message>
    <message>
        <source>Range end</source>
        <translation>Ende des Zeitraums</translation>
    </message>
</context>
<context>
    <name>DesktopSession</name>
    <message>
        <source>Burnrate is already open on %1 in another window.</source>
        <translation>Burnrate ist bereits in einem anderen Fenster mit %1 geöffnet.</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>No other stores yet</source>
        <translation>Noch keine anderen Datenbanken</translation>
    </message>
</context>
<context>
    <name>DismissDialog</name>
    <message>
        <source>Dismiss recommendation</source>
        <translation>Empfehlung verwerfen</translation>
    </message>
    <message>
        <source>Snooze recommendation</source>
        <translation>Empfehlung zurückstellen</translation>
    </message>
    <message>
        <source>e.g. quality too low on the smaller model</source>
        <translation>z. B. Qualität auf dem kleineren Modell zu gering</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Snooze &amp;until:</source>
        <translation>Zurückstellen &amp;bis:</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
</context>
<context>
    <name>Endpoints</name>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Instance type</source>
        <translation>Instanztyp</translation>
    </message>
    <message>
        <source>Accelerator</source>
        <translation>Beschleuniger</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>Idle cost</source>
        <translation>Leerlaufkosten</translation>
    </message>
    <message>
        <source>Per 1k requests</source>
        <translation>Je 1.000 Anfragen</translation>
    </message>
    <message>
        <source>API equivalent</source>
        <translation>API-Gegenwert</translation>
    </message>
    <message>
        <source>Break-even / month</source>
        <translation>Gewinnschwelle / Monat</translation>
    </message>
    <message numerus="yes">
        <source>Endpoint cost %1 across %n endpoint(s), of which %2 idle (%3)</source>
        <translation>
            <numerusform>Endpunktkosten %1 für %n Endpunkt, davon %2 im Leerlauf (%3)</numerusform>
            <numerusform>Endpunktkosten %1 für %n Endpunkte, davon %2 im Leerlauf (%3)</numerusform>
        </translation>
    </message>
    <message>
        <source>model not known</source>
        <translation>Modell unbekannt</translation>
    </message>
    <message>
        <source>%1 on %2, serving %3: %4 paid clock hours, %5 of them with requests; %6 requests, %7 tokens.</source>
        <translation>%1 auf %2, bedient %3: %4 bezahlte Stunden, davon %5 mit Anfragen; %6 Anfragen, %7 Token.</translation>
    </message>
    <message>
        <source>No pay-per-token comparison: no telemetry request matched this endpoint&apos;s model in its paid hours.</source>
        <translation>Kein Vergleich mit der Abrechnung pro Token: In den bezahlten Stunden passt keine Telemetrie-Anfrage zum Modell dieses Endpunkts.</translation>
    </message>
    <message>
        <source>No pay-per-token comparison: the price catalog has no pay-per-token price for %1.</source>
        <translation>Kein Vergleich mit der Abrechnung pro Token: Der Preiskatalog hat keinen Preis pro Token für %1.</translation>
    </message>
    <message>
        <source>The same tokens on the pay-per-token API: %1.</source>
        <translation>Dieselben Token über die API mit Abrechnung pro Token: %1.</translation>
    </message>
    <message>
        <source>The same tokens on the pay-per-token API: %1 (%2× cheaper than the endpoint).</source>
        <translation>Dieselben Token über die API mit Abrechnung pro Token: %1 (%2× günstiger als der Endpunkt).</translation>
    </message>
    <message>
        <source>The same tokens on the pay-per-token API: %1 (%2× dearer than the endpoint).</source>
        <translation>Dieselben Token über die API mit Abrechnung pro Token: %1 (%2× teurer als der Endpunkt).</translation>
    </message>
    <message>
        <source>Break-even at %1 requests per month (now %2).</source>
        <translation>Gewinnschwelle bei %1 Anfragen pro Monat (derzeit %2).</translation>
    </message>
    <message>
        <source>Endpoints come from hour-billed lines: SageMaker real-time endpoints, Azure ML online endpoints, Vertex AI prediction nodes, Bedrock or Azure OpenAI provisioned throughput and Hugging Face Inference Endpoints. Import their bills or connect the account; telemetry of the model served adds utilisation.</source>
        <translation>Endpunkte stammen aus stundenweise abgerechneten Posten: SageMaker-Echtzeit-Endpunkte, Azure-ML-Online-Endpunkte, Vertex-AI-Vorhersageknoten, bereitgestellter Durchsatz von Bedrock oder Azure OpenAI und Hugging Face Inference Endpoints. Importieren Sie deren Rechnungen oder verbinden Sie das Konto; Telemetrie des bereitgestellten Modells ergänzt die Auslastung.</translation>
    </message>
</context>
<context>
    <name>EndpointsPage</name>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>Cannot read the endpoints: %1</source>
        <translation>Die Endpunkte können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No hour-billed endpoint in %1.</source>
        <translation>Kein stundenweise abgerechneter Endpunkt im Zeitraum %1.</translation>
    </message>
    <message>
        <source>Select an endpoint to see its week.</source>
        <translation>Wählen Sie einen Endpunkt, um seine Woche zu sehen.</translation>
    </message>
</context>
<context>
    <name>EstimateView</name>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Abgerechnet</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>Geschätzt</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>Gap %</source>
        <translation>Abweichung %</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>UNPRICED</source>
        <translation>OHNE PREIS</translation>
    </message>
    <message>
        <source>billed without model</source>
        <translation>ohne Modell abgerechnet</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>The provider reports these tokens per model but bills them without a model (not itemised), so there is no bill to compare with</source>
        <translation>Der Anbieter meldet diese Token pro Modell, rechnet sie aber ohne Modell ab (nicht aufgeschlüsselt), daher gibt es keine Rechnung zum Vergleich</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>This day&apos;s gap departs from the usual gap (%1) by more than 0.5% and a cent</source>
        <translation>Die Abweichung dieses Tages weicht um mehr als 0,5 % und einen Cent von der üblichen Abweichung (%1) ab</translation>
    </message>
    <message>
        <source>No token usage in this period.</source>
        <translation>Keine Token-Nutzung in diesem Zeitraum.</translation>
    </message>
    <message numerus="yes">
        <source>Billed %1 for priced usage, catalog estimate %2: gap %3 (%4). %n model(s) flagged</source>
        <translation>
            <numerusform>Abgerechnet %1 für bepreiste Nutzung, Katalogschätzung %2: Abweichung %3 (%4). %n Modell markiert</numerusform>
            <numerusform>Abgerechnet %1 für bepreiste Nutzung, Katalogschätzung %2: Abweichung %3 (%4). %n Modelle markiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n day(s) flagged.</source>
        <translation>
            <numerusform>, %n Tag markiert.</numerusform>
            <numerusform>, %n Tage markiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n day(s) away from the usual daily gap of %1.</source>
        <translation>
            <numerusform>, %n Tag weicht von der üblichen Tagesabweichung von %1 ab.</numerusform>
            <numerusform>, %n Tage weichen von der üblichen Tagesabweichung von %1 ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 billed for unpriced models is not estimated.</source>
        <translation>%1, abgerechnet für Modelle ohne Preis, wird nicht geschätzt.</translation>
    </message>
    <message>
        <source>Usage worth %1 at catalog prices is billed without a model and not compared.</source>
        <translation>Nutzung im Wert von %1 zu Katalogpreisen wird ohne Modell abgerechnet und nicht verglichen.</translation>
    </message>
    <message>
        <source>%1 of other charges (not tokens) are not compared.</source>
        <translation>%1 an sonstigen Kosten (keine Token) werden nicht verglichen.</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>%1 has no chart to export.</source>
        <translation>%1 hat kein Diagramm zum Exportieren.</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>Diagramm:</translation>
    </message>
    <message>
        <source>Resolution (dots per inch):</source>
        <translation>Auflösung (Punkte pro Zoll):</translation>
    </message>
    <message>
        <source>The chart could not be exported: %1</source>
        <translation>Das Diagramm konnte nicht exportiert werden: %1</translation>
    </message>
    <message>
        <source>Chart data saved to %1</source>
        <translation>Diagrammdaten in %1 gespeichert</translation>
    </message>
    <message>
        <source>Chart saved to %1</source>
        <translation>Diagramm in %1 gespeichert</translation>
    </message>
</context>
<context>
    <name>FilterBreadcrumbs</name>
    <message>
        <source>← Back</source>
        <translation>← Zurück</translation>
    </message>
    <message>
        <source>Undo the last narrowing</source>
        <translation>Die letzte Eingrenzung rückgängig machen</translation>
    </message>
    <message>
        <source>All spend</source>
        <translation>Alle Ausgaben</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Back to %1</source>
        <translation>Zurück zu %1</translation>
    </message>
    <message>
        <source>Click a series, a bar or a row to narrow every page to it</source>
        <translation>Klicken Sie auf eine Reihe, einen Balken oder eine Zeile, um jede Seite darauf einzugrenzen</translation>
    </message>
</context>
<context>
    <name>FilterHistory</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vorwärts</translation>
    </message>
</context>
<context>
    <name>FocusExportController</name>
    <message>
        <source>Export FOCUS</source>
        <translation>FOCUS exportieren</translation>
    </message>
    <message>
        <source>FOCUS CSV (*.csv)</source>
        <translation>FOCUS-CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting FOCUS…</source>
        <translation>FOCUS wird exportiert…</translation>
    </message>
    <message>
        <source>Exporting FOCUS (%1)…</source>
        <translation>FOCUS wird exportiert (%1)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>FOCUS export cancelled; %1 was not written.</source>
        <translation>FOCUS-Export abgebrochen; %1 wurde nicht geschrieben.</translation>
    </message>
    <message>
        <source>The FOCUS export failed: %1</source>
        <translation>Der FOCUS-Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>FOCUS export: %1 rows saved to %2</source>
        <translation>FOCUS-Export: %1 Zeilen in %2 gespeichert</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>ForecastChart</name>
    <message>
        <source>95% range</source>
        <translation>95-%-Bereich</translation>
    </message>
    <message>
        <source>80% range</source>
        <translation>80-%-Bereich</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Tatsächlich</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
</context>
<context>
    <name>ForecastPage</name>
    <message>
        <source>Total spend</source>
        <translation>Gesamtausgaben</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>The forecast starts from the latest data; the range sets the history shown</source>
        <translation>Die Prognose beginnt bei den neuesten Daten; der Zeitraum legt den angezeigten Verlauf fest</translation>
    </message>
    <message>
        <source>The series to forecast (Alt+S)</source>
        <translation>Die zu prognostizierende Reihe (Alt+S)</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Series:</source>
        <translation>&amp;Reihe:</translation>
    </message>
    <message>
        <source>&amp;Horizon:</source>
        <translation>&amp;Horizont:</translation>
    </message>
    <message>
        <source>Daily spend and forecast</source>
        <translation>Tägliche Ausgaben und Prognose</translation>
    </message>
    <message>
        <source>Cannot open the store: %1</source>
        <translation>Die Datenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>No cost data yet: import a FOCUS export or load the demo workspace to see a forecast.</source>
        <translation>Noch keine Kostendaten: Importieren Sie einen FOCUS-Export oder laden Sie den Demo-Arbeitsbereich, um eine Prognose zu sehen.</translation>
    </message>
    <message>
        <source>Cannot forecast %1: %2</source>
        <translation>%1 kann nicht prognostiziert werden: %2</translation>
    </message>
    <message>
        <source>Method: %1</source>
        <translation>Methode: %1</translation>
    </message>
    <message>
        <source>%1 (%2, %3): %4</source>
        <translation>%1 (%2, %3): %4</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>Contracts — %1</source>
        <translation>Verträge — %1</translation>
    </message>
    <message>
        <source>%1 (forecast in full)</source>
        <translation>%1 (vollständig prognostiziert)</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 (%2 days)</source>
        <translation>%1 (%2 Tage)</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>T</source>
        <comment>compact count suffix: trillions, 10.6T</comment>
        <translation> Bio.</translation>
    </message>
    <message>
        <source>B</source>
        <comment>compact count suffix: billions, 10.6B</comment>
        <translation> Mrd.</translation>
    </message>
    <message>
        <source>M</source>
        <comment>compact count suffix: millions, 10.6M</comment>
        <translation> Mio.</translation>
    </message>
    <message>
        <source>K</source>
        <comment>compact count suffix: thousands, 10.6K</comment>
        <translation> Tsd.</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import FOCUS cost exports</source>
        <translation>FOCUS-Kostenexporte importieren</translation>
    </message>
    <message>
        <source>FOCUS CSV files (*.csv);;All files (*)</source>
        <translation>FOCUS-CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Importing FOCUS data</source>
        <translation>FOCUS-Daten werden importiert</translation>
    </message>
    <message>
        <source>Load demo workspace</source>
        <translation>Demo-Arbeitsbereich laden</translation>
    </message>
    <message>
        <source>This store already holds cost data. The demo charges are added next to it (a previous demo is replaced). Continue?</source>
        <translation>Diese Datenbank enthält bereits Kostendaten. Die Demo-Buchungen werden daneben hinzugefügt (eine frühere Demo wird ersetzt). Fortfahren?</translation>
    </message>
    <message>
        <source>Loading demo workspace</source>
        <translation>Demo-Arbeitsbereich wird geladen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cannot open the store %1: %2</source>
        <translation>Die Datenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Demo cancelled</source>
        <translation>Demo abgebrochen</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Import abgebrochen</translation>
    </message>
    <message>
        <source>Cancelled. The store is unchanged.</source>
        <translation>Abgebrochen. Die Datenbank ist unverändert.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled. The %n file(s) imported before it are kept.</source>
        <translation>
            <numerusform>Abgebrochen. Die %n zuvor importierte Datei bleibt erhalten.</numerusform>
            <numerusform>Abgebrochen. Die %n zuvor importierten Dateien bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Demo workspace loaded</source>
        <translation>Demo-Arbeitsbereich geladen</translation>
    </message>
    <message>
        <source>%1 demo charges written (%2 replaced) in %3 s.</source>
        <translation>%1 Demo-Buchungen geschrieben (%2 ersetzt) in %3 s.</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) imported: %1 rows imported, %2 skipped, %3 replaced.</source>
        <translation>
            <numerusform>%n Datei importiert: %1 Zeilen importiert, %2 übersprungen, %3 ersetzt.</numerusform>
            <numerusform>%n Dateien importiert: %1 Zeilen importiert, %2 übersprungen, %3 ersetzt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped rows are identical to an export already stored.</source>
        <translation>Übersprungene Zeilen sind identisch mit einem bereits gespeicherten Export.</translation>
    </message>
    <message>
        <source>%1 amounts had more than ten decimals and were rounded.</source>
        <translation>%1 Beträge hatten mehr als zehn Nachkommastellen und wurden gerundet.</translation>
    </message>
    <message numerus="yes">
        <source>The %n file(s) before it were imported.</source>
        <translation>
            <numerusform>Die %n Datei davor wurde importiert.</numerusform>
            <numerusform>Die %n Dateien davor wurden importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The store is unchanged.</source>
        <translation>Die Datenbank ist unverändert.</translation>
    </message>
    <message>
        <source>Demo workspace failed</source>
        <translation>Demo-Arbeitsbereich fehlgeschlagen</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>The rows are dated %1, partly outside the range shown (%2).</source>
        <translation>Die Zeilen sind auf %1 datiert, teilweise außerhalb des angezeigten Zeitraums (%2).</translation>
    </message>
    <message>
        <source>The rows are dated %1 — outside the range shown (%2).</source>
        <translation>Die Zeilen sind auf %1 datiert — außerhalb des angezeigten Zeitraums (%2).</translation>
    </message>
</context>
<context>
    <name>KpiTile</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Burnrate</source>
        <translation>Burnrate</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>Opening store…</source>
        <translation>Datenbank wird geöffnet…</translation>
    </message>
    <message>
        <source>Open store</source>
        <translation>Datenbank öffnen</translation>
    </message>
    <message>
        <source>Burnrate stores (*.sqlite *.db);;All files (*)</source>
        <translation>Burnrate-Datenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Import FOCUS…</source>
        <translation>FOCUS &amp;importieren…</translation>
    </message>
    <message>
        <source>Load &amp;demo workspace…</source>
        <translation>&amp;Demo-Arbeitsbereich laden…</translation>
    </message>
    <message>
        <source>&amp;Open store…</source>
        <translation>Datenbank &amp;öffnen…</translation>
    </message>
    <message>
        <source>C&amp;onnect account…</source>
        <translation>Konto &amp;verbinden…</translation>
    </message>
    <message>
        <source>&amp;Sync all accounts</source>
        <translation>Alle Konten &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Export &amp;chart…</source>
        <translation>Dia&amp;gramm exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>&amp;Bericht exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;FOCUS…</source>
        <translation>&amp;FOCUS exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>B&amp;eenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>Da&amp;ten</translation>
    </message>
    <message>
        <source>&amp;Allocation rules…</source>
        <translation>&amp;Zuordnungsregeln…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Prices…</source>
        <translation>&amp;Preise…</translation>
    </message>
    <message>
        <source>&amp;Contracts…</source>
        <translation>&amp;Verträge…</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>Warnu&amp;ngen</translation>
    </message>
    <message>
        <source>Alert &amp;settings…</source>
        <translation>Warnungs&amp;einstellungen…</translation>
    </message>
    <message>
        <source>Alert &amp;history…</source>
        <translation>Warnungs&amp;verlauf…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Burnrate</source>
        <translation>Ü&amp;ber Burnrate</translation>
    </message>
    <message>
        <source>About Burnrate</source>
        <translation>Über Burnrate</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Burnrate %1&lt;/h3&gt;&lt;p&gt;Local cost analytics for AI inference.&lt;/p&gt;&lt;p&gt;Cost data stays in a SQLite store on this computer:&lt;br&gt;%2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Burnrate %1&lt;/h3&gt;&lt;p&gt;Lokale Kostenanalyse für KI-Inferenz.&lt;/p&gt;&lt;p&gt;Die Kostendaten bleiben in einer SQLite-Datenbank auf diesem Computer:&lt;br&gt;%2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Telemetry attributes</source>
        <translation>Telemetrie-Attribute</translation>
    </message>
    <message>
        <source>Which span or resource attributes name the feature, team and user of a model call: attribute names in order of preference, separated by commas (the first one a span carries wins; leave a line empty for none). Calls received or imported from now on use them.</source>
        <translation>Welche Span- oder Ressourcenattribute Funktion, Team und Benutzer eines Modellaufrufs benennen: Attributnamen nach Vorrang, durch Kommas getrennt (das erste, das ein Span trägt, gilt; eine leere Zeile für keines). Ab jetzt empfangene oder importierte Aufrufe verwenden sie.</translation>
    </message>
    <message>
        <source>&amp;Feature:</source>
        <translation>&amp;Funktion:</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>&amp;Team:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Reading the stored attributes…</source>
        <translation>Die gespeicherten Attribute werden gelesen…</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>%1 %2 vs prior 30 days</source>
        <translation>%1 %2 ggü. Vorzeitraum</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Month to date</source>
        <translation>Monat bis heute</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Top model · 30 days</source>
        <translation>Top-Modell · 30 Tage</translation>
    </message>
    <message>
        <source>Top feature · 30 days</source>
        <translation>Top-Funktion · 30 Tage</translation>
    </message>
    <message>
        <source>Tokens · 30 days</source>
        <translation>Token · 30 Tage</translation>
    </message>
    <message>
        <source>Daily cost by model</source>
        <translation>Tägliche Kosten nach Modell</translation>
    </message>
    <message>
        <source>Total billed in range</source>
        <translation>Abgerechnet im Zeitraum</translation>
    </message>
    <message>
        <source>No cost data yet</source>
        <translation>Noch keine Kostendaten</translation>
    </message>
    <message>
        <source>Connect your OpenAI, Anthropic, AWS, Azure or Google Cloud account, import a FOCUS cost export, or explore Burnrate with a demo workspace holding six months of inference spend.</source>
        <translation>Verbinden Sie Ihr Konto bei OpenAI, Anthropic, AWS, Azure oder Google Cloud, importieren Sie einen FOCUS-Kostenexport oder erkunden Sie Burnrate mit einem Demo-Arbeitsbereich mit sechs Monaten Inferenzausgaben.</translation>
    </message>
    <message>
        <source>Connect an account…</source>
        <translation>Konto verbinden…</translation>
    </message>
    <message>
        <source>Import FOCUS file…</source>
        <translation>FOCUS-Datei importieren…</translation>
    </message>
    <message>
        <source>Load demo workspace</source>
        <translation>Demo-Arbeitsbereich laden</translation>
    </message>
    <message>
        <source>Cannot open the store: %1</source>
        <translation>Die Datenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Month to %1</source>
        <translation>Monat bis %1</translation>
    </message>
    <message>
        <source>30 days to %1</source>
        <translation>30 Tage bis %1</translation>
    </message>
    <message>
        <source>Top model · 30 days to %1</source>
        <translation>Top-Modell · 30 Tage bis %1</translation>
    </message>
    <message>
        <source>Top feature · 30 days to %1</source>
        <translation>Top-Funktion · 30 Tage bis %1</translation>
    </message>
    <message>
        <source>Tokens · 30 days to %1</source>
        <translation>Token · 30 Tage bis %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>No spend in the prior 30 days</source>
        <translation>Keine Ausgaben in den 30 Tagen davor</translation>
    </message>
    <message>
        <source>%1 · %2 of spend</source>
        <translation>%1 · %2 der Ausgaben</translation>
    </message>
    <message>
        <source>No model charges in 30 days</source>
        <translation>Keine Modellkosten in 30 Tagen</translation>
    </message>
    <message>
        <source>No feature tags in 30 days</source>
        <translation>Keine Funktions-Tags in 30 Tagen</translation>
    </message>
    <message>
        <source>No tokens in the prior 30 days</source>
        <translation>Keine Token in den 30 Tagen davor</translation>
    </message>
    <message>
        <source>Billed cost per day, %1 – %2 · top %3 models, the rest as Other</source>
        <translation>Abgerechnete Kosten pro Tag, %1 – %2 · Top %3 Modelle, der Rest als Sonstige</translation>
    </message>
    <message>
        <source>Billed cost per day, %1 – %2</source>
        <translation>Abgerechnete Kosten pro Tag, %1 – %2</translation>
    </message>
</context>
<context>
    <name>PageCursorGuard</name>
    <message numerus="yes">
        <source>%1 sent the same page cursor twice; stopped after %n page(s).</source>
        <translation>
            <numerusform>%1 hat denselben Seiten-Cursor zweimal gesendet; nach %n Seite gestoppt.</numerusform>
            <numerusform>%1 hat denselben Seiten-Cursor zweimal gesendet; nach %n Seiten gestoppt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 kept sending more pages; stopped after %n page(s).</source>
        <translation>
            <numerusform>%1 hat immer weitere Seiten gesendet; nach %n Seite gestoppt.</numerusform>
            <numerusform>%1 hat immer weitere Seiten gesendet; nach %n Seiten gestoppt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PriceEditorDialog</name>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>Cache-Lesen</translation>
    </message>
    <message>
        <source>Cache write 5m</source>
        <translation>Cache-Schreiben 5 Min.</translation>
    </message>
    <message>
        <source>Cache write 1h</source>
        <translation>Cache-Schreiben 1 Std.</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>always</source>
        <translation>immer</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>Filter by model or provider (Ctrl+F)</source>
        <translation>Nach Modell oder Anbieter filtern (Strg+F)</translation>
    </message>
    <message>
        <source>&amp;Import LiteLLM JSON…</source>
        <translation>LiteLLM-JSON &amp;importieren…</translation>
    </message>
    <message>
        <source>Add or override a price (your prices win over curated and imported ones)</source>
        <translation>Einen Preis hinzufügen oder überschreiben (Ihre Preise gehen vor kuratierten und importierten)</translation>
    </message>
    <message>
        <source>Unpriced models in the usage</source>
        <translation>Modelle ohne Preis in der Nutzung</translation>
    </message>
    <message>
        <source>%1 (%2, %3): %4 tokens</source>
        <translation>%1 (%2, %3): %4 Token</translation>
    </message>
    <message>
        <source>Every model in the usage has a price.</source>
        <translation>Jedes Modell in der Nutzung hat einen Preis.</translation>
    </message>
    <message>
        <source>Add &amp;price</source>
        <translation>&amp;Preis hinzufügen</translation>
    </message>
    <message>
        <source>Import prices</source>
        <translation>Preise importieren</translation>
    </message>
    <message>
        <source>Price files (*.json)</source>
        <translation>Preisdateien (*.json)</translation>
    </message>
    <message>
        <source>e.g. gpt-4o-mini</source>
        <translation>z. B. gpt-4o-mini</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, empty = always</source>
        <translation>JJJJ-MM-TT, leer = immer</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Anbieter:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Tier:</source>
        <translation>Stufe:</translation>
    </message>
    <message>
        <source>Effective from:</source>
        <translation>Gültig ab:</translation>
    </message>
    <message>
        <source>Prices per 1M tokens (empty = no price for that kind):</source>
        <translation>Preise pro 1 Mio. Token (leer = kein Preis für diese Art):</translation>
    </message>
    <message>
        <source>&amp;Save price</source>
        <translation>Preis &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Remove my price…</source>
        <translation>Meinen Preis &amp;entfernen…</translation>
    </message>
    <message>
        <source>Cannot read the prices: %1</source>
        <translation>Die Preise können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source> (long context)</source>
        <translation> (langer Kontext)</translation>
    </message>
    <message>
        <source>Model: enter the model name (e.g. gpt-4o-mini).</source>
        <translation>Modell: Geben Sie den Modellnamen ein (z. B. gpt-4o-mini).</translation>
    </message>
    <message>
        <source>Effective from: &apos;%1&apos; is not a date (YYYY-MM-DD); leave it empty for always.</source>
        <translation>Gültig ab: „%1“ ist kein Datum (JJJJ-MM-TT); leer lassen für immer.</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a price (a non-negative amount per 1M tokens, e.g. 2.50).</source>
        <translation>%1: „%2“ ist kein Preis (ein nicht negativer Betrag pro 1 Mio. Token, z. B. 2.50).</translation>
    </message>
    <message>
        <source>Input / Output: give at least the input or the output price.</source>
        <translation>Eingabe / Ausgabe: Geben Sie mindestens den Eingabe- oder den Ausgabepreis an.</translation>
    </message>
    <message>
        <source>Saving the price of %1…</source>
        <translation>Preis von %1 wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved your price for %1; the simulator re-prices with it.</source>
        <translation>Ihr Preis für %1 wurde gespeichert; der Simulator rechnet damit neu.</translation>
    </message>
    <message>
        <source>Remove price</source>
        <translation>Preis entfernen</translation>
    </message>
    <message>
        <source>Remove your price for %1 (%2, from %3)? Curated or imported prices apply again.</source>
        <translation>Ihren Preis für %1 (%2, ab %3) entfernen? Dann gelten wieder kuratierte oder importierte Preise.</translation>
    </message>
    <message>
        <source>Removing the price of %1…</source>
        <translation>Preis von %1 wird entfernt…</translation>
    </message>
    <message>
        <source>Removed your price for %1.</source>
        <translation>Ihr Preis für %1 wurde entfernt.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>Imported %1 prices for %2 models (%3 format, %4 skipped).</source>
        <translation>%1 Preise für %2 Modelle importiert (Format %3, %4 übersprungen).</translation>
    </message>
    <message>
        <source>Enter the prices of %1 per 1M tokens and save.</source>
        <translation>Geben Sie die Preise von %1 pro 1 Mio. Token ein und speichern Sie.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1:%2: section header is missing its closing &apos;]&apos;</source>
        <translation>%1:%2: dem Abschnittskopf fehlt die schließende „]“</translation>
    </message>
    <message>
        <source>%1:%2: expected &apos;key = value&apos;</source>
        <translation>%1:%2: „Schlüssel = Wert“ erwartet</translation>
    </message>
    <message>
        <source>%1:%2: setting before the first [section]</source>
        <translation>%1:%2: Einstellung vor dem ersten [Abschnitt]</translation>
    </message>
    <message>
        <source>AWS profile &quot;%1&quot; was not found in %2 or %3.</source>
        <translation>AWS-Profil „%1“ wurde weder in %2 noch in %3 gefunden.</translation>
    </message>
    <message>
        <source>profile %1 (%2)</source>
        <translation>Profil %1 (%2)</translation>
    </message>
    <message>
        <source>AWS profile &quot;%1&quot; gets its credentials through %2, which Burnrate does not run. Use a profile with aws_access_key_id and aws_secret_access_key (for example one written by `aws configure export-credentials`), or enter access keys.</source>
        <translation>AWS-Profil „%1“ bezieht seine Zugangsdaten über %2, das Burnrate nicht ausführt. Verwenden Sie ein Profil mit aws_access_key_id und aws_secret_access_key (zum Beispiel eines, das `aws configure export-credentials` geschrieben hat), oder geben Sie Zugriffsschlüssel ein.</translation>
    </message>
    <message>
        <source>AWS profile &quot;%1&quot; has no %2.</source>
        <translation>AWS-Profil „%1“ hat kein %2.</translation>
    </message>
    <message>
        <source>Enter an AWS access key ID and secret access key, or name a profile from %1.</source>
        <translation>Geben Sie eine AWS-Zugriffsschlüssel-ID und einen geheimen Zugriffsschlüssel ein oder nennen Sie ein Profil aus %1.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 · Filters: %2 · Currency: %3</source>
        <translation>%1 · Filter: %2 · Währung: %3</translation>
    </message>
    <message>
        <source>Generated %1 by Burnrate</source>
        <translation>Erstellt am %1 von Burnrate</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Bucket start (UTC)</source>
        <translation>Intervallbeginn (UTC)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>there is no chart to export</source>
        <translation>es gibt kein Diagramm zum Exportieren</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot start the PDF</source>
        <translation>das PDF kann nicht begonnen werden</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>the image is too large at %1 dpi</source>
        <translation>das Bild ist bei %1 dpi zu groß</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>CSV data (*.csv)</source>
        <translation>CSV-Daten (*.csv)</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
</context>
<context>
    <name>ReceiverPanel</name>
    <message>
        <source>Receive OpenTelemetry</source>
        <translation>OpenTelemetry empfangen</translation>
    </message>
    <message>
        <source>New &amp;token…</source>
        <translation>Neues &amp;Token…</translation>
    </message>
    <message>
        <source>Remove token</source>
        <translation>Token entfernen</translation>
    </message>
    <message>
        <source>Listen on address</source>
        <translation>Empfangsadresse</translation>
    </message>
    <message>
        <source>127.0.0.1: only applications on this computer; 0.0.0.0: any machine that can reach it</source>
        <translation>127.0.0.1: nur Anwendungen auf diesem Computer; 0.0.0.0: jeder Rechner, der ihn erreicht</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Your applications&apos; OpenTelemetry exporters send their model calls (GenAI spans: model, tokens, feature) here over OTLP/HTTP: set OTEL_EXPORTER_OTLP_ENDPOINT to the address below.</source>
        <translation>Die OpenTelemetry-Exporter Ihrer Anwendungen senden ihre Modellaufrufe (GenAI-Spans: Modell, Token, Funktion) per OTLP/HTTP hierher: setzen Sie OTEL_EXPORTER_OTLP_ENDPOINT auf die Adresse unten.</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Receiving on http://%1/v1/traces (bearer token required)</source>
        <translation>Empfang auf http://%1/v1/traces (Bearer-Token erforderlich)</translation>
    </message>
    <message>
        <source>Receiving on http://%1/v1/traces</source>
        <translation>Empfang auf http://%1/v1/traces</translation>
    </message>
    <message>
        <source>Not receiving: %1</source>
        <translation>Kein Empfang: %1</translation>
    </message>
    <message numerus="yes">
        <source>Receiving on http://%1/v1/traces · %n model call(s) stored since it started</source>
        <translation>
            <numerusform>Empfang auf http://%1/v1/traces · %n Modellaufruf seit dem Start gespeichert</numerusform>
            <numerusform>Empfang auf http://%1/v1/traces · %n Modellaufrufe seit dem Start gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused a request (HTTP %1): %2</source>
        <translation>Anfrage abgewiesen (HTTP %1): %2</translation>
    </message>
    <message>
        <source>New bearer token</source>
        <translation>Neues Bearer-Token</translation>
    </message>
    <message>
        <source>Give your exporters this header (it is shown once; the keychain keeps it):</source>
        <translation>Geben Sie Ihren Exportern diesen Header (er wird einmal gezeigt; der Schlüsselbund bewahrt ihn):</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Remove the bearer token? The receiver then accepts requests without one.</source>
        <translation>Das Bearer-Token entfernen? Der Empfänger nimmt dann Anfragen ohne Token an.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Not receiving: “%1” is not an IP address (127.0.0.1, ::1, 0.0.0.0)</source>
        <translation>Kein Empfang: „%1“ ist keine IP-Adresse (127.0.0.1, ::1, 0.0.0.0)</translation>
    </message>
    <message>
        <source>Not receiving: the keychain cannot be read (%1)</source>
        <translation>Kein Empfang: der Schlüsselbund kann nicht gelesen werden (%1)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Cannot store the token in the keychain: %1</source>
        <translation>Das Token kann nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Cannot remove the token from the keychain: %1</source>
        <translation>Das Token kann nicht aus dem Schlüsselbund entfernt werden: %1</translation>
    </message>
    <message>
        <source>&amp;Attributes…</source>
        <translation>&amp;Attribute…</translation>
    </message>
    <message>
        <source>Which span attributes name the feature, team and user (imports use them too)</source>
        <translation>Welche Span-Attribute Funktion, Team und Benutzer benennen (auch Importe verwenden sie)</translation>
    </message>
</context>
<context>
    <name>Recommend</name>
    <message>
        <source>Smaller model</source>
        <translation>Kleineres Modell</translation>
    </message>
    <message>
        <source>Prompt caching</source>
        <translation>Prompt-Caching</translation>
    </message>
    <message>
        <source>Batch tier</source>
        <translation>Batch-Stufe</translation>
    </message>
    <message>
        <source>Prompt compression</source>
        <translation>Prompt-Komprimierung</translation>
    </message>
    <message>
        <source>Long-context surcharge</source>
        <translation>Langkontext-Aufschlag</translation>
    </message>
    <message>
        <source>Guardrail</source>
        <translation>Schutzgrenze</translation>
    </message>
    <message>
        <source>(unallocated)</source>
        <translation>(nicht zugeordnet)</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)</source>
        <translation>%1 auf %2 (%3)</translation>
    </message>
</context>
<context>
    <name>RecommendationsPage</name>
    <message>
        <source>Recommendation</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Savings / month</source>
        <translation>Einsparung / Monat</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Spanne</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Empfehlungen</translation>
    </message>
    <message>
        <source>&amp;Open in Simulator</source>
        <translation>Im Simulator ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open this recommendation&apos;s scenario in the Simulator (Ctrl+Return)</source>
        <translation>Das Szenario dieser Empfehlung im Simulator öffnen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Dismiss…</source>
        <translation>&amp;Verwerfen …</translation>
    </message>
    <message>
        <source>Dismiss with a reason (Delete); Ctrl+Z undoes it</source>
        <translation>Mit Begründung verwerfen (Entf); Strg+Z macht es rückgängig</translation>
    </message>
    <message>
        <source>S&amp;nooze…</source>
        <translation>&amp;Zurückstellen …</translation>
    </message>
    <message>
        <source>Hide until a date, with a reason; Ctrl+Z undoes it</source>
        <translation>Bis zu einem Datum ausblenden, mit Begründung; Strg+Z macht es rückgängig</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Show a dismissed or snoozed recommendation again</source>
        <translation>Eine verworfene oder zurückgestellte Empfehlung wieder anzeigen</translation>
    </message>
    <message>
        <source>Show &amp;dismissed and snoozed</source>
        <translation>Verworfene und zurückgestellte &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Expected / month</source>
        <translation>Erwartet / Monat</translation>
    </message>
    <message>
        <source>Measured / month</source>
        <translation>Gemessen / Monat</translation>
    </message>
    <message>
        <source>Measured on</source>
        <translation>Gemessen über</translation>
    </message>
    <message>
        <source>Realised recommendations</source>
        <translation>Umgesetzte Empfehlungen</translation>
    </message>
    <message>
        <source>Cannot look for savings: %1</source>
        <translation>Einsparungen können nicht gesucht werden: %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>Zurückgestellt bis %1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Umgesetzt</translation>
    </message>
    <message>
        <source>Realised: none yet. A recommendation is marked done when a later period&apos;s usage shows its change.</source>
        <translation>Umgesetzt: noch keine. Eine Empfehlung gilt als umgesetzt, sobald die Nutzung eines späteren Zeitraums ihre Änderung zeigt.</translation>
    </message>
    <message numerus="yes">
        <source>Realised: %1 per month measured on later usage, from %n recommendation(s)</source>
        <translation>
            <numerusform>Umgesetzt: %1 pro Monat, an späterer Nutzung gemessen, aus %n Empfehlung</numerusform>
            <numerusform>Umgesetzt: %1 pro Monat, an späterer Nutzung gemessen, aus %n Empfehlungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a recommendation to see its evidence.</source>
        <translation>Eine Empfehlung auswählen, um ihre Belege zu sehen.</translation>
    </message>
    <message>
        <source>Evidence: %1</source>
        <translation>Belege: %1</translation>
    </message>
    <message>
        <source>Priced by the scenario engine on this range: %1 of %2 saved (%3 per month, range %4); confidence %5.</source>
        <translation>Von der Szenario-Engine über diesen Zeitraum berechnet: %1 von %2 gespart (%3 pro Monat, Spanne %4); Konfidenz %5.</translation>
    </message>
    <message>
        <source>Reason given: %1</source>
        <translation>Angegebener Grund: %1</translation>
    </message>
    <message>
        <source>Dismissed %1.</source>
        <translation>%1 verworfen.</translation>
    </message>
    <message>
        <source>Snoozed %1 until %2.</source>
        <translation>%1 bis %2 zurückgestellt.</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>%1 wiederhergestellt.</translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>Rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Cannot undo: %1</source>
        <translation>Rückgängig machen nicht möglich: %1</translation>
    </message>
    <message>
        <source>No open savings opportunities in this range</source>
        <translation>Keine offenen Einsparmöglichkeiten in diesem Zeitraum</translation>
    </message>
    <message numerus="yes">
        <source>Potential savings: %1 per month (%2) from %n open recommendation(s)</source>
        <translation>
            <numerusform>Mögliche Einsparung: %1 pro Monat (%2) aus %n offenen Empfehlung</numerusform>
            <numerusform>Mögliche Einsparung: %1 pro Monat (%2) aus %n offenen Empfehlungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Found in the usage of %1, each priced by the scenario engine. Where two touch the same traffic, together they save less than their sum.</source>
        <translation>Gefunden in der Nutzung von %1, jede von der Szenario-Engine berechnet. Wo zwei denselben Verkehr betreffen, sparen sie zusammen weniger als ihre Summe.</translation>
    </message>
    <message>
        <source>Not remembered: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Cannot change it: the store has no record of this recommendation (%1).</source>
        <translation>Nicht änderbar: die Datenbank hat keinen Eintrag zu dieser Empfehlung (%1).</translation>
    </message>
    <message>
        <source>Export &amp;quotas…</source>
        <translation>&amp;Kontingente exportieren …</translation>
    </message>
    <message>
        <source>Write the guardrails&apos; suggested limits as a file a LiteLLM proxy or an OpenAI project budget takes (Burnrate never applies them)</source>
        <translation>Die vorgeschlagenen Grenzen der Schutzgrenzen als Datei schreiben, die ein LiteLLM-Proxy oder ein OpenAI-Projektbudget übernimmt (Burnrate wendet sie nie selbst an)</translation>
    </message>
    <message>
        <source>LiteLLM proxy tag budgets…</source>
        <translation>LiteLLM-Proxy-Tag-Budgets …</translation>
    </message>
    <message>
        <source>OpenAI project budgets…</source>
        <translation>OpenAI-Projektbudgets …</translation>
    </message>
    <message>
        <source>No open guardrail recommendation to export.</source>
        <translation>Keine offene Schutzgrenzen-Empfehlung zum Exportieren.</translation>
    </message>
    <message>
        <source>Export quotas</source>
        <translation>Kontingente exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json);;All files (*)</source>
        <translation>JSON (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n suggested limit(s) to %1; Burnrate does not apply them.</source>
        <translation>
            <numerusform>%n vorgeschlagene Grenze nach %1 geschrieben; Burnrate wendet sie nicht an.</numerusform>
            <numerusform>%n vorgeschlagene Grenzen nach %1 geschrieben; Burnrate wendet sie nicht an.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>%1, not itemised</source>
        <translation>%1, nicht aufgeschlüsselt</translation>
    </message>
    <message>
        <source>%1 and %2, not itemised</source>
        <translation>%1 und %2, nicht aufgeschlüsselt</translation>
    </message>
    <message>
        <source>Not itemised by model</source>
        <translation>Nicht nach Modell aufgeschlüsselt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>Report::AnomalySection</name>
    <message>
        <source> (%1 days)</source>
        <translation> (%1 Tage)</translation>
    </message>
    <message>
        <source> (%1 h)</source>
        <translation> (%1 h)</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>erwartet</translation>
    </message>
    <message>
        <source>not expected</source>
        <translation>nicht erwartet</translation>
    </message>
    <message>
        <source>, hourly</source>
        <translation>, stündlich</translation>
    </message>
    <message>
        <source>, daily</source>
        <translation>, täglich</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n weitere</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Anomalien</translation>
    </message>
    <message numerus="yes">
        <source>%n spike(s) (%1 above expected in all)</source>
        <translation>
            <numerusform>%n Spitze (insgesamt %1 über Erwartung)</numerusform>
            <numerusform>%n Spitzen (insgesamt %1 über Erwartung)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n drop(s) (%1 below)</source>
        <translation>
            <numerusform>%n Rückgang (%1 darunter)</numerusform>
            <numerusform>%n Rückgänge (%1 darunter)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s) in this range: %1. An incident usually shows in several series at once (the total, its provider, model, feature and team); its money is counted once, at the highest of them. %2 anomalies in all; %3 were marked expected.</source>
        <translation>
            <numerusform>%n Vorfall in diesem Zeitraum: %1. Ein Vorfall zeigt sich meist in mehreren Reihen zugleich (Gesamt, Anbieter, Modell, Funktion und Team); sein Betrag wird einmal gezählt, beim höchsten davon. Insgesamt %2 Anomalien; %3 wurden als erwartet markiert.</numerusform>
            <numerusform>%n Vorfälle in diesem Zeitraum: %1. Ein Vorfall zeigt sich meist in mehreren Reihen zugleich (Gesamt, Anbieter, Modell, Funktion und Team); sein Betrag wird einmal gezählt, beim höchsten davon. Insgesamt %2 Anomalien; %3 wurden als erwartet markiert.</numerusform>
        </translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Largest incidents, impact against expected</source>
        <translation>Größte Vorfälle, Auswirkung gegenüber Erwartung</translation>
    </message>
    <message>
        <source>Impact in %1</source>
        <translation>Auswirkung in %1</translation>
    </message>
    <message>
        <source>Root causes</source>
        <translation>Ursachen</translation>
    </message>
    <message>
        <source>no single value stands out</source>
        <translation>kein einzelner Wert sticht heraus</translation>
    </message>
    <message>
        <source>Also seen in %1.</source>
        <translation>Auch in %1 zu sehen.</translation>
    </message>
    <message>
        <source>Every incident</source>
        <translation>Jeder Vorfall</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Wann (UTC)</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Tatsächlich</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Auswirkung</translation>
    </message>
    <message>
        <source>Impact %</source>
        <translation>Auswirkung %</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more series</source>
        <translation>
            <numerusform>%1 und %n weitere Reihe</numerusform>
            <numerusform>%1 und %n weitere Reihen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 smaller incidents are not listed; `burnrate anomalies` lists every anomaly.</source>
        <translation>%1 kleinere Vorfälle sind nicht aufgeführt; `burnrate anomalies` listet jede Anomalie.</translation>
    </message>
    <message>
        <source>No anomalies in this range: every total, provider, model, feature, team and endpoint series stayed within its expected band (or moved by less than the minimum impact).</source>
        <translation>Keine Anomalien in diesem Zeitraum: Jede Reihe (Gesamt, Anbieter, Modell, Funktion, Team, Endpunkt) blieb in ihrem erwarteten Band (oder bewegte sich um weniger als die Mindestauswirkung).</translation>
    </message>
</context>
<context>
    <name>Report::BudgetSection</name>
    <message>
        <source>Over budget</source>
        <translation>Über Budget</translation>
    </message>
    <message>
        <source>Forecast over</source>
        <translation>Prognose über Budget</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>Im Plan</translation>
    </message>
    <message>
        <source>All spend</source>
        <translation>Alle Ausgaben</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <source>Each budget as of %1: spend so far in its current period and, where days remain, the projected end-of-period spend with its 80% range.</source>
        <translation>Jedes Budget am %1: bisherige Ausgaben im aktuellen Zeitraum und, wo noch Tage bleiben, die hochgerechneten Ausgaben zum Zeitraumende mit ihrem 80-%-Bereich.</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Ausgegeben</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Verbraucht</translation>
    </message>
    <message>
        <source>Projected</source>
        <translation>Hochgerechnet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Burn-down: %1</source>
        <translation>Budgetverbrauch: %1</translation>
    </message>
    <message>
        <source>%1 of %2 spent by %3.</source>
        <translation>%1 von %2 ausgegeben bis %3.</translation>
    </message>
    <message>
        <source>Projected to end at %1 (80% range %2 to %3).</source>
        <translation>Voraussichtliches Ende bei %1 (80-%-Bereich %2 bis %3).</translation>
    </message>
    <message>
        <source>At this pace it reaches the budget on %1.</source>
        <translation>Bei diesem Tempo wird das Budget am %1 erreicht.</translation>
    </message>
    <message>
        <source>At this pace it stays within the budget.</source>
        <translation>Bei diesem Tempo bleibt es im Budget.</translation>
    </message>
</context>
<context>
    <name>Report::EndpointSection</name>
    <message>
        <source>Self-hosted endpoints</source>
        <translation>Selbst betriebene Endpunkte</translation>
    </message>
    <message>
        <source>Utilisation is the share of the paid instance hours with at least one request in the telemetry of the model served; idle cost is the cost of the hours without one. The API equivalent prices the same tokens at the catalog&apos;s pay-per-token price; break-even is the monthly request volume at which both cost the same.</source>
        <translation>Die Auslastung ist der Anteil der bezahlten Instanzstunden mit mindestens einer Anfrage in der Telemetrie des bereitgestellten Modells; Leerlaufkosten sind die Kosten der Stunden ohne Anfrage. Der API-Gegenwert bepreist dieselben Token mit dem Preis pro Token aus dem Katalog; die Gewinnschwelle ist das monatliche Anfragevolumen, bei dem beides gleich viel kostet.</translation>
    </message>
    <message>
        <source>The report&apos;s filters do not apply to this section.</source>
        <translation>Die Filter des Berichts gelten für diesen Abschnitt nicht.</translation>
    </message>
    <message>
        <source>Compared with the pay-per-token API</source>
        <translation>Im Vergleich zur API mit Abrechnung pro Token</translation>
    </message>
</context>
<context>
    <name>Report::ForecastSection</name>
    <message>
        <source>Forecasts</source>
        <translation>Prognosen</translation>
    </message>
    <message>
        <source>%1, forecast from the store&apos;s daily history through %2 with the method that did best when forecasting its own past: %3.</source>
        <translation>%1, prognostiziert aus dem täglichen Verlauf der Datenbank bis %2 mit der Methode, die bei der Prognose der eigenen Vergangenheit am besten abschnitt: %3.</translation>
    </message>
    <message>
        <source>Daily spend and the next %1 days</source>
        <translation>Tägliche Ausgaben und die nächsten %1 Tage</translation>
    </message>
    <message>
        <source>Month-end projections</source>
        <translation>Hochrechnungen zum Monatsende</translation>
    </message>
    <message>
        <source>The month containing the first forecast day: spend so far plus the forecast of the rest. The range sums the daily 80% bounds, so it is on the wide side. “vs repeating last week” compares the typical daily error with that simple rule (negative is better).</source>
        <translation>Der Monat mit dem ersten Prognosetag: bisherige Ausgaben plus die Prognose für den Rest. Der Bereich summiert die täglichen 80-%-Grenzen und ist daher eher weit. „ggü. Vorwoche“ vergleicht den typischen Tagesfehler mit dieser einfachen Regel (negativ ist besser).</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <source>So far</source>
        <translation>Bisher</translation>
    </message>
    <message>
        <source>Projected</source>
        <translation>Hochgerechnet</translation>
    </message>
    <message>
        <source>80% range</source>
        <translation>80-%-Bereich</translation>
    </message>
    <message>
        <source>Daily error</source>
        <translation>Tagesfehler</translation>
    </message>
    <message>
        <source>vs last week</source>
        <translation>ggü. Vorwoche</translation>
    </message>
</context>
<context>
    <name>Report::MoversSection</name>
    <message>
        <source>Top movers vs the previous period</source>
        <translation>Größte Veränderungen ggü. dem Vorzeitraum</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Each value against the %1 days just before this range (%2). Increases are red, decreases green.</source>
        <translation>Jeder Wert gegenüber den %1 Tagen direkt vor diesem Zeitraum (%2). Anstiege sind rot, Rückgänge grün.</translation>
    </message>
    <message>
        <source>Nothing changed against the previous period.</source>
        <translation>Gegenüber dem Vorzeitraum hat sich nichts geändert.</translation>
    </message>
    <message>
        <source>Change in cost</source>
        <translation>Kostenänderung</translation>
    </message>
    <message>
        <source>Change in %1</source>
        <translation>Änderung in %1</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>This range</source>
        <translation>Dieser Zeitraum</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>Änderung %</translation>
    </message>
</context>
<context>
    <name>Report::RecommendationSection</name>
    <message>
        <source>Savings recommendations</source>
        <translation>Einsparempfehlungen</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Pro Monat</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Spanne</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Umgesetzt</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Expected / month</source>
        <translation>Erwartet / Monat</translation>
    </message>
    <message>
        <source>Measured / month</source>
        <translation>Gemessen / Monat</translation>
    </message>
    <message>
        <source>Measured on</source>
        <translation>Gemessen über</translation>
    </message>
    <message>
        <source>Realised</source>
        <translation>Umgesetzt</translation>
    </message>
    <message>
        <source>Recommendations whose change shows in later usage, with the saving measured there: the feature&apos;s cost per request before and after, times its requests, per month.</source>
        <translation>Empfehlungen, deren Änderung sich in späterer Nutzung zeigt, mit der dort gemessenen Einsparung: die Kosten der Funktion pro Anfrage vorher und nachher, mal ihre Anfragen, pro Monat.</translation>
    </message>
    <message numerus="yes">
        <source>%n open opportunity(ies) in this range&apos;s usage, worth %1 per month (range %2). Each is a one-step scenario priced by the scenario engine on this range (“burnrate recommend” lists them with the scenario “burnrate simulate” takes); where two touch the same traffic, together they save less than their sum.</source>
        <translation>
            <numerusform>%n offene Möglichkeit in der Nutzung dieses Zeitraums, %1 pro Monat wert (Spanne %2). Jede ist ein einstufiges Szenario, von der Szenario-Engine über diesen Zeitraum berechnet (“burnrate recommend” listet sie mit dem Szenario, das “burnrate simulate” annimmt); wo zwei denselben Verkehr betreffen, sparen sie zusammen weniger als ihre Summe.</numerusform>
            <numerusform>%n offene Möglichkeiten in der Nutzung dieses Zeitraums, %1 pro Monat wert (Spanne %2). Jede ist ein einstufiges Szenario, von der Szenario-Engine über diesen Zeitraum berechnet (“burnrate recommend” listet sie mit dem Szenario, das “burnrate simulate” annimmt); wo zwei denselben Verkehr betreffen, sparen sie zusammen weniger als ihre Summe.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Report::ReportCanvas</name>
    <message>
        <source>Burnrate</source>
        <translation>Burnrate</translation>
    </message>
    <message>
        <source>Burnrate · %1</source>
        <translation>Burnrate · %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>Generated %1 · %2 · Filters: %3</source>
        <translation>Erstellt %1 · %2 · Filter: %3</translation>
    </message>
</context>
<context>
    <name>Report::ReportWriter</name>
    <message>
        <source>Total cost</source>
        <translation>Gesamtkosten</translation>
    </message>
    <message>
        <source>billed, exact to the cent</source>
        <translation>abgerechnet, centgenau</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Vorheriger Zeitraum</translation>
    </message>
    <message>
        <source>%1 change</source>
        <translation>%1 Änderung</translation>
    </message>
    <message>
        <source>Per active day</source>
        <translation>Pro aktivem Tag</translation>
    </message>
    <message>
        <source>%1 days with charges</source>
        <translation>%1 Tage mit Buchungen</translation>
    </message>
    <message>
        <source>Cost per 1M tokens</source>
        <translation>Kosten pro 1 Mio. Token</translation>
    </message>
    <message>
        <source>blended over all kinds</source>
        <translation>gemischt über alle Arten</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
    <message>
        <source>Top model</source>
        <translation>Top-Modell</translation>
    </message>
    <message>
        <source>%1 of cost</source>
        <translation>%1 der Kosten</translation>
    </message>
    <message>
        <source>Top feature</source>
        <translation>Top-Funktion</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>no store at %1</source>
        <translation>keine Datenbank unter %1</translation>
    </message>
    <message>
        <source>Reading the store</source>
        <translation>Datenbank wird gelesen</translation>
    </message>
    <message>
        <source>Preparing sections</source>
        <translation>Abschnitte werden vorbereitet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>AI inference cost report</source>
        <translation>Kostenbericht KI-Inferenz</translation>
    </message>
    <message>
        <source>cannot start the PDF</source>
        <translation>das PDF kann nicht begonnen werden</translation>
    </message>
    <message>
        <source>Drawing %1</source>
        <translation>%1 wird gezeichnet</translation>
    </message>
    <message>
        <source>BURNRATE COST REPORT</source>
        <translation>BURNRATE-KOSTENBERICHT</translation>
    </message>
    <message>
        <source>AI inference cost</source>
        <translation>Kosten der KI-Inferenz</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Cost over time by model</source>
        <translation>Kosten im Zeitverlauf nach Modell</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
</context>
<context>
    <name>Report::SimulationSection</name>
    <message>
        <source>Prices and what-if scenarios</source>
        <translation>Preise und Was-wäre-wenn-Szenarien</translation>
    </message>
    <message>
        <source>Token charges billed %1; the price catalog estimates %2 for the same usage, a gap of %3 (%4). Charges that are not token charges (%5) are not re-priced.</source>
        <translation>Token-Kosten abgerechnet: %1; der Preiskatalog schätzt %2 für dieselbe Nutzung, eine Abweichung von %3 (%4). Kosten, die keine Token-Kosten sind (%5), werden nicht neu bepreist.</translation>
    </message>
    <message>
        <source>Estimated vs billed, by model</source>
        <translation>Geschätzt ggü. abgerechnet, nach Modell</translation>
    </message>
    <message>
        <source>Green: the bill matches the catalog; orange: it differs by more than 0.5% (a price change, a discount or a billing mistake); red: no price in the catalog.</source>
        <translation>Grün: Die Rechnung entspricht dem Katalog; Orange: Sie weicht um mehr als 0,5 % ab (eine Preisänderung, ein Rabatt oder ein Abrechnungsfehler); Rot: kein Preis im Katalog.</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Abgerechnet</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>Geschätzt</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>Gap %</source>
        <translation>Abweichung %</translation>
    </message>
    <message>
        <source>UNPRICED</source>
        <translation>OHNE PREIS</translation>
    </message>
    <message>
        <source>No saved scenarios (burnrate simulate --scenario FILE.json --save).</source>
        <translation>Keine gespeicherten Szenarien (burnrate simulate --scenario FILE.json --save).</translation>
    </message>
    <message>
        <source>Saved scenarios over this range</source>
        <translation>Gespeicherte Szenarien über diesen Zeitraum</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Basislinie</translation>
    </message>
    <message>
        <source>Scenario cost</source>
        <translation>Szenariokosten</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>Einsparung</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Pro Monat</translation>
    </message>
    <message>
        <source>UNPRICED: %1 model/token kinds have no catalog price; %2 billed for them is left out of the estimate and of every scenario (never counted as zero). Add their prices with “burnrate prices import”.</source>
        <translation>OHNE PREIS: %1 Modell-/Token-Arten haben keinen Katalogpreis; die dafür abgerechneten %2 bleiben außerhalb der Schätzung und jedes Szenarios (nie als null gezählt). Fügen Sie ihre Preise mit „burnrate prices import“ hinzu.</translation>
    </message>
</context>
<context>
    <name>Report::SpendSection</name>
    <message>
        <source>by hour</source>
        <translation>nach Stunde</translation>
    </message>
    <message>
        <source>by day</source>
        <translation>nach Tag</translation>
    </message>
    <message>
        <source>by week</source>
        <translation>nach Woche</translation>
    </message>
    <message>
        <source>by month</source>
        <translation>nach Monat</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>No charges in this range.</source>
        <translation>Keine Buchungen in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>%1 across %2 values. The previous period of the same length cost %3 (%4).</source>
        <translation>%1 über %2 Werte. Der gleich lange Vorzeitraum kostete %3 (%4).</translation>
    </message>
    <message>
        <source>The %1 largest are drawn separately; the rest are summed as “Other”.</source>
        <translation>Die %1 größten werden einzeln gezeichnet; der Rest wird als „Sonstige“ summiert.</translation>
    </message>
    <message>
        <source>Cost over time, %1</source>
        <translation>Kosten im Zeitverlauf, %1</translation>
    </message>
    <message>
        <source>Every %1</source>
        <translation>Alle: %1</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Every model</source>
        <translation>Alle Modelle</translation>
    </message>
    <message>
        <source>Every feature</source>
        <translation>Alle Funktionen</translation>
    </message>
    <message>
        <source>Every provider</source>
        <translation>Alle Anbieter</translation>
    </message>
</context>
<context>
    <name>Report::TelemetrySection</name>
    <message>
        <source>Application telemetry</source>
        <translation>Anwendungs-Telemetrie</translation>
    </message>
    <message>
        <source>The bill carries no token counts in this range to match the telemetry against.</source>
        <translation>Die Rechnung enthält in diesem Zeitraum keine Token-Mengen, mit denen die Telemetrie abgeglichen werden könnte.</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Abgerechnet</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Per 1,000 requests</source>
        <translation>Pro 1.000 Anfragen</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Per user</source>
        <translation>Pro Nutzer</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>By feature</source>
        <translation>Nach Funktion</translation>
    </message>
    <message>
        <source>Billed: the feature&apos;s share of the bill (a tag on the charge, then telemetry, then rules). Requests, users and latency: what the applications reported.</source>
        <translation>Abgerechnet: der Anteil der Funktion an der Rechnung (ein Tag an der Buchung, dann Telemetrie, dann Regeln). Anfragen, Nutzer und Latenz: was die Anwendungen gemeldet haben.</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <source>By model</source>
        <translation>Nach Modell</translation>
    </message>
    <message>
        <source>Telemetry over the bill</source>
        <translation>Telemetrie über der Rechnung</translation>
    </message>
    <message>
        <source>%1: %2 %3 %4 — billed %5 tokens, telemetry %6</source>
        <translation>%1: %2 %3 %4 — abgerechnet %5 Token, Telemetrie %6</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>cached input</source>
        <translation>gecachte Eingabe</translation>
    </message>
    <message>
        <source>cache write</source>
        <translation>Cache-Schreiben</translation>
    </message>
    <message>
        <source>output</source>
        <translation>Ausgabe</translation>
    </message>
    <message numerus="yes">
        <source>Telemetry accounts for %1 of the billed tokens in this range; %n day(s) flagged (telemetry over the bill by more than 1%, or billed tokens with none reported, for a model the applications report on).</source>
        <translation>
            <numerusform>Die Telemetrie erfasst %1 der abgerechneten Token in diesem Zeitraum; %n Tag markiert (Telemetrie mehr als 1 % über der Rechnung oder abgerechnete Token ohne Meldung, bei einem Modell, über das die Anwendungen berichten).</numerusform>
            <numerusform>Die Telemetrie erfasst %1 der abgerechneten Token in diesem Zeitraum; %n Tage markiert (Telemetrie mehr als 1 % über der Rechnung oder abgerechnete Token ohne Meldung, bei einem Modell, über das die Anwendungen berichten).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… und %n weiterer.</numerusform>
            <numerusform>… und %n weitere.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Report::UnitEconomicsSection</name>
    <message>
        <source>Unit economics</source>
        <translation>Stückkosten</translation>
    </message>
    <message>
        <source>No charges in this range.</source>
        <translation>Keine Buchungen in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>%1 tokens cost %2 in this range: %3 per million tokens across all models.</source>
        <translation>%1 Token kosteten in diesem Zeitraum %2: %3 pro Million Token über alle Modelle.</translation>
    </message>
    <message>
        <source>The sources in this range report no token counts (%1 billed).</source>
        <translation>Die Quellen in diesem Zeitraum melden keine Token-Zahlen (%1 abgerechnet).</translation>
    </message>
    <message>
        <source>Another %1 was billed by sources that report no token counts.</source>
        <translation>Weitere %1 wurden von Quellen abgerechnet, die keine Token-Zahlen melden.</translation>
    </message>
    <message>
        <source>Blended cost per million tokens, largest models</source>
        <translation>Gemischte Kosten pro Million Token, größte Modelle</translation>
    </message>
    <message>
        <source>%1 per million tokens</source>
        <translation>%1 pro Million Token</translation>
    </message>
    <message>
        <source>By model</source>
        <translation>Nach Modell</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Input /1M</source>
        <translation>Eingabe /1 Mio.</translation>
    </message>
    <message>
        <source>Output /1M</source>
        <translation>Ausgabe /1 Mio.</translation>
    </message>
    <message>
        <source>Blended /1M</source>
        <translation>Gemischt /1 Mio.</translation>
    </message>
    <message>
        <source>Cached input</source>
        <translation>Gecachte Eingabe</translation>
    </message>
    <message>
        <source>Per request</source>
        <translation>Pro Anfrage</translation>
    </message>
    <message>
        <source>By feature</source>
        <translation>Nach Funktion</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Tokens / request</source>
        <translation>Token / Anfrage</translation>
    </message>
</context>
<context>
    <name>ReportExportDialog</name>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>US Letter</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>Nur %1</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>Seitenformat:</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Speichern unter:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Choose where to save the report.</source>
        <translation>Wählen Sie, wo der Bericht gespeichert werden soll.</translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation>Der Zeitraum endet, bevor er beginnt.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Saved &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;.</source>
        <translation>&lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; gespeichert.</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>Der Bericht wurde nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>RuleForm</name>
    <message>
        <source>e.g. Key X is 60% chatbot, 40% search</source>
        <translation>z. B. Schlüssel X ist 60 % Chatbot, 40 % Suche</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>A disabled rule is kept but matches nothing.</source>
        <translation>Eine deaktivierte Regel bleibt erhalten, trifft aber auf nichts zu.</translation>
    </message>
    <message>
        <source>A tag value: type the tag key after “tag:”</source>
        <translation>Ein Tag-Wert: Geben Sie den Tag-Schlüssel nach „tag:“ ein</translation>
    </message>
    <message>
        <source>Which value of a charge the rule looks at; “tag:KEY” looks at a tag.</source>
        <translation>Welchen Wert einer Buchung die Regel betrachtet; „tag:KEY“ betrachtet ein Tag.</translation>
    </message>
    <message>
        <source>is exactly</source>
        <translation>ist genau</translation>
    </message>
    <message>
        <source>matches wildcards</source>
        <translation>passt auf Platzhalter</translation>
    </message>
    <message>
        <source>matches regular expression</source>
        <translation>passt auf regulären Ausdruck</translation>
    </message>
    <message>
        <source>Double-click a cell to edit it. An empty feature or team keeps the one from the tags.</source>
        <translation>Doppelklicken Sie auf eine Zelle, um sie zu bearbeiten. Eine leere Funktion oder ein leeres Team behält den Wert aus den Tags.</translation>
    </message>
    <message>
        <source>Add target</source>
        <translation>Ziel hinzufügen</translation>
    </message>
    <message>
        <source>Remove target</source>
        <translation>Ziel entfernen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Wenn:</translation>
    </message>
    <message>
        <source>Pattern:</source>
        <translation>Muster:</translation>
    </message>
    <message>
        <source>Allocate matching cost to:</source>
        <translation>Passende Kosten zuordnen zu:</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Gesamt %1</translation>
    </message>
    <message>
        <source>⚠ This rule cannot be saved: %1.</source>
        <translation>⚠ Diese Regel kann nicht gespeichert werden: %1.</translation>
    </message>
    <message>
        <source>The whole value, letter case included.</source>
        <translation>Der ganze Wert, einschließlich Groß-/Kleinschreibung.</translation>
    </message>
    <message>
        <source>e.g. gpt-4o</source>
        <translation>z. B. gpt-4o</translation>
    </message>
    <message>
        <source>* matches any text, ? one character; letter case is ignored.</source>
        <translation>* passt auf beliebigen Text, ? auf ein Zeichen; Groß-/Kleinschreibung wird ignoriert.</translation>
    </message>
    <message>
        <source>e.g. proj-z*</source>
        <translation>z. B. proj-z*</translation>
    </message>
    <message>
        <source>Found anywhere in the value; letter case is ignored.</source>
        <translation>Irgendwo im Wert gefunden; Groß-/Kleinschreibung wird ignoriert.</translation>
    </message>
    <message>
        <source>e.g. ^claude-3-5-(sonnet|haiku)$</source>
        <translation>z. B. ^claude-3-5-(sonnet|haiku)$</translation>
    </message>
</context>
<context>
    <name>RulesEditorDialog</name>
    <message>
        <source>Allocation rules[*]</source>
        <translation>Zuordnungsregeln[*]</translation>
    </message>
    <message>
        <source>Rules are checked from the top: the first rule that matches a charge decides its feature and team, and may split it between several. Charges no rule matches keep the feature and team of their tags; charges with neither are unallocated. Rules apply to all stored data, past and future.</source>
        <translation>Regeln werden von oben geprüft: Die erste Regel, die auf eine Buchung zutrifft, bestimmt deren Funktion und Team und kann sie auf mehrere aufteilen. Buchungen, auf die keine Regel zutrifft, behalten Funktion und Team ihrer Tags; Buchungen ohne beides sind nicht zugeordnet. Regeln gelten für alle gespeicherten Daten, vergangene und künftige.</translation>
    </message>
    <message>
        <source>Select a rule to edit it, or add one.</source>
        <translation>Wählen Sie eine Regel zum Bearbeiten aus oder fügen Sie eine hinzu.</translation>
    </message>
    <message>
        <source>Selected rule</source>
        <translation>Ausgewählte Regel</translation>
    </message>
    <message>
        <source>Reading the rules…</source>
        <translation>Regeln werden gelesen…</translation>
    </message>
    <message>
        <source>Reading the store…</source>
        <translation>Datenbank wird gelesen…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cannot read the store: %1</source>
        <translation>Die Datenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No cost data yet: the rules apply to charges as they are imported.</source>
        <translation>Noch keine Kostendaten: Die Regeln gelten für Buchungen, sobald sie importiert werden.</translation>
    </message>
    <message>
        <source>under %1</source>
        <translation>unter %1</translation>
    </message>
    <message>
        <source>Unallocated in the last 30 days (%1): %2 of %3 billed (%4) has no feature.</source>
        <translation>Nicht zugeordnet in den letzten 30 Tagen (%1): %2 von %3 abgerechnet (%4) haben keine Funktion.</translation>
    </message>
    <message>
        <source>Select a rule to see what it moves.</source>
        <translation>Wählen Sie eine Regel, um zu sehen, was sie verschiebt.</translation>
    </message>
    <message>
        <source>No preview until this rule is valid.</source>
        <translation>Keine Vorschau, bis diese Regel gültig ist.</translation>
    </message>
    <message>
        <source>No preview until rule %1 above is valid.</source>
        <translation>Keine Vorschau, bis Regel %1 oben gültig ist.</translation>
    </message>
    <message>
        <source>This rule is disabled, so it moves nothing.</source>
        <translation>Diese Regel ist deaktiviert und verschiebt daher nichts.</translation>
    </message>
    <message>
        <source>Working out what this rule moves…</source>
        <translation>Es wird ermittelt, was diese Regel verschiebt…</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Keine Vorschau: %1</translation>
    </message>
    <message>
        <source>No cost data yet, so this rule moves nothing.</source>
        <translation>Noch keine Kostendaten, daher verschiebt diese Regel nichts.</translation>
    </message>
    <message>
        <source>This rule moves %1 of the last 30 days (1 combination)</source>
        <translation>Diese Regel verschiebt %1 der letzten 30 Tage (1 Kombination)</translation>
    </message>
    <message>
        <source>This rule moves %1 of the last 30 days (%2 combinations)</source>
        <translation>Diese Regel verschiebt %1 der letzten 30 Tage (%2 Kombinationen)</translation>
    </message>
    <message>
        <source>Exactly %1 %2 between %3. A combination is one set of model, account, tags and other values whose feature or team this rule changes.</source>
        <translation>Genau %1 %2 zwischen %3. Eine Kombination ist eine Menge aus Modell, Konto, Tags und weiteren Werten, deren Funktion oder Team diese Regel ändert.</translation>
    </message>
    <message>
        <source>Cannot read the store</source>
        <translation>Die Datenbank kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot save. %1.</source>
        <translation>Speichern nicht möglich. %1.</translation>
    </message>
    <message>
        <source>Store the rules and re-allocate every stored charge</source>
        <translation>Die Regeln speichern und jede gespeicherte Buchung neu zuordnen</translation>
    </message>
    <message>
        <source>No changes to save</source>
        <translation>Keine Änderungen zu speichern</translation>
    </message>
    <message>
        <source>Saving the rules and re-allocating every stored charge…</source>
        <translation>Die Regeln werden gespeichert und jede gespeicherte Buchung wird neu zugeordnet…</translation>
    </message>
    <message>
        <source>Saved 1 rule; every stored charge was re-allocated.</source>
        <translation>1 Regel gespeichert; jede gespeicherte Buchung wurde neu zugeordnet.</translation>
    </message>
    <message>
        <source>Saved %1 rules; every stored charge was re-allocated.</source>
        <translation>%1 Regeln gespeichert; jede gespeicherte Buchung wurde neu zugeordnet.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Unsaved rules</source>
        <translation>Nicht gespeicherte Regeln</translation>
    </message>
    <message>
        <source>The rules were changed but not saved. Discard the changes?</source>
        <translation>Die Regeln wurden geändert, aber nicht gespeichert. Änderungen verwerfen?</translation>
    </message>
</context>
<context>
    <name>RulesListPanel</name>
    <message>
        <source>1 rule</source>
        <translation>1 Regel</translation>
    </message>
    <message>
        <source>%1 rules</source>
        <translation>%1 Regeln</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add a rule below the selected one</source>
        <translation>Eine Regel unter der ausgewählten hinzufügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Copy the selected rule</source>
        <translation>Die ausgewählte Regel kopieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the selected rule (can be undone)</source>
        <translation>Die ausgewählte Regel löschen (rückgängig machbar)</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Check this rule earlier</source>
        <translation>Diese Regel früher prüfen</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Check this rule later</source>
        <translation>Diese Regel später prüfen</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Replace the rules with a JSON file</source>
        <translation>Die Regeln durch eine JSON-Datei ersetzen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Write the rules to a JSON file</source>
        <translation>Die Regeln in eine JSON-Datei schreiben</translation>
    </message>
    <message>
        <source>Rules, in order</source>
        <translation>Regeln, in Reihenfolge</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Neue Regel</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Rule %1 deleted.</source>
        <translation>Regel %1 gelöscht.</translation>
    </message>
    <message>
        <source>Rule “%1” deleted.</source>
        <translation>Regel „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot import %1: %2. The rules were not changed.</source>
        <translation>%1 kann nicht importiert werden: %2. Die Regeln wurden nicht geändert.</translation>
    </message>
    <message>
        <source>Imported %1 from %2; save to apply them.</source>
        <translation>%1 aus %2 importiert; speichern Sie, um sie anzuwenden.</translation>
    </message>
    <message>
        <source>Cannot export: %1.</source>
        <translation>Export nicht möglich: %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation>%1 nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Import allocation rules</source>
        <translation>Zuordnungsregeln importieren</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export allocation rules</source>
        <translation>Zuordnungsregeln exportieren</translation>
    </message>
</context>
<context>
    <name>RulesTableModel</name>
    <message>
        <source>(unnamed rule)</source>
        <translation>(unbenannte Regel)</translation>
    </message>
    <message>
        <source>Disabled: this rule matches nothing until it is enabled again.</source>
        <translation>Deaktiviert: Diese Regel trifft auf nichts zu, bis sie wieder aktiviert wird.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Allocate to</source>
        <translation>Zuordnen zu</translation>
    </message>
    <message>
        <source>shares add up to %1, not 100%</source>
        <translation>Anteile ergeben %1, nicht 100 %</translation>
    </message>
    <message>
        <source>Rule %1: %2</source>
        <translation>Regel %1: %2</translation>
    </message>
    <message>
        <source>Rule %1 (%2): %3</source>
        <translation>Regel %1 (%2): %3</translation>
    </message>
    <message>
        <source>%1 is “%2”</source>
        <translation>%1 ist „%2“</translation>
    </message>
    <message>
        <source>%1 matches “%2”</source>
        <translation>%1 passt auf „%2“</translation>
    </message>
    <message>
        <source>%1 matches regex /%2/</source>
        <translation>%1 passt auf Regex /%2/</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>team %1</source>
        <translation>Team %1</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(nichts)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(no target)</source>
        <translation>(kein Ziel)</translation>
    </message>
</context>
<context>
    <name>ScenarioComparison</name>
    <message>
        <source>Saved scenarios (tick two or more):</source>
        <translation>Gespeicherte Szenarien (zwei oder mehr ankreuzen):</translation>
    </message>
    <message>
        <source>Baseline (period)</source>
        <translation>Basislinie (Zeitraum)</translation>
    </message>
    <message>
        <source>Scenario (period)</source>
        <translation>Szenario (Zeitraum)</translation>
    </message>
    <message>
        <source>Savings / month, low</source>
        <translation>Einsparung / Monat, niedrig</translation>
    </message>
    <message>
        <source>Savings / month</source>
        <translation>Einsparung / Monat</translation>
    </message>
    <message>
        <source>Savings / month, high</source>
        <translation>Einsparung / Monat, hoch</translation>
    </message>
    <message>
        <source>Savings / year, low</source>
        <translation>Einsparung / Jahr, niedrig</translation>
    </message>
    <message>
        <source>Savings / year</source>
        <translation>Einsparung / Jahr</translation>
    </message>
    <message>
        <source>Savings / year, high</source>
        <translation>Einsparung / Jahr, hoch</translation>
    </message>
    <message>
        <source>Savings %</source>
        <translation>Einsparung %</translation>
    </message>
    <message>
        <source>Top features</source>
        <translation>Top-Funktionen</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>(unallocated)</source>
        <translation>(nicht zugeordnet)</translation>
    </message>
    <message>
        <source>Save two or more scenarios to compare them side by side.</source>
        <translation>Speichern Sie zwei oder mehr Szenarien, um sie nebeneinander zu vergleichen.</translation>
    </message>
    <message>
        <source>Tick the scenarios to compare.</source>
        <translation>Kreuzen Sie die zu vergleichenden Szenarien an.</translation>
    </message>
    <message>
        <source>Each scenario priced on the same usage: %1 – %2, with the page&apos;s filter.</source>
        <translation>Jedes Szenario auf derselben Nutzung bepreist: %1 – %2, mit dem Filter der Seite.</translation>
    </message>
</context>
<context>
    <name>ScenarioEditor</name>
    <message>
        <source>Scenario steps</source>
        <translation>Szenarioschritte</translation>
    </message>
    <message>
        <source>Add s&amp;tep</source>
        <translation>&amp;Schritt hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected step (Delete)</source>
        <translation>Den ausgewählten Schritt entfernen (Entf)</translation>
    </message>
    <message>
        <source>Apply this step earlier</source>
        <translation>Diesen Schritt früher anwenden</translation>
    </message>
    <message>
        <source>Apply this step later</source>
        <translation>Diesen Schritt später anwenden</translation>
    </message>
    <message>
        <source>Step settings</source>
        <translation>Schritteinstellungen</translation>
    </message>
    <message>
        <source>Steps, applied in order:</source>
        <translation>Schritte, in Reihenfolge angewendet:</translation>
    </message>
</context>
<context>
    <name>ScenarioLibrary</name>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>A scenario named “%1” exists already.</source>
        <translation>Ein Szenario namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>Renamed to “%1”.</source>
        <translation>Umbenannt in „%1“.</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Restored “%1”.</source>
        <translation>„%1“ wiederhergestellt.</translation>
    </message>
</context>
<context>
    <name>ScenarioResultView</name>
    <message>
        <source>range %1</source>
        <translation>Zeitraum %1</translation>
    </message>
    <message>
        <source>Add prices…</source>
        <translation>Preise hinzufügen…</translation>
    </message>
    <message>
        <source>Daily cost, baseline and scenario</source>
        <translation>Tägliche Kosten, Basislinie und Szenario</translation>
    </message>
    <message>
        <source>Scenario range</source>
        <translation>Szenariozeitraum</translation>
    </message>
    <message>
        <source>Savings by feature</source>
        <translation>Einsparung nach Funktion</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Basislinie</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>Einsparung</translation>
    </message>
    <message>
        <source>Savings %</source>
        <translation>Einsparung %</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3 tokens, %4 billed</source>
        <translation>%1 (%2): %3 Token, %4 abgerechnet</translation>
    </message>
    <message>
        <source>UNPRICED — no catalog price, left out of baseline and scenario (not counted as $0): %1</source>
        <translation>OHNE PREIS — kein Katalogpreis, nicht in Basislinie und Szenario enthalten (nicht als 0 $ gezählt): %1</translation>
    </message>
    <message>
        <source>Savings per month</source>
        <translation>Einsparung pro Monat</translation>
    </message>
    <message>
        <source>no priced usage</source>
        <translation>keine bepreiste Nutzung</translation>
    </message>
    <message>
        <source>Savings per year</source>
        <translation>Einsparung pro Jahr</translation>
    </message>
    <message numerus="yes">
        <source>&lt;div style=&apos;color:%8; font-size:9pt;&apos;&gt;Over %1 – %2 (%n day(s))&lt;/div&gt;&lt;div style=&apos;color:%9; font-size:10pt;&apos;&gt;Baseline %3 (billed %4)&lt;br&gt;Scenario %5 (range %6), %7 saved&lt;/div&gt;</source>
        <translation>
            <numerusform>&lt;div style=&apos;color:%8; font-size:9pt;&apos;&gt;Über %1 – %2 (%n Tag)&lt;/div&gt;&lt;div style=&apos;color:%9; font-size:10pt;&apos;&gt;Basislinie %3 (abgerechnet %4)&lt;br&gt;Szenario %5 (Bereich %6), %7 gespart&lt;/div&gt;</numerusform>
            <numerusform>&lt;div style=&apos;color:%8; font-size:9pt;&apos;&gt;Über %1 – %2 (%n Tage)&lt;/div&gt;&lt;div style=&apos;color:%9; font-size:10pt;&apos;&gt;Basislinie %3 (abgerechnet %4)&lt;br&gt;Szenario %5 (Bereich %6), %7 gespart&lt;/div&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Baseline (real usage)</source>
        <translation>Basislinie (echte Nutzung)</translation>
    </message>
    <message>
        <source>(unallocated)</source>
        <translation>(nicht zugeordnet)</translation>
    </message>
    <message>
        <source>%1 (spend so far)</source>
        <translation>%1 (bisherige Kosten)</translation>
    </message>
</context>
<context>
    <name>ScenarioToolbar</name>
    <message>
        <source>The usage priced: the date range and drill-down chosen above, from the first day with data</source>
        <translation>Die bepreiste Nutzung: der oben gewählte Zeitraum und Drilldown, ab dem ersten Tag mit Daten</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the scenario (Ctrl+S)</source>
        <translation>Das Szenario speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Save under a new name</source>
        <translation>Unter einem neuen Namen speichern</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Um&amp;benennen…</translation>
    </message>
    <message>
        <source>Rename the saved scenario</source>
        <translation>Das gespeicherte Szenario umbenennen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the saved scenario (can be undone)</source>
        <translation>Das gespeicherte Szenario löschen (rückgängig machbar)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Load a scenario JSON file (burnrate simulate --scenario format)</source>
        <translation>Eine Szenario-JSON-Datei laden (Format von burnrate simulate --scenario)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Write the scenario as JSON for burnrate simulate --scenario</source>
        <translation>Das Szenario als JSON für burnrate simulate --scenario schreiben</translation>
    </message>
    <message>
        <source>&amp;Prices…</source>
        <translation>&amp;Preise…</translation>
    </message>
    <message>
        <source>The price catalog: add or override prices, import LiteLLM (Ctrl+Shift+P)</source>
        <translation>Der Preiskatalog: Preise hinzufügen oder überschreiben, LiteLLM importieren (Strg+Umschalt+P)</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>Nutzung:</translation>
    </message>
    <message>
        <source>Scenario:</source>
        <translation>Szenario:</translation>
    </message>
    <message>
        <source>Save scenario as</source>
        <translation>Szenario speichern unter</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Rename scenario</source>
        <translation>Szenario umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Import scenario</source>
        <translation>Szenario importieren</translation>
    </message>
    <message>
        <source>Scenario (*.json)</source>
        <translation>Szenario (*.json)</translation>
    </message>
    <message>
        <source>Export scenario</source>
        <translation>Szenario exportieren</translation>
    </message>
    <message>
        <source>All usage</source>
        <translation>Gesamte Nutzung</translation>
    </message>
    <message>
        <source>%1 (not saved)</source>
        <translation>%1 (nicht gespeichert)</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>Edited since it was saved: Save (Ctrl+S) keeps the changes</source>
        <translation>Seit dem Speichern bearbeitet: Speichern (Strg+S) behält die Änderungen</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>Szenario speichern</translation>
    </message>
</context>
<context>
    <name>Simulation</name>
    <message>
        <source>model_swap</source>
        <translation>Modellwechsel</translation>
    </message>
    <message>
        <source>routing</source>
        <translation>Routing</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>prompt caching: %1 has no cache read price; its input is left uncached</source>
        <translation>Prompt-Caching: %1 hat keinen Preis für Cache-Lesevorgänge; seine Eingabe bleibt ungecacht</translation>
    </message>
    <message>
        <source>prompt caching: %1 has no 1-hour cache write price; its input is left uncached</source>
        <translation>Prompt-Caching: %1 hat keinen Preis für 1-Stunden-Cache-Schreibvorgänge; seine Eingabe bleibt ungecacht</translation>
    </message>
    <message>
        <source>prompt caching: %1 has no 5-minute cache write price; its input is left uncached</source>
        <translation>Prompt-Caching: %1 hat keinen Preis für 5-Minuten-Cache-Schreibvorgänge; seine Eingabe bleibt ungecacht</translation>
    </message>
    <message>
        <source>batch: %1 has no batch price; its traffic stays real-time</source>
        <translation>Batch: %1 hat keinen Batch-Preis; sein Verkehr bleibt in Echtzeit</translation>
    </message>
    <message>
        <source>routing: %1 reports no request counts; the fallback&apos;s cost per request is not counted for it</source>
        <translation>Routing: %1 meldet keine Anfragezahlen; die Kosten der Ausweichlösung pro Anfrage werden dafür nicht gezählt</translation>
    </message>
    <message>
        <source>%1: %2 has no %3 price for %4 on %5; that traffic stays on %6</source>
        <translation>%1: %2 hat keinen %3-Preis für %4 am %5; dieser Verkehr bleibt auf %6</translation>
    </message>
    <message>
        <source>endpoint_scaling: no telemetry matches %1, so its hourly load is unknown; it stays as billed</source>
        <translation>endpoint_scaling: Keine Telemetrie passt zu %1, daher ist seine stündliche Last unbekannt; er bleibt wie abgerechnet</translation>
    </message>
    <message>
        <source>endpoint_scaling: the bill of %1 gives no instance hours for some of its hours; those stay as billed</source>
        <translation>endpoint_scaling: Die Rechnung von %1 nennt für einige Stunden keine Instanzstunden; diese bleiben wie abgerechnet</translation>
    </message>
    <message>
        <source>endpoint_spot: %1 is provisioned throughput, which has no spot capacity; it stays as billed</source>
        <translation>endpoint_spot: %1 ist bereitgestellter Durchsatz, für den es keine Spot-Kapazität gibt; er bleibt wie abgerechnet</translation>
    </message>
    <message>
        <source>endpoint_to_api: no telemetry of the tokens %1 served; it stays on the endpoint</source>
        <translation>endpoint_to_api: keine Telemetrie der Tokens, die %1 bedient hat; er bleibt auf dem Endpunkt</translation>
    </message>
    <message>
        <source>endpoint_to_api: the price list has no pay-per-token price for %1 on %2; %3 stays on the endpoint</source>
        <translation>endpoint_to_api: Die Preisliste hat für %1 am %2 keinen Preis pro Token; %3 bleibt auf dem Endpunkt</translation>
    </message>
    <message>
        <source>the period has no hour-billed endpoint in the scope of the endpoint steps</source>
        <translation>Der Zeitraum hat keinen stundenweise abgerechneten Endpunkt im Bereich der Endpunkt-Schritte</translation>
    </message>
    <message>
        <source>the endpoint steps need the endpoints&apos; hours, which were not loaded; they are left out</source>
        <translation>Die Endpunkt-Schritte brauchen die Stunden der Endpunkte, die nicht geladen wurden; sie bleiben unberücksichtigt</translation>
    </message>
</context>
<context>
    <name>SimulatorPage</name>
    <message>
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <source>Save the scenario before renaming it.</source>
        <translation>Speichern Sie das Szenario, bevor Sie es umbenennen.</translation>
    </message>
    <message>
        <source>Import scenario</source>
        <translation>Szenario importieren</translation>
    </message>
    <message>
        <source>Export scenario</source>
        <translation>Szenario exportieren</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Scenario result</source>
        <translation>Szenarioergebnis</translation>
    </message>
    <message>
        <source>S&amp;cenario</source>
        <translation>S&amp;zenario</translation>
    </message>
    <message>
        <source>C&amp;ompare saved</source>
        <translation>Gespeicherte &amp;vergleichen</translation>
    </message>
    <message>
        <source>&amp;Estimated vs billed</source>
        <translation>&amp;Geschätzt ggü. abgerechnet</translation>
    </message>
    <message>
        <source>Cannot open the store: %1</source>
        <translation>Die Datenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>No cost data yet: import a FOCUS export or load the demo workspace to simulate changes on real usage.</source>
        <translation>Noch keine Kostendaten: Importieren Sie einen FOCUS-Export oder laden Sie den Demo-Arbeitsbereich, um Änderungen an echter Nutzung zu simulieren.</translation>
    </message>
    <message>
        <source>Cannot simulate: %1</source>
        <translation>Simulation nicht möglich: %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Imported “%1” (not saved yet).</source>
        <translation>„%1“ importiert (noch nicht gespeichert).</translation>
    </message>
</context>
<context>
    <name>SpendCard</name>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>Save the data behind this view as CSV</source>
        <translation>Die Daten hinter dieser Ansicht als CSV speichern</translation>
    </message>
</context>
<context>
    <name>SpendFilterBar</name>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Show only one %1</source>
        <translation>Nur einen Wert zeigen: %1</translation>
    </message>
    <message>
        <source>All %1</source>
        <translation>Alle %1</translation>
    </message>
</context>
<context>
    <name>SpendFormat</name>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>features</source>
        <translation>Funktionen</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Token kind</source>
        <translation>Token-Art</translation>
    </message>
    <message>
        <source>token kinds</source>
        <translation>Token-Arten</translation>
    </message>
    <message>
        <source>Billing account</source>
        <translation>Abrechnungskonto</translation>
    </message>
    <message>
        <source>billing accounts</source>
        <translation>Abrechnungskonten</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>currencies</source>
        <translation>Währungen</translation>
    </message>
    <message>
        <source>Not itemised by model</source>
        <translation>Nicht nach Modell aufgeschlüsselt</translation>
    </message>
    <message>
        <source>(unallocated)</source>
        <translation>(nicht zugeordnet)</translation>
    </message>
    <message>
        <source>input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>cached input</source>
        <translation>gecachte Eingabe</translation>
    </message>
    <message>
        <source>cache write</source>
        <translation>Cache-Schreiben</translation>
    </message>
    <message>
        <source>output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>Woche vom %1</translation>
    </message>
    <message>
        <source>hourly</source>
        <translation>stündlich</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>täglich</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>wöchentlich</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>monatlich</translation>
    </message>
    <message>
        <source>provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>token kind</source>
        <translation>Token-Art</translation>
    </message>
    <message>
        <source>billing account</source>
        <translation>Abrechnungskonto</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>(untracked)</source>
        <translation>(nicht erfasst)</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation>Endpunkt</translation>
    </message>
</context>
<context>
    <name>SpendPage</name>
    <message>
        <source>Cost over time</source>
        <translation>Kosten im Zeitverlauf</translation>
    </message>
    <message>
        <source>Granularity of the time axis</source>
        <translation>Auflösung der Zeitachse</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Hourly</source>
        <translation>Stündlich</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Wöchentlich</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Fläche</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>Balken</translation>
    </message>
    <message>
        <source>Top values by cost</source>
        <translation>Top-Werte nach Kosten</translation>
    </message>
    <message>
        <source>Filter to %1</source>
        <translation>Filtern auf %1</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>No cost data yet</source>
        <translation>Noch keine Kostendaten</translation>
    </message>
    <message>
        <source>Import a FOCUS cost export or load the demo workspace to explore spend here.</source>
        <translation>Importieren Sie einen FOCUS-Kostenexport oder laden Sie den Demo-Arbeitsbereich, um hier die Ausgaben zu erkunden.</translation>
    </message>
    <message>
        <source>Load demo workspace</source>
        <translation>Demo-Arbeitsbereich laden</translation>
    </message>
    <message>
        <source>Import FOCUS file…</source>
        <translation>FOCUS-Datei importieren…</translation>
    </message>
    <message>
        <source>Auto (%1)</source>
        <translation>Automatisch (%1)</translation>
    </message>
    <message>
        <source>Cannot open the store: %1</source>
        <translation>Die Datenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Too few buckets for areas: pick a finer granularity</source>
        <translation>Zu wenige Intervalle für Flächen: Wählen Sie eine feinere Auflösung</translation>
    </message>
    <message>
        <source> · %1 vs previous %2 days</source>
        <translation> · %1 ggü. den %2 Tagen davor</translation>
    </message>
    <message>
        <source>%1 billed, %2%3 · %4 by %5</source>
        <translation>%1 abgerechnet, %2%3 · %4 nach %5</translation>
    </message>
    <message>
        <source>Top %1 %2</source>
        <translation>Top %1 %2</translation>
    </message>
    <message>
        <source>%1 by cost</source>
        <translation>%1 nach Kosten</translation>
    </message>
    <message>
        <source>%1 more in Other · click a bar to filter</source>
        <translation>%1 weitere in Sonstige · Balken anklicken zum Filtern</translation>
    </message>
    <message>
        <source>Share of billed cost · click a bar to filter</source>
        <translation>Anteil an den abgerechneten Kosten · Balken anklicken zum Filtern</translation>
    </message>
    <message>
        <source>All %1 · %2</source>
        <translation>Alle %1 · %2</translation>
    </message>
    <message>
        <source>Cannot read the contracts: %1</source>
        <translation>Die Verträge können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Unit economics over %1 · blank where the sources report no tokens or requests</source>
        <translation>Stückkosten über %1 · leer, wo die Quellen keine Token oder Anfragen melden</translation>
    </message>
</context>
<context>
    <name>StackedCostChart</name>
    <message>
        <source>No charges in this date range</source>
        <translation>Keine Buchungen in diesem Zeitraum</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2: %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2: %3</translation>
    </message>
</context>
<context>
    <name>StateStack</name>
    <message>
        <source>Cannot read the store: %1</source>
        <translation>Die Datenbank kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message>
        <source>feature %1</source>
        <translation>Funktion %1</translation>
    </message>
    <message>
        <source>all traffic</source>
        <translation>allem Traffic</translation>
    </message>
    <message>
        <source>all features (comma-separated list)</source>
        <translation>alle Funktionen (kommagetrennte Liste)</translation>
    </message>
    <message>
        <source>all models (comma-separated list)</source>
        <translation>alle Modelle (kommagetrennte Liste)</translation>
    </message>
    <message>
        <source>Features:</source>
        <translation>Funktionen:</translation>
    </message>
    <message>
        <source>From models:</source>
        <translation>Von Modellen:</translation>
    </message>
    <message>
        <source>Share moved:</source>
        <translation>Verschobener Anteil:</translation>
    </message>
    <message>
        <source>To model:</source>
        <translation>Zu Modell:</translation>
    </message>
    <message>
        <source>Non-LLM fallback instead of a model</source>
        <translation>Nicht-LLM-Ausweichlösung statt eines Modells</translation>
    </message>
    <message>
        <source>Fallback cost / request:</source>
        <translation>Kosten der Ausweichlösung / Anfrage:</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>Cacheable input:</source>
        <translation>Cachebare Eingabe:</translation>
    </message>
    <message>
        <source>Cache hit rate:</source>
        <translation>Cache-Trefferquote:</translation>
    </message>
    <message>
        <source>Cache TTL:</source>
        <translation>Cache-TTL:</translation>
    </message>
    <message>
        <source>Input tokens cut:</source>
        <translation>Gekürzte Eingabe-Token:</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>GPUs:</source>
        <translation>GPUs:</translation>
    </message>
    <message>
        <source>Hours per day:</source>
        <translation>Stunden pro Tag:</translation>
    </message>
    <message>
        <source>On-demand / GPU hour:</source>
        <translation>On-Demand / GPU-Stunde:</translation>
    </message>
    <message>
        <source>Spot / GPU hour:</source>
        <translation>Spot / GPU-Stunde:</translation>
    </message>
    <message>
        <source>Spot share:</source>
        <translation>Spot-Anteil:</translation>
    </message>
    <message>
        <source>Interruption overhead:</source>
        <translation>Unterbrechungsaufschlag:</translation>
    </message>
    <message>
        <source>Uncertainty on the cost of the traffic this step changes (output length, tokenizer)</source>
        <translation>Unsicherheit bei den Kosten des Verkehrs, den dieser Schritt ändert (Ausgabelänge, Tokenizer)</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Spanne:</translation>
    </message>
    <message>
        <source>Share of the scoped traffic moved to the target</source>
        <translation>Anteil des betroffenen Verkehrs, der zum Ziel verschoben wird</translation>
    </message>
    <message>
        <source>Share of the scoped traffic this step applies to</source>
        <translation>Anteil des betroffenen Verkehrs, auf den dieser Schritt wirkt</translation>
    </message>
    <message>
        <source>Model swap</source>
        <translation>Modellwechsel</translation>
    </message>
    <message>
        <source>Prompt caching</source>
        <translation>Prompt-Caching</translation>
    </message>
    <message>
        <source>Batch API</source>
        <translation>Batch API</translation>
    </message>
    <message>
        <source>Prompt compression</source>
        <translation>Prompt-Komprimierung</translation>
    </message>
    <message>
        <source>Routing / fallback</source>
        <translation>Routing / Ausweichlösung</translation>
    </message>
    <message>
        <source>Self-hosted GPUs</source>
        <translation>Selbst betriebene GPUs</translation>
    </message>
    <message>
        <source>Swap %1 of %2 → %3</source>
        <translation>%1 von %2 → %3 wechseln</translation>
    </message>
    <message>
        <source>Cache %1 of input of %2, %3 hits</source>
        <translation>%1 der Eingabe von %2 cachen, %3 Treffer</translation>
    </message>
    <message>
        <source>Batch %1 of %2</source>
        <translation>%1 von %2 als Batch</translation>
    </message>
    <message>
        <source>Compress input of %1 by %2</source>
        <translation>Eingabe von %1 um %2 komprimieren</translation>
    </message>
    <message>
        <source>Route %1 of %2 to a fallback</source>
        <translation>%1 von %2 an eine Ausweichlösung leiten</translation>
    </message>
    <message>
        <source>Route %1 of %2 → %3</source>
        <translation>%1 von %2 → %3 leiten</translation>
    </message>
    <message numerus="yes">
        <source>Self-host %1 of %2 on %n GPU(s)</source>
        <translation>
            <numerusform>%1 von %2 selbst betreiben auf %n GPU</numerusform>
            <numerusform>%1 von %2 selbst betreiben auf %n GPUs</numerusform>
        </translation>
    </message>
    <message>
        <source>every endpoint</source>
        <translation>jeder Endpunkt</translation>
    </message>
    <message>
        <source>every endpoint (comma-separated list)</source>
        <translation>jeder Endpunkt (durch Kommas getrennte Liste)</translation>
    </message>
    <message>
        <source>Endpoints:</source>
        <translation>Endpunkte:</translation>
    </message>
    <message>
        <source>Replicas kept up in every hour; 0 scales to zero when idle</source>
        <translation>Replikate, die jede Stunde laufen; 0 skaliert im Leerlauf auf null</translation>
    </message>
    <message>
        <source>Requests one replica serves at once</source>
        <translation>Anfragen, die ein Replikat gleichzeitig bedient</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Mean time one request holds a replica</source>
        <translation>Mittlere Zeit, die eine Anfrage ein Replikat belegt</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>A replica stays up this long after its last request</source>
        <translation>So lange läuft ein Replikat nach seiner letzten Anfrage weiter</translation>
    </message>
    <message>
        <source>Tokens (input and output) one replica serves per second</source>
        <translation>Tokens (Eingabe und Ausgabe), die ein Replikat pro Sekunde bedient</translation>
    </message>
    <message>
        <source>Minimum replicas:</source>
        <translation>Mindestens Replikate:</translation>
    </message>
    <message>
        <source>Concurrency / replica:</source>
        <translation>Gleichzeitige Anfragen / Replikat:</translation>
    </message>
    <message>
        <source>Time per request:</source>
        <translation>Zeit pro Anfrage:</translation>
    </message>
    <message>
        <source>Scale-down delay:</source>
        <translation>Verzögerung beim Herunterskalieren:</translation>
    </message>
    <message>
        <source>Spot discount:</source>
        <translation>Spot-Rabatt:</translation>
    </message>
    <message>
        <source>Checkpoint overhead:</source>
        <translation>Mehraufwand für Checkpoints:</translation>
    </message>
    <message>
        <source>Price / replica hour:</source>
        <translation>Preis / Replikat-Stunde:</translation>
    </message>
    <message>
        <source>Tokens / second / replica:</source>
        <translation>Tokens / Sekunde / Replikat:</translation>
    </message>
    <message>
        <source>the model served</source>
        <translation>das bediente Modell</translation>
    </message>
    <message>
        <source>Endpoint auto-scaling</source>
        <translation>Endpunkt automatisch skalieren</translation>
    </message>
    <message>
        <source>Endpoint on spot</source>
        <translation>Endpunkt auf Spot</translation>
    </message>
    <message>
        <source>Endpoint to pay-per-token API</source>
        <translation>Endpunkt zur Token-API</translation>
    </message>
    <message>
        <source>Pay-per-token to an endpoint</source>
        <translation>Token-API auf einen Endpunkt</translation>
    </message>
    <message>
        <source>Run %1 of %2 on spot, %3 off</source>
        <translation>%1 von %2 auf Spot, %3 günstiger</translation>
    </message>
    <message>
        <source>Move %1 to the pay-per-token API %2</source>
        <translation>%1 zur Token-API verlagern %2</translation>
    </message>
    <message>
        <source>Move %1 of %2 to an endpoint</source>
        <translation>%1 von %2 auf einen Endpunkt verlagern</translation>
    </message>
    <message>
        <source>Scale %1 to zero when idle, %2 requests per replica</source>
        <translation>%1 im Leerlauf auf null skalieren, %2 Anfragen pro Replikat</translation>
    </message>
    <message numerus="yes">
        <source>Scale %1, at least %n replica(s), %2 requests each</source>
        <translation>
            <numerusform>%1 skalieren, mindestens %n Replikat, je %2 Anfragen</numerusform>
            <numerusform>%1 skalieren, mindestens %n Replikate, je %2 Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>Price the moved traffic at the target&apos;s standard context band, as chunked requests would be</source>
        <translation>Den verlagerten Verkehr zur Standard-Kontextstufe des Ziels bepreisen, wie aufgeteilte Anfragen</translation>
    </message>
    <message>
        <source>Extra input tokens on the moved traffic (chunk overlap, instructions repeated per chunk)</source>
        <translation>Zusätzliche Eingabetokens im verlagerten Verkehr (Überlappung der Teile, pro Teil wiederholte Anweisungen)</translation>
    </message>
    <message>
        <source>Input overhead:</source>
        <translation>Mehr Eingabe:</translation>
    </message>
    <message>
        <source>standard (chunked)</source>
        <translation>Standard (aufgeteilt)</translation>
    </message>
    <message>
        <source>Context band:</source>
        <translation>Kontextstufe:</translation>
    </message>
</context>
<context>
    <name>StoreStatus</name>
    <message>
        <source>Cannot open the store: %1</source>
        <translation>Die Datenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>No charges yet</source>
        <translation>Noch keine Buchungen</translation>
    </message>
    <message>
        <source>%1 charges · %2 – %3</source>
        <translation>%1 Buchungen · %2 – %3</translation>
    </message>
</context>
<context>
    <name>Style</name>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
</context>
<context>
    <name>TargetsTableModel</name>
    <message>
        <source>(keep tag)</source>
        <translation>(Tag behalten)</translation>
    </message>
    <message>
        <source>Empty: the charge keeps the feature of its tags.</source>
        <translation>Leer: Die Buchung behält die Funktion aus ihren Tags.</translation>
    </message>
    <message>
        <source>Empty: the charge keeps the team of its tags.</source>
        <translation>Leer: Die Buchung behält das Team aus ihren Tags.</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Waiting for another Burnrate process writing this store…</source>
        <translation>Warten auf einen anderen Burnrate-Prozess, der in diese Datenbank schreibt…</translation>
    </message>
    <message>
        <source>Internal error; the store is unchanged by this step</source>
        <translation>Interner Fehler; die Datenbank ist durch diesen Schritt unverändert</translation>
    </message>
</context>
<context>
    <name>TelemetryCard</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>From the applications&apos; telemetry</source>
        <translation>Aus der Telemetrie der Anwendungen</translation>
    </message>
    <message>
        <source>Requests, users and latency by feature</source>
        <translation>Anfragen, Nutzer und Latenz nach Funktion</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Abgerechnet</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Per 1,000 requests</source>
        <translation>Pro 1.000 Anfragen</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Per user</source>
        <translation>Pro Nutzer</translation>
    </message>
    <message>
        <source>p50 latency</source>
        <translation>p50-Latenz</translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation>p95-Latenz</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>%1 · billed: the feature&apos;s share of the bill; requests, users and latency: what the applications reported</source>
        <translation>%1 · abgerechnet: der Anteil der Funktion an der Rechnung; Anfragen, Nutzer und Latenz: was die Anwendungen gemeldet haben</translation>
    </message>
</context>
<context>
    <name>TimeCostChart</name>
    <message>
        <source>No charges match in this date range</source>
        <translation>Keine passenden Buchungen in diesem Zeitraum</translation>
    </message>
    <message>
        <source>Bucket start</source>
        <translation>Intervallbeginn</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <source>Cost%1</source>
        <translation>Kosten%1</translation>
    </message>
    <message>
        <source>Click to show %1</source>
        <translation>Klicken, um %1 anzuzeigen</translation>
    </message>
    <message>
        <source>Click to hide %1</source>
        <translation>Klicken, um %1 auszublenden</translation>
    </message>
    <message>
        <source>Show all series</source>
        <translation>Alle Reihen anzeigen</translation>
    </message>
    <message>
        <source> &lt;span style=&apos;color:%3&apos;&gt;(partial: %1 – %2)&lt;/span&gt;</source>
        <translation> &lt;span style=&apos;color:%3&apos;&gt;(unvollständig: %1 – %2)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;%3</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;span style=&apos;color:%2&apos;&gt;All shown: %1&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:%2&apos;&gt;Alle angezeigt: %1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;span style=&apos;color:%2&apos;&gt;Click to filter to %1&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:%2&apos;&gt;Klicken, um auf %1 zu filtern&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>TopNBarChart</name>
    <message>
        <source>Nothing to rank</source>
        <translation>Nichts zu ordnen</translation>
    </message>
    <message>
        <source>Cost%1</source>
        <translation>Kosten%1</translation>
    </message>
    <message>
        <source>Share (%)</source>
        <translation>Anteil (%)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · %3 of the total</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · %3 der Gesamtsumme</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;span style=&apos;color:%2&apos;&gt;Click to filter to %1&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:%2&apos;&gt;Klicken, um auf %1 zu filtern&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>Ui::AlertCenter</name>
    <message>
        <source>Burnrate alerts</source>
        <translation>Burnrate-Warnungen</translation>
    </message>
</context>
<context>
    <name>UtilisationHeatMap</name>
    <message>
        <source>Utilisation by weekday and hour</source>
        <translation>Auslastung nach Wochentag und Stunde</translation>
    </message>
    <message>
        <source>Share of the paid hours with at least one request, per weekday and UTC hour</source>
        <translation>Anteil der bezahlten Stunden mit mindestens einer Anfrage, je Wochentag und UTC-Stunde</translation>
    </message>
    <message>
        <source>no paid hour</source>
        <translation>keine bezahlte Stunde</translation>
    </message>
    <message>
        <source>%1 %2:00–%3:00 UTC</source>
        <translation>%1 %2:00–%3:00 UTC</translation>
    </message>
    <message>
        <source>%1: no paid hour</source>
        <translation>%1: keine bezahlte Stunde</translation>
    </message>
    <message>
        <source>%1: %2 of %3 paid hours with requests (%4), %5 requests</source>
        <translation>%1: %2 von %3 bezahlten Stunden mit Anfragen (%4), %5 Anfragen</translation>
    </message>
</context>
<context>
    <name>WizardCredentialsPage</name>
    <message>
        <source>Credentials</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>Leave the secret fields empty to keep the ones stored in the system keychain.</source>
        <translation>Lassen Sie die geheimen Felder leer, um die im Schlüsselbund gespeicherten zu behalten.</translation>
    </message>
    <message>
        <source>Secrets are stored in the system keychain only, never in Burnrate&apos;s files.</source>
        <translation>Geheimnisse werden nur im Schlüsselbund des Systems gespeichert, nie in Dateien von Burnrate.</translation>
    </message>
    <message>
        <source>Create the credentials at &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;.</source>
        <translation>Erstellen Sie die Zugangsdaten unter &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the secret</source>
        <translation>Das Geheimnis anzeigen oder verbergen</translation>
    </message>
    <message>
        <source>unchanged (stored in the keychain)</source>
        <translation>unverändert (im Schlüsselbund gespeichert)</translation>
    </message>
    <message>
        <source>From &amp;file…</source>
        <translation>Aus &amp;Datei…</translation>
    </message>
    <message>
        <source>Choose the key file</source>
        <translation>Schlüsseldatei wählen</translation>
    </message>
    <message>
        <source>JSON key (*.json);;All files (*)</source>
        <translation>JSON-Schlüssel (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>API address:</source>
        <translation>API-Adresse:</translation>
    </message>
    <message>
        <source>Leave empty for %1. Change only for a proxy or gateway.</source>
        <translation>Leer lassen für %1. Nur für einen Proxy oder ein Gateway ändern.</translation>
    </message>
    <message>
        <source>Enter the %1 credentials to continue.</source>
        <translation>Geben Sie die Zugangsdaten für %1 ein, um fortzufahren.</translation>
    </message>
</context>
<context>
    <name>WizardOptionsPage</name>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>What to read and how far back. The defaults suit most accounts.</source>
        <translation>Was gelesen wird und wie weit zurück. Die Standardwerte passen für die meisten Konten.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Folder of FOCUS exports</source>
        <translation>Ordner mit FOCUS-Exporten</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>First sync goes back:</source>
        <translation>Erste Synchronisierung reicht zurück:</translation>
    </message>
    <message numerus="yes">
        <source>Later syncs fetch only new days plus the last %n day(s) the provider may still revise.</source>
        <translation>
            <numerusform>Spätere Synchronisierungen rufen nur neue Tage ab plus den letzten %n Tag, den der Anbieter noch ändern kann.</numerusform>
            <numerusform>Spätere Synchronisierungen rufen nur neue Tage ab plus die letzten %n Tage, die der Anbieter noch ändern kann.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the folder that holds the FOCUS exports.</source>
        <translation>Wählen Sie den Ordner mit den FOCUS-Exporten.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The first sync must go back at least one day.</source>
        <translation>Die erste Synchronisierung muss mindestens einen Tag zurückreichen.</translation>
    </message>
</context>
<context>
    <name>WizardSourcePage</name>
    <message>
        <source>Choose a source</source>
        <translation>Quelle wählen</translation>
    </message>
    <message>
        <source>Burnrate reads cost and usage from the provider&apos;s billing API and keeps it on this computer.</source>
        <translation>Burnrate liest Kosten und Nutzung aus der Abrechnungs-API des Anbieters und bewahrt sie auf diesem Computer auf.</translation>
    </message>
    <message>
        <source>e.g. OpenAI production</source>
        <translation>z. B. OpenAI Produktion</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>Konto&amp;name:</translation>
    </message>
    <message>
        <source>An account named &quot;%1&quot; exists already. Choose another name.</source>
        <translation>Ein Konto namens „%1“ existiert bereits. Wählen Sie einen anderen Namen.</translation>
    </message>
</context>
<context>
    <name>WizardSyncPage</name>
    <message>
        <source>&amp;Cancel sync</source>
        <translation>Synchronisierung &amp;abbrechen</translation>
    </message>
    <message>
        <source>Initial sync</source>
        <translation>Erste Synchronisierung</translation>
    </message>
    <message>
        <source>The account is saved. Its history is fetched window by window; each window is stored whole.</source>
        <translation>Das Konto ist gespeichert. Sein Verlauf wird Zeitfenster für Zeitfenster abgerufen; jedes Fenster wird vollständig gespeichert.</translation>
    </message>
    <message>
        <source>Syncing “%1”…</source>
        <translation>„%1“ wird synchronisiert…</translation>
    </message>
    <message>
        <source>The sync could not start: %1</source>
        <translation>Die Synchronisierung konnte nicht starten: %1</translation>
    </message>
    <message numerus="yes">
        <source>✓ Synced: %1 charges in %n window(s).</source>
        <translation>
            <numerusform>✓ Synchronisiert: %1 Buchungen in %n Zeitfenster.</numerusform>
            <numerusform>✓ Synchronisiert: %1 Buchungen in %n Zeitfenstern.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync cancelled. %n complete window(s) kept; the next sync continues from there.</source>
        <translation>
            <numerusform>Synchronisierung abgebrochen. %n vollständiges Zeitfenster behalten; die nächste Synchronisierung setzt dort fort.</numerusform>
            <numerusform>Synchronisierung abgebrochen. %n vollständige Zeitfenster behalten; die nächste Synchronisierung setzt dort fort.</numerusform>
        </translation>
    </message>
    <message>
        <source>✗ The sync failed. Complete windows were kept (%1).</source>
        <translation>✗ Die Synchronisierung ist fehlgeschlagen. Vollständige Zeitfenster wurden behalten (%1).</translation>
    </message>
    <message numerus="yes">
        <source>✓ Synced: %1 model calls added to the telemetry in %n window(s).</source>
        <translation>
            <numerusform>✓ Synchronisiert: %1 Modellaufrufe in %n Zeitfenster zur Telemetrie hinzugefügt.</numerusform>
            <numerusform>✓ Synchronisiert: %1 Modellaufrufe in %n Zeitfenstern zur Telemetrie hinzugefügt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WizardTestPage</name>
    <message>
        <source>&amp;Test again</source>
        <translation>Erneut &amp;testen</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>One small request checks the address, the credentials and their permissions.</source>
        <translation>Eine kleine Anfrage prüft die Adresse, die Zugangsdaten und deren Berechtigungen.</translation>
    </message>
    <message>
        <source>&amp;Save and sync</source>
        <translation>&amp;Speichern und synchronisieren</translation>
    </message>
    <message>
        <source>Checking %1 “%2”.</source>
        <translation>%1 „%2“ wird geprüft.</translation>
    </message>
    <message>
        <source>Connecting to %1 as “%2”.</source>
        <translation>Verbindung zu %1 als „%2“.</translation>
    </message>
    <message>
        <source>Initial sync: %1</source>
        <translation>Erste Synchronisierung: %1</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <source>✓ Connection works</source>
        <translation>✓ Verbindung funktioniert</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>Go Back to re-enter the key.</source>
        <translation>Gehen Sie zurück, um den Schlüssel erneut einzugeben.</translation>
    </message>
    <message>
        <source>✗ The account could not be saved</source>
        <translation>✗ Das Konto konnte nicht gespeichert werden</translation>
    </message>
</context>
</TS>
