# Why a step failed, was skipped or stopped, in English: the journal keeps these words
# (`reason`), the Italian of ../it/reasons.ftl beside them (`reason_it`) for the terminal
# and the customer's report. A person's typed reason is never translated.

## The runner (src/runbook/engine/runner.rs)
reason-before-from = before `--from { $step }`
reason-condition-false = its condition is false here

## Why a patch is not a success (src/runbook/verdict/mod.rs)
reason-exit-status = exit status { $code }
reason-unknown-exit = unknown exit status (the command did not get to its end: killed, or its session or node went down)
reason-output-says = { $more ->
    [0] the output says `{ $line }`
    [one] the output says `{ $line }` (and { $more } more failure line)
   *[other] the output says `{ $line }` (and { $more } more failure lines)
}
reason-no-success = no success output in the last { $lines } lines

## Screen steps and tvdr patch (src/runbook/engine/kinds/screen/)
reason-support = stop and contact Telenia support before any other action
reason-screen-ran-before = it already ran successfully ({ $at })
reason-screen-not-again = the updater ran before ({ $at }, log `{ $log }`) without printing its success output: { reason-support }. It starts again only when a person at the terminal confirms that support said so
reason-patched-ended-ok = ended successfully at { $at }
reason-patched-ended-failed = ended without its success output at { $at }
reason-patched-not-ended = not ended
reason-patched-already = refusing to patch { $node }: step `{ $step }` of this run already patched it (started { $started }, { $how }). The node switch before this step probably did not happen, so { $node } is still the slave: see who holds the node IP with `tvdr check vip`, make the node not yet patched the slave, then resume
reason-screen-still-running = `{ $command }` is still running on { $node } after { $after }: it was left running (an updater is never cut halfway); look at it with `screen -r { $session }` there. Retry follows it again; if it does not end with its success output, { reason-support }
reason-screen-no-log = {" "}(screen `{ $session }` is gone and left no log: did it start at all? look on the node before anything else)
reason-screen-died = {" "}(its screen session died without finishing: was the node rebooted?)
reason-screen-failed = the updater failed on { $node }: { $why }{ $how }: { reason-support } (log `{ $log }` on { $node })

## Run steps and receipts (src/runbook/engine/kinds/run.rs, src/runbook/receipt/)
reason-run-exit = exit status { $code } (expected { $expected })
reason-run-no-match = output does not match `{ $regex }`
reason-run-gone = { $node }: { $why }; whether it did its work is unknown: look on the node, then retry (or run tvdr again) to run it again, or override
reason-run-still-running = still running after { $after } — it goes on on the node; retry follows it (it is not started again)
reason-run-unknown = { $error } — whether the command ran is read from the node's receipt on retry or resume; it is never started twice
reason-attempt-never-ran = attempt { $attempt } was launched but left no start record: it most likely never ran
reason-attempt-rebooted = attempt { $attempt } started at { $at } and never finished: the node rebooted under it
reason-attempt-gone = attempt { $attempt } started at { $at } (pid { $pid }) and never finished: its process is gone (killed?)
reason-receipt-refused = { $node } cannot keep a receipt: { $why }
reason-receipt-unreadable = the receipt on { $node } is unreadable: { $why }; it is never taken as "not started": look at it on the node, then retry

## Reboot steps (src/runbook/engine/kinds/reboot/)
reason-reboot-new-boot = up with a new boot id
reason-reboot-no-boot-id = answers, but shows no boot id: cannot tell it rebooted
reason-reboot-same-boot = still up with the same boot id: not rebooted yet
reason-reboot-down = down: { $why }
reason-reboot-not-back = { $node } did not come back within { $within } of the reboot ({ $last })

## UAT steps (src/runbook/engine/kinds/uat/)
reason-uat-failed = UAT `{ $phase }`: { $count } failed ({ $cases })
reason-uat-passed-at = { $case } passed at { $phase }
reason-uat-regressions = regressions: { $list }

## Interactive steps (src/runbook/engine/kinds/interactive/)
reason-interactive-status = `{ $command }` ended with exit status { $code }
