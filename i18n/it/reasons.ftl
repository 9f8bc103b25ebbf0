# Perché un passo è fallito, è stato saltato o si è fermato, in italiano: il giornale tiene
# le parole inglesi di ../en/reasons.ftl (`reason`) e queste accanto (`reason_it`) per il
# terminale e il rapporto per il cliente. Un motivo scritto da una persona non si traduce.

## L'esecutore (src/runbook/engine/runner.rs)
reason-before-from = prima di `--from { $step }`
reason-condition-false = la sua condizione qui è falsa

## Perché una patch non è riuscita (src/runbook/verdict/mod.rs)
reason-exit-status = stato di uscita { $code }
reason-unknown-exit = stato di uscita sconosciuto (il comando non è arrivato alla fine: ucciso, oppure è caduta la sua sessione o il nodo)
reason-output-says = { $more ->
    [0] l'output dice `{ $line }`
    [one] l'output dice `{ $line }` (e un'altra riga di errore)
   *[other] l'output dice `{ $line }` (e altre { $more } righe di errore)
}
reason-no-success = nessun output di successo nelle ultime { $lines } righe

## Passi screen e tvdr patch (src/runbook/engine/kinds/screen/)
reason-support = fermati e contatta il supporto Telenia prima di qualsiasi altra azione
reason-screen-ran-before = è già andato a buon fine ({ $at })
reason-screen-not-again = l'updater è già stato eseguito ({ $at }, log `{ $log }`) senza stampare il suo output di successo: { reason-support }. Riparte solo quando una persona al terminale conferma che il supporto lo ha detto
reason-patched-ended-ok = terminato con successo alle { $at }
reason-patched-ended-failed = terminato senza il suo output di successo alle { $at }
reason-patched-not-ended = non terminato
reason-patched-already = rifiuto di aggiornare { $node }: il passo `{ $step }` di questa esecuzione lo ha già aggiornato (avviato { $started }, { $how }). Lo scambio di nodi prima di questo passo probabilmente non è avvenuto, quindi { $node } è ancora lo slave: guarda chi ha l'IP del nodo con `tvdr check vip`, rendi slave il nodo non ancora aggiornato, poi riprendi
reason-screen-still-running = `{ $command }` è ancora in esecuzione su { $node } dopo { $after }: è stato lasciato in esecuzione (un updater non si interrompe mai a metà); guardalo lì con `screen -r { $session }`. Riprova lo segue di nuovo; se non termina con il suo output di successo, { reason-support }
reason-screen-no-log = {" "}(la screen `{ $session }` non c'è più e non ha lasciato log: è mai partita? guarda sul nodo prima di ogni altra cosa)
reason-screen-died = {" "}(la sua sessione screen è morta senza finire: il nodo è stato riavviato?)
reason-screen-failed = l'updater è fallito su { $node }: { $why }{ $how }: { reason-support } (log `{ $log }` su { $node })

## Passi run e ricevute (src/runbook/engine/kinds/run.rs, src/runbook/receipt/)
reason-run-exit = stato di uscita { $code } (atteso { $expected })
reason-run-no-match = l'output non corrisponde a `{ $regex }`
reason-run-gone = { $node }: { $why }; non si sa se abbia fatto il suo lavoro: guarda sul nodo, poi riprova (o esegui di nuovo tvdr) per eseguirlo di nuovo, oppure forza
reason-run-still-running = ancora in esecuzione dopo { $after } — continua sul nodo; riprova lo segue (non lo riavvia)
reason-run-unknown = { $error } — se il comando è stato eseguito si legge dalla ricevuta del nodo al nuovo tentativo o alla ripresa; non viene mai avviato due volte
reason-attempt-never-ran = il tentativo { $attempt } è stato lanciato ma non ha lasciato la registrazione dell'avvio: molto probabilmente non è mai partito
reason-attempt-rebooted = il tentativo { $attempt } è partito alle { $at } e non è mai finito: il nodo si è riavviato sotto di lui
reason-attempt-gone = il tentativo { $attempt } è partito alle { $at } (pid { $pid }) e non è mai finito: il suo processo non c'è più (ucciso?)
reason-receipt-refused = { $node } non può tenere una ricevuta: { $why }
reason-receipt-unreadable = la ricevuta su { $node } è illeggibile: { $why }; non viene mai presa per "non avviato": guardala sul nodo, poi riprova

## Passi reboot (src/runbook/engine/kinds/reboot/)
reason-reboot-new-boot = attivo con un nuovo boot id
reason-reboot-no-boot-id = risponde, ma non mostra il boot id: non si può dire che sia stato riavviato
reason-reboot-same-boot = ancora attivo con lo stesso boot id: non ancora riavviato
reason-reboot-down = giù: { $why }
reason-reboot-not-back = { $node } non è tornato entro { $within } dal riavvio ({ $last })

## Passi UAT (src/runbook/engine/kinds/uat/)
reason-uat-failed = UAT `{ $phase }`: { $count } falliti ({ $cases })
reason-uat-passed-at = { $case } superato in { $phase }
reason-uat-regressions = regressioni: { $list }

## Passi interattivi (src/runbook/engine/kinds/interactive/)
reason-interactive-status = `{ $command }` è terminato con stato di uscita { $code }
