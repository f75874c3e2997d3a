/**
 * German. Every key of the English source (the feature files) must be here: the type makes a missing one a build error.
 *
 * Glossary (use these everywhere): referendum = Abstimmung (voting, the act = Stimmabgabe);
 * electorate, census, register of voters = Stimmregister; register = sich registrieren (sign in = anmelden);
 * registration code = Registrierungscode; polling-card letter = Abstimmungsbenachrichtigung;
 * voting key = Stimmschlüssel; recovery code = Wiederherstellungscode; ballot = Stimmzettel;
 * ballot log / public log = Stimmzettelprotokoll / öffentliches Protokoll; receipt = Quittung;
 * trustee = Vertrauensperson; council = Gemeinde; verify, check = prüfen (verification = Prüfung);
 * result = Ergebnis; tally, count = auszählen, Auszählung; key generation (ceremony) = Schlüsselerzeugung;
 * election key = Abstimmungsschlüssel; proof = Nachweis; fingerprint = Fingerabdruck; anchored = verankert;
 * signed promise = signierte Zusage; turnout = Beteiligung; credits = Guthabenpunkte.
 * Residents are "Einwohnerinnen und Einwohner"; the reader is addressed with "Sie".
 */
import type { Translation } from ".";

export const de: Translation = {
  // Site frame, home page, results (common.ts)
  "site.name": "BLING",
  "site.tagline": "Abstimmungen Ihrer Gemeinde",
  "site.skipToContent": "Direkt zum Inhalt",
  "site.mainNav": "Hauptmenü",
  "site.language": "Sprache",
  "site.footer":
    "Open-Source-Dienst für Abstimmungen. Jedes Ergebnis kann jede und jeder mit öffentlichen Daten prüfen.",
  "nav.home": "Abstimmungen",
  "nav.register": "Registrieren",
  "nav.identity": "Mein Stimmschlüssel",
  "nav.council": "Gemeinde",
  "nav.verify": "Prüfen",
  "common.loading": "Wird geladen…",
  "common.retry": "Erneut versuchen",
  "common.back": "Zurück",
  "common.close": "Schließen",
  "common.configError": "Die Website konnte ihre Einstellungen nicht lesen ({detail}).",
  "common.networkError":
    "Der Dienst ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.",
  "common.notFound": "Diese Seite gibt es nicht.",
  "common.toHome": "Zur Liste der Abstimmungen",
  "home.title": "Abstimmungen",
  "home.intro":
    "Stimmen Sie anonym über die Fragen ab, die Ihre Gemeinde ihren Einwohnerinnen und Einwohnern stellt. Registrieren Sie sich dafür zuerst einmalig mit dem Code aus Ihrer Abstimmungsbenachrichtigung.",
  "home.none": "Zurzeit gibt es keine Abstimmungen.",
  "home.state.open": "Stimmabgabe läuft",
  "home.state.closed": "Beendet",
  "home.state.tallied": "Ergebnis veröffentlicht",
  "home.closes": "Stimmabgabe bis zum {date}",
  "home.opens": "Stimmabgabe ab dem {date}",
  "home.vote": "Abstimmen über „{title}“",
  "home.verify": "„{title}“ prüfen",
  "home.turnout": "{voters} von {electorate} Einwohnerinnen und Einwohnern haben abgestimmt",
  "result.chart": "Stimmen je Option",
  "result.table": "Stimmen je Option, als Tabelle",
  "result.option": "Option",
  "result.votes": "Stimmen",
  "result.share": "Anteil",
  "result.value": "{count} ({share})",
  "result.count": "{count}",
  "result.percent": "{share}",
  "site.noscript":
    "Diese Website braucht JavaScript: Ihr Browser erzeugt Ihren Stimmschlüssel, weist Ihre Stimme nach und prüft jedes Ergebnis selbst. Schalten Sie JavaScript ein und laden Sie die Seite neu.",
  // API errors (errors.ts)
  "error.INPUT_INVALID":
    "Ein Teil Ihrer Eingaben ist nicht gültig. Prüfen Sie das Formular und versuchen Sie es erneut.",
  "error.PATH_INVALID": "Diese Adresse ist nicht gültig. Prüfen Sie den Link und versuchen Sie es erneut.",
  "error.JSON_MALFORMED":
    "Die Anfrage konnte nicht gelesen werden. Laden Sie die Seite neu und versuchen Sie es erneut.",
  "error.BODY_TOO_LARGE": "Die gesendeten Daten sind zu groß.",
  "error.UNAUTHENTICATED": "Ihre Anmeldung für die Gemeinde fehlt oder wurde nicht erkannt. Melden Sie sich erneut an.",
  "error.TOKEN_EXPIRED": "Ihre Anmeldung für die Gemeinde ist abgelaufen. Melden Sie sich erneut an.",
  "error.FORBIDDEN": "Dies gehört zu einer anderen Gemeinde.",
  "error.ROUTE_NOT_FOUND":
    "Der Dienst kennt diese Anfrage nicht. Die Website ist vielleicht veraltet: Laden Sie sie neu.",
  "error.METHOD_NOT_ALLOWED":
    "Der Dienst nimmt diese Anfrage nicht an. Die Website ist vielleicht veraltet: Laden Sie sie neu.",
  "error.CENSUS_NOT_FOUND": "Dieses Stimmregister gibt es nicht. Prüfen Sie die Adresse in Ihrem Brief.",
  "error.CENSUS_EMPTY":
    "Eine Abstimmung kann nicht beginnen, solange sich niemand in ihrem Stimmregister registriert hat.",
  "error.REGISTRATION_CODE_UNKNOWN": "Dieser Registrierungscode ist nicht gültig. Prüfen Sie den Code in Ihrem Brief.",
  "error.REGISTRATION_CODE_USED":
    "Dieser Registrierungscode wurde bereits verwendet. Jeder Code funktioniert nur einmal.",
  "error.COMMITMENT_REGISTERED": "Dieser Stimmschlüssel ist bereits registriert.",
  "error.CENSUS_FULL":
    "Dieses Stimmregister ist voll: Es können sich keine weiteren Einwohnerinnen und Einwohner registrieren.",
  "error.REFERENDUM_NOT_FOUND": "Diese Abstimmung gibt es nicht.",
  "error.REFERENDUM_EXISTS": "Eine Abstimmung mit dieser Nummer gibt es bereits.",
  "error.REFERENDUM_STATE": "Die Abstimmung ist nicht in einem Zustand, der dies erlaubt.",
  "error.REFERENDUM_NOT_OPEN":
    "Bei dieser Abstimmung ist keine Stimmabgabe möglich: Die Abstimmung ist beendet oder hat noch nicht begonnen.",
  "error.BALLOT_MALFORMED":
    "Ihr Stimmzettel war fehlerhaft aufgebaut. Laden Sie die Seite neu und stimmen Sie erneut ab.",
  "error.BALLOT_REFERENDUM_MISMATCH":
    "Ihr Stimmzettel wurde für eine andere Abstimmung erstellt. Laden Sie die Seite neu und stimmen Sie erneut ab.",
  "error.BALLOT_CENSUS_ROOT_MISMATCH":
    "Ihr Stimmschlüssel steht nicht im Stimmregister dieser Abstimmung: Er wurde erst nach Beginn der Abstimmung oder an anderer Stelle registriert.",
  "error.BALLOT_RULES_MISMATCH":
    "Ihr Stimmzettel folgte anderen Regeln als denen der Abstimmung. Laden Sie die Seite neu und stimmen Sie erneut ab.",
  "error.BALLOT_VOTES_INVALID":
    "Ihr Stimmzettel enthält Stimmen für Optionen, die es bei dieser Abstimmung nicht gibt.",
  "error.BALLOT_PROOF_INVALID":
    "Der Nachweis Ihres Stimmzettels war nicht gültig. Laden Sie die Seite neu und stimmen Sie erneut ab.",
  "error.BALLOT_NULLIFIER_USED":
    "Sie haben bei dieser Abstimmung bereits abgestimmt, und sie erlaubt keine Änderung Ihrer Stimme.",
  "error.BALLOT_REVISION_CONFLICT":
    "Ihre Stimme wurde inzwischen geändert, vielleicht von einem anderen Gerät aus. Laden Sie die Seite neu und stimmen Sie erneut ab, um sie zu ändern.",
  "error.BALLOT_NOT_FOUND": "Der Dienst kennt diesen Stimmzettel nicht.",
  "error.BALLOT_KEY_MISMATCH":
    "Ihr Stimmzettel wurde mit einem anderen Schlüssel versiegelt als dem dieser Abstimmung. Laden Sie die Seite neu und stimmen Sie erneut ab.",
  "error.TRUSTEES_NOT_DRAFTED": "Benennen Sie die Vertrauenspersonen im Entwurf, bevor Sie sie einladen.",
  "error.TRUSTEE_CODE_UNKNOWN":
    "Dieser Einladungscode für Vertrauenspersonen gilt nicht für diese Abstimmung. Prüfen Sie den Code, den Sie erhalten haben.",
  "error.TRUSTEE_JOINED":
    "Diese Einladung für eine Vertrauensperson wurde bereits mit einem anderen Schlüssel verwendet.",
  "error.DKG_STATE":
    "Die Schlüsselerzeugung der Vertrauenspersonen ist nicht bei diesem Schritt. Laden Sie die Seite neu, um den aktuellen Stand zu sehen.",
  "error.DKG_MESSAGE_INVALID": "Diese Nachricht der Schlüsselerzeugung ist nicht stimmig.",
  "error.DKG_MESSAGE_CONFLICT": "Diese Vertrauensperson hat für diesen Schritt bereits eine andere Nachricht gesendet.",
  "error.DKG_INCOMPLETE": "Die Vertrauenspersonen haben den Abstimmungsschlüssel noch nicht fertig erzeugt.",
  "error.PARTIAL_INVALID":
    "Diese Entschlüsselung passt nicht zum Schlüssel der Vertrauensperson und zu den ausgezählten Stimmzetteln.",
  "error.TALLY_NEEDS_TRUSTEES": "Noch nicht genug Vertrauenspersonen haben das Ergebnis entschlüsselt.",
  "error.TALLY_NOT_READY": "Das Ergebnis wurde noch nicht ausgezählt.",
  "error.LOG_RANGE_INVALID": "Der angefragte Teil des öffentlichen Protokolls existiert nicht.",
  "error.BUSY": "Der Dienst ist ausgelastet. Warten Sie einen Moment und versuchen Sie es erneut.",
  "error.STORE_UNAVAILABLE":
    "Der Dienst ist vorübergehend nicht verfügbar. Warten Sie einen Moment und versuchen Sie es erneut.",
  "error.INTERNAL": "Beim Dienst ist ein Fehler aufgetreten. Versuchen Sie es später erneut.",
  "error.NETWORK": "Der Dienst ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.",
  // Citizen pages (citizen.ts)
  "citizen.fingerprint": "Fingerabdruck Ihres Stimmschlüssels: {fingerprint}",
  "citizen.recovery.title": "Ihr Wiederherstellungscode",
  "citizen.recovery.explain":
    "Ihr Stimmschlüssel existiert nur in diesem Browser. Wenn Sie dieses Gerät verlieren oder seine Daten löschen, können Sie den Schlüssel mit diesem Wiederherstellungscode auf jedem Gerät wiederherstellen. Halten Sie ihn geheim: Wer ihn hat, kann an Ihrer Stelle abstimmen.",
  "citizen.recovery.label": "Wiederherstellungscode",
  "citizen.recovery.download": "Herunterladen",
  "citizen.recovery.copy": "Kopieren",
  "citizen.recovery.print": "Drucken",
  "citizen.recovery.copied": "Der Wiederherstellungscode wurde kopiert.",
  "citizen.recovery.copyFailed":
    "Das Kopieren hat nicht funktioniert: Markieren Sie den Code und kopieren Sie ihn selbst.",
  "citizen.recovery.fileHeading": "BLING-Wiederherstellungscode Ihres Stimmschlüssels. Halten Sie ihn geheim.",
  "citizen.register.title": "Für die Stimmabgabe registrieren",
  "citizen.register.intro":
    "Registrieren Sie sich einmalig mit dem Code aus Ihrer Abstimmungsbenachrichtigung. Dieser Browser erzeugt dann Ihren Stimmschlüssel: ein Geheimnis, das auf diesem Gerät bleibt und mit dem Sie anonym abstimmen.",
  "citizen.register.census": "Stimmregister",
  "citizen.register.censusHint":
    "Wie in Ihrem Brief angegeben; über den Link in Ihrem Brief wird das Feld automatisch ausgefüllt.",
  "citizen.register.code": "Registrierungscode",
  "citizen.register.codeHint": "Wie in Ihrem Brief gedruckt.",
  "citizen.register.censusMissing": "Geben Sie das Stimmregister aus Ihrem Brief ein.",
  "citizen.register.censusId": "Kennung des Stimmregisters:",
  "citizen.register.codeMissing": "Geben Sie den Registrierungscode aus Ihrem Brief ein.",
  "citizen.register.codeFormat":
    "Dies ist kein Registrierungscode, wie er in den Briefen steht: 16 Buchstaben und Ziffern in Vierergruppen, zum Beispiel 7K2M-QX9D-4HTB-0WRE.",
  "citizen.register.continue": "Weiter",
  "citizen.register.existingKey":
    "Dieses Gerät hatte bereits einen Stimmschlüssel (Fingerabdruck {fingerprint}); er ist jetzt mit diesem Code registriert. Sein Wiederherstellungscode hat sich nicht geändert.",
  "citizen.register.saveTitle": "Wiederherstellungscode sichern",
  "citizen.register.registered": "Ihr Registrierungscode wurde angenommen und Ihr Stimmschlüssel ist registriert.",
  "citizen.register.saved": "Ich habe meinen Wiederherstellungscode gesichert",
  "citizen.register.savedMissing": "Bestätigen Sie zuerst, dass Sie Ihren Wiederherstellungscode gesichert haben.",
  "citizen.register.submit": "Abschließen",
  "citizen.register.submitting": "Registrierung läuft…",
  "citizen.register.doneTitle": "Sie sind registriert",
  "citizen.register.done":
    "Ihr Stimmschlüssel ist registriert. Sobald eine Abstimmung Ihres Stimmregisters beginnt, können Sie von diesem Gerät aus abstimmen.",
  "citizen.register.toReferenda": "Zu den Abstimmungen",
  "citizen.register.toIdentity": "Stimmschlüssel verwalten",
  "citizen.identity.title": "Mein Stimmschlüssel",
  "citizen.identity.none": "Auf diesem Gerät gibt es keinen Stimmschlüssel.",
  "citizen.identity.toRegister": "Mit dem Code aus Ihrem Brief registrieren",
  "citizen.identity.has": "Auf diesem Gerät ist ein Stimmschlüssel gespeichert.",
  "citizen.identity.registeredIn": "Von diesem Gerät aus in {count} Stimmregister(n) registriert.",
  "citizen.identity.registeredInNames": "Von diesem Gerät aus registriert in: {names}.",
  "citizen.where.checking": "Es wird geprüft, bei welchen Abstimmungen dieser Stimmschlüssel abstimmen kann…",
  "citizen.where.failed":
    "Gerade konnte nicht geprüft werden, bei welchen Abstimmungen dieser Schlüssel abstimmen kann.",
  "citizen.where.none": "Dieser Stimmschlüssel steht im Stimmregister keiner Abstimmung, die gerade läuft.",
  "citizen.where.some": "Mit diesem Stimmschlüssel können Sie abstimmen bei:",
  "citizen.identity.recoveryTitle": "Wiederherstellungscode",
  "citizen.identity.showRecovery": "Wiederherstellungscode anzeigen",
  "citizen.identity.restoreTitle": "Mit einem Wiederherstellungscode wiederherstellen",
  "citizen.identity.restoreHint":
    "Nutzen Sie dies auf einem neuen Gerät oder nachdem Sie die Daten Ihres Browsers gelöscht haben. Geben Sie die 14 Gruppen aus je vier Buchstaben und Ziffern ein; Groß- und Kleinschreibung, Leerzeichen und Bindestriche spielen keine Rolle. Ältere Codes aus 44 Zeichen, die auf = enden, funktionieren weiterhin.",
  "citizen.identity.restoreLabel": "Wiederherstellungscode",
  "citizen.identity.restore": "Stimmschlüssel wiederherstellen",
  "citizen.identity.restoreInvalid":
    "Dies ist kein Wiederherstellungscode. Ein Wiederherstellungscode hat 14 Gruppen aus je vier Buchstaben und Ziffern (ältere Codes: 44 Zeichen, die auf = enden). Prüfen Sie, ob Sie ihn vollständig kopiert haben.",
  "citizen.identity.restoreTypo":
    "Dieser Wiederherstellungscode enthält einen Tippfehler: Mindestens ein Zeichen ist falsch. Vergleichen Sie ihn Gruppe für Gruppe mit Ihrem gedruckten oder gespeicherten Code. Auf diesem Gerät wurde nichts geändert.",
  "citizen.identity.replaceWarning":
    "Dieses Gerät hat bereits einen anderen Stimmschlüssel (Fingerabdruck {fingerprint}). Die Wiederherstellung ersetzt ihn: Dieser Schlüssel geht verloren, wenn Sie nicht seinen eigenen Wiederherstellungscode haben.",
  "citizen.identity.replaceYes": "Stimmschlüssel auf diesem Gerät ersetzen",
  "citizen.identity.back": "Zurück zur vorherigen Seite",
  "citizen.identity.restored": "Ihr Stimmschlüssel ist auf diesem Gerät wiederhergestellt.",
  "citizen.identity.removeTitle": "Von diesem Gerät entfernen",
  "citizen.identity.removeExplain":
    "Ohne seinen Schlüssel kann dieses Gerät nicht abstimmen. Sichern Sie zuerst Ihren Wiederherstellungscode, wenn Sie später abstimmen möchten.",
  "citizen.identity.remove": "Stimmschlüssel entfernen",
  "citizen.identity.removeConfirm":
    "Sind Sie sicher? Der Stimmschlüssel wird aus diesem Browser gelöscht. Nur Ihr Wiederherstellungscode kann ihn zurückholen.",
  "citizen.identity.removeYes": "Ja, entfernen",
  "citizen.identity.removeCancel": "Abbrechen",
  "citizen.identity.removed": "Der Stimmschlüssel wurde von diesem Gerät entfernt.",
  "citizen.vote.notFound": "Diese Abstimmung gibt es nicht.",
  "citizen.vote.closes": "Die Stimmabgabe endet am {date}.",
  "citizen.vote.sealed":
    "Dies ist eine geheime Abstimmung: Ihr Browser verschlüsselt Ihre Stimme, bevor er sie sendet. Niemand kann sie lesen, auch nicht die Gemeinde; nach dem Ende entschlüsseln die Vertrauenspersonen nur die Summe aller Stimmen.",
  "citizen.vote.turnout": "Bisher haben {voters} von {electorate} Einwohnerinnen und Einwohnern abgestimmt.",
  "citizen.vote.electorate": "Stimmregister: {name}",
  "citizen.vote.notYetOpen": "Die Stimmabgabe hat noch nicht begonnen. Abstimmen können Sie ab dem {date}.",
  "citizen.vote.closed": "Die Stimmabgabe ist beendet. Das Ergebnis wird ausgezählt und veröffentlicht.",
  "citizen.vote.tallied": "Die Stimmabgabe ist beendet und das Ergebnis ist veröffentlicht.",
  "citizen.vote.toVerify": "Ergebnis ansehen und prüfen",
  "citizen.vote.noIdentity":
    "Auf diesem Gerät gibt es keinen Stimmschlüssel. Registrieren Sie sich mit dem Code aus Ihrer Abstimmungsbenachrichtigung oder stellen Sie Ihren Stimmschlüssel mit seinem Wiederherstellungscode wieder her.",
  "citizen.vote.toRegister": "Registrieren",
  "citizen.vote.toRestore": "Meinen Stimmschlüssel wiederherstellen",
  "citizen.vote.notInElectorate":
    "Mit dem Stimmschlüssel auf diesem Gerät können Sie bei dieser Abstimmung nicht abstimmen.",
  "citizen.vote.notInElectorateWhy":
    "Dieser Schlüssel (Fingerabdruck {fingerprint}) steht nicht im Stimmregister, das zu Beginn der Abstimmung festgelegt wurde: Er wurde später oder für ein anderes Stimmregister registriert.",
  "citizen.vote.notInElectorateDo":
    "Wenn Sie sich früher mit einem anderen Schlüssel registriert haben, stellen Sie diesen mit seinem Wiederherstellungscode wieder her. Wenden Sie sich sonst an Ihre Gemeinde; das Ergebnis können Sie trotzdem verfolgen.",
  "citizen.vote.toFollow": "Ergebnis verfolgen",
  "citizen.vote.revoting":
    "Sie haben abgestimmt. Sie können Ihre Stimme bis zum {date} ändern; nur Ihr letzter Stimmzettel zählt. Frühere bleiben im öffentlichen Protokoll, werden aber nicht gezählt.",
  "citizen.vote.votedFinal": "Sie haben bei dieser Abstimmung abgestimmt. Ihre Stimme kann hier nicht geändert werden.",
  "citizen.vote.toReceipt": "Ihre Quittung ansehen",
  "citizen.vote.legend": "Ihre Stimme",
  "citizen.rules.yes-no": "Wählen Sie eine Antwort.",
  "citizen.rules.single-choice": "Wählen Sie eine Option.",
  "citizen.rules.approval": "Wählen Sie mindestens eine und höchstens {max} Optionen.",
  "citizen.rules.cumulative":
    "Verteilen Sie bis zu {budget} Punkte auf die Optionen. Sie können einer Option mehrere Punkte geben, bis zu {max}.",
  "citizen.rules.quadratic":
    "Sie haben {credits} Guthabenpunkte. n Stimmen für eine Option kosten n × n Guthabenpunkte (1 Stimme kostet 1, 2 Stimmen kosten 4, 3 Stimmen kosten 9). Höchstens {max} Stimmen je Option.",
  "citizen.rules.revoting":
    "Sie können Ihre Stimme bis zum Ende der Stimmabgabe ändern; nur Ihr letzter Stimmzettel zählt.",
  "citizen.rules.final": "Ihre Stimme ist endgültig: Nach der Abgabe kann sie nicht mehr geändert werden.",
  "citizen.ballot.left": "Sie können noch {left} wählen.",
  "citizen.ballot.tooMany": "Sie haben {over} zu viele gewählt.",
  "citizen.ballot.pointsUsed": "Verwendete Punkte: {spent} von {limit}. {left} übrig.",
  "citizen.ballot.creditsUsed": "Verwendete Guthabenpunkte: {spent} von {limit}. {left} übrig.",
  "citizen.ballot.pointsOver": "Verwendete Punkte: {spent} von {limit}. {over} zu viele.",
  "citizen.ballot.creditsOver": "Verwendete Guthabenpunkte: {spent} von {limit}. {over} zu viele.",
  "citizen.ballot.votesFor": "Stimmen für {option}",
  "citizen.ballot.pointsFor": "Punkte für {option}",
  "citizen.ballot.amountHint": "Eine ganze Zahl von 0 bis {max}.",
  "citizen.ballot.costOf": "Kostet {cost} Guthabenpunkte.",
  "citizen.ballot.problems": "Ihre Stimme kann noch nicht abgegeben werden:",
  "citizen.ballot.submit": "Meine Stimme abgeben",
  "citizen.ballot.continue": "Weiter",
  "citizen.check.title": "Stimme überprüfen",
  "citizen.check.intro":
    "Ihre Stimme wird erst abgegeben, wenn Sie unten auf die Schaltfläche drücken. Sie haben gewählt:",
  "citizen.check.votes": "{option}: {count} Stimme(n)",
  "citizen.check.points": "{option}: {count} Punkt(e)",
  "citizen.check.nothing": "Keine Option (leere Stimme)",
  "citizen.check.change": "Meine Stimme ändern",
  "citizen.problem.choose-one": "Wählen Sie eine Option.",
  "citizen.problem.choose-at-least": "Wählen Sie mindestens {min} Option(en).",
  "citizen.problem.choose-at-most": "Wählen Sie höchstens {max} Optionen.",
  "citizen.problem.whole-number": "{option}: Geben Sie eine ganze Zahl von 0 bis {max} ein.",
  "citizen.problem.amount-too-large": "{option}: höchstens {max}.",
  "citizen.problem.spend-at-least": "Vergeben Sie insgesamt mindestens {min}.",
  "citizen.problem.over-budget": "Sie haben {spent} verwendet, mehr als die {limit}, die Sie haben.",
  "citizen.problem.invalid": "Diese Verteilung der Stimmen ist nach den Regeln nicht erlaubt.",
  "citizen.cast.title": "Ihre Stimme wird abgegeben",
  "citizen.cast.artifacts": "Die Abstimmungssoftware wird heruntergeladen: {loaded} von {total} kB.",
  "citizen.cast.checking": "Die Abstimmungssoftware wird mit ihrem veröffentlichten Fingerabdruck verglichen…",
  "citizen.cast.checked":
    "Die Abstimmungssoftware wurde heruntergeladen und stimmt mit ihrem veröffentlichten Fingerabdruck überein.",
  "citizen.cast.checkedKept":
    "Die Abstimmungssoftware, die dieser Browser von einem früheren Besuch gespeichert hat, stimmt mit ihrem veröffentlichten Fingerabdruck überein: Es muss nichts heruntergeladen werden.",
  "citizen.cast.census": "Das Stimmregister wird heruntergeladen: {loaded} von {total} Stimmschlüsseln.",
  "citizen.cast.proving": "Ihr anonymer Nachweis wird erstellt. Das dauert einige Sekunden.",
  "citizen.cast.submitting": "Ihr Stimmzettel wird gesendet…",
  "citizen.cast.progress": "Fortschritt",
  "citizen.cast.artifactsFailed":
    "Die Abstimmungssoftware konnte nicht heruntergeladen werden oder stimmte nicht mit ihrem veröffentlichten Fingerabdruck überein. Laden Sie die Seite neu und versuchen Sie es erneut.",
  "citizen.cast.notInCensus":
    "Ihr Stimmschlüssel steht nicht im Stimmregister dieser Abstimmung: Er wurde erst nach Beginn der Abstimmung oder in einem anderen Stimmregister registriert.",
  "citizen.cast.proveFailed":
    "Ihr Browser konnte den Nachweis nicht erstellen. Laden Sie die Seite neu und versuchen Sie es erneut.",
  "citizen.cast.doneTitle": "Ihre Stimme ist eingegangen",
  "citizen.cast.done":
    "Ihre Stimme ist eingegangen. Sie müssen nichts weiter tun. Ihre Quittung zeigt, dass sie im öffentlichen Protokoll der Stimmen steht; sie zeigt nie, wie Sie abgestimmt haben.",
  "citizen.receipt.title": "Ihre Quittung",
  "citizen.receipt.sealed":
    "Ihre Stimme ist bis zum Ende der Stimmabgabe versiegelt: Diese Quittung zeigt, dass Ihr Stimmzettel eingegangen und protokolliert ist, aber nie, was Sie gewählt haben. Erst nach dem Ende wird nur die Summe aller Stimmen entschlüsselt.",
  "citizen.receipt.missing":
    "Diese Adresse nennt keinen Stimmzettel. Öffnen Sie die Quittung von der Abstimmungsseite aus.",
  "citizen.receipt.referendum": "Abstimmung",
  "citizen.receipt.ballotId": "Hash des Stimmzettels",
  "citizen.receipt.entryHash": "Hash des Protokolleintrags",
  "citizen.receipt.received": "Eingegangen",
  "citizen.receipt.revision": "Nummer des Stimmzettels",
  "citizen.receipt.promiseOk":
    "Die signierte Zusage des Dienstes auf dieser Quittung ist gültig: Ihr Browser hat geprüft, dass der Dienst zugesagt hat, diesen Stimmzettel zu zählen.",
  "citizen.receipt.keep":
    "Sie müssen nichts weiter tun. Dieses Gerät bewahrt diese Quittung auf; um sie später von anderswo zu prüfen, setzen Sie ein Lesezeichen auf diese Seite. Die Quittung zeigt nie, wie Sie abgestimmt haben.",
  "citizen.receipt.technical": "Technische Details",
  "citizen.receipt.logKey": "Öffentlicher Protokollschlüssel",
  "citizen.receipt.technicalChecks":
    "In Ihrem Browser geprüft: die Ed25519-Signatur des Dienstes auf der Quittung anhand des öffentlichen Protokollschlüssels der Abstimmung und, sobald aufgenommen, der Merkle-Inklusionsnachweis des Protokolleintrags (RFC 6962).",
  "citizen.receipt.technicalHead":
    "Der Inklusionsnachweis wurde anhand des signierten Tree Head der Größe {size} geprüft.",
  "citizen.receipt.promiseBad":
    "Die Signatur auf dieser Quittung passt nicht zum öffentlichen Protokollschlüssel. Bewahren Sie diese Seite auf und melden Sie dies Ihrer Gemeinde.",
  "citizen.receipt.queued":
    "Ihr Stimmzettel wartet darauf, in das öffentliche Protokoll aufgenommen zu werden. Diese Seite prüft alle paar Sekunden erneut.",
  "citizen.receipt.included":
    "Ihr Stimmzettel steht im öffentlichen Protokoll (Position {position} von {size}): Ihr Browser hat dies selbst geprüft.",
  "citizen.receipt.inclusionBad":
    "Der Nachweis des öffentlichen Protokolls für Ihren Stimmzettel ist nicht stimmig. Bewahren Sie diese Seite auf und melden Sie dies Ihrer Gemeinde.",
  "citizen.receipt.deviceTitle": "Ihre Stimmzettel bei dieser Abstimmung auf diesem Gerät",
  "citizen.receipt.deviceNone": "Auf diesem Gerät gibt es keine Quittungen für diese Abstimmung.",
  "citizen.receipt.deviceItem": "Stimmzettel {revision}, eingegangen am {date}",
  "citizen.receipt.latest": "neuester",
  "citizen.receipt.current": "oben angezeigt",
  "citizen.receipt.toVerify": "Die ganze Abstimmung prüfen",
  "citizen.receipt.finalChecking":
    "Ihr Stimmzettel wird mit dem Endergebnis auf der öffentlichen Blockchain abgeglichen…",
  "citizen.receipt.finalUnreachable":
    "Das Endergebnis auf der öffentlichen Blockchain konnte gerade nicht gelesen werden, daher wurde Ihr Stimmzettel nicht damit abgeglichen.",
  "citizen.receipt.finalIncluded":
    "Ihr Stimmzettel ist im endgültigen, ausgezählten Ergebnis enthalten, das auf der öffentlichen Blockchain verankert ist (Stimmzettel {position} von {size}).",
  "citizen.receipt.finalMissing":
    "Ihr Stimmzettel fehlt im Endergebnis, obwohl der Dienst zugesagt hat, ihn aufzunehmen. Laden Sie die signierte Zusage herunter und geben Sie sie einer Beobachterin, einem Beobachter oder der Gemeinde: Die Zusage beweist, dass der Dienst Ihren Stimmzettel angenommen hat.",
  "citizen.receipt.downloadPromise": "Signierte Zusage herunterladen",
  // Council pages (council.ts)
  "council.title": "Verwaltung der Gemeinde",
  "council.intro": "Verwalten Sie die Stimmregister und Abstimmungen Ihrer Gemeinde.",
  "council.signIn.title": "Anmeldung für die Verwaltung der Gemeinde",
  "council.signIn.intro": "Nur die Verwaltung der Gemeinde kann Stimmregister und Abstimmungen verwalten.",
  "council.signIn.token": "Zugangstoken der Gemeinde",
  "council.signIn.tokenHint":
    "Betreiben Sie den Dienst auf Ihrem eigenen Computer? Das Token gibt „npm start“ in seinem Terminal aus, in der Zeile „council token“.",
  "council.signIn.tokenRequired": "Fügen Sie das Zugangstoken der Gemeinde ein.",
  "council.signIn.submit": "Anmelden",
  "council.signIn.checking": "Das Token wird geprüft…",
  "council.signIn.hosted": "Mit Ihrem Konto der Gemeinde anmelden",
  "council.signIn.hostedIntro":
    "Sie werden zur Anmeldeseite der Gemeinde weitergeleitet und danach hierher zurückgebracht.",
  "council.signIn.completing": "Die Anmeldung wird abgeschlossen…",
  "council.signIn.failure.stateMismatch":
    "Die Anmeldung konnte nicht geprüft werden (vielleicht wurde sie in einem anderen Tab begonnen). Bitte melden Sie sich erneut an.",
  "council.signIn.failure.exchangeFailed":
    "Der Anmeldedienst hat keine gültige Sitzung geliefert. Bitte melden Sie sich erneut an.",
  "council.signIn.failure.refused": "Die Anmeldung wurde abgebrochen oder abgelehnt.",
  "council.signIn.failure.expired":
    "Ihre Anmeldung ist abgelaufen oder wurde widerrufen. Bitte melden Sie sich erneut an.",
  "council.signOut": "Abmelden",
  "council.back": "Zurück zur Übersicht",
  "council.censuses.title": "Stimmregister",
  "council.censuses.intro":
    "Ein Stimmregister ist die Liste der Einwohnerinnen und Einwohner, die abstimmen dürfen. Die Einwohnerinnen und Einwohner tragen sich mit einem Registrierungscode aus einem Brief darin ein.",
  "council.censuses.none": "Es gibt noch keine Stimmregister.",
  "council.censuses.size": "{size} registrierte Einwohnerinnen und Einwohner",
  "council.censuses.manage": "Stimmregister „{name}“ verwalten",
  "council.censuses.create": "Neues Stimmregister",
  "council.censuses.name": "Name des Stimmregisters",
  "council.censuses.nameHint": "Zum Beispiel die Gemeinde und das Jahr: „Musterstadt 2026“.",
  "council.censuses.nameRequired": "Geben Sie einen Namen für das Stimmregister ein.",
  "council.censuses.createSubmit": "Stimmregister anlegen",
  "council.censuses.created": "Das Stimmregister „{name}“ wurde angelegt.",
  "council.census.title": "Stimmregister „{name}“",
  "council.census.size": "Registrierte Einwohnerinnen und Einwohner: {size}",
  "council.census.link": "Registrierungslink für die Briefe",
  "council.census.linkHint":
    "Drucken Sie diese Adresse auf die Briefe, mit einem Code für jede Einwohnerin und jeden Einwohner.",
  "council.census.issue.title": "Registrierungscodes ausgeben",
  "council.census.issue.count": "Anzahl der Codes",
  "council.census.issue.countHint": "1 bis 10.000 Codes auf einmal; ein Code für jede Einwohnerin und jeden Einwohner.",
  "council.census.issue.countInvalid": "Geben Sie eine ganze Zahl von 1 bis 10.000 ein.",
  "council.census.issue.submit": "Codes ausgeben",
  "council.census.issue.once":
    "Die Codes werden nur einmal angezeigt: Der Dienst speichert nur ihre Hashes und kann sie nicht erneut anzeigen. Laden Sie die Datei jetzt herunter und bewahren Sie sie sicher auf, bis die Briefe gedruckt sind.",
  "council.census.issue.done": "{count} Registrierungscodes wurden ausgegeben.",
  "council.census.issue.download": "Codes herunterladen ({file})",
  "council.referenda.title": "Abstimmungen",
  "council.referenda.none": "Es gibt noch keine Abstimmungen.",
  "council.referenda.new": "Neue Abstimmung",
  "council.referenda.period": "Stimmabgabe vom {opens} bis zum {closes}",
  "council.state.draft": "Entwurf",
  "council.state.open": "Läuft",
  "council.state.closed": "Beendet",
  "council.state.tallied": "Ausgezählt",
  "council.draft.newTitle": "Neue Abstimmung",
  "council.draft.editTitle": "Entwurf „{title}“ bearbeiten",
  "council.draft.intro":
    "Ein Entwurf kann geändert werden, bis die Abstimmung eröffnet wird. Mit der Eröffnung wird sein gesamter Inhalt öffentlich.",
  "council.draft.title": "Frage",
  "council.draft.titleHint": "Die Frage, die die Einwohnerinnen und Einwohner beantworten, in höchstens 200 Zeichen.",
  "council.draft.description": "Erläuterung",
  "council.draft.descriptionHint": "Hintergrund für die Einwohnerinnen und Einwohner (optional).",
  "council.draft.preset": "Art der Abstimmung",
  "council.draft.preset.yes-no": "Ja oder Nein",
  "council.draft.preset.single-choice": "Eine Option wählen",
  "council.draft.preset.approval": "Zustimmung: bis zu einer bestimmten Anzahl Optionen ankreuzen",
  "council.draft.preset.cumulative": "Kumulativ: Punkte auf die Optionen verteilen",
  "council.draft.preset.quadratic": "Quadratisch: Guthabenpunkte einsetzen, jede Stimme kostet ihr Quadrat",
  "council.draft.parameter.approval": "Höchstzahl der Optionen, die eine Person ankreuzen darf",
  "council.draft.parameter.cumulative": "Punkte je Einwohnerin und Einwohner",
  "council.draft.parameter.quadratic": "Guthabenpunkte je Einwohnerin und Einwohner",
  "council.draft.parameterHint": "Eine ganze Zahl von 1 bis {max}.",
  "council.draft.options": "Optionen",
  "council.draft.optionsHint": "1 bis 8 Optionen. Eine Ja-Nein-Frage hat genau zwei.",
  "council.draft.option": "Option {n}",
  "council.draft.addOption": "Option hinzufügen",
  "council.draft.removeOption": "Option {n} entfernen",
  "council.draft.yes": "Ja",
  "council.draft.no": "Nein",
  "council.draft.revoting": "Einwohnerinnen und Einwohner dürfen erneut abstimmen; nur ihr letzter Stimmzettel zählt",
  "council.draft.census": "Stimmregister",
  "council.draft.censusHint":
    "Wer abstimmen darf. Mit der Eröffnung der Abstimmung wird das Stimmregister eingefroren: Wer sich später registriert, kann bei dieser Abstimmung nicht abstimmen.",
  "council.draft.censusChoose": "Stimmregister wählen",
  "council.draft.noCensus": "Legen Sie zuerst ein Stimmregister an.",
  "council.draft.opensAt": "Beginn der Stimmabgabe",
  "council.draft.closesAt": "Ende der Stimmabgabe",
  "council.draft.timeHint": "Datum und Uhrzeit in Ihrer eigenen Zeitzone.",
  "council.draft.save": "Entwurf speichern",
  "council.draft.saved": "Der Entwurf wurde gespeichert.",
  "council.draft.cancel": "Abbrechen",
  "council.draft.fixErrors":
    "Der Entwurf kann noch nicht gespeichert werden: Korrigieren Sie die unten markierten Felder.",
  "council.draft.error.required": "Dieses Feld ist erforderlich.",
  "council.draft.error.tooLong": "Dieser Text ist zu lang.",
  "council.draft.error.optionsCount": "Geben Sie 1 bis 8 Optionen an.",
  "council.draft.error.optionEmpty": "Jede Option braucht einen Text.",
  "council.draft.error.yesNoTwo": "Eine Ja-Nein-Frage hat genau zwei Optionen.",
  "council.draft.error.parameterRange": "Geben Sie eine ganze Zahl im angegebenen Bereich ein.",
  "council.draft.error.closesBeforeOpens": "Die Stimmabgabe muss nach ihrem Beginn enden.",
  "council.draft.error.server": "Der Dienst hat dieses Feld nicht angenommen.",
  "council.referendum.description": "Erläuterung",
  "council.referendum.opensAt": "Beginn der Stimmabgabe",
  "council.referendum.closesAt": "Ende der Stimmabgabe",
  "council.referendum.census": "Stimmregister",
  "council.referendum.rules": "Art der Abstimmung",
  "council.referendum.revoting": "Erneute Stimmabgabe",
  "council.referendum.revotingYes": "Erlaubt; der letzte Stimmzettel zählt",
  "council.referendum.revotingNo": "Nicht erlaubt",
  "council.referendum.options": "Optionen",
  "council.referendum.edit": "Entwurf bearbeiten",
  "council.referendum.open": "Stimmabgabe eröffnen",
  "council.referendum.close": "Stimmabgabe beenden",
  "council.referendum.tally": "Stimmen auszählen",
  "council.referendum.openExplain":
    "Mit der Eröffnung wird das Stimmregister eingefroren: Wer sich danach registriert, kann bei dieser Abstimmung nicht abstimmen.",
  "council.referendum.tallyWaits":
    "Die Stimmabgabe endet von selbst zum Schlusszeitpunkt ({date}); die Stimmen können wenige Sekunden danach ausgezählt werden, oder nachdem Sie die Stimmabgabe vorzeitig beendet haben.",
  "council.confirm.open.title": "Diese Abstimmung eröffnen?",
  "council.confirm.open.text":
    "Mit der Eröffnung wird die Abstimmung veröffentlicht und das Stimmregister eingefroren: Wer sich später registriert, kann bei ihr nicht abstimmen. Der Entwurf kann nicht mehr geändert werden. Dies lässt sich nicht rückgängig machen.",
  "council.confirm.open.yes": "Ja, eröffnen",
  "council.confirm.close.title": "Stimmabgabe jetzt beenden?",
  "council.confirm.close.text":
    "Es werden keine Stimmzettel mehr angenommen, auch nicht vor dem Schlusszeitpunkt. Das Ende ist endgültig: Das Stimmzettelprotokoll wird in diesem Moment versiegelt und auf der öffentlichen Blockchain verankert; daran prüfen Beobachtende die Auszählung. Die Stimmen können direkt danach ausgezählt werden. Dies lässt sich nicht rückgängig machen.",
  "council.confirm.close.yes": "Ja, Stimmabgabe beenden",
  "council.confirm.tally.title": "Stimmen jetzt auszählen?",
  "council.confirm.tally.text":
    "Das Ergebnis wird veröffentlicht und auf der öffentlichen Blockchain verankert, wo alle es prüfen können. Dies lässt sich nicht rückgängig machen.",
  "council.confirm.tally.yes": "Ja, Stimmen auszählen",
  "council.confirm.cancel": "Abbrechen",
  "council.done.open": "Die Abstimmung ist eröffnet.",
  "council.done.close": "Die Stimmabgabe ist beendet.",
  "council.done.tally": "Die Stimmen wurden ausgezählt.",
  "council.turnout.title": "Beteiligung",
  "council.turnout.voters": "{voters} von {electorate} Einwohnerinnen und Einwohnern haben abgestimmt ({percent}).",
  "council.turnout.ballots": "Eingegangene Stimmzettel, erneute Stimmabgaben eingeschlossen: {ballots}.",
  "council.turnout.none": "Noch keine Zahlen zur Beteiligung.",
  "council.turnout.live": "Diese Zahlen werden alle paar Sekunden aktualisiert.",
  "council.anchors.title": "Auf der öffentlichen Blockchain",
  "council.anchors.opened": "Abstimmung festgehalten",
  "council.anchors.checkpoint": "Stimmzettel im letzten festgehaltenen Kontrollpunkt",
  "council.anchors.tallied": "Ergebnis festgehalten",
  "council.anchors.done": "Ja",
  "council.anchors.pending": "Noch nicht",
  "council.tally.title": "Ergebnis",
  "council.tally.summary":
    "{voters} Einwohnerinnen und Einwohner haben abgestimmt; {ballots} Stimmzettel sind eingegangen.",
  "council.signIn.notRecognised":
    "Dieses Token wurde nicht erkannt. Fügen Sie das vollständige Zugangstoken der Gemeinde ein oder bitten Sie die Administration um ein neues.",
  "council.signIn.tokenExpired":
    "Dieses Token ist abgelaufen. Bitten Sie die Administration um ein neues Token für die Gemeinde und fügen Sie es hier ein.",
  "council.referendum.sealing":
    "Die Stimmabgabe ist beendet. Das Stimmzettelprotokoll wird versiegelt; die Stimmen können gleich ausgezählt werden (diese Seite aktualisiert sich von selbst).",
  "council.referendum.waitingDecryptions":
    "Die Stimmen können ausgezählt werden, sobald genug Vertrauenspersonen das Ergebnis entschlüsselt haben.",
  "council.draft.censusOption": "{name} ({size} registriert)",
  "council.draft.censusEmpty":
    "In diesem Stimmregister hat sich noch niemand registriert. Eine Abstimmung darauf kann erst eröffnet werden, wenn sich Einwohnerinnen und Einwohner registrieren.",
  "council.draft.errorLink": "{field}: {problem}",
  "council.links.title": "Öffentliche Links",
  "council.links.hint": "Teilen Sie diese Adressen mit den Einwohnerinnen und Einwohnern und der Presse.",
  "council.links.vote": "Abstimmungsseite",
  "council.links.verify": "Seite für Ergebnis und Prüfung",
  "council.census.issue.mailMerge": "Für einen Serienbrief herunterladen ({file})",
  "council.census.issue.mailMergeHint":
    "Eine Zeile je Brief: der Code und der persönliche Registrierungslink der Einwohnerin oder des Einwohners, für den Serienbrief eines Textverarbeitungsprogramms.",
  // Council's trustee parts (council-trustees.ts)
  "council.draft.trustees": "Vertrauenspersonen (geheime Abstimmung)",
  "council.draft.trusteesHint":
    "Die Vertrauenspersonen halten gemeinsam den Schlüssel, der jede Stimme geheim hält: Nach dem Ende der Stimmabgabe entschlüsseln genug von ihnen nur die Endsummen, und weniger von ihnen erfahren nichts. Ohne Vertrauenspersonen ist jede Stimme im Protokoll öffentlich.",
  "council.draft.trusteesNone": "Keine Vertrauenspersonen: Die Stimmen werden öffentlich sein.",
  "council.draft.trustee": "Vertrauensperson {n}",
  "council.draft.addTrustee": "Vertrauensperson hinzufügen",
  "council.draft.removeTrustee": "Vertrauensperson {n} entfernen",
  "council.draft.threshold": "Für die Auszählung nötige Vertrauenspersonen",
  "council.draft.thresholdHint": "Voreingestellt sind {default} von {count}.",
  "council.draft.thresholdOption": "{threshold} von {count}",
  "council.draft.error.trusteesCount": "Benennen Sie höchstens 16 Vertrauenspersonen.",
  "council.draft.error.trusteeEmpty": "Jede Vertrauensperson braucht einen Namen; entfernen Sie die leeren Zeilen.",
  "council.draft.error.trusteeDuplicate": "Jede Vertrauensperson braucht einen eigenen Namen.",
  "council.draft.error.thresholdRange":
    "Wählen Sie, wie viele Vertrauenspersonen nötig sind, höchstens so viele wie benannt.",
  "council.referendum.trustees": "Vertrauenspersonen",
  "council.referendum.trusteesValue": "{names} ({threshold} von {count} für die Auszählung nötig)",
  "council.referendum.openBlocked":
    "Die Eröffnung wartet auf die Vertrauenspersonen: Ihre Schlüsselerzeugung mit der Probeentschlüsselung muss zuerst abgeschlossen sein.",
  "dkg.title": "Schlüsselerzeugung der Vertrauenspersonen",
  "council.dkg.notInvited": "Die Vertrauenspersonen wurden noch nicht eingeladen.",
  "council.dkg.stale":
    "Die Liste der Vertrauenspersonen wurde geändert, nachdem die Einladungen verschickt wurden. Laden Sie die Vertrauenspersonen vor der Eröffnung erneut ein.",
  "council.dkg.openNow": "Sie können die Abstimmung eröffnen.",
  "council.dkg.failedAdvice": "Prüfen Sie die Liste der Vertrauenspersonen und laden Sie sie erneut ein.",
  "council.dkg.invite": "Vertrauenspersonen einladen",
  "council.dkg.inviteAgain": "Erneut einladen",
  "council.dkg.inviteAgainExplain":
    "Eine erneute Einladung startet eine neue Schlüsselerzeugung: Frühere Codes funktionieren nicht mehr, und jede Vertrauensperson tritt mit einem neuen Code erneut bei.",
  "council.dkg.invitations": "Einladungen",
  "council.dkg.invitationsOnce":
    "Diese Codes werden nur einmal angezeigt: Der Dienst speichert nur ihre Hashes. Senden Sie jeder Vertrauensperson jetzt ihren eigenen Code und Link, und zwar vertraulich.",
  "council.dkg.invitationsCaption": "Code und persönlicher Link jeder Vertrauensperson",
  "council.dkg.name": "Name",
  "council.dkg.code": "Einladungscode",
  "council.dkg.link": "Persönlicher Link",
  "council.dkg.invitationsDone": "Ich habe die Einladungen verschickt",
  "council.confirm.invite.title": "Vertrauenspersonen erneut einladen?",
  "council.confirm.invite.text":
    "Eine neue Schlüsselerzeugung beginnt. Die früher verschickten Codes funktionieren nicht mehr, und jede Vertrauensperson muss mit einem neuen Code erneut beitreten. Dies lässt sich nicht rückgängig machen.",
  "council.confirm.invite.yes": "Ja, erneut einladen",
  "council.decrypt.title": "Entschlüsselung durch die Vertrauenspersonen",
  "council.decrypt.waitingSeal":
    "Das Stimmzettelprotokoll wird versiegelt; die Vertrauenspersonen können entschlüsseln, sobald es auf der Blockchain festgehalten ist.",
  "council.decrypt.progress": "{count} der {threshold} nötigen Vertrauenspersonen haben das Ergebnis entschlüsselt.",
  "council.decrypt.by": "Entschlüsselt von: {names}.",
  "council.decrypt.none": "Noch keine Vertrauensperson hat das Ergebnis entschlüsselt.",
  "council.decrypt.countWaits":
    "Die Stimmen können ausgezählt werden, sobald {threshold} Vertrauenspersonen das Ergebnis entschlüsselt haben. Bitten Sie die Vertrauenspersonen, ihre Seite für Vertrauenspersonen zu öffnen und zu entschlüsseln.",
  "council.decrypt.ready": "Genug Vertrauenspersonen haben entschlüsselt: Die Stimmen können ausgezählt werden.",
  "council.turnout.sealed":
    "Die Stimmen sind versiegelt: Niemand, auch nicht die Gemeinde, sieht vor dem Ende irgendeine Zählung.",
  // Trustee pages (trustee.ts)
  "dkg.status.joining": "Es wird gewartet, bis die Vertrauenspersonen mit ihren Einladungscodes beitreten.",
  "dkg.status.dealing": "Die Vertrauenspersonen verteilen ihre Teile des Schlüssels.",
  "dkg.status.checking": "Die Vertrauenspersonen prüfen die erhaltenen Teile.",
  "dkg.status.dry-run":
    "Die Vertrauenspersonen entschlüsseln eine Testnachricht, um zu zeigen, dass der Schlüssel funktioniert.",
  "dkg.status.complete": "Der Abstimmungsschlüssel ist bereit und die Probeentschlüsselung hat funktioniert.",
  "dkg.status.failed": "Die Schlüsselerzeugung ist fehlgeschlagen.",
  "dkg.waitingFor": "Warten auf: {names}.",
  "dkg.attempt": "Versuch {attempt}; {threshold} von {count} Vertrauenspersonen für die Auszählung nötig.",
  "dkg.table": "Fortschritt jeder Vertrauensperson",
  "dkg.trustee": "Vertrauensperson",
  "dkg.joined": "Beigetreten",
  "dkg.dealt": "Verteilt",
  "dkg.checked": "Geprüft",
  "dkg.dryRun": "Probeentschlüsselung",
  "dkg.yes": "Erledigt",
  "dkg.no": "Noch nicht",
  "dkg.fault.badShare":
    "{dealer} hat {recipient} einen Teil des Schlüssels gegeben, der nicht zu dem passt, was {dealer} veröffentlicht hat.",
  "dkg.fault.falseComplaint": "{complainant} hat einen korrekten Teil des Schlüssels von {dealer} beanstandet.",
  "dkg.fault.dryRun": "Die Probeentschlüsselung hat nicht das erwartete Ergebnis ergeben.",
  "dkg.fault.other": "{trustee}: {reason}",
  "dkg.you": "{name} (Sie)",
  "trustee.title": "Vertrauensperson für „{title}“",
  "trustee.titleGeneric": "Seite für Vertrauenspersonen",
  "trustee.intro":
    "Als Vertrauensperson halten Sie einen Anteil des Schlüssels, der die Stimmen geheim hält. Vor Beginn der Stimmabgabe helfen Sie, den Schlüssel zu erzeugen; nach ihrem Ende entschlüsseln Sie nur die Endsummen, nie eine einzelne Stimme.",
  "trustee.noReferendum": "Diese Adresse nennt keine Abstimmung. Öffnen Sie den Link aus Ihrer Einladung.",
  "trustee.notInvited": "Die Gemeinde hat die Vertrauenspersonen dieser Abstimmung noch nicht eingeladen.",
  "trustee.stale": "Die Gemeinde hat die Liste der Vertrauenspersonen geändert. Warten Sie auf eine neue Einladung.",
  "trustee.join.title": "Mit Ihrem Einladungscode beitreten",
  "trustee.join.code": "Einladungscode",
  "trustee.join.codeHint": "Der Code, den die Gemeinde Ihnen geschickt hat, zum Beispiel ABCD-EFGH-JKLM.",
  "trustee.join.codeRequired": "Geben Sie Ihren Einladungscode ein.",
  "trustee.join.submit": "Beitreten",
  "trustee.join.busy": "Ihr Schlüssel wird in diesem Browser erzeugt, der Beitritt läuft…",
  "trustee.join.oldAttempt":
    "Der auf diesem Gerät gespeicherte Schlüssel stammt aus einer früheren Einladung, die nicht mehr gilt. Treten Sie mit dem neuen Code bei, den die Gemeinde Ihnen geschickt hat.",
  "trustee.restore.title": "Mit einem Wiederherstellungscode wiederherstellen",
  "trustee.restore.intro":
    "Auf einem anderen Gerät oder in einem anderen Browser beigetreten? Geben Sie den Wiederherstellungscode ein, den Sie damals gesichert haben.",
  "trustee.restore.code": "Wiederherstellungscode der Vertrauensperson",
  "trustee.restore.submit": "Wiederherstellen",
  "trustee.restore.invalid":
    "Dies ist kein Wiederherstellungscode für Vertrauenspersonen. Prüfen Sie, ob Sie ihn vollständig kopiert haben.",
  "trustee.restore.otherReferendum": "Dieser Wiederherstellungscode gehört zur Abstimmung {id}, nicht zu dieser.",
  "trustee.restore.done": "Ihr Schlüssel als Vertrauensperson ist auf diesem Gerät wiederhergestellt.",
  "trustee.recovery.title": "Wiederherstellungscode sichern",
  "trustee.recovery.text":
    "Sie sind als Vertrauensperson {index} beigetreten. Ihr Schlüssel wird nur in diesem Browser gespeichert. Bewahren Sie diesen Wiederherstellungscode an einem sicheren, privaten Ort auf: Er ist Ihr Anteil am Abstimmungsschlüssel, er wird nur jetzt angezeigt, und ohne ihn können Sie das Ergebnis nicht von einem anderen Gerät aus entschlüsseln.",
  "trustee.recovery.label": "Ihr Wiederherstellungscode als Vertrauensperson",
  "trustee.recovery.copy": "Code kopieren",
  "trustee.recovery.copied": "Der Code wurde kopiert.",
  "trustee.recovery.copyFailed": "Das Kopieren ist fehlgeschlagen: Markieren Sie den Code und kopieren Sie ihn selbst.",
  "trustee.recovery.download": "Code als Datei herunterladen",
  "trustee.recovery.fileHeading":
    "BLING-Wiederherstellungscode einer Vertrauensperson (halten Sie ihn geheim: Er ist Ihr Anteil am Abstimmungsschlüssel)",
  "trustee.recovery.saved": "Ich habe meinen Wiederherstellungscode gesichert",
  "trustee.you": "Sie sind Vertrauensperson {index}: {name}.",
  "trustee.step.title": "Ihre Schritte",
  "trustee.step.auto":
    "Diese Seite prüft alle paar Sekunden und erledigt Ihre Schritte von selbst, solange sie geöffnet bleibt.",
  "trustee.step.now": "Meinen Schritt jetzt ausführen",
  "trustee.step.working": "Ihr nächster Schritt wird ermittelt…",
  "trustee.step.posting.deal": "Ihre Teile des Schlüssels werden an die anderen Vertrauenspersonen gesendet…",
  "trustee.step.posting.check": "Ihre Prüfung der erhaltenen Teile wird gesendet…",
  "trustee.step.posting.dry-run": "Ihre Probeentschlüsselung wird gesendet…",
  "trustee.step.posted.deal": "Ihre Teile des Schlüssels wurden gesendet.",
  "trustee.step.posted.check": "Ihre Prüfung wurde gesendet.",
  "trustee.step.posted.dry-run": "Ihre Probeentschlüsselung wurde gesendet.",
  "trustee.step.wait": "Für Sie gibt es gerade nichts zu tun.",
  "trustee.step.done":
    "Ihr Teil der Schlüsselerzeugung ist erledigt. Kommen Sie nach dem Ende der Stimmabgabe zurück, um das Ergebnis zu entschlüsseln.",
  "trustee.step.failed":
    "Die Schlüsselerzeugung ist fehlgeschlagen; die Gemeinde muss die Vertrauenspersonen erneut einladen.",
  "trustee.step.error": "Ihr Schritt konnte hier nicht ermittelt werden: {detail}",
  "trustee.phase.draft": "Die Abstimmung hat noch nicht begonnen.",
  "trustee.phase.open":
    "Die Stimmabgabe läuft bis zum {date}. Kommen Sie nach ihrem Ende zurück, um das Ergebnis zu entschlüsseln.",
  "trustee.phase.sealing":
    "Die Stimmabgabe ist beendet. Das Stimmzettelprotokoll wird versiegelt und auf der Blockchain festgehalten; das Entschlüsseln ist gleich möglich.",
  "trustee.phase.tallied": "Die Stimmen wurden ausgezählt.",
  "trustee.phase.toVerify": "Die ganze Abstimmung prüfen",
  "trustee.decrypt.title": "Ergebnis entschlüsseln",
  "trustee.decrypt.intro":
    "Ihr Browser lädt das öffentliche Stimmzettelprotokoll herunter, prüft es anhand des Protokolls, das zum Ende auf der Blockchain festgehalten wurde, addiert die versiegelten Stimmzettel selbst und entschlüsselt nur diese Summe. Er entschlüsselt nie einen einzelnen Stimmzettel.",
  "trustee.decrypt.submit": "Ergebnis entschlüsseln",
  "trustee.decrypt.progress.census": "Das Stimmregister wird heruntergeladen…",
  "trustee.decrypt.progress.log": "Das Stimmzettelprotokoll wird heruntergeladen: {done} von {total} Einträgen…",
  "trustee.decrypt.progress.decrypting": "Die Stimmzettel werden addiert und die Summe wird entschlüsselt…",
  "trustee.decrypt.progress.posting": "Ihre Entschlüsselung wird veröffentlicht…",
  "trustee.decrypt.done": "Ihre Entschlüsselung der Summe von {voters} ausgezählten Stimmzetteln ist veröffentlicht.",
  "trustee.decrypt.already": "Sie haben das Ergebnis entschlüsselt.",
  "trustee.decrypt.status": "{count} der {threshold} nötigen Vertrauenspersonen haben das Ergebnis entschlüsselt.",
  "trustee.decrypt.tooEarly":
    "Es ist zu früh: Das abschließende Stimmzettelprotokoll ist noch nicht auf der Blockchain festgehalten. Versuchen Sie es gleich noch einmal.",
  "trustee.decrypt.mismatch":
    "Abgelehnt: Das Stimmzettelprotokoll, das der Dienst geliefert hat, stimmt nicht mit dem Protokoll überein, das zum Ende auf der Blockchain festgehalten wurde. Es wurde nichts entschlüsselt. Informieren Sie die Gemeinde und eine Beobachterin oder einen Beobachter.",
  "trustee.decrypt.source":
    "Der Dienst oder die Blockchain konnte nicht gelesen werden. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.",
  "trustee.decrypt.other": "Das Entschlüsseln ist fehlgeschlagen: {detail}",
  "trustee.decrypt.noKey":
    "Auf diesem Gerät gibt es keinen Schlüssel als Vertrauensperson für diese Abstimmung. Stellen Sie ihn zuerst mit Ihrem Wiederherstellungscode wieder her.",
  "trustee.forget": "Meinen Schlüssel als Vertrauensperson auf diesem Gerät vergessen",
  // Verify pages (verify.ts)
  "verify.index.title": "Eine Abstimmung prüfen",
  "verify.index.intro":
    "Alle können das Ergebnis einer Abstimmung allein anhand öffentlicher Daten prüfen. Ihr Browser lädt das Stimmregister, jeden Stimmzettel und das herunter, was die Gemeinde auf der öffentlichen Blockchain verankert hat, und prüft alles selbst.",
  "verify.index.checksHeading": "Was geprüft wird",
  "verify.index.check.spec":
    "Frage, Optionen und Regeln sind dieselben, die zu Beginn der Stimmabgabe auf der Blockchain verankert wurden.",
  "verify.index.check.census":
    "Aus dem Stimmregister ergibt sich wieder der verankerte Fingerabdruck (die Census-Root).",
  "verify.index.check.proofs":
    "Jeder Stimmzettel trägt einen gültigen anonymen Nachweis, dass er von einer Person im Stimmregister stammt.",
  "verify.index.check.nullifiers":
    "Jede stimmberechtigte Person wird einmal gezählt: Hat jemand erneut abgestimmt, zählt nur der letzte Stimmzettel.",
  "verify.index.check.log":
    "Das öffentliche Stimmzettelprotokoll stimmt mit jedem Kontrollpunkt überein, der während der Stimmabgabe verankert wurde: Kein Stimmzettel wurde entfernt oder verändert.",
  "verify.index.check.tally":
    "Eine erneute Auszählung der Stimmzettel ergibt genau das Ergebnis, das auf der Blockchain verankert ist.",
  "verify.index.check.ceremony":
    "Der Schlüssel, der die Nachweise prüft, stammt aus einer Zeremonie mit mehreren unabhängigen Beteiligten, sodass keine einzelne Stelle Stimmzettel fälschen kann.",
  "verify.index.formHeading": "Nach Nummer prüfen",
  "verify.index.formLabel": "Nummer der Abstimmung",
  "verify.index.formHint": "Kopieren Sie die Nummer aus der Adresse der Seite der Abstimmung: /vote/Nummer/.",
  "verify.index.formSubmit": "Zur Prüfung",
  "verify.index.formInvalid": "Geben Sie eine Nummer der Abstimmung ein: nur Ziffern, nicht mit 0 beginnend.",
  "verify.index.listHeading": "Abstimmungen",
  "verify.index.none": "Es gibt noch keine Abstimmungen zum Prüfen.",
  "verify.index.link": "„{title}“ prüfen",
  "verify.state.open": "Stimmabgabe läuft",
  "verify.state.closed": "Beendet",
  "verify.state.tallied": "Ergebnis veröffentlicht",
  "verify.page.title": "„{title}“ prüfen",
  "verify.page.titleUnknown": "Abstimmung {id} prüfen",
  "verify.page.number": "Nummer der Abstimmung: {id}",
  "verify.number.showFull": "Vollständige Nummer anzeigen",
  "verify.page.intro":
    "Die Prüfung lädt alle öffentlichen Daten dieser Abstimmung herunter und prüft sie in Ihrem Browser. Bei vielen Stimmberechtigten kann das ein großer Download sein und eine Weile dauern; die Seite bleibt währenddessen nutzbar.",
  "verify.page.start": "Prüfung starten",
  "verify.receipts.label": "Zu prüfende Quittungen (optional)",
  "verify.receipts.help":
    "Quittungen oder signierte Zusagen von Abstimmenden, als .json-Dateien von der Quittungsseite. Jede muss innerhalb der maximalen Aufnahmefrist der Abstimmung im Stimmzettelprotokoll stehen, sonst schlägt die Prüfung fehl: Die Signatur beweist, dass der Dienst den Stimmzettel angenommen hat.",
  "verify.receipts.count": "{count} werden geprüft.",
  "verify.page.again": "Erneut prüfen",
  "verify.page.notFound": "Es gibt keine Abstimmung mit der Nummer {id}.",
  "verify.page.noId": "Es wurde keine Nummer der Abstimmung angegeben.",
  "verify.page.toIndex": "Eine Abstimmung zum Prüfen wählen",
  "verify.phase.start": "Wird gestartet…",
  "verify.phase.circuit": "Der Prüfschlüssel wird heruntergeladen…",
  "verify.phase.census": "Das Stimmregister wird heruntergeladen: {done} von {total}",
  "verify.phase.log": "Das Stimmzettelprotokoll wird heruntergeladen: {done} von {total} Stimmzetteln",
  "verify.phase.proofs": "Nachweise werden geprüft: {done} von {total}",
  "verify.phase.checks": "Die Prüfungen laufen…",
  "verify.progressLabel": "Fortschritt der Prüfung",
  "verify.verdict.passed": "Geprüft: Alle {count} Prüfungen bestanden.",
  "verify.verdict.passedDetail":
    "Das veröffentlichte Ergebnis ist genau die Summe der öffentlichen Stimmzettel, und jeder Stimmzettel ist gültig.",
  "verify.verdict.unfinished": "Noch nicht abgeschlossen: Das Ergebnis wurde noch nicht veröffentlicht.",
  "verify.verdict.unfinishedDetail":
    "Alles bisher Veröffentlichte ist in Ordnung ({passed} von {count} Prüfungen bestanden). Die Endauszählung kann geprüft werden, sobald die Gemeinde das Ergebnis veröffentlicht hat.",
  "verify.verdict.failed": "Prüfung fehlgeschlagen: {failed} von {count} Prüfungen nicht bestanden.",
  "verify.verdict.failedDetail":
    "Die öffentlichen Daten gehen nicht auf. Die Probleme stehen unten; melden Sie sie der Gemeinde und der Presse.",
  "verify.reportHeading": "Prüfungen",
  "verify.col.check": "Prüfung",
  "verify.col.result": "Ergebnis",
  "verify.col.details": "Details",
  "verify.result.pass": "Bestanden",
  "verify.result.fail": "Nicht bestanden",
  "verify.result.pending": "Noch nicht abgeschlossen",
  "verify.pendingTally":
    "Das Ergebnis wurde noch nicht veröffentlicht; die Auszählung wird geprüft, sobald es veröffentlicht ist.",
  "verify.pendingClose":
    "Das Ende der Stimmabgabe ist noch nicht auf der Blockchain festgehalten; das Ende wird geprüft, sobald das abschließende Protokoll verankert ist.",
  "verify.problems": "Gefundene Probleme",
  "verify.check.spec": "Frage und Regeln sind die zu Beginn verankerten",
  "verify.check.census": "Das Stimmregister passt zu seinem verankerten Fingerabdruck",
  "verify.check.circuit": "Der Prüfschlüssel ist der, den die Abstimmung nennt",
  "verify.check.ballots": "Jeder Stimmzettel gehört zu dieser Abstimmung und sein Nachweis ist gültig",
  "verify.check.nullifiers": "Jede stimmberechtigte Person wird einmal gezählt",
  "verify.check.log": "Das Stimmzettelprotokoll stimmt mit jedem signierten Protokollstand überein",
  "verify.check.checkpoints": "Das Stimmzettelprotokoll stimmt mit jedem verankerten Kontrollpunkt überein",
  "verify.check.close":
    "Nach dem Ende ist kein Stimmzettel mehr eingegangen, und das abschließende Protokoll wurde rechtzeitig verankert",
  "verify.check.tally": "Die Nachzählung entspricht dem verankerten Ergebnis",
  "verify.check.trustees":
    "Der Abstimmungsschlüssel ist der Schlüssel der Vertrauenspersonen, und nur sie gemeinsam können das Ergebnis entschlüsseln",
  "verify.check.receipts": "Jede von Ihnen angegebene Quittung steht rechtzeitig im Stimmzettelprotokoll",
  "verify.check.ceremony":
    "Der Schlüssel stammt aus einer Zeremonie für das Trusted Setup, an der mehrere Parteien teilgenommen haben",
  "verify.ceremony.summary":
    "Zeremonie {id}: {count} Beiträge, abgeschlossen mit dem Hash des Ethereum-Blocks {block}. Stimmzettel lassen sich nur fälschen, wenn alle diese Beteiligten gemeinsam betrogen haben:",
  "verify.ceremony.testAccepted":
    "Testumgebung: Die Entwicklungszeremonie wird akzeptiert. Wer sie durchgeführt hat, kann Stimmzettel fälschen. Diese Website darf daher nicht für eine echte Abstimmung genutzt werden.",
  "verify.ceremony.devRefused":
    "Der Schlüssel stammt aus der Entwicklungszeremonie, die eine einzige Partei allein durchgeführt hat: Wer sie durchgeführt hat, kann Stimmzettel fälschen. Eine echte Abstimmung braucht einen Schlüssel aus einer Zeremonie mit mehreren unabhängigen Beteiligten.",
  "verify.resultsHeading": "Geprüftes Ergebnis",
  "verify.turnoutHeading": "Beteiligung",
  "verify.turnout": "{voters} von {electorate} registrierten Stimmberechtigten haben abgestimmt ({percent}).",
  "verify.ballots":
    "Abgegebene Stimmzettel: {ballots}, davon erneute Stimmabgaben, die einen früheren Stimmzettel ersetzt haben: {revotes}.",
  "verify.speed": "In Ihrem Browser geprüfte Nachweise: {count}, in {seconds} Sekunden.",
  "verify.trust":
    "Diese Seite prüft die Daten selbst anhand der Blockchain, aber ihr Programm und der Prüfschlüssel stammen von dieser Website. Für eine vollständig unabhängige Prüfung führen Sie das Open-Source-Prüfprogramm aus Ihrer eigenen Kopie des Codes aus:",
  "verify.commandLabel": "Befehl für die unabhängige Prüfung",
  "verify.failed.api":
    "Der Abstimmungsdienst ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.",
  "verify.failed.rpc":
    "Die Blockchain ist nicht erreichbar, daher konnte nichts mit den verankerten Daten verglichen werden. Versuchen Sie es später erneut.",
  "verify.failed.notFound": "Der Dienst kennt diese Abstimmung nicht.",
  "verify.failed.notOpen": "Diese Abstimmung hat noch nicht begonnen, daher gibt es nichts zu prüfen.",
  "verify.failed.artifacts":
    "Der Prüfschlüssel dieser Website konnte nicht geladen werden oder passte nicht zu seinem Fingerabdruck.",
  "verify.failed.other": "Die Prüfung konnte nicht abgeschlossen werden.",
  "verify.failed.detail": "Technisches Detail",
  "verify.plain.pass": "Keine Probleme gefunden.",
  "verify.plain.figures": "Geprüfte Zahlen",
  "verify.plain.fail": "Diese Prüfung hat {count} Problem(e) gefunden: Die öffentlichen Daten stimmen nicht überein.",
  "verify.published.heading": "Veröffentlichtes Ergebnis",
  "verify.published.anchored":
    "Die Gemeinde hat dieses Ergebnis veröffentlicht und auf der öffentlichen Blockchain verankert. Die Prüfung unten zählt jeden Stimmzettel nach und vergleicht.",
  "verify.published.notAnchored":
    "Die Gemeinde hat dieses Ergebnis veröffentlicht; es ist noch nicht auf der öffentlichen Blockchain verankert.",
  "verify.auditHeading": "Prüfung",
  "verify.download.heading": "Diese Prüfung speichern",
  "verify.download.intro":
    "Der Bericht nennt jede Prüfung und wogegen geprüft wurde: die API des Dienstes, die Blockchain, den Registry-Vertrag und die Blocknummer. Bewahren Sie ihn auf oder geben Sie ihn weiter.",
  "verify.download.json": "Bericht herunterladen (JSON)",
  "verify.download.print": "Bericht drucken",
  "verify.download.checkedAt": "Geprüft am {date}, anhand von:",
  "verify.download.api": "API des Dienstes: {api}",
  "verify.download.chain": "Blockchain (Chain {chainId}): {rpc}, bei Block {block}",
  "verify.download.registry": "Registry-Vertrag: {registry} (bereitgestellt in Block {deployBlock})",
  "verify.download.blockUnknown": "unbekannt",
  "verify.independent.heading": "Unabhängig prüfen",
  "verify.independent.intro":
    "Wenn Sie sich auf nichts von dieser Website verlassen möchten, führen Sie dieselben Prüfungen mit Ihrer eigenen Kopie des Open-Source-Prüfprogramms in Version {version} auf Ihrem eigenen Computer aus:",
  "verify.independent.step1": "Installieren Sie Node.js 20 oder neuer und git.",
  "verify.independent.step2":
    "Holen Sie den Quellcode von BLING in Version {version} (die Version, mit der diese Website läuft) bei der Gemeinde oder aus dem öffentlichen Repository des Projekts, und öffnen Sie ein Terminal in seinem Ordner.",
  "verify.independent.step3": "Installieren Sie seine Abhängigkeiten genau in den festgelegten Versionen:",
  "verify.independent.step4": "Führen Sie die Prüfung gegen dieselben Quellen aus:",
  "verify.independent.step5":
    "Jede Prüfung gibt PASS oder FAIL aus. Ein vertrauenswürdiges Ergebnis zeigt PASS für jede Prüfung und dieselben Zahlen wie oben.",
  // Start page guidance, footer and required pages (site-pages.ts)
  "pages.yourMunicipality": "Ihre Gemeinde",
  "pages.runBy": "Diesen Dienst betreibt {municipality}.",
  "pages.home.listHeading": "Aktuelle Abstimmungen",
  "pages.home.whoHeading": "Wer steht dahinter",
  "pages.home.who":
    "{municipality} stellt diese Fragen an ihre Einwohnerinnen und Einwohner. Dieser Dienst zählt die Stimmen aus, und alle können die Auszählung mit öffentlichen Daten prüfen.",
  "pages.home.howHeading": "So funktioniert die Stimmabgabe",
  "pages.home.how1": "Registrieren Sie sich einmalig mit dem Code aus dem Brief, den Ihnen die Gemeinde geschickt hat.",
  "pages.home.how2":
    "Ihr Gerät speichert einen Stimmschlüssel. Schreiben Sie den Wiederherstellungscode auf, den es Ihnen anzeigt.",
  "pages.home.how3":
    "Wählen Sie oben eine Abstimmung und stimmen Sie ab. Ihre Stimme ist anonym: Niemand kann sehen, wer was gewählt hat.",
  "pages.home.how4": "Bewahren Sie Ihre Quittung auf. Die Quittung zeigt, dass Ihre Stimme gezählt wurde.",
  "pages.home.needHeading": "Was Sie brauchen",
  "pages.home.need1": "Den Brief mit Ihrem Registrierungscode.",
  "pages.home.need2": "Einen Computer, ein Tablet oder ein Smartphone mit einem aktuellen Browser.",
  "pages.home.need3":
    "Ein paar Minuten. Die Vorbereitung einer anonymen Stimme kann auf einem älteren Smartphone bis zu einer Minute dauern.",
  "pages.home.helpHeading": "Hilfe",
  "pages.home.help":
    "Brief verloren oder funktioniert etwas nicht? Wenden Sie sich an {municipality}: {contact}. Niemand von der Gemeinde wird Sie jemals nach Ihrem Wiederherstellungscode fragen.",
  "pages.home.helpNoContact": "Brief verloren oder funktioniert etwas nicht? Wenden Sie sich an Ihre Gemeinde.",
  "pages.home.register": "Mit Ihrem Brief registrieren",
  "pages.footer.nav": "Über diese Website",
  "pages.footer.about": "Über uns und Kontakt",
  "pages.footer.privacy": "Datenschutzerklärung",
  "pages.footer.accessibility": "Erklärung zur Barrierefreiheit",
  "pages.about.title": "Über uns und Kontakt",
  "pages.about.intro":
    "Auf dieser Website stimmen Einwohnerinnen und Einwohner anonym ab, und alle können jedes Ergebnis prüfen. Die Website verwendet Open-Source-Software (BLING).",
  "pages.about.contactHeading": "Kontakt",
  "pages.about.email": "E-Mail: {email}",
  "pages.about.phone": "Telefon: {phone}",
  "pages.about.website": "Website: {website}",
  "pages.about.noContact": "Die Kontaktdaten Ihrer Gemeinde finden Sie auf ihrer eigenen Website.",
  "pages.privacy.title": "Datenschutzerklärung",
  "pages.privacy.intro":
    "{municipality} ist verantwortlich für die personenbezogenen Daten, die dieser Dienst verarbeitet. Wir verarbeiten so wenig wie möglich.",
  "pages.privacy.whatHeading": "Was wir verarbeiten",
  "pages.privacy.what1":
    "Das Stimmregister: für jeden Brief einen Code, gespeichert nur als Fingerabdruck (Hash), und den öffentlichen Teil des Stimmschlüssels, den Sie mit diesem Code registrieren.",
  "pages.privacy.what2":
    "Ihre Stimme: Diese wird mit einem anonymen Nachweis gesendet. Die Stimme ist nicht mit Ihrem Namen, Ihrem Brief oder Ihrem Stimmschlüssel verknüpft, und das öffentliche Protokoll enthält nur die Uhrzeit auf die Sekunde genau.",
  "pages.privacy.what3":
    "Zugriffsprotokolle: der Zeitpunkt einer Anfrage und ihr Ergebnis, nie Ihre IP-Adresse oder Ihr Browser. Keine Cookies und kein Tracking.",
  "pages.privacy.deviceHeading": "Was auf Ihrem Gerät bleibt",
  "pages.privacy.device":
    "Ihr Stimmschlüssel, Ihre Quittungen und Ihre Sprachwahl werden im Speicher Ihres Browsers aufbewahrt. Diese Daten verlassen Ihr Gerät nur, wenn Sie sie selbst speichern.",
  "pages.privacy.rightsHeading": "Ihre Rechte",
  "pages.privacy.rights":
    "Nach der Datenschutz-Grundverordnung (DSGVO) können Sie erfahren, welche Daten über Sie verarbeitet werden, und sie berichtigen oder löschen lassen. Eine abgegebene Stimme lässt sich nicht auf Sie zurückführen, daher kann sie weder nachgeschlagen noch gelöscht werden. Sie können sich auch bei der zuständigen Datenschutzaufsichtsbehörde beschweren (in Deutschland: die Datenschutzbeauftragte oder der Datenschutzbeauftragte Ihres Bundeslandes).",
  "pages.privacy.contact": "Fragen zum Datenschutz: {contact}.",
  "pages.a11y.title": "Erklärung zur Barrierefreiheit",
  "pages.a11y.intro":
    "{municipality} möchte, dass alle diese Website nutzen können, wie es die EU-Richtlinie über den barrierefreien Zugang zu Websites öffentlicher Stellen (2016/2102) verlangt.",
  "pages.a11y.statusHeading": "Stand der Vereinbarkeit",
  "pages.a11y.status":
    "Diese Website soll WCAG 2.1 Stufe AA (EN 301 549) erfüllen. Jede Seite wird in jeder Sprache automatisch mit axe-core geprüft, ist allein mit der Tastatur bedienbar und passt sich bei 400 % Zoom an.",
  "pages.a11y.knownHeading": "Bekannte Einschränkungen",
  "pages.a11y.known":
    "Automatische Prüfungen finden nicht jedes Problem. Eine vollständige manuelle Prüfung durch unabhängige Fachleute wurde noch nicht durchgeführt.",
  "pages.a11y.feedbackHeading": "Feedback und Kontakt",
  "pages.a11y.feedback":
    "Können Sie etwas nicht nutzen? Teilen Sie es uns mit unter {contact}. Wir antworten innerhalb von 5 Arbeitstagen. Wenn Sie mit unserer Antwort nicht zufrieden sind, können Sie sich an die Schlichtungsstelle für Barrierefreiheit Ihres Bundeslandes wenden.",
  // Trusted-setup ceremony (ceremony.ts)
  "ceremony.title": "An der Trusted-Setup-Zeremonie teilnehmen",
  "ceremony.intro":
    "Die Nachweise, die Stimmzettel anonym und ehrlich halten, beruhen auf einem Schlüssel, den mehrere unabhängige Organisationen gemeinsam erzeugen. Jede fügt dem Schlüssel ein eigenes zufälliges Geheimnis hinzu und vergisst es danach. Solange auch nur eine teilnehmende Organisation ihr Geheimnis wirklich vergisst, kann niemand einen Stimmzettel fälschen. Auf dieser Seite leisten Sie Ihren Beitrag, ohne etwas zu installieren: Alles läuft nur in diesem Browser.",
  "ceremony.howTo":
    "Die Koordinationsstelle hat Ihnen die Adresse des Zeremonie-Ordners (oder seine Dateien) und die Phase-1-Datei geschickt. Sie brauchen Ihren Signaturschlüssel, den Ordner und ein paar Minuten. Am Ende schicken Sie zwei Dateien an die Koordinationsstelle zurück.",
  "ceremony.random":
    "Ihr Beitrag mischt Zufallsbytes aus diesem Browser mit Text, den Sie eingeben. Die Zufallseingabe gibt es nur in diesem Tab, solange die Berechnung läuft: Sie wird nie gespeichert, angezeigt oder gesendet und ist weg, sobald die Seite geschlossen wird.",
  "ceremony.cli":
    "Arbeiten Sie lieber mit der Kommandozeile? Dieselbe Schlüsseldatei funktioniert mit bling ceremony contribute.",
  "ceremony.key.title": "1. Ihr Signaturschlüssel",
  "ceremony.key.intro":
    "Mit Ihrem Schlüssel signieren Sie Ihren Beitrag. So kann jede und jeder prüfen, dass er von Ihnen stammt. Schicken Sie den öffentlichen Schlüssel vor der Zeremonie an die Koordinationsstelle. Halten Sie die Schlüsseldatei geheim und bewahren Sie sie sicher auf, bis die Zeremonie abgeschlossen ist.",
  "ceremony.key.make": "Neuen Schlüssel erzeugen",
  "ceremony.key.load": "Ihre Schlüsseldatei laden",
  "ceremony.key.loadHint": "Die Datei, die Sie hier heruntergeladen oder mit bling ceremony keygen erzeugt haben.",
  "ceremony.key.invalid": "Diese Datei ist keine Schlüsseldatei für Teilnehmende.",
  "ceremony.key.public": "Ihr öffentlicher Schlüssel (schicken Sie ihn an die Koordinationsstelle):",
  "ceremony.key.download": "Ihre Schlüsseldatei herunterladen",
  "ceremony.key.ready": "Schlüssel bereit.",
  "ceremony.source.title": "2. Die Zeremonie bis jetzt",
  "ceremony.source.intro":
    "Wer den Ordner bereitstellt, gibt die Dateien nur weiter. Diese Seite prüft jede Datei, bevor sie darauf aufbaut: die Phase-1-Datei anhand der veröffentlichten Liste, jeden früheren Beitrag anhand seiner Signatur und des Schaltkreises.",
  "ceremony.source.byAddress": "Über eine Adresse",
  "ceremony.source.byFiles": "Aus Dateien auf diesem Computer",
  "ceremony.source.mode": "Wo liegen die Dateien?",
  "ceremony.source.folder": "Adresse des Zeremonie-Ordners",
  "ceremony.source.folderHint": "Der Ordner mit der Datei ceremony.json, zum Beispiel https://example.org/ceremony/.",
  "ceremony.source.ptau": "Adresse der Phase-1-Datei (.ptau)",
  "ceremony.source.pins": "Adresse einer Phase-1-Testliste (nur für Probedurchläufe, optional)",
  "ceremony.source.files": "Die Dateien der Zeremonie",
  "ceremony.source.filesHint":
    "Wählen Sie alle Dateien des Ordners (ceremony.json, circuit.r1cs, die zkeys und die Beiträge) und die Phase-1-Datei (.ptau) aus.",
  "ceremony.source.filesChosen": "Ausgewählte Dateien: {count}.",
  "ceremony.source.required": "Geben Sie den Ordner und die Phase-1-Datei an.",
  "ceremony.input.title": "3. Ihr eigener Zufallstext",
  "ceremony.input.label": "Geben Sie etwas Unvorhersehbares ein",
  "ceremony.input.hint":
    "Tippen Sie wahllos auf die Tastatur oder geben Sie gewürfelte Zahlen ein. Der Text wird mit den Zufallsbytes des Browsers gemischt und nie gespeichert oder gesendet.",
  "ceremony.input.required": "Geben Sie zuerst etwas Zufallstext ein.",
  "ceremony.needKey": "Erzeugen oder laden Sie zuerst Ihren Signaturschlüssel.",
  "ceremony.run": "Zeremonie prüfen und beitragen",
  "ceremony.progress.download": "{file} wird heruntergeladen…",
  "ceremony.progress.check": "Wird geprüft: {step}…",
  "ceremony.progress.contribute": "Alle früheren Schritte sind korrekt. Ihr Beitrag Nr. {index} wird berechnet…",
  "ceremony.progress.start": "Wird gestartet…",
  "ceremony.step.phase1": "Phase-1-Datei",
  "ceremony.step.r1cs": "Schaltkreis",
  "ceremony.step.zkey0": "Anfangsschlüssel (zkey 0)",
  "ceremony.step.contribution": "Beitrag {index}",
  "ceremony.step.beacon": "abschließender Zufallswert (Beacon)",
  "ceremony.step.end": "Anzahl der Beiträge",
  "ceremony.step.zkey": "zkey-Datei",
  "ceremony.failed.title": "Die Zeremonie wurde nicht akzeptiert",
  "ceremony.failed.step": "Abgelehnt bei „{step}“: {reason}",
  "ceremony.failed.keep":
    "Es wurde nichts hinzugefügt. Teilen Sie der Koordinationsstelle mit, was diese Seite anzeigt.",
  "ceremony.reason.CEREMONY_PTAU_INVALID": "Die Phase-1-Datei besteht die Prüfung nicht.",
  "ceremony.reason.CEREMONY_PTAU_UNPINNED":
    "Die Phase-1-Datei ist nicht die veröffentlichte Datei, die die Zeremonie nennt.",
  "ceremony.reason.CEREMONY_R1CS_MISMATCH": "Die Schaltkreis-Datei ist nicht der Schaltkreis der Zeremonie.",
  "ceremony.reason.CEREMONY_ZKEY_HASH_MISMATCH":
    "Die zkey-Datei dieses Schritts wurde geändert: Sie ist nicht die Datei, die signiert wurde.",
  "ceremony.reason.CEREMONY_ZKEY_INVALID": "Die zkey-Datei dieses Schritts passt nicht zum Schaltkreis und zu Phase 1.",
  "ceremony.reason.CEREMONY_STEP_OUT_OF_ORDER": "Die Beiträge sind in der falschen Reihenfolge.",
  "ceremony.reason.CEREMONY_STEP_SKIPPED": "Ein Schritt fehlt oder baut nicht auf dem vorherigen auf.",
  "ceremony.reason.CEREMONY_UNKNOWN_PARTICIPANT":
    "Dieser Schlüssel steht nicht auf der Liste der Teilnehmenden der Zeremonie.",
  "ceremony.reason.CEREMONY_DUPLICATE_PARTICIPANT": "Eine teilnehmende Organisation hat zweimal beigetragen.",
  "ceremony.reason.CEREMONY_SIGNATURE_INVALID": "Die Signatur stammt nicht von der teilnehmenden Organisation.",
  "ceremony.reason.CEREMONY_TOO_FEW_CONTRIBUTIONS": "Es gibt zu wenige Beiträge.",
  "ceremony.reason.CEREMONY_NOT_FINALIZED": "Die Zeremonie ist nicht abgeschlossen.",
  "ceremony.reason.CEREMONY_BEACON_MISMATCH": "Der Zufallswert (Beacon) ist nicht der angekündigte.",
  "ceremony.reason.CEREMONY_BEACON_NOT_YET": "Den angekündigten Block gibt es noch nicht.",
  "ceremony.reason.CEREMONY_ALREADY_FINALIZED":
    "Die Zeremonie ist bereits abgeschlossen; weitere Beiträge sind nicht möglich.",
  "ceremony.failed.missing": "Die Datei {file} fehlt.",
  "ceremony.failed.invalid": "Die Datei {file} ist nicht das, was ihr Name sagt.",
  "ceremony.failed.download":
    "{url} konnte nicht heruntergeladen werden. Vielleicht ist der Server nicht erreichbar oder erlaubt dieser Website nicht, die Datei zu lesen. Laden Sie die Dateien stattdessen herunter und wählen Sie sie hier aus.",
  "ceremony.failed.other": "Im Browser ist ein Fehler aufgetreten: {detail}",
  "ceremony.done.title": "Ihr Beitrag Nr. {index} ist fertig",
  "ceremony.done.checked":
    "Geprüft, bevor darauf aufgebaut wurde: Zeremonie {id} für Schaltkreis {circuit}; jeder frühere Beitrag ({count}) ist korrekt.",
  "ceremony.done.checkedList": "Frühere Beiträge",
  "ceremony.done.record": "Fingerabdruck (SHA-256) der Zeremonie-Aufzeichnung, die Sie geprüft haben:",
  "ceremony.done.localPin":
    "Diese Zeremonie verwendet eine Phase-1-Testdatei ({label}): Sie ist ein Probedurchlauf und nicht für eine echte Abstimmung bestimmt.",
  "ceremony.done.send":
    "Schicken Sie beide Dateien an die Koordinationsstelle. Sie legt die zkey-Datei in den Ordner zkeys/ und den signierten Eintrag in contributions/. Benennen Sie die Dateien nicht um.",
  "ceremony.done.zkey": "Ihre neue zkey-Datei herunterladen ({name})",
  "ceremony.done.entry": "Ihren signierten Eintrag herunterladen ({name})",
  "ceremony.done.publish":
    "Veröffentlichen Sie diese beiden Fingerabdrücke selbst (zum Beispiel auf der Website Ihrer Organisation). Dann kann jede und jeder prüfen, dass die Zeremonie Ihren Beitrag unverändert verwendet hat.",
  "ceremony.done.zkeyHash": "Fingerabdruck (SHA-256) Ihrer neuen zkey-Datei",
  "ceremony.done.contributionHash": "Hash Ihres Beitrags",
  "ceremony.done.forget":
    "Ihre Zufallseingabe gibt es schon nicht mehr: Schließen Sie diesen Tab, sobald die Downloads gespeichert sind. Bewahren Sie Ihre Schlüsseldatei auf, bis die Zeremonie abgeschlossen ist.",
  "ceremony.done.again": "Neu beginnen",
};
