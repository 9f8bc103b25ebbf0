## What the checks find (src/checks/): summaries, details, hints. The human table shows them in the chosen language; JSON and the journal carry the English
list-and = {" e "}
roles-unknown = impossibile distinguere master e slave: { $why }

## vip
vip-standalone = TVox stand-alone: nessun IP del nodo, tvox1 ha risposto e serve i client
vip-standalone-holds = TVox stand-alone: nessun IP del nodo, tvox1 ha { $ip } e serve i client
vip-standalone-elsewhere = TVox stand-alone: tvox1 ha risposto ma non ha { $ip }, l'indirizzo nell'inventario (raggiunto tramite NAT o una porta inoltrata?): ai client viene dato l'indirizzo che tvox1 ha?
vip-standalone-unknown = TVox stand-alone: impossibile chiedere a tvox1 quali indirizzi ha: { $why }
vip-holds-addresses = ha { $addresses }
vip-ip-failed = `ip -o addr show` non è riuscito: { $error }
vip-holds = ha { $ip } su { $interface }
vip-duplicate = ha { $ip } su { $interface }, ma il rilevamento IPv6 degli indirizzi duplicati è fallito (`dadfailed`): un altro host in rete risponde per esso, quindi questo nodo non lo usa
vip-no-address = `ip -o addr show` non ha mostrato alcun indirizzo
vip-master = { $node } è master (ha { $ip })
vip-none = nessun nodo ha l'IP del nodo { $ip }
vip-none-reachable = nessun nodo raggiungibile ha { $ip }; non interrogati: { $unknown }
vip-split-brain = split brain: { $nodes } { $count ->
        [2] hanno entrambi
       *[other] hanno tutti
    } l'IP del nodo { $ip }
vip-expected-unresolved-was = impossibile dire quale nodo deve essere master: { $why } ({ $summary })
vip-expected-unresolved = impossibile dire quale nodo deve essere master: { $why }
vip-expected-not-cluster = `{ $node }` qui non è un nodo del cluster: non può essere master
vip-expected-ok = { $summary }, come previsto
vip-expected-not-asked = impossibile interrogare { $node } (master atteso): { $summary }
vip-expected-on = { $summary } (atteso su { $node })
vip-expected-other = atteso { $node } come master, invece { $summary }
vip-expected-alone = { $summary } (atteso: solo { $node })
vip-switch-over = { $holder } ha l'IP del nodo e { $node } ha risposto senza: lo scambio è concluso
vip-switch-hint = lo scambio dei nodi non ha reso master { $node }: scopri perché (`tvdr status`, la configurazione FT) prima di aggiornare o provare qualunque cosa
vip-expected-line-ok = ha l'IP del nodo, da solo
vip-expected-line-unknown = non si può dire
vip-expected-line-crit = non ha l'IP del nodo da solo
vip-expected-standalone = atteso { $node } come master, ma questo è un sito stand-alone: tvox1 serve i client
check-unknown = questo tvdr non ha un controllo con questo nome

## tvdr status: the figure beside a check's state, and why it cannot tell
status-figure-replica = replica indietro di { $behind }
status-figure-secondary = secondario indietro di { $behind }
status-figure-identical = master e slave identici
status-figure-tables = { $count ->
        [one] { $count } tabella differisce
       *[other] { $count } tabelle differiscono
    }
status-figure-to-copy = { $size } da copiare
status-figure-apart = differenza del { $percent }%
status-figure-apart-of = differenza del { $percent }% su { $size }
status-no-uptime = impossibile leggere /proc/uptime: { $why }
status-blocked = non si può dire: { $nodes } non raggiungibile
check-not-known = controllo sconosciuto

## wait steps: what the last look found
wait-lasting = { $seen }; attendere { $what } non lo cambierà ({ $lasting })
wait-timeout = { $what } non raggiunto entro { $timeout }: { $seen }
wait-this-machine = questa macchina
wait-host-answers = { $node } risponde
wait-host-silent = { $node } non risponde: { $why }

## hosts
hosts-line = riga { $line }: { $wanted }
hosts-as-alias = {" "}(come alias)
hosts-repeated = , ripetuta alla riga { $lines }
hosts-maps-to = la riga { $line } associa `{ $domain }` a { $address }
hosts-wrong = { $wrong }, atteso { $expected }
hosts-line-to = riga { $line } → { $address }
hosts-many = `{ $domain }` è associato a { $count } indirizzi ({ $all }): i client possono raggiungere quello sbagliato; lascia solo { $wanted }
hosts-skipped-line = `{ $text }`: { $why }; il resolver salta questa riga
hosts-missing = nessuna riga associa `{ $domain }`: attesa { $wanted }
hosts-instead = la riga { $line } associa invece { $address } a `{ $names }`
hosts-names-it-skipped = la riga { $line } lo nomina ma viene saltata ({ $why })
hosts-no-name = nessun nome host dopo l'indirizzo
hosts-not-an-address = `{ $address }` non è un indirizzo IP
hosts-wanted-on = `{ $line }` su { $node }
hosts-node-line = { $node } riga { $line }
hosts-no-file = `{ $path }` non esiste
hosts-ok-one = `{ $domain }` → { $address } su ogni nodo ({ $lines })
hosts-ok-own = `{ $domain }` → l'indirizzo di ciascun nodo ({ $lines })
hosts-hint-write-config = su { $nodes }: esegui `write_config.php network` (riscrive il file hosts dalle impostazioni di rete del TVox), oppure scrivi a mano la riga { $wanted }
hosts-hint-skipped = correggi o commenta le righe che il resolver salta
hosts-unreadable = impossibile leggere `{ $path }`: { $error }

