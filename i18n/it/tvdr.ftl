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
node-unknown-selection = nodo sconosciuto `{ $node }`: atteso tvox1, tvox2, dr_client, both o all

## --help (src/cli.rs); cli-heading-… e cli-help-… sono le parole di clap
cli--inventory = L'inventario del sito [predefinito: ./tvdr.yaml]
cli--lang = Lingua di messaggi, domande, testi dei runbook e rapporti [predefinita: $TVDR_LANG, altrimenti la locale, altrimenti en]
cli--runbooks = Copie dei runbook per il sito (`<id>.yaml`) che sostituiscono quelle fornite
cli--state-dir = Dove si conservano esecuzioni, campioni e registrazioni delle snapshot [predefinito: $XDG_STATE_HOME/tvdr]
cli-about = Runbook verificabili e riprendibili e controlli tra i nodi per i cluster di centralini TVox
cli-check-about = Esegue i controlli di salute sui nodi (vip, db, chat, calendars, fs-sync, o all)
cli-disconnect-about = Chiude le sessioni SSH tenute aperte per i comandi successivi (`ssh.persist`)
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
uat-walking = UAT `{ $phase }`: { $count } casi di `{ $checklist }` ({ $title })
uat-mark-regression = FALLITO (regressione)
uat-mark-skip = saltato
uat-regression = REGRESSIONE: `{ $case }` era superato in `{ $phase }` e ora fallisce

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
sites-bug = tvdr ha fallito su questo sito (un difetto di tvdr)
sites-timed-out = nessun esito entro { $limit } (--site-timeout)
check-spinner-checking = controllo di
sites-progress-word = siti
sites-inventory-ignored = nota: con --sites gli inventari sono quelli della cartella; -i/TVDR_INVENTORY non è usato
sites-none-in-dir = nessun inventario di sito (*.yaml, *.yml) in `{ $dir }`
sites-same-site = `{ $first }` e `{ $second }` sono entrambi il sito `{ $site }`: un inventario per sito
sites-unreadable-dir = impossibile leggere la cartella dei siti `{ $dir }`

