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