## screen
screen-missing = GNU screen non è installato: l'aggiornamento deve girare al suo interno
screen-ok = GNU screen installato su { $nodes }, nessuna sessione aperta
screen-hint-install = installalo su { $nodes }: `yum install screen` (CentOS), `apt-get install screen` (Debian)
screen-hint-look = su { $node }, guarda `{ $id }` con `screen -r { $id }` prima di aggiornare o riavviare: potrebbe essere un aggiornamento ancora in corso
screen-hint-wipe = elimina le sessioni morte con `screen -wipe`
screen-printed-nothing = niente
screen-unrecognised = installato (`{ $path }`), ma `screen -ls` ha stampato { $said }
screen-unread = installato (`{ $path }`), ma `screen -ls` elenca sessioni che tvdr non sa leggere: { $lines }
screen-cut-short = installato (`{ $path }`), ma `screen -ls` ha annunciato { $count } { $count ->
    [one] sessione
   *[other] sessioni
} senza elencarne alcuna: il suo output è stato troncato
screen-installed = installato (`{ $path }`), nessuna sessione
screen-session-since = { $id } ({ $state } dal { $since })
screen-open = installato (`{ $path }`); { $count } { $count ->
        [one] sessione aperta
       *[other] sessioni aperte
    }: { $sessions }

## license
license-unconfigured = non configurato: imposta `license.command` e `license.expect` nell'inventario
license-unconfigured-lasting = `license.command` e `license.expect` non sono configurati nell'inventario
license-unconfigured-hint = `license.command` è il testo shell eseguito su ogni nodo del cluster che stampa la sua licenza; `license.expect` un'espressione regolare a cui il suo output deve corrispondere (vedi `tvdr init`)
license-bad-regex = `license.expect` non è un'espressione regolare valida: { $error }
license-bad-regex-lasting = `license.expect` non è un'espressione regolare valida
license-matches = corrisponde a `{ $expect }`: `{ $matched }`
license-match-failed = l'output corrisponde a `{ $expect }` (`{ $matched }`), ma il comando è fallito (codice di uscita { $code }): a stamparlo può essere un errore, non la licenza
license-no-match = l'output non corrisponde a `{ $expect }`; termina con: { $tail }
license-no-match-status = l'output non corrisponde a `{ $expect }` (codice di uscita { $code }); termina con: { $tail }
license-ok = la licenza corrisponde a `{ $expect }` su { $nodes }
license-hint = verifica la licenza di { $nodes } (OCC: SISTEMA → Security update dalla 21, prima Application Manager: System → License); chiedi al supporto Telenia la licenza FT/DR
license-no-output = (nessun output)

