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
transport-ssh = errore ssh su `{ $node }` durante { $context }: { $message }
transport-io = { $context } per `{ $node }`

## YAML files (inventory, runbooks, answers): tvdr's words; the YAML library's stay English
yaml-budget = il file supera { $mib } MiB di testo o { $nodes } valori una volta espanso: un alias (`*nome`) è ripetuto, o ripetuto dentro ciò che nomina?
yaml-did-you-mean = forse intendevi `{ $candidate }`?

## The inventory (src/inventory/resolve.rs)
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