## Il rapporto per il cliente (src/runbook/report/): Markdown e HTML
report-title = { $title }{ $rollback } — rapporto di esecuzione
report-rollback = {" "}(rientro)
report-site = Sito
report-runbook = Runbook
report-run = Esecuzione
report-run-unknown = sconosciuta (il giornale non ha il record di avvio)
report-operators = Operatori
report-started = Iniziata
report-ended = Terminata
report-last-activity = Ultima attività
report-elapsed = { $at } (durata { $elapsed })
report-result = Esito
report-tvdr-version = Versione di tvdr
report-runbook-source = Sorgente del runbook
report-inventory = Inventario
report-unknown = sconosciuti
report-operator-on = { $operator } su { $host }
report-finished = terminata
report-abandoned = **abbandonata** da { $operator }: { $reason }
report-stopped-at = **fermata al passo { $step }** ({ $outcome }: { $reason })
report-interrupted = interrotta
report-at-step = {" "}al passo { $step }
report-interrupted-killed = {" "}(nessuna traccia della sua fine: tvdr è stato terminato o si è perso, oppure il passo è ancora in corso)
report-not-finished = **non terminata** (ultimo passo: { $step })
report-not-started = **non iniziata**
report-runbook-changed = > **Attenzione:** il runbook è cambiato durante l'esecuzione: ripreso { $at } da { $operator } con SHA-256 { $hash }.
report-runbook-replaced = > **Nota:** il file del runbook non è più quello usato da questa esecuzione (ora SHA-256 { $hash }): i titoli di fasi e passi qui sotto sono quelli di oggi.
report-outcome-done = fatto
report-outcome-skipped = saltato
report-outcome-overridden = forzato
report-outcome-failed = fallito
report-outcome-aborted = annullato
report-timeline = Cronologia
report-timeline-columns = Ora | Fase | Passo | Tipo | Esito | Durata | Evidenze
report-run-started = esecuzione avviata
report-run-resumed = esecuzione ripresa
report-run-taken-over = esecuzione presa in carico
report-run-abandoned = esecuzione abbandonata
report-run-finished = esecuzione terminata
report-by-on = da { $operator } su { $host }
report-taken-over-detail = da { $operator } su { $host }, lasciata da { $from_operator } su { $from_host } (giornale copiato su { $node })
report-between-steps = (tra un passo e l'altro)
report-interrupted-killed-resume = avviato, nessuna traccia della sua fine: tvdr è stato terminato o si è perso, oppure il passo è ancora in corso; si rientra alla ripresa
report-interrupted-reason-resume = { $reason }; si rientra alla ripresa
report-interrupted-inside-resume = l'esecuzione è stata fermata dentro questo passo (Ctrl-C, oppure serviva una persona e nessuno poteva rispondere); si rientra alla ripresa
report-decision = decisione
report-abandoned-detail = { $reason } (da { $operator } su { $host }); chiusa, mai ripresa
report-lock-broken = blocco forzato
report-held-by = { $reason } (tenuto da { $holder })
report-kind-service-down = { $kind }, servizio giù
report-kind-service-up = { $kind }, servizio su
report-kind-service-outage = { $kind }, servizio fermo mentre è in corso
report-no-longer-in-runbook = { $step } (non più nel runbook)
report-no-reason = (nessun motivo registrato)
report-lock-broken-by = *blocco dell'esecuzione forzato* (tenuto da { $holder })
report-overrides = Forzature
report-overrides-none = Nessun passo è stato forzato.
report-overrides-intro = Passi falliti e superati con un motivo scritto.
report-overrides-columns = Ora | Passo | Deciso da | Motivo
report-confirmed-by = confermato da { $operator }
report-attempt = {" "}(tentativo { $attempt })
report-node-exit = { $node } codice di uscita { $code }
report-node-error = { $node } errore: { $error }
report-node-no-result = { $node } nessun risultato
report-wait = fino a { $until }: { $last }
report-wait-until = fino a { $until }
report-wait-looks = {" "}({ $looks ->
    [one] { $looks } controllo
   *[other] { $looks } controlli
} in { $took })
report-wait-took = {" "}(in { $took })
report-wait-lasting = ; non sarebbe cambiato: { $lasting }
report-gate-refused = verifica respinta
report-gate-passed = verifica superata
report-declined = rifiutato
report-decided-by = { $what } { $by }
report-decided-by-times = { $times }× { $what } { $by }
report-by-source = { $source ->
    [file] dal file delle risposte
    [yes] da --yes
   *[operator] da { $operator } al terminale
}
report-decided = deciso: { $decisions }
report-run-confirmation = { $prompt } { $answer } — { $by }
report-yes = sì
report-no = no
report-run-by = { $by } (eseguito da { $operator })
report-source-operator = { $operator } al terminale
report-source-answers-file = il file delle risposte
report-what-answer = risposta
report-what-confirmation = conferma
report-what-gate = verifica
report-what-override = forzatura
report-what-retry = nuovo tentativo
report-what-stop = arresto
report-what-uat = esito UAT
report-downtime = Disservizio misurato
report-downtime-no-marker-done = Non misurato: in questa esecuzione non è stato completato nessun passo che segni l'inizio del disservizio (`service: down`) o un disservizio in sé (`service: outage`).
report-downtime-no-markers = Non misurato: questo runbook non indica nessun passo come inizio o fine del disservizio, né come disservizio in sé (`service: down` / `service: up` / `service: outage`).
report-downtime-during = **{ $length }** — mentre era in corso { $step } (`service: outage`), da { $from } a { $to }.
report-downtime-between = **{ $length }** — da { $down } (terminato { $down_at }) a { $up } (terminato { $up_at }).
report-downtime-open = Servizio giù da { $down_at } ({ $down } terminato); in questa esecuzione non è stato completato nessun passo che segni il ritorno (`service: up`): non misurato.
report-downtime-total = Totale misurato: **{ $total }**.
report-rto = Tempo di ripristino (RTO)
report-rto-ok = RTO misurato **{ $rto }** rispetto all'obiettivo di { $objective }: **OK** ({ $spare } di margine).
report-rto-exceeded = RTO misurato **{ $rto }** rispetto all'obiettivo di { $objective }: **superato di { $over }**.
report-rto-not-measured = RTO non misurato (vedi sopra); l'obiettivo è { $objective }.
report-rto-how = Si misura dallo spegnimento del sito principale al momento in cui il client DR serve; il disservizio vero e proprio può essere iniziato prima (vedi le risposte della dichiarazione di disastro).
report-rpo = Obiettivo del punto di ripristino (RPO) del sito: { $rpo }. I dati scritti sul sito principale nell'ultimo intervallo di replica prima del disastro (al massimo l'RPO) possono mancare sul client DR.
report-by-not-recorded = non registrato (eseguito da { $operator })
report-answers = Risposte
report-answers-masked = Le risposte con il nome di una password, passphrase, segreto, token o chiave sono mascherate ({ $mask }): { $names }.
report-answers-columns = Ora | Passo | Domanda | Risposta | Chi ha risposto
report-check-outcome = { $outcome } il { $at }{ $attempts }
report-after-attempts = , dopo { $count } tentativi
report-checks = Esiti dei controlli
report-checks-columns = Controllo | Stato | Riepilogo
report-findings = Rilievi non OK:
report-findings-columns = Controllo | Nodo | Elemento | Stato | Messaggio
report-hint = Suggerimento: { $hint }
report-commands = Comandi eseguiti
report-took = {" "}in { $took }
report-node-no-exit = { $node } senza codice di uscita
report-no-node-result = nessun risultato dai nodi
report-last-lines = Ultime righe di { $stream } su { $node }:
report-uat = Esiti UAT
report-uat-counts = UAT { $phase }: { $pass ->
    [one] { $pass } superato
   *[other] { $pass } superati
}, { $fail ->
    [one] { $fail } fallito
   *[other] { $fail } falliti
}, { $skip ->
    [one] { $skip } saltato
   *[other] { $skip } saltati
}
report-uat-regressions = { $count ->
    [one] , { $count } regressione
   *[other] , { $count } regressioni
}
report-uat-phase = Fase { $phase } — { $title }
report-uat-phase-line = { $counts } (passo { $step }, { $at }).
report-uat-passed-in = { $case } (superato in { $phase })
report-uat-regressions-line = **Regressioni** (superati in una fase precedente, falliti ora): { $cases }.
report-uat-columns-area = Area | Caso | Esito | Nota
report-uat-columns = Caso | Esito | Nota
report-uat-pass = superato
report-step-interrupted = interrotto
report-count-done = { $count ->
    [one] { $count } fatto
   *[other] { $count } fatti
}
report-count-skipped = { $count ->
    [one] { $count } saltato
   *[other] { $count } saltati
}
report-count-overridden = { $count ->
    [one] { $count } forzato
   *[other] { $count } forzati
}
report-count-failed = { $count ->
    [one] { $count } fallito
   *[other] { $count } falliti
}
report-count-aborted = { $count ->
    [one] { $count } annullato
   *[other] { $count } annullati
}
report-uat-fail = fallito
report-uat-fail-regression = fallito (regressione)
report-uat-skip = saltato
report-html-title = { $title } — rapporto di esecuzione — { $site }
report-html-glance = L'esecuzione in sintesi
report-html-caption = Orari in UTC. Ogni barra è un tentativo di un passo; passa sopra una barra per vederne esito e durata.
report-html-axis-title = L'esecuzione su un asse del tempo (UTC): { $steps } passi da { $from } a { $to }
report-html-outage = disservizio { $length }
report-html-outage-open = disservizio, senza fine in questa esecuzione
report-html-outage-from-to = { $label }, da { $from } a { $to }
report-html-outage-from = { $label }, da { $from }
report-html-rto-objective = obiettivo RTO { $rto }
report-html-legend-done = fatto
report-html-legend-overridden = forzato (fallito, superato con un motivo scritto)
report-html-legend-failed = fallito o annullato
report-html-legend-skipped = saltato
report-html-legend-interrupted = interrotto
report-html-legend-outage = servizio fermo
report-html-legend-session = esecuzione avviata, ripresa, presa in carico, terminata
report-html-downtime = Disservizio misurato
report-html-rto-within = { $rto } — entro l'obiettivo di { $objective } ({ $spare } di margine)
report-html-rto-exceeded = { $rto } — obiettivo di { $objective } superato di { $over }
report-html-rto-not-measured = non misurato; l'obiettivo è { $objective }
report-html-rpo = Obiettivo del punto di ripristino (RPO)
report-html-not-measured = non misurato
report-html-in-windows = { $total } in { $count } finestre
report-html-out-since = fermo da { $since }, senza fine in questa esecuzione
report-html-steps-gone = (passi non più nel runbook)
report-html-interrupted-at = { $step } — interrotto { $at }
report-html-run-started = esecuzione avviata da { $operator } su { $host }
report-html-run-resumed = esecuzione ripresa da { $operator } su { $host }
report-html-run-taken-over = esecuzione presa in carico da { $operator } su { $host }
report-html-run-abandoned = esecuzione abbandonata: { $reason }
report-html-bar = { $step } — { $outcome } { $at }
report-html-after = {" "}dopo { $took }