## clock
clock-offset = { $offset } s ± { $uncertainty } s rispetto a questa macchina
clock-none-read = non è stato possibile leggere alcun orologio
clock-only-node = { $node } è a { $offset } s ± { $uncertainty } s da questa macchina (l'unico nodo)
clock-one-read = è stato possibile leggere l'orologio di un solo nodo
clock-skew-ok = scarto massimo { $skew } s ± { $bound } s ({ $nodes })
clock-ahead = { $early } è avanti di { $skew } s ± { $bound } s rispetto a { $late }
clock-summary = { $message }; WARN oltre { $warn } s, CRIT oltre { $crit } s
clock-hint-ntp = confronta `chronyc tracking` (o `ntpq -p`) sui nodi: tutti dovrebbero seguire gli stessi server NTP
clock-hint-slow = i tempi di andata e ritorno erano troppo lenti per dirlo: ripeti il controllo
clock-date-failed = `date +%s.%N` non è riuscito ({ $status }): { $error }
clock-no-sample = nessun campione raccolto
clock-not-a-time = `date +%s.%N` ha stampato `{ $text }`, che non è un'ora
clock-bad-fraction = frazione non valida in `{ $text }`
no-dr-client = nessun `dr_client` nell'inventario

## ports
ports-probe-silent = la sonda delle porte non ha stampato nulla (c'è `sh`?)
ports-probe-no-tool = nessun modo di aprire una connessione TCP sul nodo: servono bash e timeout, nc, o perl
ports-probe-empty = la sonda delle porte è uscita con { $status } senza stampare nulla: { $error }
ports-node-ip-label = { $node } (IP del nodo)
ports-way = { $from } → { $to } su { $address }
ports-not-probed = non sondata
ports-no-answer = la sonda non ha dato risposta
ports-needed-as-master = { $message } — necessaria quando questo nodo sarà master
ports-from = da { $from }: { $why }
ports-closed = chiuse: { $closed }
ports-unprobed = impossibile sondare { $unknown }
ports-closed-from-slave = aperte con il master; chiuse dallo slave (necessarie dopo uno scambio dei nodi): { $closed }
ports-ok = TCP { $ports } aperte in entrambe le direzioni ({ $ends })
ports-ok-slave = TCP { $ports } aperte in entrambe le direzioni ({ $ends }), e da { $slave } (slave)
ports-some-silent = alcune sonde non hanno dato risposta
ports-hint = il client DR ha bisogno di TCP 22, 873, 3306 e 27017 aperte in entrambe le direzioni con il master: controlla i firewall su entrambe le macchine e tra i siti; `rifiutata` vuol dire che lì non ascolta nulla (il servizio è attivo?) o che un firewall rifiuta, `nessuna risposta` che un firewall scarta i pacchetti
ports-open = aperta
ports-refused = rifiutata (nulla in ascolto, o un firewall rifiuta)
ports-timeout = nessuna risposta entro { $seconds }s (un firewall la scarta, o l'host è spento)
ports-unreachable = irraggiungibile
ports-unreachable-why = irraggiungibile: { $why }
ports-probe-failed = sonda non riuscita: { $why }

## dr-isolated
dr-isolated-not-asked = il client DR non è stato interrogato
dr-isolated-node-ip = IP del nodo { $address }
dr-isolated-cannot-tell = impossibile dirlo dal client DR: { $why }
dr-isolated-ok = il sito principale è spento: nulla risponde al client DR su { $services }
dr-isolated-answers = il sito principale risponde ancora al client DR: { $answering }
dr-isolated-unprobed = non è stato possibile sondare alcuni indirizzi del sito principale
dr-isolated-hint = spegni entrambe le macchine del sito principale e isolale dal sito DR prima di attivare il client DR dal suo OCC; poi ripeti questo controllo
dr-isolated-probe-silent = { $service }: nessuna risposta dalla sonda
dr-isolated-open = { $services } aperte
dr-isolated-refused = { $services } rifiutate
dr-isolated-still = risponde ancora: { $parts } — la macchina è accesa
dr-isolated-silent = nessuna risposta su { $services } (tempo scaduto dopo { $seconds }s o irraggiungibile)

## snapshot (and the age of a snapshot in `tvdr snapshot list`)
age-under-a-minute = meno di un minuto
age-days = { $count } { $count ->
        [one] giorno
       *[other] giorni
    }
age-hours = { $count } { $count ->
        [one] ora
       *[other] ore
    }
age-minutes = { $count } { $count ->
        [one] minuto
       *[other] minuti
    }
snapshot-no-state-dir = nessuna cartella di stato da cui leggere le snapshot
snapshot-no-state-dir-lasting = nessuna cartella di stato
snapshot-check-none = nessuna snapshot di VM registrata
snapshot-taken = presa il { $at } da { $by }, { $age } fa
snapshot-overdue = { $taken }: cancellala, le snapshot si tengono al massimo una settimana
snapshot-due = { $taken }; da cancellare entro il { $due }
snapshot-summary-overdue = { $count ->
        [one] { $count } snapshot di VM più vecchia di una settimana
       *[other] { $count } snapshot di VM più vecchie di una settimana
    }: { $snapshots }
snapshot-summary-kept = { $count ->
        [one] { $count } snapshot di VM conservata
       *[other] { $count } snapshot di VM conservate
    }, la più vecchia di { $oldest } (da cancellare entro una settimana)
snapshot-hint = cancella la snapshot nell'hypervisor, poi `tvdr snapshot forget NAME` (aggiungi `--node NODE` quando il nome è su più nodi)

## rpo
rpo-db-what = i secondi di ritardo della replica rispetto al master
rpo-chat-what = il ritardo del SECONDARY rispetto al PRIMARY
rpo-files-eta = il tempo per riallineare i file (ETA della copia)
rpo-files-none = l'arretrato dei file (niente da copiare)
rpo-no-figure = nessun ritardo misurato nel suo esito: { $summary }
rpo-delay = { $what }: { $delay }
rpo-delay-worst = { $what }: { $delay } — il peggiore, fissa il punto di ripristino
rpo-behind = { $source } indietro di { $size }
rpo-bytes = indietro di { $size }, che non si può tradurre in tempo senza un ETA: esegui `tvdr check fs-sync --exact` due volte a qualche minuto di distanza
rpo-stopped = non replica, la perdita cresce: { $why }
rpo-unreadable = illeggibile: { $why }
rpo-not-met = RPO { $rpo } non rispettato: fermi { $stopped }
rpo-exceeded = RPO { $rpo } superato: { $source } è indietro di { $delay }
rpo-within = ritardo peggiore { $delay } ({ $source }), entro l'RPO { $rpo }
rpo-worst-measured = ritardo peggiore misurato { $delay } ({ $source })
rpo-unmeasurable = non misurabile in tempo: { $sources }
rpo-cannot-read = impossibile leggere { $sources }
rpo-nothing = nessuna replica da misurare

## dns
dns-no-domain = nessun `tvox.domain` nell'inventario: non c'è un nome da risolvere
dns-the-node-ip = l'IP del nodo
dns-the-dr-client = il client DR
dns-own-address = l'indirizzo di { $node }
dns-standalone = tvox1, stand-alone
dns-dr-by-name = il client DR è indicato per nome (`{ $name }`): scrivi il suo indirizzo IP in `nodes.dr_client.address` per verificare a cosa risolve il dominio
dns-expect-dr-needs-client = `--expect dr` richiede un client DR: aggiungi `nodes.dr_client`
dns-no-server = nessun server DNS da interrogare: nessuno nell'inventario, nessuno visto sui nodi
dns-hint-records = i client interrogano il DNS del cliente: il record di ogni server per `{ $domain }` deve essere solo { $expected }; i client si adeguano quando scade il TTL della vecchia risposta
dns-hint-servers = indica i server DNS del cliente nell'inventario (`dns: {"{"} servers: [...] {"}"}`) quando il /etc/resolv.conf dei nodi non li indica
dns-asked-from = { $server } (interrogato da { $from })
dns-ok = `{ $domain }` è { $expected } su ogni server DNS interrogato: { $servers }
dns-server-said = { $server } (interrogato da { $from }) { $said }
dns-disagree = i server DNS non concordano: { $worst }
dns-via = {" "}tramite CNAME { $chain }
dns-would-not-say = non ha voluto rispondere: { $rcode }
dns-nxdomain = risponde che il nome non esiste (NXDOMAIN){ $via }, atteso { $want }
dns-no-address = risponde senza indirizzi{ $via }, atteso { $want }
dns-answers = risponde { $addresses }{ $via }, TTL { $ttl }s
dns-own-resolver = { $said }, ma è un resolver sul nodo stesso, che può rispondere dal file /etc/hosts del nodo invece che dal DNS del cliente
dns-either = { $text }: i client possono scegliere l'uno o l'altro, atteso solo { $want }
dns-expected = { $text }, atteso { $want }

## db and chat: the worst finding and how many more
verdict-more-problems = { $headline } ({ $count ->
        [one] e un altro problema
       *[other] e altri { $count } problemi
    })

## db
db-standalone = stand-alone: nessuna replica del database
db-no-client-on = { $node }: nessun client mysql
db-no-client-path = né `mysql` né `mariadb` sono nel PATH di `{ $node }`
db-client-silent = il client del database su `{ $node }` è terminato con stato di uscita { $status } senza stampare nulla: nessuna prova dello stato della replica
db-no-client = nessun client mysql sul nodo: { $line }
db-unexpected-output = output inatteso: { $first }
db-no-thread-fields = l'output non ha i campi Slave_IO_Running / Slave_SQL_Running
db-client-failed = impossibile eseguire il client mysql: { $error }
db-hint-credentials = tvdr legge le credenziali MySQL da un file di opzioni sul nodo (`--defaults-extra-file`, per esempio /root/.my.cnf con utente e password in [client]), mai dalla riga di comando: controlla quel file e il suo utente
db-hint-not-replica = { $node } non ha una replica configurata: configurala (CHANGE MASTER TO …; START SLAVE) o verifica quale nodo l'inventario indica come replica
db-not-replica = non configurato come replica (SHOW SLAVE STATUS è vuoto)
db-not-replica-on = { $node } non è configurato come replica
db-hint-privilege = l'utente MySQL del file di opzioni ha bisogno del privilegio REPLICATION CLIENT (SLAVE MONITOR su MariaDB 10.5.9+)
db-refused-lasting = { $node }: l'accesso MySQL o il suo privilegio viene rifiutato
db-cannot-read = impossibile leggere lo stato della replica su { $node }: { $line }
db-hint-running = MariaDB/MySQL è attivo su { $node }? (`systemctl status mariadb`)
db-down = MySQL non risponde: { $line }
db-down-on = MySQL su { $node } non risponde
db-unsupported-lasting = { $node }: il server non conosce nessuna delle due istruzioni di stato
db-unsupported = il server non conosce questa istruzione (riprova con SHOW REPLICA STATUS / SHOW SLAVE STATUS): { $line }
db-unsupported-on = { $node }: il server non conosce l'istruzione di stato
db-replication-on = replica su { $node }
db-replication-named-on = replica '{ $name }' su { $node }
db-the-master = il master
db-thread-stopped = fermo
db-thread-missing = assente dall'output
db-thread-detail = thread { $thread } { $state } ({ $field }){ $detail }
db-thread-headline = { $what }: thread { $thread } { $state }{ $short }
db-master-delay = {" "}(MASTER_DELAY di { $delay } configurato)
db-lag-over = thread IO e SQL attivi, { $lag } di ritardo su { $source } (soglia { $limit }){ $delay }
db-lag-over-headline = { $what } è indietro di { $lag } su { $source } (soglia { $limit })
db-lag = thread IO e SQL attivi, { $lag } di ritardo su { $source }{ $delay }
db-lag-null = entrambi i thread attivi ma Seconds_Behind_Master è NULL
db-lag-null-headline = { $what }: Seconds_Behind_Master è NULL
db-lag-missing = nessun Seconds_Behind_Master nell'output (troncato?)
db-lag-missing-headline = { $what }: nessun Seconds_Behind_Master nell'output
db-behind = { $lag } di ritardo
db-lag-unknown = ritardo sconosciuto
db-ok-part = { $what } da { $source }: thread IO e SQL attivi, { $lag }
db-no-error = , nessun errore
db-no-error-short = {" "}(nessun errore)
db-error-at = {" "}il { $when }
db-error = : errore { $errno }{ $when }: { $message }
db-error-short = {" "}(errore { $errno }: { $line })
db-hint-unreachable = la replica non raggiunge il master { $source }: controlla MySQL lì e la porta 3306 tra i nodi (`tvdr check ports`)
db-hint-replication-user = il master rifiuta l'utente di replica: controlla la sua password (CHANGE MASTER TO … MASTER_PASSWORD) e il suo permesso REPLICATION SLAVE
db-hint-binlog-gone = il master non ha più il log binario che serve alla replica: la replica va ricostruita da un dump recente del master
db-hint-data-differs = i dati della replica differiscono da quelli del master (riga duplicata o mancante): risincronizzala dal master invece di saltare l'errore
db-hint-stopped = la replica è stata fermata senza errori (STOP SLAVE?): esegui START SLAVE sulla replica quando sai perché
db-binlog-off = il log binario è disattivato (SHOW MASTER STATUS è vuoto): non può alimentare una replica
db-no-position = nessun File/Position in SHOW MASTER STATUS
db-binlog-unreadable = impossibile leggere la posizione del binlog del master: { $why }
db-gap-bytes = { $bytes } byte indietro
db-gap-files = { $count } file di binlog indietro
db-gap-other-file = su un altro file di binlog ({ $file })
db-binlog = master { $node } a { $master }; replica applicata fino a { $applied } ({ $gap })
db-binlog-read = master { $node } a { $master }; replica letta fino a { $read } e applicata fino a { $applied } ({ $gap })

## chat
chat-not-a-document = l'output non è un documento `rs.status()`
chat-cut-short = l'output è troncato ({ $error })
chat-unreadable = impossibile leggere l'output: { $error }
chat-no-shell-path = né `mongosh` né `mongo` sono nel PATH di `{ $node }`
chat-shell-failed = impossibile eseguire la shell mongo: { $error }
chat-hint-not-initiated = il replica set della chat non è mai stato inizializzato su { $node }: avrebbe dovuto farlo la configurazione del cluster; `rs.status()` deve elencare entrambi i nodi
chat-not-initiated = replica set non inizializzato: { $error }
chat-not-initiated-on = replica set non inizializzato su { $node }
chat-hint-standalone = mongod su { $node } gira senza replica set: imposta `replication.replSetName` in /etc/mongod.conf e riavvia mongod
chat-standalone = mongod gira da solo: { $error }
chat-standalone-on = mongod su { $node } gira da solo, non in un replica set
chat-hint-running = mongod è attivo su { $node }? (`systemctl status mongod`)
chat-down = mongod non risponde: { $error }
chat-down-on = mongod su { $node } non risponde
chat-hint-denied = `rs.status()` richiede un utente autorizzato a eseguire replSetGetStatus (ruolo clusterMonitor)
chat-denied = non autorizzato a leggere lo stato del replica set: { $error }
chat-denied-on = { $node }: non autorizzato a eseguire rs.status()
chat-no-shell = nessuna shell mongo (mongosh o mongo) sul nodo: { $error }
chat-no-shell-on = { $node }: nessuna shell mongo
chat-failed = rs.status() non è riuscito: { $error }
chat-empty = la shell mongo non ha stampato nulla
chat-no-node = nessun nodo da interrogare
chat-sees = { $node } vede { $seen }
chat-no-set = nessuno
chat-different-sets = i nodi sono in replica set diversi: { $seen }
chat-no-primary-seen = nessun PRIMARY
chat-disagree = i nodi non concordano sul PRIMARY: { $who }
chat-hint-stale = la visione di un nodo non è aggiornata o i nodi non si raggiungono: controlla la porta 27017 in entrambe le direzioni (`tvdr check ports`)
chat-no-primary-unreachable = nessun PRIMARY: { $unreachable } membri su { $members } non raggiungibili
chat-no-primary-states = nessun PRIMARY: i membri sono { $states }
chat-many-primaries = { $count } membri PRIMARY: { $who }
chat-arbiter = ARBITER (vota, non ha dati)
chat-member-unhealthy = il membro { $member } non è raggiungibile/sano
chat-hint-unreachable = controlla mongod sul nodo non raggiungibile e la porta 27017 tra i nodi (`tvdr check ports`)
chat-member-is = il membro { $member } è { $state }
chat-secondary-lag-unknown = SECONDARY (ritardo sconosciuto: nessun optime da confrontare)
chat-secondary-over = SECONDARY, { $behind } di ritardo sul PRIMARY (soglia { $limit })
chat-secondary-over-headline = il SECONDARY { $member } è indietro di { $behind } sul PRIMARY (soglia { $limit })
chat-secondary = SECONDARY, { $behind } di ritardo sul PRIMARY
chat-secondary-part = SECONDARY { $member } indietro di { $behind }
chat-not-inventory = { $state } { $member } non è un nodo dell'inventario ({ $inventory })
chat-not-inventory-headline = il membro { $member } non è un nodo dell'inventario
chat-not-member = il nodo { $node } dell'inventario non è membro del replica set { $set }

## fs-sync
fs-standalone = stand-alone: nessuno slave con cui sincronizzare
fs-hint-stuck = non si sta sincronizzando nulla: esegui `setperms.sh` sul master `{ $master }` per avviare la sincronizzazione del file system, poi ricontrolla
fs-hint-catching-up = lo slave sta recuperando; la prima sincronizzazione delle registrazioni vocali può richiedere ore: ricontrolla più tardi
fs-hint-again = ricontrolla tra qualche minuto: se lo slave non è cresciuto, non si sta sincronizzando nulla (allora esegui `setperms.sh` sul master `{ $master }`)
fs-du-failed = du non è riuscito { $role ->
        [slave] sullo slave
       *[other] sul master
    }: { $error }
fs-missing-on-slave = la cartella sync non esiste sullo slave: { $why }
fs-missing-on-master = la cartella sync non esiste sul master (percorso sbagliato?): { $why }
fs-du-silent = du non ha stampato nulla { $role ->
        [slave] sullo slave
       *[other] sul master
    }
fs-missing-slave = manca sullo slave (il master ha { $size })
fs-only-slave = solo sullo slave ({ $size }), non sul master
fs-absent = assente su entrambi
fs-sizes = master { $master }, slave { $slave }
fs-within = { $sizes }: entro la tolleranza ({ $percent }%)
fs-slave-more = { $sizes }: lo slave ha { $more } in più ({ $percent }%); i file cancellati sul master potrebbero restare sullo slave
fs-slave-behind = { $sizes }: lo slave è indietro di { $behind } ({ $percent }%)
fs-why-progress = avanzamento dal campione precedente: la sincronizzazione è in corso
fs-why-no-progress = nessun avanzamento dal campione precedente
fs-why-far = molto lontano: più di 10 volte la tolleranza
fs-why-again = ripeti per vedere se sta recuperando
fs-unreadable-part = { $facts } (du non ha potuto leggerla tutta su `{ $node }`)
fs-since-previous = { $facts }; lo slave { $growth } dal campione precedente
fs-rounded = le dimensioni di `du -h` sono arrotondate per eccesso: piccole differenze non sono significative
fs-in-sync = file system sincronizzato: master `{ $master }` { $master_size }, slave `{ $slave }` { $slave_size } ({ $percent }%, entro { $tolerance }%)
fs-differs = lo slave `{ $slave }` differisce dal master `{ $master }` in { $off } cartelle su { $count } ({ $dirs }): totale { $master_size } contro { $slave_size } ({ $percent }%)
fs-du-troubled = du non ha potuto leggere tutto su { $nodes }
fs-did-not-grow = non è cresciuto
fs-grew = è cresciuto di { $size }
fs-shrank = si è ridotto di { $size }
fs-du-problems = du ha segnalato { $count } problemi, le dimensioni potrebbero essere sottostimate: { $problems }
fs-manifest-error = impossibile confrontare gli elenchi dei file: { $error }
fs-manifest-hint = l'elenco deve essere fatto di record `SIZE MTIME PATH` terminati da NUL e ordinati con `LC_ALL=C sort -z -t ' ' -k 3`
fs-to-copy = { $missing } file mancanti e { $different } diversi sullo slave: { $size } ancora da copiare ({ $percent }% dei { $master_size } del master)
fs-missing-on-slave-label = manca sullo slave
fs-missing-more = mancanti
fs-differs-label = differisce
fs-differing-more = diversi
fs-only-slave-label = solo sullo slave
fs-only-slave-more = solo sullo slave
fs-exact-ok = lo slave `{ $slave }` ha ogni file del master `{ $master }` ({ $files } file, { $size })
fs-exact-lacks = allo slave `{ $slave }` mancano { $count } file del master `{ $master }`: { $size } da copiare ({ $percent }%)
fs-exact-extra = { $count } file solo sullo slave
fs-nothing-left = niente da copiare (erano { $before })
fs-no-progress = nessun avanzamento negli ultimi { $over }: ancora { $size } da copiare
fs-copied = copiati { $done } negli ultimi { $over } ({ $rate }/s): mancano circa { $left }
fs-and-more = … e altri { $count } { $rest } ({ $size } in tutto)
fs-file-size = { $what }: dimensione master { $master } B, slave { $slave } B
fs-file-mtime = { $what }: modificato sul master { $master }, sullo slave { $slave }
fs-file = { $what } ({ $size }, modificato { $modified })
fs-manifest-exit = il comando dell'elenco è uscito con { $status }: { $error }
fs-no-manifest = nessun elenco da { $node }: { $why }

## calendars
cal-spinner-dump-on = pg_dump su
cal-addresses-too-long = il nodo ha scritto più di 1 MiB prima della fine dei suoi indirizzi
cal-standalone = stand-alone: un solo database dei calendari
cal-exit-status = pg_dump è uscito con stato { $status }
cal-failed-on = pg_dump non è riuscito sul { $role } `{ $node }`: { $error }
cal-failed-on-the = pg_dump non è riuscito { $role ->
        [slave] sullo slave
       *[other] sul master
    }: { $error }
cal-hint-failed = verifica su quel nodo che PostgreSQL sia attivo e che `pg_dump --clean -U davical_dba davical_administrators` funzioni da root
cal-no-pg-dump = nessun pg_dump
cal-login-refused = l'accesso a PostgreSQL viene rifiutato
cal-incomplete = il dump del { $role } `{ $node }` è incompleto: { $why }
cal-incomplete-after = il dump del { $role } è incompleto dopo { $size }: { $why }
cal-hint-incomplete = ripeti il controllo; se si ripete, esegui pg_dump a mano su quel nodo e leggi i suoi errori
cal-no-message = (nessun messaggio)
cal-raw-sizes = dimensioni grezze dei dump: master { $master } B, slave { $slave } B (possono differire con la versione di pg_dump e la chiave casuale `\restrict`; si confronta il contenuto normalizzato)
cal-identical = calendari identici sul master `{ $master }` e sullo slave `{ $slave }`: { $tables } tabelle, { $rows } righe ({ $master_size } e { $slave_size })
cal-equal-sizes = { $sizes }; le sole dimensioni uguali avrebbero nascosto questa differenza
cal-data-identical = dati dei calendari identici sul master `{ $master }` e sullo slave `{ $slave }` ({ $tables } tabelle, { $rows } righe)
cal-hint-master = i calendari del master (`{ $master }`) sono la copia valida: riallinea lo slave `{ $slave }` dal master, mai il contrario
cal-table-missing = manca sullo slave; il master ha { $rows } righe
cal-table-only-slave = solo sullo slave ({ $rows } righe), non sul master
cal-table-content = { $rows } righe su entrambi i lati, ma il loro contenuto differisce
cal-table-rows = master { $master } righe, slave { $slave } righe: { $more ->
        [slave] lo slave
       *[other] il master
    } ne ha { $by } in più
cal-absent = assente
cal-sequence = la sequenza differisce: master { $master }, slave { $slave } (dopo uno scambio lo slave potrebbe assegnare id già usati dal master)
cal-schema-differs = lo schema differisce (tabelle, colonne, funzioni o vincoli) benché entrambi i lati siano stati esportati da pg_dump { $version }
cal-schema-not-compared = testo dello schema non confrontato: master esportato da pg_dump { $master_dump } dal server { $master_server }, slave da pg_dump { $slave_dump } dal server { $slave_server }, che lo scrivono in modo diverso
cal-differ-one = i calendari differiscono nella tabella `{ $table }` (1 su { $tables })
cal-differ-many = i calendari differiscono in { $count } tabelle su { $tables }: { $names }
cal-schema-differs-short = lo schema differisce
cal-schema-not-compared-short = schema non confrontato tra versioni diverse di pg_dump
cal-sequences-differ = { $count ->
        [one] 1 sequenza differisce
       *[other] { $count } sequenze differiscono
    }

## Which checks apply (src/checks/registry.rs)
check-standalone-site = sito stand-alone (nessun `cluster.node_ip`)
check-dr-isolated-on-demand = solo su richiesta, prima di attivare il client DR (è CRIT finché il sito principale è acceso): `tvdr check dr-isolated`
check-does-not-apply = `{ $check }` qui non si applica: { $why }

## What a check's dry run can only tell at run time (src/checks/planned.rs)
plan-standalone = stand-alone: niente da confrontare, il controllo è OK senza comandi
plan-db = `mariadb` invece di `mysql` quando è installato solo quello; SHOW REPLICA / BINARY LOG STATUS quando il server rifiuta l'istruzione più vecchia
plan-chat = la vecchia shell `mongo` (JSON.stringify) quando `mongosh` non è installato
plan-fs-exact = `--exact` legge l'elenco di ogni file della cartella sync da master e slave
plan-fs = quale nodo è master decide quale lato fa da riferimento
plan-license = non configurato (`license.command`): il controllo è UNKNOWN e non esegue nulla
plan-rpo = legge gli esiti di `db`, `chat` e `fs-sync`: i loro comandi
plan-snapshot = legge le registrazioni delle snapshot su questa macchina: nessun comando su un nodo
plan-ports = una sonda TCP su master, slave e client DR verso gli indirizzi degli altri, costruita quando si conosce il master
plan-dns = le interrogazioni dipendono dai resolver usati dai nodi
plan-other = i comandi di questo controllo si conoscono solo durante l'esecuzione

## hosts: what the inventory lacks
hosts-no-domain = nessun `tvox.domain` nell'inventario: senza un nome di dominio non serve alcuna riga hosts
hosts-domain-is-address = `tvox.domain` è un indirizzo ({ $domain }): non c'è un nome da associare
hosts-ft-needs-node-ip = la forma FT richiede l'IP del nodo: `cluster.node_ip` non è nell'inventario
hosts-node-by-name = { $node } è indicato per nome (`{ $address }`): scrivi il suo indirizzo IP in `nodes.{ $node }.address` per poter verificare la riga hosts
hosts-no-node = nessun `nodes.{ $node }` nell'inventario

## La colonna "elemento" dei dettagli dei controlli: cosa si è guardato, nelle parole di
## tvdr (nomi dei nodi, percorsi, tabelle e programmi restano come sono)
item-dump-size = dimensione del dump
item-dump = dump
item-schema = schema
item-clock = orologio
item-skew = scarto
item-dns-server = server DNS { $server }
item-probe = sonda
item-manifest = elenco dei file
item-licence = licenza
item-replica-set = replica set
item-member = membro { $name }
item-node = nodo { $node }
item-binlog-position = posizione del binlog
item-replication = replica
item-connection = connessione '{ $name }'
item-progress = avanzamento
item-to-copy = da copiare
item-precision = precisione
item-total = totale
item-line = riga { $line }
item-expected-master = master atteso
item-node-ip = IP del nodo
item-address = indirizzo

## Cosa una risposta DNS o il relay sul nodo non ha potuto dare (src/checks/dns/)
dns-bad-name = `{ $name }` non è un nome DNS valido
dns-short-header = una risposta DNS più corta della sua intestazione
dns-other-id = una risposta a un'altra domanda (il suo id è diverso)
dns-not-answer = una domanda DNS, non una risposta
dns-other-name = una risposta su `{ $asked }`, non su `{ $want }`
dns-record-cut = un record troncato
dns-bad-aaaa = un record AAAA non valido
dns-cname-loop = un ciclo di CNAME o una catena troppo lunga: { $chain }
dns-referral = non ha dato una risposta, solo un rinvio ad altri server: non ha la zona e non risolve per i suoi client (ricorsione disattivata)
dns-cut-short = una risposta DNS troncata
dns-bad-name-in-answer = un nome malformato in una risposta DNS
dns-resolv-unreadable = impossibile leggere `/etc/resolv.conf`: { $why }
dns-relay-unreadable = il relay ha stampato una risposta illeggibile
dns-relay-silent = la domanda DNS non ha stampato nulla (c'è `sh`?)
dns-relay-no-python = nessun python sul nodo per inviare la domanda DNS (python3, python2 o platform-python)
dns-relay-stopped = la domanda DNS si è fermata prima di chiedere a qualcuno
dns-no-nameserver = nessuna riga `nameserver` in `/etc/resolv.conf`
dns-no-result = la domanda non ha dato risultato
dns-fail-no-answer = nessuna risposta
dns-fail-refused = nessuno risponde sulla porta 53 (connessione rifiutata)
dns-fail-unreachable = irraggiungibile
dns-fail-bad-address = non è un indirizzo IP
dns-fail-cannot-ask = impossibile chiedere
dns-query-panicked = la domanda si è interrotta per un errore interno
dns-server-not-ip = `{ $server }` non è un indirizzo IP

## Perché l'output della shell mongo non si legge come un documento (src/checks/chat/literal.rs)
literal-error-at = { $message } alla riga { $line }, colonna { $column }
literal-unexpected = `{ $found }` inatteso
literal-ends-in-value = l'output finisce a metà di un valore
literal-too-deep = annidato troppo in profondità
literal-ends-in-string = l'output finisce dentro una stringa
literal-bad-escape = sequenza di escape non valida in una stringa
literal-ends-in-number = l'output finisce dentro un numero
literal-bad-number = numero non valido `{ $token }`

## Un elenco dei file di fs-sync --exact che non si può leggere (src/checks/fs_sync/manifest.rs)
manifest-error = record { $record }: { $message }
manifest-error-side = elenco di { $side }, record { $record }: { $message }
manifest-read-failed = lettura fallita: { $error }
manifest-cut-short = troncato (manca il NUL finale): l'elenco non è finito
manifest-bad-record = non è `DIMENSIONE MTIME PERCORSO`: { $shown }
manifest-not-sorted = non ordinato: { $path } dopo { $after } (ordina con LC_ALL=C)
item-replica-set-named = replica set { $set }

## Un pg_dump che non è arrivato intero (src/checks/calendars/parser.rs)
cal-dump-empty = output vuoto
cal-dump-cut-in-data = troncato dentro i dati di `{ $table }` (manca `\.`)
cal-dump-cut-in-literal = troncato dentro un letterale tra apici o il corpo di una funzione
cal-dump-no-trailer = manca la riga finale `PostgreSQL database dump complete`

## Un elenco di du che non si può leggere (src/checks/fs_sync/du.rs)
fs-du-unparsable = output di du illeggibile: { $record }
