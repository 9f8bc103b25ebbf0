# I messaggi di tvdr in italiano. Ogni messaggio esiste anche in ../en/tvdr.ftl con le
# stesse variabili (altrimenti un test fallisce). Le chiavi `cli-` sono i testi di --help.
# Le etichette dei menu del fornitore (OCC, Application Manager) restano come sono.

steps-count = { $count ->
    [one] { $count } passo
   *[other] { $count } passi
}

## Errori al livello più alto (src/main.rs)
error-line = errore: { $message }
error-interrupted = interrotto

## --help (src/cli.rs); cli-heading-… e cli-help-… sono le parole di clap
cli--inventory = L'inventario del sito [predefinito: ./tvdr.yaml]
cli--lang = Lingua di messaggi, domande, testi dei runbook e rapporti [predefinita: $TVDR_LANG, altrimenti la locale, altrimenti en]
cli--runbooks = Copie dei runbook per il sito (`<id>.yaml`) che sostituiscono quelle fornite
cli--state-dir = Dove si conservano esecuzioni, campioni e registrazioni delle snapshot [predefinito: $XDG_STATE_HOME/tvdr]
cli-about = Runbook verificabili e riprendibili e controlli tra i nodi per i cluster di centralini TVox
cli-check-about = Esegue i controlli di salute sui nodi (vip, db, chat, calendars, fs-sync, o all)
cli-exec-about = Esegue un comando su uno o più nodi via SSH
cli-generate-about = Scrive i completamenti per la shell e le pagine di manuale (per chi crea i pacchetti e per il repository)
cli-init-about = Scrive un tvdr.yaml commentato rispondendo a delle domande
cli-inventory-about = Valida l'inventario e mostra nodi, indirizzi e impostazioni che tvdr userà
cli-lint-about = Valida i file dei runbook: id, tipi, host, controlli, condizioni, riferimenti (per la CI)
cli-long-about = tvdr accompagna il tecnico nelle procedure dei cluster TVox (da Stand Alone a Fault Tolerance, aggiornamento nodo per nodo, configurazione, attivazione e rientro del Disaster Recovery), verifica ogni affermazione sulle macchine reali via SSH, ricorda a che punto è il lavoro e lascia un rapporto.
cli-network-reset-about = Apre il menu network_reset del nodo in un terminale interattivo
cli-patch-about = Esegue un comando lungo su un nodo dentro GNU screen (si può riagganciare)
cli-reboot-about = Riavvia un nodo e attende che torni
cli-runbook-about = Avvia o riprende una procedura (standalone-to-ft, upgrade, dr-setup, dr-activate, dr-rollback)
cli-snapshot-forget-about = Dimentica una snapshot una volta cancellata nell'hypervisor
cli-snapshot-list-about = Elenca le snapshot ancora conservate, dalla più vecchia, con la loro età
cli-snapshot-record-about = Registra una snapshot di macchina virtuale appena presa di NODE
cli-status-about = Una schermata: nodi, master, stati di sincronizzazione, client DR, esecuzioni aperte
cli-trust-about = Mostra l'impronta della chiave host di un nodo e la aggiunge ai known_hosts dell'inventario
cli-uat-about = Percorre la lista check UAT per una fase
cli-help-help = Mostra l'aiuto
cli-help-version = Mostra la versione
cli-heading-usage = Uso:
cli-heading-options = Opzioni
cli-heading-arguments = Argomenti
cli-heading-commands = Comandi

