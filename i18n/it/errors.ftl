## Transport errors (src/transport/error.rs) and validation errors (inventory, runbooks, answers): English in the journal and JSON, the chosen language on the terminal
transport-unreachable = impossibile raggiungere `{ $node }` su { $address } porta { $port }: { $reason }
    suggerimento: il nodo è acceso, e la sua porta SSH è raggiungibile da qui?
transport-host-key-unknown = la chiave host di `{ $node }` ({ $address }) non è conosciuta: { $key_type } { $fingerprint }
    suggerimento: confronta l'impronta con `ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub` sulla console del nodo, poi esegui `tvdr trust { $node }`
transport-host-key-changed = la chiave host di `{ $node }` ({ $address }) è cambiata: ora presenta { $key_type } { $fingerprint }, che non corrisponde a `{ $file }`
    suggerimento: qualcuno potrebbe intercettare la connessione; se il nodo è stato reinstallato o ha nuove chiavi, verifica l'impronta sulla sua console, togli la vecchia chiave (`ssh-keygen -R { $address } -f { $file }`) ed esegui `tvdr trust { $node }`
transport-host-key-not-moved = la chiave host di `{ $node }` al nuovo indirizzo { $address } non è quella che aveva prima: presenta { $presented }, aveva { $had }
    suggerimento: un'altra macchina potrebbe avere { $address }, o il nodo è stato reinstallato; verifica l'impronta sulla console del nodo prima di eseguire `tvdr trust { $node }`
transport-auth = impossibile accedere a `{ $node }` come `{ $user }` (provato: { $tried })
    suggerimento: ssh-agent è attivo (`ssh-add -l`)? la chiave è in `~{ $user }/.ssh/authorized_keys` sul nodo?
transport-timeout = il comando su `{ $node }` non è terminato entro { $timeout }: `{ $command }`
transport-lost = persa la connessione con `{ $node }`: { $reason }
    suggerimento: il nodo si è riavviato, o è caduta la rete?
transport-invalid-env = `{ $name }` non è un nome valido di variabile d'ambiente per `{ $node }`
    suggerimento: i nomi sono lettere, cifre e `_`, e non iniziano con una cifra
transport-needs-root = `{ $user }` su `{ $node }` non può agire da root senza password ({ $reason }), necessario per `{ $command }`
    suggerimento: esegui tvdr da un terminale per inserire la password di sudo una volta per nodo, oppure concedi a `{ $user }` NOPASSWD nel sudoers del nodo per i programmi che tvdr esegue da root (vedi README, sezione SSH), oppure accedi come root
transport-unknown-node = nessun nodo si chiama `{ $node }`
transport-ssh = errore ssh su `{ $node }` ({ $context }): { $message }
transport-io = { $context } per `{ $node }`

## YAML files (inventory, runbooks, answers): tvdr's words; the YAML library's stay English
yaml-budget = il file supera { $mib } MiB di testo o { $nodes } valori una volta espanso: un alias (`*nome`) è ripetuto, o ripetuto dentro ciò che nomina?
yaml-did-you-mean = forse intendevi `{ $candidate }`?

## The inventory (src/inventory/resolve.rs)
inv-unreadable = impossibile leggere l'inventario `{ $path }`
inv-not-found = nessun inventario trovato: passa `--inventory FILE`, imposta `TVDR_INVENTORY` o crea `./tvdr.yaml` con `tvdr init`
inv-same-address = `{ $node }` ha lo stesso indirizzo di `{ $other }`
inv-dns-empty = `dns.servers` è vuoto: elenca i server DNS del cliente, oppure togli `dns` per interrogare i server del /etc/resolv.conf di ogni nodo
inv-dns-loopback = `{ $ip }` non è un server DNS del sito (il resolver locale di un nodo può rispondere dal suo file hosts): elenca i server DNS del cliente
inv-dns-twice = `{ $ip }` compare due volte in `dns.servers`
inv-cluster-needs-two = un cluster (`cluster.node_ip`) richiede due nodi: aggiungi `nodes.tvox2`, oppure togli `cluster` per un TVox stand-alone
inv-node-ip-is-physical = l'IP del nodo `{ $ip }` è anche l'indirizzo fisico di `{ $node }`
inv-license-empty = `license.command` è vuoto: scrivi il comando shell che stampa la licenza
inv-ssh-openssh-only = `ssh.{ $key }` è per l'`ssh` di sistema, ma `{ $node }` usa libssh2: aggiungi `transport: openssh` a `{ $node }`

