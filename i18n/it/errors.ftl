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