## La prova a secco per le persone (src/runbook/plan/human.rs)
plan-header = prova a secco di `{ $runbook }`{ $rollback } — { $title } (sito { $site }); non si contatta nulla
plan-on = su: { $host }
plan-checks = controlli: { $checks }
plan-expected-master = master atteso: { $master }
plan-check-on = { $check } su { $node }
plan-check-at-run-time = { $check } durante l'esecuzione: { $later }
plan-asks = chiede: { $prompt } ({ $kind })
plan-known-at-run-time = noto solo durante l'esecuzione:
plan-skipped-here = saltato qui (condizione falsa)
plan-decided-at-run-time = deciso durante l'esecuzione
plan-missing-from-inventory = assente dall'inventario
plan-this-machine = questa macchina
plan-master-or-slave = { $role }: { $decided } — uno tra { $candidates }
plan-or = oppure
plan-timeout = tempo massimo: { $timeout }
plan-interval = guarda ogni { $interval }
plan-until = finché: { $what }
plan-back-when = di nuovo su quando: { $what }
plan-success = riuscito se esce con 0 e una delle sue ultime { $lines } righe non vuote corrisponde a: { $regexes }
plan-success-unless = a meno che una di quelle righe corrisponda a una regola di fallimento: quelle fornite (negazioni come `NON completato`, `with errors`, parole di errore e fallimento)
plan-success-unless-own = a meno che una di quelle righe corrisponda a una regola di fallimento: quelle fornite (negazioni come `NON completato`, `with errors`, parole di errore e fallimento), oppure: { $own }
plan-expect-exit = si aspetta il codice di uscita { $exit }
plan-expect-output = si aspetta un output che corrisponda a: { $regex }
plan-service-down = servizio: il disservizio del cliente inizia quando questo passo finisce
plan-service-up = servizio: il disservizio del cliente finisce quando questo passo finisce
plan-service-outage = servizio: il cliente è fuori servizio mentre questo passo è in corso
plan-service-other = servizio: { $service }
plan-phase = fase UAT: { $phase }

## Percorso della lista check UAT (src/runbook/engine/kinds/uat/)
uat-how = come:    {" "}
uat-expected = atteso:  {" "}
uat-pass = superato
uat-fail = fallito
uat-skip = saltato (non usato in questo sito, o non verificabile ora)
uat-note-pass = Nota (facoltativa)
uat-note-fail = Cosa non ha funzionato? (finisce nel rapporto)
uat-note-skip = Perché saltato?

## Il motore dei runbook (src/runbook/engine/)
run-nothing-to-do = niente da fare: nessun passo di `{ $name }` si applica
run-done-earlier = già fatto
run-skipped = saltato: { $why }
run-stopped = fermato a `{ $step }`: { $reason }
    risolvi la causa, poi esegui di nuovo `{ $command }` per riprendere da qui
run-overridden = forzato: { $reason }
run-finished = `{ $name }` terminato: { $steps } passi in { $took }
run-interrupted = interrotto: il giornale è salvato; esegui lo stesso comando per riprendere

## Tabelle (risultati dei controlli, UAT, elenco e stato dei runbook). OK/WARN/CRIT/UNKNOWN
## restano uguali in ogni lingua: sono stati riconoscibili dalle macchine.
checks-none-run = nessun controllo eseguito
checks-col-check = controllo
checks-col-status = stato
checks-col-summary = riepilogo
checks-col-node = nodo
checks-col-item = elemento
checks-col-message = messaggio
checks-hint = suggerimento: { $hint }
uat-col-case = caso
uat-col-result = esito
uat-col-note = nota
list-col-runbook = runbook
list-col-title = titolo
list-col-stages = fasi
list-col-steps = passi
status-col-stage = fase
status-col-step = passo
status-col-state = stato

## Many sites (src/commands/check/sites.rs, src/output/report/sites/human.rs)
sites-none = nessun sito controllato
sites-col-site = sito
sites-col-checks = controlli
sites-col-worst = il più grave
sites-col-time = durata
sites-tally = { $count ->
    [one] { $count } sito
   *[other] { $count } siti
}: { $tally }
sites-all-ok = tutto OK
sites-not-reached = { $node } non raggiunto: { $why }
sites-timed-out = nessun esito entro { $limit } (--site-timeout)
sites-progress-word = siti
sites-inventory-ignored = nota: con --sites gli inventari sono quelli della cartella; -i/TVDR_INVENTORY non è usato
sites-none-in-dir = nessun inventario di sito (*.yaml, *.yml) in `{ $dir }`
sites-same-site = `{ $first }` e `{ $second }` sono entrambi il sito `{ $site }`: un inventario per sito
sites-unreadable-dir = impossibile leggere la cartella dei siti `{ $dir }`