## Runbooks (src/runbook/load/)
load-no-stage = un runbook richiede almeno una fase
load-bad-id = `{ $id }` non è un id valido di { $what ->
        [stage] fase
       *[other] passo
    }: lettere minuscole, cifre e `-`
load-duplicate-id = id `{ $id }` duplicato
load-empty-stage = la fase `{ $stage }` non ha passi
load-condition-constant = questa condizione non nomina alcun fatto o risposta: il passo verrebbe eseguito sempre o mai
load-bad-condition = condizione non valida: { $why }
load-lacks-language = un runbook fornito dice tutto in inglese e in italiano: a questo testo manca { $missing }
load-unknown-answer = `{ $answer }` non è chiesto da alcun passo precedente (né è un fatto noto)
load-unknown-answer-near = `{ $answer }` non è chiesto da alcun passo precedente (né è un fatto noto) (forse intendevi `{ $near }`?)
load-unknown-evidence = prova `{ $evidence }` sconosciuta: atteso `snapshot`
load-check-needs-checks = un passo `check` richiede `checks:`
load-options-for-check = `options` riguarda il controllo atteso: questo passo attende un host
load-uat-needs-phase = un passo `uat` richiede `phase:`
load-field-meaningless = `{ $field }` non ha significato per un passo `{ $kind }`
load-bad-answer-name = `{ $name }` non è un nome di risposta utilizzabile: lettere, cifre, `_`
load-answer-twice = `{ $name }` è già chiesto da un passo precedente
load-choice-needs-choices = una domanda `choice` richiede `choices:`
load-unknown-check = controllo `{ $check }` sconosciuto: controlli noti: { $known }
load-unknown-check-near = controllo `{ $check }` sconosciuto: forse intendevi `{ $near }`? controlli noti: { $known }
load-needs-on = un passo `{ $kind }` richiede `on:` ({ $roles })
load-check-on = l'`on:` di un passo `check` indica il nodo del cluster che i suoi controlli guardano: `tvox1` o `tvox2`
load-one-host = un passo `{ $kind }` gira su un solo host, non `both`
load-command-empty = `command` è vuoto
load-reference-in-sh-c = un `{"{{"} riferimento {"}}"}` nello script del `-c` di una shell diventa codice shell: usa `script:` (i suoi riferimenti sono quotati), oppure passa il valore come argomento (`sh -c '… "$1"' sh {"{{"} name {"}}"}`)
load-reference-misplaced = un `{"{{"} riferimento {"}}"}` { $why } in `script:`: il suo valore è già quotato, e lì quella quotatura non vale; scrivilo senza virgolette (`printf %s {"{{"} name {"}}"}`)
load-command-and-script = indica `command` oppure `script`, non entrambi
load-needs-command = un passo `{ $kind }` richiede `command:` o `script:`
load-bad-regex = espressione regolare non valida: { $error }
load-empty-regexes = un elenco vuoto di espressioni regolari
load-wait-needs-until = un passo `wait` richiede `until:` (`check:` oppure `host:` con `state:`)
load-until-one = `until:` richiede esattamente uno tra `check:` e `host:`
load-master-needs-vip = `master` è un'opzione del controllo `vip`, che questo passo non esegue
load-master-bad = `master: { $node }`: atteso { $forms }
load-master-one = `master` richiede esattamente uno tra { $forms }
load-master-later = `{ $step }` viene dopo: su quale nodo è girato non si sa ancora in questo passo
load-master-no-step = nessun passo `{ $step }` in questo runbook
load-master-not-one-node = `{ $step }` è un passo `{ $kind }` che non gira su un solo nodo: indica un passo screen, run, reboot o interactive su un solo nodo
load-master-rollback = `{ $step }` è un passo di rollback della fase `{ $stage }`, che non viene eseguita prima di questo passo
load-outage-kind = `service: outage` indica un passo la cui durata è un disservizio (una snapshot a macchina spenta, un riavvio); un passo `{ $kind }` non ferma il servizio
load-outage-inside = il passo `{ $step }` è dentro il disservizio che `{ $down }` (`service: down`) apre: il rapporto lo misura lì; `service: outage` lo conterebbe due volte