## Domande al tecnico (src/output/prompt.rs, src/runbook/engine/human.rs)
prompt-bad-answer = risposta a "{ $prompt }": { $message }
prompt-yes-no-default-yes = S/n
prompt-yes-no-default-no = s/N
prompt-not-yes-or-no = risposta a "{ $prompt }": `{ $answer }` non è né sì né no
prompt-input-ended = "{ $prompt }" richiede una risposta, ma non c'è un terminale e lo standard input è finito
human-step = il passo `{ $step }`
human-needs = { $subject } richiede { $what }, ma non c'è un terminale: esegui da un terminale, oppure passa `--answers FILE` / `--yes`
human-answers-file-bad = file delle risposte: `{ $name }`: { $why }
human-an-answer = una risposta a `{ $name }` ({ $prompt })
human-a-confirmation = una conferma ({ $prompt })
human-gate-needs = la verifica `{ $step }` ({ $title }) richiede che una persona dica che è vera, ma non c'è un terminale: `--yes` risponde alle conferme, mai a una verifica; esegui da un terminale, oppure rispondi nel file delle risposte (`gates: {"{"} { $step }: yes {"}"}`)
human-gate-prompt = { $title } — è vero? (no ferma l'esecuzione)
human-failed = il passo `{ $step }` è fallito
human-retry = riprova
human-override = forza (prosegui, con un motivo scritto)
human-abort = interrompi (riprendi più tardi)
human-override-why = Perché è sicuro proseguire? (finisce nel rapporto)
human-override-why-short = scrivi un motivo che un collega possa capire
human-not-a-choice = `{ $value }` non è tra { $choices }
human-not-yes-no = `{ $value }` non è né sì né no
human-answer-needed = serve una risposta
hidden-prompt = { $prompt } (non si vede mentre scrivi)
hidden-again = { $prompt } (di nuovo, per essere sicuri di ciò che non si vede)
hidden-differ = i due non coincidono: scrivilo di nuovo

## Avvio, ripresa, --from (src/runbook/engine/{from,opening}.rs)
from-records-skipped = `--from { $from }` registra { $count ->
    [one] { $count } passo precedente come saltato, mai eseguito
   *[other] { $count } passi precedenti come saltati, mai eseguiti
} in questa esecuzione:
from-prompt = Registrare { $steps } come saltati e partire da `{ $from }`?
from-not-confirmed = `--from { $from }` non confermato: non è stato registrato nulla
open-runbook-changed = il runbook è cambiato da quando è iniziata questa esecuzione ({ $started }): { $what }
open-layout-only = nessun passo cambia ciò che fa (solo disposizione o traduzioni)
open-steps-unknown = non si può dire quali passi siano cambiati: l'esecuzione è iniziata con un tvdr precedente, che calcolava le impronte dei passi in altro modo
open-steps-changed = passi cambiati: { $steps }
open-resuming-changed = riprendere con un runbook cambiato
open-resume-changed-prompt = Riprendere con il runbook cambiato?
open-not-resumed = il runbook è cambiato; non ripreso
open-resuming = ripresa dell'esecuzione { $run } di `{ $runbook }` (iniziata { $started } da { $operator })
open-closing = ogni passo dell'esecuzione { $run } è fatto; ne manca solo la fine: la chiudo
open-started = avviata l'esecuzione { $run } di `{ $runbook }`: { $title }
open-lock-unreachable = attenzione: impossibile prendere il blocco dell'esecuzione su `{ $node }` (irraggiungibile)
open-lock-local-only = attenzione: nessun nodo risponde: questa esecuzione è protetta solo dal blocco locale
open-lock-not-released = attenzione: il blocco dell'esecuzione su `{ $node }` non è stato rilasciato ({ $error }); la prossima esecuzione lì richiederà `--break-lock REASON`
takeover-unknown = sconosciuto
takeover-state-done = fatto
takeover-state-failed = fallito
takeover-state-started = avviato, nessuna fine registrata
takeover-at-step = il passo `{ $step }` ({ $state })
takeover-before-first-step = prima del suo primo passo
takeover-found = il cluster ha un'esecuzione aperta { $run } di `{ $runbook }` (giornale su `{ $node }`): { $operator } su { $host }, a { $step }, ultimo record { $ago } fa
takeover-prompt = Prendere in carico l'esecuzione { $run } da { $operator } su { $host }? (assicurati che il suo tvdr sia fermo)
takeover-needs-flag = l'esecuzione { $run } di `{ $runbook }` è aperta sul cluster ({ $operator } su { $host }): passa `--take-over` per proseguirla da qui, oppure chiedi a { $operator } di finirla
takeover-not-taken = esecuzione { $run } non presa in carico
takeover-taken = presa in carico l'esecuzione { $run } da { $operator }
takeover-closing = ogni passo dell'esecuzione { $run } ({ $operator }) è fatto; ne manca solo la fine: la chiudo da qui, non resta nulla da decidere
abandon-new-while-open = l'esecuzione { $run } di `{ $runbook }` è aperta (iniziata { $started } da { $operator }): `--new` ne avvia un'altra solo quando è chiusa; abbandonala con `--abandon REASON --new`, oppure riprendila senza `--new`
abandon-reason-short = `--abandon` richiede un motivo che un collega possa capire (finisce nel giornale)
abandon-no-open-run = `{ $runbook }` non ha un'esecuzione aperta da abbandonare
abandon-done = esecuzione { $run } di `{ $name }` abbandonata: { $reason }
    il suo giornale resta per il rapporto (`tvdr runbook { $runbook } --report { $run }`)
abandon-lock-not-released = attenzione: impossibile rilasciare il blocco dell'esecuzione su `{ $node }`: { $error }
abandon-lock-unknown = attenzione: impossibile verificare il blocco dell'esecuzione su `{ $node }` ({ $error }); se l'esecuzione abbandonata lo tiene lì, la prossima lo dice e `--break-lock REASON` lo toglie
answers-gate-yes-no = una verifica si risponde con `yes` o `no`, non `{ $text }`
answers-unreadable = impossibile leggere le risposte `{ $path }`
answers-readable-by-others = attenzione: `{ $path }` contiene risposte segrete ({ $names }) e altri utenti possono leggerlo (permessi { $mode }): `chmod 600 { $path }`
answers-did-you-mean = {" "}(forse intendevi `{ $name }`?)
answers-no-such-gate = file delle risposte: `gates: { $gate }`: `{ $runbook }` non ha la verifica `{ $gate }`{ $hint }
answers-unused = attenzione: file delle risposte: `{ $section }: { $name }` non corrisponde a nessuna domanda, passo o fase UAT di `{ $runbook }`{ $hint }: non viene usato

## Il contesto di un passo (src/runbook/engine/step.rs)
step-failed = il passo `{ $step }` è fallito: { $why }
step-aborted-at = al passo `{ $step }`: { $why }
step-node-missing = il passo `{ $step }` gira su `{ $node }`, che manca nell'inventario
step-role-unknown = il passo `{ $step }` gira sul { $role }: { $why }
step-no-slave = il passo `{ $step }` gira sullo slave, ma questo sito non ne ha
step-no-value-yet = il passo `{ $step }` richiede `{ $name }`, che non ha ancora un valore
step-bad-address = il passo `{ $step }`: indirizzo `{ $address }`: { $why }
step-unreachable = passo `{ $step }`: { $why }
step-not-every-node = il passo `{ $step }` non ha potuto controllare tutti i nodi: { $nodes }
step-one-host = il passo `{ $step }` deve essere eseguito su un solo host
step-node-gone = il passo `{ $step }` è partito su `{ $node }`, che l'inventario non ha più
step-waits-one-host = il passo `{ $step }` attende un solo host

## Tipi di passo (src/runbook/engine/kinds/)
manual-done = { $title } — fatto?
manual-gate-not-passed = verifica `{ $step }` non superata: { $title }
manual-not-done = passo `{ $step }` non fatto
note-note = NOTA
note-important = IMPORTANTE
note-warning = ATTENZIONE
screen-again-after-success = `{ $command }` è già stato eseguito con successo ({ $at }). Eseguirlo di nuovo?
screen-again-after-failure = `{ $command }` è stato eseguito prima ({ $at }) senza il suo output di successo. Il supporto Telenia ti ha detto di eseguirlo di nuovo?
reboot-now-prompt = Riavviare { $node } adesso?
reboot-not-rebooted = { $node } non riavviato
run-attempt-still-running = { $node }: il tentativo { $attempt } è ancora in corso (pid { $pid }): lo seguo, non lo avvio di nuovo
run-attempt-already-ran = { $node }: il tentativo { $attempt } è già stato eseguito (codice di uscita { $exit }): preso com'è finito, non eseguito di nuovo
run-exit-status = { $node }: codice di uscita { $exit }
wait-waiting = in attesa di { $what }
wait-waiting-seen = in attesa di { $what }: { $seen }
wait-until-check = `{ $check }` OK
wait-until-check-master = `{ $check }` OK (master: { $master })
wait-until-up = { $node } attivo
wait-until-down = { $node } spento
master-node-of = il nodo su cui è stato eseguito { $step }
master-other-than-node-of = il nodo su cui non è stato eseguito { $step }
interactive-one-host = il passo `{ $step }` apre un solo terminale su un solo host
interactive-from-address-local = il passo `{ $step }`: `from_address` richiede un nodo, non questa macchina
interactive-needs-terminal = il passo `{ $step }` apre `{ $command }` su { $node } perché tu lo guidi, ma non c'è un terminale: esegui tvdr da un terminale (oppure, se è stato fatto a mano, dillo sotto `overrides:` nel file delle risposte)
interactive-trust-first = suggerimento: registra prima la chiave di { $node } al suo indirizzo attuale: `tvdr trust { $node } --address { $address }`
interactive-at-address = {" "}a { $address }
interactive-opening = apro `{ $command }` su { $node }{ $at } — il terminale è del programma finché non esce
interactive-session-dropped = la sessione è caduta ({ $reason }): è previsto quando l'indirizzo cambia
interactive-moved = { $node } risponde a { $to } con la chiave che aveva a { $from } ({ $key }){ $recorded }
interactive-recorded-in = , registrata in { $file }
interactive-waiting-moved = in attesa di { $node } a { $address } con la sua chiave { $key }
interactive-no-answer-moved = nessuna risposta al nuovo indirizzo entro { $within } (l'indirizzo scritto nel menu è quello dell'inventario? guarda la console dell'hypervisor)
reboot-rebooting = riavvio { $node }
reboot-issued-already = { $node }: `reboot` è già stato dato ({ $at }): non lo ripeto
reboot-time-unknown = ora sconosciuta
reboot-not-answering = { $node } non risponde: si sta riavviando, come comandato prima
reboot-not-local = il passo `{ $step }`: tvdr non riavvia la macchina su cui gira; riavviala a mano
reboot-one-node = il passo `{ $step }` riavvia un nodo alla volta
reboot-waiting-down = in attesa che { $node } si spenga
reboot-back = { $node } è di nuovo su
reboot-down-waiting = { $node } è giù; in attesa che risponda
reboot-back-after = { $node } è tornato (nuovo boot id { $boot }) dopo { $took }
reboot-refused = `reboot` su { $node } è fallito con stato di uscita { $code }: { $stderr }
reboot-unknown-if-issued = non risponde, e niente qui dice se `reboot` sia stato dato: esegui di nuovo quando risponde (la sua ricevuta lo dirà)

## tvdr status (src/commands/status/render.rs)
status-ft-cluster = cluster Fault Tolerance, IP del nodo { $ip }
status-stand-alone = Stand Alone
status-col-node = nodo
status-col-address = indirizzo
status-col-reachable = raggiungibile
status-col-uptime = acceso da
status-col-role = ruolo
status-reachable-yes = sì
status-reachable-no = NO
status-node-ip = IP del nodo
status-sync = sincronizzazione
status-nothing-replicates = Stand Alone: non si replica nulla
status-snapshots = snapshot
status-no-snapshots = nessuna conservata
status-snapshot = snapshot
status-snapshot-old = { $days ->
    [one] { $days } giorno: cancellala
   *[other] { $days } giorni: cancellala
}
status-snapshot-delete-by = da cancellare entro { $date }
status-runs = esecuzioni
status-no-runs = nessuna aperta
status-run = esecuzione
status-run-open = aperta
status-run-next = { $runbook } { $run }, prossimo: { $next }

## Trasporto (src/transport/)
secret-sudo-password = password di sudo per `{ $user }` su `{ $node }`
secret-passphrase = passphrase di `{ $key }`
secret-password = password per `{ $user }` su `{ $node }` ({ $address })
ssh-slow-login = { $node }: accesso lento ({ $seconds } s dopo che il nodo ha risposto): probabilmente il suo sshd cerca l'indirizzo di questa macchina in un DNS che non risponde; `UseDNS no` nel suo /etc/ssh/sshd_config, oppure un nameserver che risponde nel suo /etc/resolv.conf, rende gli accessi veloci (tvdr attende fino a `ssh.login_timeout`, ora { $limit })

## --help di ogni sottocomando: aiuto degli argomenti ed esempi (src/cli.rs)
cli-after-help =
    Esempi:
      tvdr init                                  scrive ./tvdr.yaml rispondendo a delle domande
      tvdr inventory                             valida l'inventario e mostra cosa userà tvdr
      tvdr trust tvox1                           mostra l'impronta della chiave host di tvox1 e la accetta
      tvdr exec both -- uptime                   esegue un comando su entrambi i nodi del cluster
      tvdr runbook standalone-to-ft              avvia o riprende la conversione a FT
      tvdr check calendars                       confronta i database dei calendari di master e slave
cli-after-long-help =
    Esempi:
      tvdr init                                  scrive ./tvdr.yaml rispondendo a delle domande
      tvdr inventory                             valida l'inventario e mostra cosa userà tvdr
      tvdr trust tvox1                           mostra l'impronta della chiave host di tvox1 e la accetta
      tvdr exec both -- uptime                   esegue un comando su entrambi i nodi del cluster
      tvdr runbook standalone-to-ft              avvia o riprende la conversione a FT
      tvdr check calendars                       confronta i database dei calendari di master e slave

    Codici di uscita:
      0    ok
      1    un controllo o un passo è fallito
      2    uso, inventario o runbook non validi
      3    host irraggiungibile, chiave host rifiutata o accesso fallito
      4    interrotto dal tecnico
      5    serve una persona ma nessuno può rispondere (nessun TTY; usa --yes o --answers)
      130  interrotto (Ctrl-C)
      141  uscita standard chiusa (passata a un programma che è terminato, come head)
      Con --format nagios: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
cli-check--count = Con --watch: si ferma dopo N giri
cli-check--exact = fs-sync: confronta ogni file (percorso, dimensione, mtime) invece delle dimensioni delle cartelle
cli-check--expect = dns: l'indirizzo a cui il dominio deve risolvere
cli-check--form = hosts: la riga che serve a un nodo Stand Alone (il suo indirizzo fisico) o a un nodo FT (l'IP del nodo) [predefinito: Stand Alone senza `cluster.node_ip`, altrimenti FT]
cli-check--jobs = Con --sites: quanti siti si controllano insieme
cli-check--list = Elenca i controlli ed esce
cli-check--master = vip: il nodo che deve essere master dopo uno scambio: CRIT a meno che solo NODE abbia l'IP del nodo
cli-check--names = I controlli da eseguire, o `all` per ogni controllo che vale per il sito
cli-check--resolve-here = dns: interroga anche i server DNS da questa macchina (quelli dell'inventario, altrimenti quelli usati dai nodi); al massimo un WARN, perché questa macchina può non essere un client del sito
cli-check--site-timeout = Con --sites: un sito che a quel punto non ha tutti gli esiti è riportato UNKNOWN e gli altri proseguono
cli-check--sites = Controlla ogni sito in DIR (un inventario per sito, `*.yaml`/`*.yml`) invece di uno solo: una riga per sito, dal più grave (sostituisce -i)
cli-check--watch = Riesegue ogni SECS secondi (fs-sync mostra l'avanzamento e una stima del tempo che manca)
cli-check-after-help =
    Ogni nodo è interrogato in parallelo su una sola sessione SSH per tutta l'esecuzione. Codice di uscita: 0 tutto OK, 1 un controllo è WARN, CRIT o UNKNOWN, 3 un nodo non è raggiungibile (con --format nagios: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN).

    Con --sites DIR ogni inventario in DIR è un sito, controllati --jobs alla volta; un sito giù o lento trattiene solo se stesso. Il codice di uscita è quello del sito peggiore; --format nagios stampa un risultato passivo per sito (sintassi dei comandi esterni di Nagios), prometheus un'unica esposizione con l'etichetta `site`.

    Esempi:
      tvdr check calendars
      tvdr check fs-sync --exact
      tvdr check fs-sync --exact --watch 60      (avanzamento e tempo che manca durante la prima sincronizzazione)
      tvdr check all --format nagios
      tvdr check db chat --format json
      tvdr check vip --master tvox2             (dopo il riavvio di TVOX 1: TVOX 2 è subentrato?)
      tvdr check all --sites /etc/tvdr/sites --jobs 16
      tvdr check all --sites /etc/tvdr/sites --format prometheus > tvdr.prom.tmp && mv tvdr.prom.tmp tvdr.prom
cli-exec--command = Il comando e i suoi argomenti
cli-exec--node = tvox1, tvox2, dr_client, both (tvox1 e tvox2) o all
cli-exec--timeout = Ferma il comando dopo questo tempo (es. 30s, 10m) [predefinito: command_timeout dell'inventario]
cli-disconnect-after-help =
    Con `ssh.persist` nell'inventario, `check`, `status` ed `exec` lasciano aperta la sessione di ogni nodo per quel tempo dopo il loro ultimo comando, per i successivi. Questo comando chiude subito le sessioni tenute aperte del sito (ognuna si chiude comunque da sola quando resta inutilizzata).

    Esempi:
      tvdr disconnect
cli-exec-after-help =
    Ogni parola dopo `--` è passata come un argomento (quotato per la shell remota); per pipe e redirezioni esegui una shell: tvdr exec tvox1 -- sh -c 'a | b'.

    Esempi:
      tvdr exec tvox1 -- uptime
      tvdr exec both -- du -sb /opt/telenia_data/sync
      tvdr exec all --format json -- cat /etc/hosts
cli-generate--out = La cartella che riceve completions/ e man/
cli-init--force = Sovrascrive un file esistente
cli-init--output = Dove scrivere l'inventario
cli-init-after-help =
    Esempi:
      tvdr init
      tvdr init --output /etc/tvdr/acme.yaml --force
cli-inventory-after-help =
    Esempi:
      tvdr inventory
      tvdr --inventory examples/tvdr.yaml inventory --format json
cli-lint--bilingual = Ogni titolo, istruzione e domanda deve essere in inglese e in italiano (`{"{"} en: …, it: … {"}"}`), come nei runbook forniti
cli-lint--files = I file dei runbook da controllare
cli-lint-after-help =
    Senza FILES, controlla ogni runbook fornito e le copie del sito in --runbooks DIR. Ogni problema è riportato come file:riga:colonna con la riga.

    Esempi:
      tvdr lint
      tvdr lint site-runbooks/upgrade.yaml
cli-network-reset--from-address = L'indirizzo a cui il nodo risponde ora, quando network_reset lo sposta al suo indirizzo dell'inventario: tvdr si collega lì (porta, identità e known_hosts dell'inventario), poi attende la stessa chiave host all'indirizzo dell'inventario e la registra
cli-network-reset--node = tvox1, tvox2, dr_client, master o slave
cli-network-reset--timeout = Con --from-address: quanto tempo può metterci il nodo a rispondere al nuovo indirizzo [predefinito: 5m]
cli-network-reset-after-help =
    Serve un terminale: il menu è tuo finché non esce (poi tvdr mostra il suo codice di uscita). Tieni aperta la console dell'hypervisor del nodo: se il nuovo indirizzo è sbagliato, solo la console lo raggiunge.

    Con --from-address (TVOX 1 prima della conversione a FT, a quello che diventa l'IP del nodo): la sessione si blocca o cade quando l'indirizzo cambia, ed è previsto; il successo è il nodo che risponde al suo indirizzo dell'inventario con la chiave host che aveva ad ADDRESS (registrata in known_hosts). Una chiave diversa lì è rifiutata. Registra prima la chiave ad ADDRESS con `tvdr trust NODE --address ADDRESS`.

    Esempi:
      tvdr network-reset tvox1
      tvdr trust tvox1 --address 172.16.95.71 && tvdr network-reset tvox1 --from-address 172.16.95.71
cli-patch--command = Il comando e i suoi argomenti
cli-patch--failure = Una regex che rende un fallimento una riga dell'output finale; ripeti per aggiungerne. Si aggiunge alle regole di fallimento fornite, non le sostituisce mai
cli-patch--node = tvox1, tvox2, dr_client, master o slave
cli-patch--operator = Chi lo esegue [predefinito: $USER]
cli-patch--success = Una regex a cui deve corrispondere una riga dell'output finale per provare il successo; ripeti per le alternative [predefinita: una regola generica "update completed" / "aggiornamento completato"]
cli-patch--timeout = Smette di seguire dopo questo tempo (il comando continua) [predefinito: 3h]
cli-patch--yes = Conferma ogni conferma (mai un nuovo avvio dopo uno fallito)
cli-patch-after-help =
    Il comando gira dentro `screen -dmS` sul nodo e tvdr ne segue il log: se il collegamento SSH o tvdr muoiono, il comando continua, e rieseguire lo stesso `tvdr patch` si riaggancia invece di avviarlo di nuovo. La patch riesce solo se il comando è uscito con 0, una regex --success corrisponde a una delle ultime 10 righe non vuote del suo output, e nessuna regola di fallimento corrisponde a una di esse (le regole fornite riconoscono le solite forme di fallimento in italiano e in inglese: "NON completato", "completed with errors", "failed", righe ERROR…; --failure ne aggiunge altre). Se non riesce, fermati e contatta il supporto Telenia prima di ogni altra azione. Codice di uscita 0 successo, 1 la patch è fallita.

    Esempi:
      tvdr patch slave -- /root/tvox-update-22.sh
      tvdr patch tvox1 --success 'Update completed' --timeout 3h -- /root/update.sh --release 22
      tvdr patch tvox2 --failure 'ATTENZIONE: licenza' -- /root/update.sh
cli-reboot--node = tvox1, tvox2, dr_client, master o slave
cli-reboot--timeout = Quanto tempo può metterci il nodo a tornare [predefinito: 15m]
cli-reboot--yes = Riavvia senza chiedere
cli-reboot-after-help =
    Attende che il nodo smetta di rispondere e risponda di nuovo via SSH con un boot id diverso (/proc/sys/kernel/random/boot_id). Chiede prima, a meno di --yes.

    Esempi:
      tvdr reboot tvox2
      tvdr reboot slave --timeout 30m --yes
cli-runbook--abandon = Abbandona l'esecuzione aperta con un motivo invece di riprenderla: il motivo finisce nel giornale, l'esecuzione è chiusa (mai ripresa; il suo rapporto resta) e i suoi blocchi sono rilasciati. Da solo abbandona e basta; con --new una nuova esecuzione parte subito
cli-runbook--answers = Domande, verifiche, forzature ed esiti UAT già risposti (YAML), per le prove: `answers: {"{"}NAME: VALUE{"}"}`, `gates: {"{"}STEP: yes{"}"}`, `overrides: {"{"}STEP: REASON{"}"}`, `uat: {"{"}PHASE: {"{"}CASE: pass{"}"}{"}"}`
cli-runbook--break-lock = Toglie un blocco lasciato da un'esecuzione morta, con il motivo (registrato nel giornale)
cli-runbook--dry-run = Stampa il piano risolto senza collegarsi a nulla
cli-runbook--format = Output di --dry-run e --status (human, json), o di --report (markdown; html: una pagina autonoma con l'esecuzione disegnata su un asse del tempo; human: Markdown, o HTML quando --output finisce in .html)
cli-runbook--from = Parte da questo passo: i passi precedenti non finiti sono elencati e, una volta confermato (--yes conferma), registrati come saltati
cli-runbook--id = Il runbook: standalone-to-ft, upgrade, dr-setup, dr-activate, dr-rollback
cli-runbook--list = Elenca i runbook ed esce
cli-runbook--new = Avvia una nuova esecuzione invece di riprendere. Rifiutato finché un'esecuzione è aperta, perché nessuna resti indietro senza dirlo: passa anche --abandon REASON per chiudere prima quella aperta
cli-runbook--only = Esegue solo questo passo, poi si ferma
cli-runbook--operator = Chi la esegue, per il giornale e il rapporto [predefinito: $USER]
cli-runbook--output = Dove scrive --report [predefinito: standard output]
cli-runbook--report = Scrive un rapporto di un'esecuzione per il piano di DR del cliente, in Markdown o HTML (--format) [RUN predefinita: quella aperta, altrimenti l'ultima]
cli-runbook--rollback = Esegue i passi di rientro delle fasi in cui un passo dell'ultima esecuzione è stato davvero eseguito (non solo saltato), dalla più recente
cli-runbook--status = Mostra a che punto è l'esecuzione attuale (o l'ultima)
cli-runbook--take-over = Prende in carico l'esecuzione aperta che un altro tecnico ha lasciato sul cluster (il suo giornale è copiato sui nodi); senza, tvdr chiede a un terminale e altrove rifiuta
cli-runbook--yes = Conferma ogni conferma ("fatto?", "eseguirlo di nuovo?"); mai una verifica (snapshot presa, macchina spenta), che richiede una persona o `gates:` in --answers. Un passo fallito ferma l'esecuzione invece di chiedere
cli-runbook-after-help =
    Un'esecuzione è registrata passo per passo nel giornale sotto la cartella di stato: riesegui lo stesso comando dopo qualsiasi interruzione (portatile in sospensione, collegamento caduto, Ctrl-C, crash) e riprende da dove si era fermata. Una sola esecuzione per sito e runbook alla volta. Il giornale e il rapporto dicono da dove viene ogni risposta e decisione: l'operatore al terminale, il file delle risposte, o --yes.

    Esempi:
      tvdr runbook --list
      tvdr runbook standalone-to-ft
      tvdr runbook upgrade --dry-run --format json
      tvdr runbook upgrade --status
      tvdr runbook dr-activate --report --output dr-activate-report.md
      tvdr runbook dr-activate --report --format html --output dr-activate-report.html
      tvdr runbook dr-setup --answers rehearsal.yaml --yes
      tvdr runbook standalone-to-ft --rollback
      tvdr runbook upgrade --abandon "wrong release agreed" --new
cli-snapshot-about = Registra, elenca e dimentica le snapshot delle macchine virtuali, così tvdr ricorda di cancellarle dopo una settimana
cli-snapshot-after-help =
    Le registrazioni stanno nella cartella di stato del sito (<state>/<site>/snapshots.jsonl); i passi dei runbook aggiungono alla stessa lista. `tvdr check snapshot` e `tvdr status` avvisano delle snapshot tenute più di 7 giorni.

    Esempi:
      tvdr snapshot record tvox1 pre-upgrade --note "memory excluded"
      tvdr snapshot record both pre-ft --at 2024-05-06T09:30:00+02:00
      tvdr snapshot list
      tvdr snapshot forget pre-upgrade --node tvox1
cli-snapshot-forget--name = Il nome della snapshot, come registrato
cli-snapshot-forget--node = Solo la snapshot di questo nodo (tvox1, tvox2 o dr_client) [predefinito: ogni nodo]
cli-snapshot-forget--operator = Chi l'ha cancellata [predefinito: $USER]
cli-snapshot-record--at = Quando è stata presa, RFC 3339 con fuso (2024-05-06T09:30:00+02:00) [predefinito: adesso]
cli-snapshot-record--name = Il nome della snapshot nell'hypervisor
cli-snapshot-record--node = tvox1, tvox2, dr_client, both (tvox1 e tvox2) o all
cli-snapshot-record--note = A cosa serve (memoria esclusa, prima di quale fase…)
cli-snapshot-record--operator = Chi l'ha presa [predefinito: $USER]
cli-status--count = Con --watch: si ferma dopo N schermate
cli-status--watch = Aggiorna ogni SECS secondi [predefinito: 2] finché non viene interrotto
cli-status-after-help =
    Ogni nodo è interrogato una volta, in parallelo, su una sola sessione SSH. Codice di uscita come per `tvdr check`: 0 tutto OK, 1 qualcosa non lo è, 3 un nodo non è raggiungibile.

    Esempi:
      tvdr status
      tvdr status --watch            aggiorna ogni 2 s fino a Ctrl-C
      tvdr status --watch 10 --count 3 > status.log
      tvdr status --format json
cli-trust--address = Si collega a questo indirizzo invece di quello dell'inventario (un solo nodo)
cli-trust--node = tvox1, tvox2, dr_client, both o all
cli-trust--yes = Accetta senza chiedere (l'impronta è mostrata comunque)
cli-trust-after-help =
    Confronta l'impronta con quella che mostra il nodo (`ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` sulla sua console) prima di rispondere sì.

    Con --address: la chiave che il nodo presenta ad ADDRESS è registrata per ADDRESS (TVOX 1 al suo indirizzo attuale, prima che network_reset lo sposti a quello dell'inventario).

    Esempi:
      tvdr trust tvox1
      tvdr trust tvox1 --address 172.16.95.71
      tvdr trust all --yes        (solo dove il percorso di rete è fidato)
cli-uat--answers = Esiti dati in anticipo (`uat: {"{"} PHASE: {"{"} CASE: pass, '*': skip {"}"} {"}"}`)
cli-uat--checklist = La lista check [predefinita: uat-standard.yaml fornita]
cli-uat--operator = Chi l'ha percorsa [predefinito: $USER]
cli-uat--phase = La fase: baseline, after-ft, pre-upgrade, after-upgrade-first…
cli-uat--yes = I casi senza risposta sono saltati, annotati come non percorsi
cli-uat-after-help =
    Ogni caso ha come risposta superato, fallito o saltato, con una nota. I percorsi sono conservati nella cartella di stato del sito (uat.jsonl): un caso superato in una fase precedente e che ora fallisce viene segnalato.

    Esempi:
      tvdr uat baseline
      tvdr uat after-upgrade-first --checklist site-uat.yaml
      tvdr uat rehearsal --answers answers.yaml

## tvdr trust (src/commands/trust.rs)
trust-needs-person = accettare una chiave host richiede una persona che confronti l'impronta: esegui `tvdr trust` da un terminale, oppure passa `--yes` dove il percorso di rete è fidato
trust-address-one-node = `--address` vale per un solo nodo, non per diversi
trust-local = { $node }: trasporto locale, nessuna chiave host
trust-bastion-hint = suggerimento: `tvdr trust` si collega direttamente, non attraverso il bastion `{ $jump }`: aggiungi la chiave a `{ $file }` a mano dopo averne controllato l'impronta sulla console del nodo
trust-presents = { $node } ({ $address }:{ $port }) presenta una chiave { $key_type }
trust-no-known-hosts = l'inventario non indica nessun file known_hosts
trust-already = già accettata in { $file }
trust-changed = errore: la chiave host di `{ $node }` è CAMBIATA da quando è stata registrata in `{ $file }`: qualcuno potrebbe intercettare la connessione, oppure il nodo è stato reinstallato.
    suggerimento: controlla l'impronta sulla console del nodo; se è giusta, togli la vecchia chiave con `ssh-keygen -R { $host } -f { $file }` ed esegui di nuovo `tvdr trust { $node }`
trust-prompt = È questa l'impronta mostrata sulla console di { $node }? Accettarla
trust-not-trusted = { $node }: non accettata
file-cannot-write = impossibile scrivere `{ $file }`
file-cannot-read = impossibile leggere `{ $file }`
file-cannot-open = impossibile aprire `{ $file }`
file-cannot-create = impossibile creare `{ $file }`
file-cannot-lock = impossibile bloccare `{ $file }`
file-damaged = `{ $file }` è danneggiato
file-cannot-sync-dir = impossibile sincronizzare la cartella `{ $file }`
file-cannot-make-private = impossibile rendere privato `{ $file }`
file-cannot-open-lock = impossibile aprire il lock `{ $file }`
file-cannot-create-journal = impossibile creare il giornale `{ $file }`
file-cannot-open-journal = impossibile aprire il giornale `{ $file }`
file-cannot-write-journal = impossibile scrivere il giornale `{ $file }`
trust-added = accettata: aggiunta a { $file }

## tvdr runbook (src/commands/runbook.rs)
runbook-which = quale runbook?
runbook-invalid = non valido: { $error }
runbook-never-ran = `{ $runbook }` non è mai stato eseguito su questo sito
runbook-status-line = esecuzione { $run } di `{ $runbook }` iniziata { $started } da { $operator } — { $standing }
runbook-status-finished = terminata
runbook-status-abandoned = abbandonata: { $reason }
runbook-status-next = prossimo: `{ $step }`
runbook-status-all-done = tutti i passi fatti
runbook-state-pending = da fare
runbook-text-format = { $what } scrive `human` o `json`; `markdown` e `html` sono formati di --report
runbook-report-format = --report scrive `markdown` (il predefinito) o `html`; il giornale stesso è il record JSON di un'esecuzione
runbook-nothing-to-report = `{ $runbook }` non è mai stato eseguito su questo sito: niente da riportare
runbook-report-unwritable = impossibile scrivere il rapporto in `{ $file }`
runbook-report-written = rapporto di `{ $journal }` scritto in `{ $file }`
runbook-runs-none = nessuna
runbook-no-such-run = `{ $runbook }` non ha un'esecuzione `{ $run }` su questo sito; le sue esecuzioni: { $runs }
runbook-ambiguous-run = `{ $runbook }` ha più di un'esecuzione `{ $run }` su questo sito; le sue esecuzioni: { $runs }

## Errori dei codici di uscita (src/exit_code.rs)
exit-aborted-prefix = interrotto dal tecnico:{" "}

## Comandi singoli (src/commands/standalone/)
standalone-one-node = `{ $node }`: indica un solo nodo (tvox1, tvox2, dr_client, master o slave)
standalone-nothing-done = niente da fare: { $reason }
standalone-failed-accepted = fallito, accettato: { $reason }
standalone-network-reset-exit = network_reset su { $node }: codice di uscita { $exit }
standalone-bad-regex = `{ $flag } { $regex }`: regex non valida: { $error }

## tvdr snapshot, tvdr lint, la libreria dei runbook
snapshot-bad-name = `{ $name }` non è un nome di snapshot utilizzabile
snapshot-recorded = registrata la snapshot `{ $name }` di { $node } presa { $taken }: cancellala entro { $delete_by } (poi `tvdr snapshot forget { $name }`)
snapshot-already-old = attenzione: `{ $name }` ha già più di una settimana: cancellala
snapshot-none = nessuna snapshot di macchina virtuale registrata
snapshot-col-node = nodo
snapshot-col-name = nome
snapshot-col-taken = presa
snapshot-col-age = età
snapshot-col-by = da
snapshot-col-note = nota
snapshot-age-overdue = { $age } — cancellala
snapshot-unknown = nessuna snapshot registrata con il nome `{ $name }` (vedi `tvdr snapshot list`)
snapshot-unknown-on = nessuna snapshot registrata con il nome `{ $name }` su { $node } (vedi `tvdr snapshot list`)
snapshot-forgot = { $count ->
    [one] dimenticata { $count } snapshot di nome `{ $name }`
   *[other] dimenticate { $count } snapshot di nome `{ $name }`
}
lint-ok = ok: { $name }: { $summary }
lint-invalid = { $invalid ->
    [one] { $invalid } runbook su { $count } non valido
   *[other] { $invalid } runbook su { $count } non validi
}
lint-summary = `{ $id }` { $title }: { $stages } fasi, { $steps } passi
runbooks-dir-unusable = `--runbooks { $dir }` non è una cartella che tvdr può leggere ({ $reason }): le copie del sito non verrebbero usate
runbook-unreadable = impossibile leggere il runbook `{ $path }`
runbook-unknown = nessun runbook `{ $id }`: quelli disponibili sono { $available }

## tvdr inventory (src/commands/inventory.rs)
inventory-valid = { $path }: valido
inventory-site = sito { $site } · TVox { $version } · { $domain } · { $mode }
inventory-no-domain = nessun dominio
inventory-col-node = nodo
inventory-col-address = indirizzo
inventory-col-login = accesso
inventory-col-sync-dir = cartella sync
inventory-col-hosts-file = file hosts
inventory-known-hosts = known_hosts: { $files }
inventory-then = , poi{" "}
inventory-identity = identità: agent, poi { $file }
inventory-licence = verifica della licenza: `{ $command }`
inventory-no-licence = verifica della licenza: non configurata (`tvdr check license` è UNKNOWN)
inventory-db-credentials = credenziali del db: file di opzioni { $file } sui nodi
inventory-login-local = locale
inventory-via = {" "}tramite { $jump }
inventory-timeouts = tempi massimi: connessione { $connect }, accesso { $login }, comando { $command }
inventory-settings = calendari: database { $database } come { $user } · soglie: ritardo chat { $chat_lag }, ritardo db { $db_lag }, fs { $fs }%, scarto orologi { $clock_skew } · obiettivi: RPO { $rpo }, RTO { $rto } · ricevute tenute { $receipts }

## tvdr init (src/commands/init/mod.rs); il file che scrive resta in inglese (uno YAML commentato)
init-exists = `{ $file }` esiste già: passa `--force` per sovrascriverlo
init-wrote = scritto { $file }: controllalo con `tvdr inventory`, poi accetta i nodi con `tvdr trust all`
init-site = Nome del sito (es. acme-milano)
init-version = Versione principale di TVox
init-not-a-version = `{ $value }` non è un numero di versione
init-domain = Dominio usato dai client (es. tam.example.com)
init-cluster = È un cluster Fault Tolerance (due nodi e un IP del nodo)?
init-node-ip = IP del nodo (l'indirizzo del cluster)
init-tvox1 = Indirizzo fisico di TVOX 1
init-tvox2 = Indirizzo fisico di TVOX 2
init-dr-client = Indirizzo del client DR (vuoto se non c'è)
init-user = Utente SSH
init-not-a-user = `{ $value }` non è un nome utente
init-port = Porta SSH
init-not-a-port = `{ $value }` non è una porta
init-identity = File di identità SSH (`none`: agent, poi password)

## tvdr check (src/commands/check/mod.rs) e risposte segrete alla ripresa
check-skipped = saltato { $name }: { $why }
journalled-secret-again = `{ $name }` è una risposta segreta, mai scritta nel giornale: serve di nuovo per riprendere

## Una condizione che non si può decidere (src/runbook/engine/undecided.rs)
undecided-never-answered = `{ $answer }`, mai risposta in questa esecuzione (la chiede il passo `{ $asker }`: `tvdr runbook { $runbook } --only { $asker }` la risponde)
undecided-never-asked = `{ $answer }`, che nessun passo di `{ $runbook }` chiede
undecided-no-fact = `{ $fact }`, che l'inventario non fornisce
undecided-not-known-yet = un valore non ancora noto
undecided-and = {" "}e{" "}
undecided-why = il passo `{ $step }` non si può decidere: la sua condizione legge { $reads }; fornisci il valore, poi esegui di nuovo `{ $resume }` per riprendere da qui
run-no-such-step = `{ $name }` non ha il passo `{ $step }`
run-nothing-to-roll-back = `{ $runbook }` non è mai stato eseguito: niente da annullare
journal-in-file = giornale `{ $path }`: { $error }
journal-damaged-line = la riga { $line } è danneggiata ({ $error }); non si modifica mai a mano
fleet-trying-again = { $node }: nuovo tentativo (prima: { $earlier })
uat-not-a-verdict = `{ $word }` non è pass, fail o skip
uat-checklist-unreadable = impossibile leggere la lista check UAT `{ $name }`
uat-case-id-twice = checklist UAT `{ $path }`: l'id di caso `{ $case }` è vuoto o usato due volte
uat-no-cases = la checklist UAT `{ $path }` non ha casi
uat-answer-invalid = file delle risposte: uat `{ $phase }` caso `{ $case }`: { $why }
uat-needs-terminal = il passo `{ $step }` percorre la checklist UAT (fase `{ $phase }`, caso `{ $case }`), ma non c'è un terminale: esegui a un terminale, o dai i risultati nel file delle risposte (`uat: {"{"} { $phase }: {"{"} { $case }: pass {"}"} {"}"}`)

## Passi screen e tvdr patch (src/runbook/engine/kinds/screen/); i motivi di fallimento sono in reasons.ftl
screen-already-started = { $node }: questa esecuzione ha già avviato `{ $session }` lì (log { $log }): lo seguo, non avvio di nuovo il comando
screen-starting = avvio `{ $command }` in screen `{ $session }` su { $node } (log { $log }; per guardarlo lì: screen -r { $session })
    {"  "}se tvdr si ferma (Ctrl-C, collegamento perso), il comando continua: esegui di nuovo tvdr per seguirlo
screen-raced = il tentativo { $attempt } è stato avviato da qualcun altro nel frattempo: lo seguo
screen-never-started = screen `{ $session }` su { $node } è terminato senza ricevere il comando (il passaggio sul nodo è stato interrotto): non è stato eseguito nulla, lo riavvio
screen-running = in esecuzione in screen `{ $session }` su { $node }
screen-lost = perso { $node } mentre seguivo screen `{ $session }` ({ $error }); il comando continua lì: quando { $node } risponde di nuovo, esegui lo stesso comando `tvdr runbook` per riagganciarti (nulla viene avviato due volte)
screen-reconnecting = perso { $node } ({ $error }): mi ricollego; il comando continua in screen `{ $session }`
screen-reattaching = mi riaggancio a screen `{ $session }` su { $node } (avviato { $started })
screen-earlier-failure = nota: prima, prima del suo output finale, l'updater ha detto `{ $line }` ed è andato avanti
screen-success = codice di uscita 0 e output di successo trovato in `{ $log }` su { $node }
screen-cannot-start = impossibile avviare screen su { $node }: stato di uscita { $status }: { $why }
screen-cannot-start-installed = impossibile avviare screen su { $node }: stato di uscita { $status } (GNU screen è installato? `tvdr check screen`): { $why }
screen-cannot-prepare-logs = impossibile preparare la cartella dei log di screen su { $node }: { $why }
screen-earlier-lines = … { $count } righe precedenti

## tvdr check --list e i suoi errori d'uso (src/commands/check/)
check-col-about = cosa guarda
check-master-needs-vip = `--master` è un'opzione del controllo `vip`: indica `vip` o `all`
check-none-named = nessun controllo indicato; quelli noti: { $known }, all
check-about-vip = chi ha l'IP del nodo del cluster (il master); CRIT se nessuno o in split brain (--master NODE: CRIT a meno che lo abbia NODE)
check-about-db = replica MySQL/MariaDB sullo slave: thread attivi, ritardo sotto db_lag
check-about-chat = replica set MongoDB (rs.status()): un PRIMARY, membri sani, ritardo
check-about-calendars = pg_dump del database dei calendari su master e slave, confrontati
check-about-fs-sync = dimensioni della cartella sync (o, con --exact, ogni file) su master e slave
check-about-ports = porte DR 22, 873, 3306, 27017 aperte nei due sensi tra master e client DR
check-about-dr-isolated = prima dell'attivazione del DR: niente del sito principale risponde al client DR (su richiesta)
check-about-snapshot = snapshot delle macchine virtuali registrate con `tvdr snapshot record`: WARN se tenute più di una settimana
check-about-rpo = il peggior ritardo di replica (db, chat, fs-sync) rispetto a objectives.rpo
check-about-hosts = il file hosts associa l'indirizzo del TVox al dominio su entrambi i nodi
check-about-dns = il DNS del cliente risponde con l'IP del nodo (--expect dr: il client DR) per il dominio
check-about-clock = differenza di orario tra i nodi sotto thresholds.clock_skew
check-about-screen = GNU screen installato su ogni nodo; sessioni aperte (una patch in corso?)
check-about-license = il comando di licenza dell'inventario corrisponde alla sua regex su entrambi i nodi

keep-disconnected = { $count ->
    [one] { $count } sessione tenuta aperta chiusa
   *[other] { $count } sessioni tenute aperte chiuse
}

## Lock delle esecuzioni (src/runbook/lock.rs)
lock-holder = { $operator } su { $host } (pid { $pid }, esecuzione { $run }) dal { $since }
lock-another-process = un altro processo tvdr
lock-running-here = questo runbook è già in esecuzione qui: lo tiene { $who }
lock-cannot-take = impossibile prendere il lock dell'esecuzione su `{ $node }`
lock-cannot-take-why = impossibile prendere il lock dell'esecuzione su `{ $node }`: { $why }
lock-cannot-renew = impossibile rinnovare il lock dell'esecuzione su `{ $node }`: { $why }
lock-running-on-site = questo runbook è già in esecuzione su questo sito: `{ $node }` ha un lock di { $holder } (`~/.local/state/tvdr/locks/{ $name }`); se quell'esecuzione è davvero morta, passa `--break-lock MOTIVO`
lock-unknown-owner = `{ $node }` ha un lock `~/.local/state/tvdr/locks/{ $name }` di proprietario sconosciuto; passa `--break-lock MOTIVO` per rimuoverlo
lock-cannot-read = impossibile leggere il lock dell'esecuzione su `{ $node }`: { $why }
lock-unreadable-holder = il lock dell'esecuzione su `{ $node }` non nomina un proprietario che tvdr sappia leggere
lock-cannot-remove = impossibile rimuovere il lock dell'esecuzione su `{ $node }`: { $why }