## Perché un nodo non è stato raggiunto o è stato perso (il `reason` dei messaggi sopra);
## quello che hanno detto ssh, libssh2 o il sistema è riportato com'è
transport-reason-no-answer = nessuna risposta entro { $within }
transport-reason-resolve-address = impossibile risolvere l'indirizzo: { $error }
transport-reason-resolves-to-nothing = l'indirizzo non si risolve in nulla
transport-reason-no-banner = la porta risponde ma nessun banner SSH è arrivato entro { $within }
transport-reason-closed-before-banner = la connessione è stata chiusa prima dell'handshake SSH, senza banner (sshd rifiuta connessioni: `MaxStartups`, tcp wrappers?)
transport-reason-before-banner = prima del banner SSH: { $error }
transport-reason-no-handshake = nessun handshake SSH entro { $within } dopo il banner (`ssh.login_timeout`)
transport-reason-handshake-failed = handshake SSH fallito: { $error }
transport-reason-no-login = nessun accesso entro { $within } anche se il nodo ha risposto (`ssh.login_timeout`): il suo sshd forse cerca l'indirizzo di questa macchina in un DNS che non risponde (`UseDNS no` sul nodo lo evita)
transport-reason-while-logging-in = durante l'accesso: { $error }
transport-reason-connection-closed = la connessione si è chiusa
transport-reason-terminal-late = la sessione di terminale non si è aperta in tempo
transport-reason-ssh-ended = la connessione ssh è terminata
transport-reason-no-session = nessuna sessione SSH entro { $within }
transport-reason-keeper-gone = il processo che la teneva aperta non c'è più
transport-reason-keeper-gone-why = il processo che la teneva aperta non c'è più ({ $error })
transport-reason-keeper-unexpected = il processo che la tiene aperta ha risposto in modo inatteso
transport-reason-bastion-key-changed = la chiave host del bastion `{ $host }` è cambiata: ora presenta { $key_type } { $fingerprint }, che non corrisponde a `{ $file }` (verificala con l'amministratore del bastion prima di cambiare quel file)
transport-reason-bastion-key-unknown = la chiave host del bastion `{ $host }` non è nota: aggiungila a `{ $file }` o a ~/.ssh/known_hosts dopo averne verificato l'impronta
transport-reason-bastion-refused = il bastion `{ $host }` ha rifiutato l'accesso (offre: { $offers })
transport-reason-bastion-unreachable = impossibile raggiungere il bastion `{ $host }`: { $reason }
transport-reason-cannot-resolve = impossibile risolvere `{ $host }`: { $why }
transport-reason-bastion-could-not-connect = il bastion `{ $host }` non è riuscito a collegarsi al nodo
transport-reason-through-bastion = { $reason } (attraverso il bastion `{ $host }`)

## Perché sudo non può eseguire un comando come root (src/transport/sudo.rs); le parole di
## sudo sono riportate come le ha dette
sudo-not-installed = `sudo` non è installato sul nodo
sudo-exit-status = stato di uscita { $status }
sudo-no-terminal = { $said }, e non c'è un terminale per chiederla
sudo-none-given = { $said }, e non ne è stata data nessuna
sudo-wrong-times = la password di sudo era sbagliata { $times } volte
sudo-wrong-password = { $node }: sudo non ha accettato quella password per `{ $user }`

## Un valore che non si legge (src/inventory/values.rs): sulla riga di comando e in
## `tvdr init` nella lingua scelta; dentro un file di inventario la libreria YAML porta
## l'inglese
value-not-ipv4 = `{ $value }` non è un indirizzo IPv4 valido
value-not-ipv6 = `{ $value }` non è un indirizzo IPv6 valido
value-not-address = `{ $value }` non è né un indirizzo IP né un nome host valido
value-not-jump-host = `{ $value }` non è un jump host
value-not-ip = `{ $value }` non è un indirizzo IP valido
value-no-unit = `{ $value }` non ha unità: scrivi `{ $value }s`, `{ $value }m` o `{ $value }h`
value-not-duration = `{ $value }` non è una durata: { $error }
value-needs-percent = `{ $value }` richiede il segno `%`, per esempio `1%`
value-not-percentage = `{ $value }` non è una percentuale tra 0% e 100%
value-not-env-name = `{ $value }` non è un nome valido di variabile d'ambiente
value-not-site-name = `{ $value }` non è un nome di sito utilizzabile: solo lettere, cifre, `.`, `_` e `-`

## Una condizione `when:` o un `{{ riferimento }}` che non si legge (src/runbook/condition.rs,
## facts.rs, template.rs)
condition-not-a-name = `{ $name }` non è né un fatto ({ $facts }) né il nome di una risposta
condition-unexpected-after = `{ $token }` inatteso dopo la condizione
condition-unterminated = stringa non chiusa al carattere { $at }
condition-not-a-number = `{ $number }` non è un numero
condition-unexpected-at = `{ $token }` inatteso al carattere { $at }
condition-ends-early = la condizione finisce troppo presto
condition-needs-before = `{ $word }` richiede qualcosa prima
condition-unclosed = una `(` non viene mai chiusa
condition-unexpected = `{ $token }` inatteso
template-unclosed = `{"{{"}` senza `{"}}"}` in `{ $source }`
role-unknown = host sconosciuto `{ $host }`: atteso uno tra { $roles }

## Cosa ha provato un accesso (il `tried` di transport-auth; src/transport/ssh/auth.rs,
## src/transport/openssh/classify.rs)
auth-agent = agent
auth-system-agent = ssh di sistema: agent
auth-identity = identità { $file }
auth-identity-encrypted = identità { $file } (cifrata, nessuna passphrase data)
auth-identity-missing = identità { $file } (mancante)
auth-identity-unreadable = identità { $file } (illeggibile)
auth-password = password
auth-password-none = password (nessuna data: nessun terminale per chiederla)
auth-nothing = niente: il nodo offre solo `{ $methods }`
auth-node-offers = { $tried }; il nodo offre { $offered }

## Dove è avvenuto un errore di trasporto (il `context` di transport-ssh e transport-io)
transport-context-building-the-ssh-command-line = costruendo la riga di comando di ssh
transport-context-cannot-create-ssh-private-dir = impossibile creare una cartella privata per ssh
transport-context-cannot-duplicate-the-socket = impossibile duplicare il socket
transport-context-cannot-follow-ssh = impossibile seguire `ssh`
transport-context-cannot-pass-on-command-output = impossibile passare l'output del comando
transport-context-cannot-pass-on-the-output = impossibile passare l'output
transport-context-cannot-make-terminal-raw = impossibile mettere il terminale in modalità raw
transport-context-cannot-read-known-hosts = impossibile leggere known_hosts `{ $file }`
transport-context-cannot-relay-the-terminal = impossibile inoltrare il terminale
transport-context-cannot-set-socket-options = impossibile impostare le opzioni del socket
transport-context-cannot-start-bin-sh = impossibile avviare `/bin/sh`
transport-context-cannot-start-openssh = impossibile avviare `ssh` (`transport: openssh` richiede il client OpenSSH)
transport-context-cannot-start-session-driver = impossibile avviare il gestore della sessione
transport-context-cannot-wait-for-ssh = impossibile attendere `ssh`
transport-context-cannot-wait-for-the-banner = impossibile attendere il banner
transport-context-cannot-wait-for-the-command = impossibile attendere il comando
transport-context-cannot-write-known-hosts = impossibile scrivere known_hosts `{ $file }`
transport-context-cannot-write-the-ssh-configuration = impossibile scrivere la configurazione di ssh
transport-context-choosing-host-key-algorithms = scegliendo gli algoritmi delle chiavi host
transport-context-connecting-with-the-system-ssh = collegandosi con `ssh` di sistema
transport-context-following-host-key-to-new-address = seguendo la sua chiave host a un nuovo indirizzo
transport-context-opening-a-terminal = aprendo un terminale
transport-context-reading-known-hosts = leggendo known_hosts
transport-context-reading-the-boot-id = leggendo il boot id
transport-context-reading-the-host-key = leggendo la chiave host
transport-context-recording-host-key-at-new-address = registrando la chiave host al suo nuovo indirizzo
transport-context-running-a-command = eseguendo un comando
transport-context-running-an-interactive-command = eseguendo un comando interattivo
transport-context-starting-a-session = avviando una sessione
transport-context-starting-the-master-connection = avviando la connessione master
transport-context-writing-its-ssh-configuration = scrivendo la sua configurazione di ssh
