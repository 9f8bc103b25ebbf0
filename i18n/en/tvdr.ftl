# tvdr's messages in English. Every message here exists in ../it/tvdr.ftl with the same
# variables (a test fails otherwise). Keys starting with `cli-` are the --help texts: here
# exactly as src/cli.rs has them (a test compares), translated in the Italian file.

steps-count = { $count ->
    [one] { $count } step
   *[other] { $count } steps
}

## Top-level errors (src/main.rs)
error-line = error: { $message }
error-interrupted = interrupted
node-unknown-selection = unknown node `{ $node }`: expected tvox1, tvox2, dr_client, both or all

## --help (src/cli.rs); cli-heading-… and cli-help-… are clap's own words
cli--inventory = The site inventory [default: ./tvdr.yaml]
cli--lang = Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]
cli--runbooks = Site copies of runbooks (`<id>.yaml`) that replace the shipped ones
cli--state-dir = Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]
cli-about = Checkable, resumable runbooks and cross-node health checks for TVox PBX clusters
cli-check-about = Run health checks across the nodes (vip, db, chat, calendars, fs-sync, or all)
cli-disconnect-about = Close the SSH sessions kept open for later commands (`ssh.persist`)
cli-exec-about = Run a command on one or more nodes over SSH
cli-generate-about = Write shell completions and man pages (for packagers and the repository)
cli-init-about = Write a commented tvdr.yaml by answering questions
cli-inventory-about = Validate the inventory and show the nodes, addresses and settings tvdr will use
cli-lint-about = Validate runbook files: ids, kinds, hosts, checks, conditions, references (for CI)
cli-long-about = tvdr walks a technician through the TVox cluster procedures (stand-alone to Fault Tolerance, rolling upgrade, Disaster Recovery setup, activation and roll-back), checks every claim on the real machines over SSH, remembers where the job stands, and leaves a report.
cli-network-reset-about = Open the node's network_reset menu in an interactive terminal
cli-patch-about = Run a long command on a node inside GNU screen (re-attachable)
cli-reboot-about = Reboot a node and wait until it is back
cli-runbook-about = Start or resume a procedure (standalone-to-ft, upgrade, dr-setup, dr-activate, dr-rollback)
cli-snapshot-forget-about = Forget a snapshot once it is deleted in the hypervisor
cli-snapshot-list-about = List the snapshots still kept, oldest first, with their age
cli-snapshot-record-about = Record a VM snapshot just taken of NODE
cli-status-about = One screen: nodes, master, sync states, DR client, open runs
cli-trust-about = Show a node's host key fingerprint and add it to the inventory's known_hosts
cli-uat-about = Walk the UAT checklist for a phase
cli-help-help = Print help
cli-help-version = Print version
cli-heading-usage = Usage:
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-heading-commands = Commands

## The dry run for people (src/runbook/plan/human.rs)
plan-header = dry run of `{ $runbook }`{ $rollback } — { $title } (site { $site }); nothing is contacted
plan-on = on: { $host }
plan-checks = checks: { $checks }
plan-expected-master = expected master: { $master }
plan-check-on = { $check } on { $node }
plan-check-at-run-time = { $check } at run time: { $later }
plan-asks = asks: { $prompt } ({ $kind })
plan-known-at-run-time = known only at run time:
plan-skipped-here = skipped here (condition false)
plan-decided-at-run-time = decided at run time
plan-missing-from-inventory = missing from inventory
plan-this-machine = this machine
plan-master-or-slave = { $role }: { $decided } — one of { $candidates }
plan-or = or
plan-timeout = timeout: { $timeout }
plan-interval = looks every { $interval }
plan-until = until: { $what }
plan-back-when = back when: { $what }
plan-success = success when it exits 0 and one of its last { $lines } non-empty lines matches: { $regexes }
plan-success-unless = unless one of those lines matches a failure rule: the shipped ones (negations such as `NON completato`, `with errors`, failure and error words)
plan-success-unless-own = unless one of those lines matches a failure rule: the shipped ones (negations such as `NON completato`, `with errors`, failure and error words), or: { $own }
plan-expect-exit = expects exit status { $exit }
plan-expect-output = expects output matching: { $regex }
plan-service-down = service: the customer's outage starts when this step ends
plan-service-up = service: the customer's outage ends when this step ends
plan-service-outage = service: the customer is out of service while this step runs
plan-service-other = service: { $service }
plan-phase = UAT phase: { $phase }

## UAT checklist walk (src/runbook/engine/kinds/uat/)
uat-how = how:     {" "}
uat-expected = expected:
uat-pass = pass
uat-fail = fail
uat-skip = skip (not used on this site, or not testable now)
uat-note-pass = Note (optional)
uat-note-fail = What went wrong? (recorded in the report)
uat-note-skip = Why skipped?
uat-walking = UAT `{ $phase }`: { $count } cases of `{ $checklist }` ({ $title })
uat-mark-regression = FAIL (regression)
uat-mark-skip = skip
uat-regression = REGRESSION: `{ $case }` passed at `{ $phase }` and fails now

## The runbook engine (src/runbook/engine/)
run-nothing-to-do = nothing to do: no step of `{ $name }` applies
run-done-earlier = done earlier
run-skipped = skipped: { $why }
run-stopped = stopped at `{ $step }`: { $reason }
    fix the cause, then run `{ $command }` again to resume here
run-overridden = overridden: { $reason }
run-finished = `{ $name }` finished: { $steps } steps in { $took }
run-interrupted = interrupted: the journal is saved; run the same command to resume

## Tables (check results, UAT, runbook list and status). OK/WARN/CRIT/UNKNOWN stay as
## they are in every language: they are machine-recognisable states.
checks-none-run = no checks run
checks-col-check = check
checks-col-status = status
checks-col-summary = summary
checks-col-node = node
checks-col-item = item
checks-col-message = message
checks-hint = hint: { $hint }
uat-col-case = case
uat-col-result = result
uat-col-note = note
list-col-runbook = runbook
list-col-title = title
list-col-stages = stages
list-col-steps = steps
status-col-stage = stage
status-col-step = step
status-col-state = state

## Many sites (src/commands/check/sites.rs, src/output/report/sites/human.rs)
sites-none = no site checked
sites-col-site = site
sites-col-checks = checks
sites-col-worst = worst
sites-col-time = time
sites-tally = { $count ->
    [one] { $count } site
   *[other] { $count } sites
}: { $tally }
sites-all-ok = all OK
sites-not-reached = { $node } not reached: { $why }
sites-bug = tvdr failed on this site (a bug)
sites-timed-out = no verdict within { $limit } (--site-timeout)
check-spinner-checking = checking
sites-progress-word = sites
sites-inventory-ignored = note: --sites names the inventories; -i/TVDR_INVENTORY is not used
sites-none-in-dir = no site inventory (*.yaml, *.yml) in `{ $dir }`
sites-same-site = `{ $first }` and `{ $second }` are both site `{ $site }`: one inventory per site
sites-unreadable-dir = cannot read the sites directory `{ $dir }`

## The customer's report (src/runbook/report/): Markdown and HTML
report-title = { $title }{ $rollback } — run report
report-rollback = {" "}(rollback)
report-site = Site
report-runbook = Runbook
report-run = Run
report-run-unknown = unknown (the journal has no start record)
report-operators = Operators
report-started = Started
report-ended = Ended
report-last-activity = Last activity
report-elapsed = { $at } (elapsed { $elapsed })
report-result = Result
report-tvdr-version = tvdr version
report-runbook-source = Runbook source
report-inventory = Inventory
report-unknown = unknown
report-operator-on = { $operator } on { $host }
report-finished = finished
report-abandoned = **abandoned** by { $operator }: { $reason }
report-stopped-at = **stopped at step { $step }** ({ $outcome }: { $reason })
report-interrupted = interrupted
report-at-step = {" "}at step { $step }
report-interrupted-killed = {" "}(no record of its end: tvdr was killed or lost, or the step is still running)
report-not-finished = **not finished** (last step: { $step })
report-not-started = **not started**
report-runbook-changed = > **Warning:** the runbook changed during the run: resumed at { $at } by { $operator } with SHA-256 { $hash }.
report-runbook-replaced = > **Note:** the runbook file is no longer the one this run used (now SHA-256 { $hash }): stage and step titles below are today's.
report-outcome-done = done
report-outcome-skipped = skipped
report-outcome-overridden = overridden
report-outcome-failed = failed
report-outcome-aborted = aborted
report-timeline = Timeline
report-timeline-columns = Time | Stage | Step | Kind | Outcome | Duration | Evidence
report-run-started = run started
report-run-resumed = run resumed
report-run-taken-over = run taken over
report-run-abandoned = run abandoned
report-run-finished = run finished
report-by-on = by { $operator } on { $host }
report-taken-over-detail = by { $operator } on { $host } from { $from_operator } on { $from_host } (journal mirrored on { $node })
report-between-steps = (between steps)
report-interrupted-killed-resume = started, no record of its end: tvdr was killed or lost, or the step is still running; re-entered on resume
report-interrupted-reason-resume = { $reason }; re-entered on resume
report-interrupted-inside-resume = the run was stopped inside this step (Ctrl-C, or a person was needed and none could answer); re-entered on resume
report-decision = decision
report-abandoned-detail = { $reason } (by { $operator } on { $host }); closed, never resumed
report-lock-broken = lock broken
report-held-by = { $reason } (held by { $holder })
report-kind-service-down = { $kind }, service down
report-kind-service-up = { $kind }, service up
report-kind-service-outage = { $kind }, service out while it runs
report-no-longer-in-runbook = { $step } (no longer in the runbook)
report-no-reason = (no reason recorded)
report-lock-broken-by = *run lock broken* (held by { $holder })
report-overrides = Overrides
report-overrides-none = No step was overridden.
report-overrides-intro = Steps that failed and were gone past on a written reason.
report-overrides-columns = Time | Step | Decided by | Reason
report-confirmed-by = confirmed by { $operator }
report-attempt = {" "}(attempt { $attempt })
report-node-exit = { $node } exit { $code }
report-node-error = { $node } error: { $error }
report-node-no-result = { $node } no result
report-wait = until { $until }: { $last }
report-wait-until = until { $until }
report-wait-looks = {" "}({ $looks ->
    [one] { $looks } look
   *[other] { $looks } looks
} in { $took })
report-wait-took = {" "}(in { $took })
report-wait-lasting = ; it would not change: { $lasting }
report-gate-refused = gate refused
report-gate-passed = gate passed
report-declined = declined
report-decided-by = { $what } { $by }
report-decided-by-times = { $times }× { $what } { $by }
report-by-source = { $source ->
    [file] by the answers file
    [yes] by --yes
   *[operator] by { $operator } at the terminal
}
report-decided = decided: { $decisions }
report-run-confirmation = { $prompt } { $answer } — { $by }
report-yes = yes
report-no = no
report-run-by = { $by } (run by { $operator })
report-source-operator = { $operator } at the terminal
report-source-answers-file = the answers file
report-what-answer = answer
report-what-confirmation = confirmation
report-what-gate = gate
report-what-override = override
report-what-retry = retry
report-what-stop = stop
report-what-uat = UAT result
report-downtime = Measured service downtime
report-downtime-no-marker-done = Not measured: no step marking the start of the outage (`service: down`) or an outage itself (`service: outage`) was completed in this run.
report-downtime-no-markers = Not measured: this runbook marks no step as the start or the end of the outage, nor as an outage itself (`service: down` / `service: up` / `service: outage`).
report-downtime-during = **{ $length }** — while { $step } ran (`service: outage`), from { $from } to { $to }.
report-downtime-between = **{ $length }** — from { $down } finishing at { $down_at } to { $up } finishing at { $up_at }.
report-downtime-open = Service down since { $down_at } ({ $down } finished); no step marking its return (`service: up`) was completed in this run: not measured.
report-downtime-total = Total measured: **{ $total }**.
report-rto = Recovery time (RTO)
report-rto-ok = Measured RTO **{ $rto }** against the objective of { $objective }: **OK** ({ $spare } to spare).
report-rto-exceeded = Measured RTO **{ $rto }** against the objective of { $objective }: **exceeded by { $over }**.
report-rto-not-measured = RTO not measured (see above); the objective is { $objective }.
report-rto-how = It is measured from the main site being switched off to the DR client serving; the outage itself may have begun earlier (see the disaster declaration's answers).
report-rpo = Recovery point objective (RPO) of the site: { $rpo }. Data written on the main site in the last replication interval before the disaster (at most the RPO) may be missing on the DR client.
report-by-not-recorded = not recorded (run by { $operator })
report-answers = Answers
report-answers-masked = Answers named like a password, passphrase, secret, token or key are masked ({ $mask }): { $names }.
report-answers-columns = Time | Step | Question | Answer | Given by
report-check-outcome = { $outcome } at { $at }{ $attempts }
report-after-attempts = , after { $count } attempts
report-checks = Check results
report-checks-columns = Check | Status | Summary
report-findings = Findings not OK:
report-findings-columns = Check | Node | Item | Status | Message
report-hint = Hint: { $hint }
report-commands = Commands run
report-took = {" "}in { $took }
report-node-no-exit = { $node } no exit status
report-no-node-result = no node result
report-last-lines = Last lines of { $stream } on { $node }:
report-uat = UAT results
report-uat-counts = UAT { $phase }: { $pass } pass, { $fail } fail, { $skip } skip
report-uat-regressions = { $count ->
    [one] , { $count } regression
   *[other] , { $count } regressions
}
report-uat-phase = Phase { $phase } — { $title }
report-uat-phase-line = { $counts } (step { $step }, { $at }).
report-uat-passed-in = { $case } (passed in { $phase })
report-uat-regressions-line = **Regressions** (passed in an earlier phase, fail now): { $cases }.
report-uat-columns-area = Area | Case | Result | Note
report-uat-columns = Case | Result | Note
report-uat-pass = pass
report-step-interrupted = interrupted
report-count-done = { $count } done
report-count-skipped = { $count } skipped
report-count-overridden = { $count } overridden
report-count-failed = { $count } failed
report-count-aborted = { $count } aborted
report-uat-fail = fail
report-uat-fail-regression = fail (regression)
report-uat-skip = skip
report-html-title = { $title } — run report — { $site }
report-html-glance = The run at a glance
report-html-caption = Times in UTC. Each bar is one attempt at a step; hover a bar for its outcome and duration.
report-html-axis-title = The run on a time axis (UTC): { $steps } steps from { $from } to { $to }
report-html-outage = outage { $length }
report-html-outage-open = outage, no end in this run
report-html-outage-from-to = { $label }, from { $from } to { $to }
report-html-outage-from = { $label }, from { $from }
report-html-rto-objective = RTO objective { $rto }
report-html-legend-done = done
report-html-legend-overridden = overridden (failed, gone past on a written reason)
report-html-legend-failed = failed or aborted
report-html-legend-skipped = skipped
report-html-legend-interrupted = interrupted
report-html-legend-outage = service out
report-html-legend-session = run started, resumed, taken over, finished
report-html-downtime = Measured downtime
report-html-rto-within = { $rto } — within the objective of { $objective } ({ $spare } to spare)
report-html-rto-exceeded = { $rto } — objective { $objective } exceeded by { $over }
report-html-rto-not-measured = not measured; the objective is { $objective }
report-html-rpo = Recovery point objective (RPO)
report-html-not-measured = not measured
report-html-in-windows = { $total } in { $count } windows
report-html-out-since = out since { $since } with no end in this run
report-html-steps-gone = (steps no longer in the runbook)
report-html-interrupted-at = { $step } — interrupted at { $at }
report-html-run-started = run started by { $operator } on { $host }
report-html-run-resumed = run resumed by { $operator } on { $host }
report-html-run-taken-over = run taken over by { $operator } on { $host }
report-html-run-abandoned = run abandoned: { $reason }
report-html-bar = { $step } — { $outcome } at { $at }
report-html-after = {" "}after { $took }

## Questions to the technician (src/output/prompt.rs, src/runbook/engine/human.rs)
prompt-bad-answer = answer to "{ $prompt }": { $message }
prompt-yes-no-default-yes = Y/n
prompt-yes-no-default-no = y/N
prompt-not-yes-or-no = answer to "{ $prompt }": `{ $answer }` is neither yes nor no
prompt-input-ended = "{ $prompt }" needs an answer, but there is no terminal and standard input has ended
human-step = step `{ $step }`
human-needs = { $subject } needs { $what }, but there is no terminal: run at a terminal, or pass `--answers FILE` / `--yes`
human-answers-file-bad = answers file: `{ $name }`: { $why }
human-an-answer = an answer to `{ $name }` ({ $prompt })
human-a-confirmation = a confirmation ({ $prompt })
human-gate-needs = gate `{ $step }` ({ $title }) needs a person to say it is true, but there is no terminal: `--yes` confirms confirmations, never an evidence gate; run at a terminal, or answer it in the answers file (`gates: {"{"} { $step }: yes {"}"}`)
human-gate-prompt = { $title } — is this true? (no stops the run)
human-failed = step `{ $step }` failed
human-retry = retry
human-override = override (go on, with a written reason)
human-abort = abort (resume later)
human-override-why = Why is it safe to go on? (recorded in the report)
human-override-why-short = write a reason a colleague will understand
human-not-a-choice = `{ $value }` is not one of { $choices }
human-not-yes-no = `{ $value }` is neither yes nor no
human-answer-needed = an answer is needed
hidden-prompt = { $prompt } (not shown as you type)
hidden-again = { $prompt } (again, to be sure of what you cannot see)
hidden-differ = the two differ: type it again

## Starting, resuming, --from (src/runbook/engine/{from,opening}.rs)
from-records-skipped = `--from { $from }` records { $count ->
    [one] { $count } earlier step
   *[other] { $count } earlier steps
} as skipped, never run in this run:
from-prompt = Record { $steps } as skipped and start at `{ $from }`?
from-not-confirmed = `--from { $from }` not confirmed: nothing was recorded
open-runbook-changed = the runbook changed since this run began ({ $started }): { $what }
open-layout-only = no step changed what it does (layout or translations only)
open-steps-unknown = which steps changed cannot be told: the run began under an earlier tvdr, which fingerprinted steps differently
open-steps-changed = steps changed: { $steps }
open-resuming-changed = resuming with a changed runbook
open-resume-changed-prompt = Resume with the changed runbook?
open-not-resumed = the runbook changed; not resumed
open-resuming = resuming run { $run } of `{ $runbook }` (started { $started } by { $operator })
open-closing = every step of run { $run } is done; only its end is missing: closing it
open-started = started run { $run } of `{ $runbook }`: { $title }
open-lock-unreachable = warning: cannot take the run lock on `{ $node }` (unreachable)
open-lock-local-only = warning: no node answers: only the local lock protects this run
open-lock-not-released = warning: the run lock on `{ $node }` was not released ({ $error }); the next run there will need `--break-lock REASON`
takeover-unknown = unknown
takeover-state-done = done
takeover-state-failed = failed
takeover-state-started = started, no end recorded
takeover-at-step = step `{ $step }` ({ $state })
takeover-before-first-step = before its first step
takeover-found = the cluster holds an open run { $run } of `{ $runbook }` (journal on `{ $node }`): { $operator } on { $host }, at { $step }, last record { $ago } ago
takeover-prompt = Take over run { $run } from { $operator } on { $host }? (make sure their tvdr is stopped)
takeover-needs-flag = run { $run } of `{ $runbook }` is open on the cluster ({ $operator } on { $host }): pass `--take-over` to go on with it from here, or ask { $operator } to finish it
takeover-not-taken = run { $run } not taken over
takeover-taken = taken over run { $run } from { $operator }
takeover-closing = every step of run { $run } ({ $operator }) is done; only its end is missing: closing it from here, nothing is left to decide
abandon-new-while-open = run { $run } of `{ $runbook }` is open (started { $started } by { $operator }): `--new` starts another only once it is closed; give it up with `--abandon REASON --new`, or resume it without `--new`
abandon-reason-short = `--abandon` needs a reason a colleague will understand (it is journalled)
abandon-no-open-run = `{ $runbook }` has no open run to abandon
abandon-done = run { $run } of `{ $name }` abandoned: { $reason }
    its journal stays for the report (`tvdr runbook { $runbook } --report { $run }`)
abandon-lock-not-released = warning: cannot release the run lock on `{ $node }`: { $error }
abandon-lock-unknown = warning: cannot check the run lock on `{ $node }` ({ $error }); if the abandoned run holds it there, the next run says so and `--break-lock REASON` removes it
answers-gate-yes-no = a gate is answered `yes` or `no`, not `{ $text }`
answers-unreadable = cannot read answers `{ $path }`
answers-readable-by-others = warning: `{ $path }` holds secret answers ({ $names }) and other users can read it (mode { $mode }): `chmod 600 { $path }`
answers-did-you-mean = {" "}(did you mean `{ $name }`?)
answers-no-such-gate = answers file: `gates: { $gate }`: `{ $runbook }` has no gate `{ $gate }`{ $hint }
answers-unused = warning: answers file: `{ $section }: { $name }` matches no question, step or UAT phase of `{ $runbook }`{ $hint }: it is not used

## A step's context (src/runbook/engine/step.rs)
step-failed = step `{ $step }` failed: { $why }
step-aborted-at = at step `{ $step }`: { $why }
step-node-missing = step `{ $step }` runs on `{ $node }`, which the inventory lacks
step-role-unknown = step `{ $step }` runs on the { $role }: { $why }
step-no-slave = step `{ $step }` runs on the slave, but this site has none
step-no-value-yet = step `{ $step }` needs `{ $name }`, which has no value yet
step-bad-address = step `{ $step }`: address `{ $address }`: { $why }
step-unreachable = step `{ $step }`: { $why }
step-not-every-node = step `{ $step }` could not check every node: { $nodes }
step-one-host = step `{ $step }` must run on one host
step-node-gone = step `{ $step }` started on `{ $node }`, which the inventory no longer has
step-waits-one-host = step `{ $step }` waits for one host

## Step kinds (src/runbook/engine/kinds/)
manual-done = { $title } — done?
manual-gate-not-passed = gate `{ $step }` not passed: { $title }
manual-not-done = step `{ $step }` not done
note-note = NOTE
note-important = IMPORTANT
note-warning = WARNING
screen-again-after-success = `{ $command }` already ran successfully ({ $at }). Run it again?
screen-again-after-failure = `{ $command }` ran before ({ $at }) without its success output. Did Telenia support tell you to run it again?
reboot-now-prompt = Reboot { $node } now?
reboot-not-rebooted = { $node } not rebooted
run-attempt-still-running = { $node }: attempt { $attempt } is still running (pid { $pid }): following it, not starting it again
run-attempt-already-ran = { $node }: attempt { $attempt } already ran (exit status { $exit }): taken as it ended, not run again
run-exit-status = { $node }: exit status { $exit }
wait-waiting = waiting for { $what }
wait-waiting-seen = waiting for { $what }: { $seen }
wait-until-check = `{ $check }` OK
wait-until-check-master = `{ $check }` OK (master: { $master })
wait-until-up = { $node } up
wait-until-down = { $node } down
master-node-of = the node { $step } ran on
master-other-than-node-of = the node { $step } did not run on
interactive-one-host = step `{ $step }` opens one terminal on one host
interactive-from-address-local = step `{ $step }`: `from_address` needs a node, not this machine
interactive-needs-terminal = step `{ $step }` opens `{ $command }` on { $node } for you to drive, but there is no terminal: run tvdr at a terminal (or, if it was done by hand, say so under `overrides:` in the answers file)
interactive-trust-first = hint: record { $node }'s key at its current address first: `tvdr trust { $node } --address { $address }`
interactive-at-address = {" "}at { $address }
interactive-opening = opening `{ $command }` on { $node }{ $at } — the terminal is the program's until it exits
interactive-session-dropped = the session dropped ({ $reason }): expected when the address changes
interactive-moved = { $node } answers at { $to } with the key it had at { $from } ({ $key }){ $recorded }
interactive-recorded-in = , recorded in { $file }
interactive-waiting-moved = waiting for { $node } at { $address } with its key { $key }
interactive-no-answer-moved = no answer at the new address within { $within } (is the address typed in the menu the inventory's? look at the hypervisor console)
reboot-rebooting = rebooting { $node }
reboot-issued-already = { $node }: `reboot` was issued already ({ $at }): not issued again
reboot-time-unknown = time unknown
reboot-not-answering = { $node } does not answer: rebooting, as issued earlier
reboot-not-local = step `{ $step }`: tvdr does not reboot the machine it runs on; reboot it by hand
reboot-one-node = step `{ $step }` reboots one node at a time
reboot-waiting-down = waiting for { $node } to go down
reboot-back = { $node } is back
reboot-down-waiting = { $node } is down; waiting for it to answer
reboot-back-after = { $node } is back (new boot id { $boot }) after { $took }
reboot-refused = `reboot` on { $node } failed with exit status { $code }: { $stderr }
reboot-unknown-if-issued = it does not answer, and nothing here says whether `reboot` was issued: run again once it answers (its receipt will tell)

## tvdr status (src/commands/status/render.rs)
status-ft-cluster = Fault Tolerance cluster, node IP { $ip }
status-stand-alone = stand-alone
status-col-node = node
status-col-address = address
status-col-reachable = reachable
status-col-uptime = uptime
status-col-role = role
status-reachable-yes = yes
status-reachable-no = NO
status-node-ip = node IP
status-sync = sync
status-nothing-replicates = stand-alone: nothing replicates
status-snapshots = snapshots
status-no-snapshots = none kept
status-snapshot = snapshot
status-snapshot-old = { $days } days old: delete it
status-snapshot-delete-by = delete by { $date }
status-runs = runs
status-no-runs = none open
status-run = run
status-run-open = open
status-run-next = { $runbook } { $run }, next: { $next }

## Transport (src/transport/)
secret-sudo-password = sudo password for `{ $user }` on `{ $node }`
secret-passphrase = passphrase for `{ $key }`
secret-password = password for `{ $user }` on `{ $node }` ({ $address })
ssh-slow-login = { $node }: slow login ({ $seconds } s after the node answered): its sshd probably looks up this machine's address in a DNS that does not answer; `UseDNS no` in its /etc/ssh/sshd_config, or a nameserver in its /etc/resolv.conf that answers, makes logins fast (tvdr waits up to `ssh.login_timeout`, now { $limit })


## --help of every subcommand: argument help and examples (src/cli.rs)
cli-after-help =
    Examples:
      tvdr init                                  write ./tvdr.yaml by answering questions
      tvdr inventory                             validate the inventory and show what tvdr will use
      tvdr trust tvox1                           show tvox1's host key fingerprint and trust it
      tvdr exec both -- uptime                   run a command on both cluster nodes
      tvdr runbook standalone-to-ft              start or resume the conversion to FT
      tvdr check calendars                       compare the calendar databases of master and slave
cli-after-long-help =
    Examples:
      tvdr init                                  write ./tvdr.yaml by answering questions
      tvdr inventory                             validate the inventory and show what tvdr will use
      tvdr trust tvox1                           show tvox1's host key fingerprint and trust it
      tvdr exec both -- uptime                   run a command on both cluster nodes
      tvdr runbook standalone-to-ft              start or resume the conversion to FT
      tvdr check calendars                       compare the calendar databases of master and slave

    Exit codes:
      0    ok
      1    a check or step failed
      2    usage, inventory or runbook invalid
      3    host unreachable, host key rejected or login failed
      4    aborted by the technician
      5    a human is needed but none can answer (no TTY; use --yes or --answers)
      130  interrupted
      141  standard output closed (piped into a program that ended, such as head)
      With --format nagios: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
cli-check--count = With --watch: stop after N rounds
cli-check--exact = fs-sync: compare every file (path, size, mtime) instead of directory sizes
cli-check--expect = dns: the address the domain must resolve to
cli-check--form = hosts: the line a stand-alone node needs (its physical address) or an FT node's (the node IP) [default: stand-alone without `cluster.node_ip`, else FT]
cli-check--jobs = With --sites: how many sites are checked at once
cli-check--list = List the checks and exit
cli-check--master = vip: the node that must be master after a node switch: CRIT unless exactly NODE holds the node IP
cli-check--names = The checks to run, or `all` for every check that applies to the site
cli-check--resolve-here = dns: also ask the DNS servers from this machine (the inventory's, else those the nodes use); at worst a WARN, as this machine may not be one of the site's clients
cli-check--site-timeout = With --sites: a site without every verdict by then is reported UNKNOWN and the others go on
cli-check--sites = Check every site in DIR (one inventory per site, `*.yaml`/`*.yml`) instead of one: one line per site, worst first (replaces -i)
cli-check--watch = Run again every SECS seconds (fs-sync shows progress and an estimate of time left)
cli-check-after-help =
    Every node is asked in parallel over one SSH session for the whole run. Exit status: 0 all OK, 1 a check is WARN, CRIT or UNKNOWN, 3 a node could not be reached (with --format nagios: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN).

    With --sites DIR every inventory in DIR is a site, checked --jobs at a time; a site that is down or slow holds back only itself. The exit status is the worst site's; --format nagios prints one passive check result per site (Nagios external command syntax), prometheus one exposition with a `site` label.

    Examples:
      tvdr check calendars
      tvdr check fs-sync --exact
      tvdr check fs-sync --exact --watch 60      (progress and time left while the first sync runs)
      tvdr check all --format nagios
      tvdr check db chat --format json
      tvdr check vip --master tvox2             (after rebooting TVOX 1: did TVOX 2 take over?)
      tvdr check all --sites /etc/tvdr/sites --jobs 16
      tvdr check all --sites /etc/tvdr/sites --format prometheus > tvdr.prom.tmp && mv tvdr.prom.tmp tvdr.prom
cli-exec--command = The command and its arguments
cli-exec--node = tvox1, tvox2, dr_client, both (tvox1 and tvox2) or all
cli-exec--timeout = Stop the command after this long (e.g. 30s, 10m) [default: inventory command_timeout]
cli-disconnect-after-help =
    With `ssh.persist` in the inventory, `check`, `status` and `exec` leave each node's session open that long after their last command, for the next ones. This closes the site's kept sessions now (each also closes by itself once idle).

    Examples:
      tvdr disconnect
cli-exec-after-help =
    Each word after `--` is passed as one argument (quoted for the remote shell); for pipes and redirections run a shell: tvdr exec tvox1 -- sh -c 'a | b'.

    Examples:
      tvdr exec tvox1 -- uptime
      tvdr exec both -- du -sb /opt/telenia_data/sync
      tvdr exec all --format json -- cat /etc/hosts
cli-generate--out = Directory that receives completions/ and man/
cli-init--force = Overwrite an existing file
cli-init--output = Where to write the inventory
cli-init-after-help =
    Examples:
      tvdr init
      tvdr init --output /etc/tvdr/acme.yaml --force
cli-inventory-after-help =
    Examples:
      tvdr inventory
      tvdr --inventory examples/tvdr.yaml inventory --format json
cli-lint--bilingual = Every title, instruction and question must be in English and Italian (`{"{"} en: …, it: … {"}"}`), as in the shipped runbooks
cli-lint--files = Runbook files to check
cli-lint-after-help =
    Without FILES, lints every shipped runbook and the site copies in --runbooks DIR. Every problem is reported as file:line:column with the line.

    Examples:
      tvdr lint
      tvdr lint site-runbooks/upgrade.yaml
cli-network-reset--from-address = The address the node answers at now, when network_reset moves it to its inventory address: tvdr connects there (the inventory's port, identity, known_hosts), then waits for the same host key at the inventory address and records it
cli-network-reset--node = tvox1, tvox2, dr_client, master or slave
cli-network-reset--timeout = With --from-address: how long the node may take to answer at its new address [default: 5m]
cli-network-reset-after-help =
    Needs a terminal: the menu is yours until it exits (then tvdr shows its exit status). Keep the hypervisor console of the node open: if the new address is wrong, only the console reaches it.

    With --from-address (TVOX 1 before the FT conversion, at what becomes the node IP): the session freezes or drops when the address changes, which is expected; success is the node answering at its inventory address with the host key it had at ADDRESS (recorded in known_hosts). A different key there is refused. Record the key at ADDRESS first with `tvdr trust NODE --address ADDRESS`.

    Examples:
      tvdr network-reset tvox1
      tvdr trust tvox1 --address 172.16.95.71 && tvdr network-reset tvox1 --from-address 172.16.95.71
cli-patch--command = The command and its arguments
cli-patch--failure = A regex that makes a line of the final output a failure; repeat for more. Added to the shipped failure rules, never replacing them
cli-patch--node = tvox1, tvox2, dr_client, master or slave
cli-patch--operator = Who is running it [default: $USER]
cli-patch--success = A regex one line of the final output must match to prove success; repeat for alternatives [default: a generic "update completed" / "aggiornamento completato" rule]
cli-patch--timeout = Give up following after this long (the command keeps running) [default: 3h]
cli-patch--yes = Confirm every confirmation (never a new start after a failed one)
cli-patch-after-help =
    The command runs inside `screen -dmS` on the node and tvdr follows its log: if the SSH link or tvdr dies, the command goes on, and running the same `tvdr patch` again re-attaches to it instead of starting it again. The patch succeeds only when the command exited 0, a --success regex matches one of the last 10 non-empty lines of its output, and no failure rule matches one of them (the shipped rules catch the usual Italian and English failure forms: "NON completato", "completed with errors", "failed", ERROR lines…; --failure adds more). If it does not succeed, stop and contact Telenia support before any other action. Exit status 0 success, 1 the patch failed.

    Examples:
      tvdr patch slave -- /root/tvox-update-22.sh
      tvdr patch tvox1 --success 'Update completed' --timeout 3h -- /root/update.sh --release 22
      tvdr patch tvox2 --failure 'ATTENZIONE: licenza' -- /root/update.sh
cli-reboot--node = tvox1, tvox2, dr_client, master or slave
cli-reboot--timeout = How long the node may take to come back [default: 15m]
cli-reboot--yes = Reboot without asking
cli-reboot-after-help =
    Waits until the node stops answering and answers again over SSH with a different boot id (/proc/sys/kernel/random/boot_id). Asks first unless --yes.

    Examples:
      tvdr reboot tvox2
      tvdr reboot slave --timeout 30m --yes
cli-runbook--abandon = Give up the open run with a reason instead of resuming it: the reason is journalled, the run is closed (never resumed; its report stays) and its locks are released. Alone it only abandons; with --new a new run starts at once
cli-runbook--answers = Pre-answered questions, gates, overrides and UAT results (YAML), for rehearsals: `answers: {"{"}NAME: VALUE{"}"}`, `gates: {"{"}STEP: yes{"}"}`, `overrides: {"{"}STEP: REASON{"}"}`, `uat: {"{"}PHASE: {"{"}CASE: pass{"}"}{"}"}`
cli-runbook--break-lock = Remove a lock left by a dead run, with the reason (recorded in the journal)
cli-runbook--dry-run = Print the resolved plan without connecting to anything
cli-runbook--format = Output of --dry-run and --status (human, json), or of --report (markdown; html: one self-contained page with the run drawn on a time axis; human: Markdown, or HTML when --output ends in .html)
cli-runbook--from = Start at this step: the earlier unfinished steps are named and, once confirmed (--yes confirms), recorded as skipped
cli-runbook--id = The runbook: standalone-to-ft, upgrade, dr-setup, dr-activate, dr-rollback
cli-runbook--list = List the runbooks and exit
cli-runbook--new = Start a new run instead of resuming. Refused while a run is open, so none is left behind unsaid: pass --abandon REASON too to close the open run first
cli-runbook--only = Run only this step, then stop
cli-runbook--operator = Who is running it, for the journal and the report [default: $USER]
cli-runbook--output = Where --report writes [default: standard output]
cli-runbook--report = Write a report of a run for the customer's DR plan, Markdown or HTML (--format) [default RUN: the open run, else the last one]
cli-runbook--rollback = Run the rollback steps of the stages in which a step of the last run actually ran (not merely skipped), newest first
cli-runbook--status = Show where the current (or last) run stands
cli-runbook--take-over = Take over the open run another technician left on the cluster (its journal is mirrored on the nodes); without it, tvdr asks at a terminal and refuses elsewhere
cli-runbook--yes = Confirm every confirmation ("done?", "run it again?"); never an evidence gate (snapshot taken, machine off), which needs a person or `gates:` in --answers. A failed step stops the run instead of asking
cli-runbook-after-help =
    A run is journalled step by step under the state directory: run the same command again after any interruption (laptop asleep, link down, Ctrl-C, crash) and it resumes where it stopped. Only one run per site and runbook at a time. The journal and the report say where every answer and decision came from: the operator at the terminal, the answers file, or --yes.

    Examples:
      tvdr runbook --list
      tvdr runbook standalone-to-ft
      tvdr runbook upgrade --dry-run --format json
      tvdr runbook upgrade --status
      tvdr runbook dr-activate --report --output dr-activate-report.md
      tvdr runbook dr-activate --report --format html --output dr-activate-report.html
      tvdr runbook dr-setup --answers rehearsal.yaml --yes
      tvdr runbook standalone-to-ft --rollback
      tvdr runbook upgrade --abandon "wrong release agreed" --new
cli-snapshot-about = Record, list and forget VM snapshots, so tvdr reminds you to delete them after a week
cli-snapshot-after-help =
    Records live in the state directory of the site (<state>/<site>/snapshots.jsonl); runbook steps add to the same list. `tvdr check snapshot` and `tvdr status` warn about snapshots kept more than 7 days.

    Examples:
      tvdr snapshot record tvox1 pre-upgrade --note "memory excluded"
      tvdr snapshot record both pre-ft --at 2024-05-06T09:30:00+02:00
      tvdr snapshot list
      tvdr snapshot forget pre-upgrade --node tvox1
cli-snapshot-forget--name = The snapshot's name, as recorded
cli-snapshot-forget--node = Only the snapshot of this node (tvox1, tvox2 or dr_client) [default: every node]
cli-snapshot-forget--operator = Who deleted it [default: $USER]
cli-snapshot-record--at = When it was taken, RFC 3339 with a zone (2024-05-06T09:30:00+02:00) [default: now]
cli-snapshot-record--name = The snapshot's name in the hypervisor
cli-snapshot-record--node = tvox1, tvox2, dr_client, both (tvox1 and tvox2) or all
cli-snapshot-record--note = What it is for (memory excluded, before which stage…)
cli-snapshot-record--operator = Who took it [default: $USER]
cli-status--count = With --watch: stop after N screens
cli-status--watch = Refresh every SECS seconds [default: 2] until interrupted
cli-status-after-help =
    Every node is asked once, in parallel, over one SSH session. Exit status as for `tvdr check`: 0 all OK, 1 something is not, 3 a node could not be reached.

    Examples:
      tvdr status
      tvdr status --watch            refresh every 2 s until Ctrl-C
      tvdr status --watch 10 --count 3 > status.log
      tvdr status --format json
cli-trust--address = Connect at this address instead of the inventory's (one node only)
cli-trust--node = tvox1, tvox2, dr_client, both or all
cli-trust--yes = Trust without asking (the fingerprint is still shown)
cli-trust-after-help =
    Compare the fingerprint with the one the node shows (`ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` on its console) before answering yes.

    With --address: the key the node presents at ADDRESS is recorded for ADDRESS (TVOX 1 at its current address, before network_reset moves it to the inventory's).

    Examples:
      tvdr trust tvox1
      tvdr trust tvox1 --address 172.16.95.71
      tvdr trust all --yes        (only where the network path is trusted)
cli-uat--answers = Results given in advance (`uat: {"{"} PHASE: {"{"} CASE: pass, '*': skip {"}"} {"}"}`)
cli-uat--checklist = The checklist [default: the shipped uat-standard.yaml]
cli-uat--operator = Who walked it [default: $USER]
cli-uat--phase = The phase: baseline, after-ft, pre-upgrade, after-upgrade-first…
cli-uat--yes = Cases without an answer are skipped, noted as not walked
cli-uat-after-help =
    Each case is answered pass, fail or skip with a note. Walks are kept in the site's state directory (uat.jsonl): a case that passed in an earlier phase and fails now is called out.

    Examples:
      tvdr uat baseline
      tvdr uat after-upgrade-first --checklist site-uat.yaml
      tvdr uat rehearsal --answers answers.yaml

## tvdr trust (src/commands/trust.rs)
trust-needs-person = trusting a host key needs a person to compare the fingerprint: run `tvdr trust` at a terminal, or pass `--yes` where the network path is trusted
trust-address-one-node = `--address` is for one node, not several
trust-local = { $node }: local transport, no host key
trust-bastion-hint = hint: `tvdr trust` connects directly, not through the bastion `{ $jump }`: add the key to `{ $file }` by hand after checking its fingerprint on the node's console
trust-presents = { $node } ({ $address }:{ $port }) presents an { $key_type } key
trust-no-known-hosts = the inventory names no known_hosts file
trust-already = already trusted in { $file }
trust-changed = error: the host key of `{ $node }` has CHANGED since it was recorded in `{ $file }`: someone may be intercepting the connection, or the node was reinstalled.
    hint: check the fingerprint on the node's console; if it is right, remove the old key with `ssh-keygen -R { $host } -f { $file }` and run `tvdr trust { $node }` again
trust-prompt = Is this the fingerprint shown on { $node }'s console? Trust it
trust-not-trusted = { $node }: not trusted
file-cannot-write = cannot write `{ $file }`
file-cannot-read = cannot read `{ $file }`
file-cannot-open = cannot open `{ $file }`
file-cannot-create = cannot create `{ $file }`
file-cannot-lock = cannot lock `{ $file }`
file-damaged = `{ $file }` is damaged
file-cannot-sync-dir = cannot sync the directory `{ $file }`
file-cannot-make-private = cannot make `{ $file }` private
file-cannot-open-lock = cannot open lock `{ $file }`
file-cannot-create-journal = cannot create journal `{ $file }`
file-cannot-open-journal = cannot open journal `{ $file }`
file-cannot-write-journal = cannot write journal `{ $file }`
trust-added = trusted: added to { $file }

## tvdr runbook (src/commands/runbook.rs)
runbook-which = which runbook?
runbook-invalid = invalid: { $error }
runbook-never-ran = `{ $runbook }` has never run on this site
runbook-status-line = run { $run } of `{ $runbook }` started { $started } by { $operator } — { $standing }
runbook-status-finished = finished
runbook-status-abandoned = abandoned: { $reason }
runbook-status-next = next: `{ $step }`
runbook-status-all-done = all steps done
runbook-state-pending = pending
runbook-text-format = { $what } writes `human` or `json`; `markdown` and `html` are formats of --report
runbook-report-format = --report writes `markdown` (the default) or `html`; the journal itself is the JSON record of a run
runbook-nothing-to-report = `{ $runbook }` has never run on this site: nothing to report
runbook-report-unwritable = cannot write the report to `{ $file }`
runbook-report-written = report of `{ $journal }` written to `{ $file }`
runbook-runs-none = none
runbook-no-such-run = `{ $runbook }` has no run `{ $run }` on this site; its runs: { $runs }
runbook-ambiguous-run = `{ $runbook }` has more than one run `{ $run }` on this site; its runs: { $runs }

## Exit codes' errors (src/exit_code.rs)
exit-aborted-prefix = aborted:{" "}

## Stand-alone commands (src/commands/standalone/)
standalone-one-node = `{ $node }`: name one node (tvox1, tvox2, dr_client, master or slave)
standalone-nothing-done = nothing done: { $reason }
standalone-failed-accepted = failed, accepted: { $reason }
standalone-network-reset-exit = network_reset on { $node }: exit status { $exit }
standalone-bad-regex = `{ $flag } { $regex }`: bad regex: { $error }

## tvdr snapshot, tvdr lint, the runbook library
snapshot-bad-name = `{ $name }` is not a usable snapshot name
snapshot-recorded = recorded snapshot `{ $name }` of { $node } taken { $taken }: delete it by { $delete_by } (then `tvdr snapshot forget { $name }`)
snapshot-already-old = warning: `{ $name }` is already older than a week: delete it
snapshot-none = no VM snapshot recorded
snapshot-col-node = node
snapshot-col-name = name
snapshot-col-taken = taken
snapshot-col-age = age
snapshot-col-by = by
snapshot-col-note = note
snapshot-age-overdue = { $age } — delete it
snapshot-unknown = no snapshot named `{ $name }` is recorded (see `tvdr snapshot list`)
snapshot-unknown-on = no snapshot named `{ $name }` is recorded on { $node } (see `tvdr snapshot list`)
snapshot-forgot = forgot { $count } snapshot(s) named `{ $name }`
lint-ok = ok: { $name }: { $summary }
lint-invalid = { $invalid } of { $count } runbook(s) invalid
lint-summary = `{ $id }` { $title }: { $stages } stages, { $steps } steps
runbooks-dir-unusable = `--runbooks { $dir }` is not a directory tvdr can read ({ $reason }): the site's copies would not be used
runbook-unreadable = cannot read runbook `{ $path }`
runbook-unknown = no runbook `{ $id }`: available are { $available }

## tvdr inventory (src/commands/inventory.rs)
inventory-valid = { $path }: valid
inventory-site = site { $site } · TVox { $version } · { $domain } · { $mode }
inventory-no-domain = no domain
inventory-col-node = node
inventory-col-address = address
inventory-col-login = login
inventory-col-sync-dir = sync dir
inventory-col-hosts-file = hosts file
inventory-known-hosts = known_hosts: { $files }
inventory-then = , then{" "}
inventory-identity = identity: agent, then { $file }
inventory-licence = licence check: `{ $command }`
inventory-no-licence = licence check: not configured (`tvdr check license` is UNKNOWN)
inventory-db-credentials = db credentials: option file { $file } on the nodes
inventory-login-local = local
inventory-via = {" "}via { $jump }
inventory-timeouts = timeouts: connect { $connect }, login { $login }, command { $command }
inventory-settings = calendars: database { $database } as { $user } · thresholds: chat lag { $chat_lag }, db lag { $db_lag }, fs { $fs }%, clock skew { $clock_skew } · objectives: RPO { $rpo }, RTO { $rto } · receipts kept { $receipts }

## tvdr init (src/commands/init/mod.rs); the file it writes stays English (a YAML with comments)
init-exists = `{ $file }` already exists: pass `--force` to overwrite it
init-wrote = wrote { $file }: check it with `tvdr inventory`, then trust the nodes with `tvdr trust all`
init-site = Site name (e.g. acme-milano)
init-version = TVox major version
init-not-a-version = `{ $value }` is not a version number
init-domain = Domain clients use (e.g. tam.example.com)
init-cluster = Is it a Fault Tolerance cluster (two nodes and a node IP)?
init-node-ip = Node IP (the cluster address)
init-tvox1 = Physical address of TVOX 1
init-tvox2 = Physical address of TVOX 2
init-dr-client = Address of the DR client (empty if none)
init-user = SSH user
init-not-a-user = `{ $value }` is not a user name
init-port = SSH port
init-not-a-port = `{ $value }` is not a port
init-identity = SSH identity file (`none`: agent, then password)

## tvdr check (src/commands/check/mod.rs) and secret answers on resume
check-skipped = skipped { $name }: { $why }
journalled-secret-again = `{ $name }` is a secret answer, never journalled: it is needed again to resume

## A condition that cannot be decided (src/runbook/engine/undecided.rs)
undecided-never-answered = `{ $answer }`, never answered in this run (step `{ $asker }` asks it: `tvdr runbook { $runbook } --only { $asker }` answers it)
undecided-never-asked = `{ $answer }`, which no step of `{ $runbook }` asks
undecided-no-fact = `{ $fact }`, which the inventory does not give
undecided-not-known-yet = a value not known yet
undecided-and = {" "}and{" "}
undecided-why = step `{ $step }` cannot be decided: its condition reads { $reads }; give the value, then run `{ $resume }` again to resume here
run-no-such-step = `{ $name }` has no step `{ $step }`
run-nothing-to-roll-back = `{ $runbook }` has never run: nothing to roll back
journal-in-file = journal `{ $path }` { $error }
journal-damaged-line = line { $line } is damaged ({ $error }); it is never edited by hand
fleet-trying-again = { $node }: trying again (earlier: { $earlier })
uat-not-a-verdict = `{ $word }` is not pass, fail or skip
uat-checklist-unreadable = cannot read the UAT checklist `{ $name }`
uat-case-id-twice = UAT checklist `{ $path }`: case id `{ $case }` is empty or used twice
uat-no-cases = UAT checklist `{ $path }` has no cases
uat-answer-invalid = answers file: uat `{ $phase }` case `{ $case }`: { $why }
uat-needs-terminal = step `{ $step }` walks the UAT checklist (phase `{ $phase }`, case `{ $case }`), but there is no terminal: run at a terminal, or give results in the answers file (`uat: {"{"} { $phase }: {"{"} { $case }: pass {"}"} {"}"}`)

## Screen steps and tvdr patch (src/runbook/engine/kinds/screen/); their failure reasons are in reasons.ftl
screen-already-started = { $node }: this run already started `{ $session }` there (log { $log }): following it, not starting the command again
screen-starting = starting `{ $command }` in screen `{ $session }` on { $node } (log { $log }; to look at it there: screen -r { $session })
    {"  "}if tvdr stops (Ctrl-C, lost link), the command goes on: run tvdr again to follow it
screen-raced = attempt { $attempt } was started by someone else meanwhile: following it
screen-never-started = screen `{ $session }` on { $node } ended without getting its command (the hand-over on the node was cut): nothing ran, starting it again
screen-running = running in screen `{ $session }` on { $node }
screen-lost = lost { $node } while following screen `{ $session }` ({ $error }); the command goes on there: when { $node } answers again, run the same `tvdr runbook` command to re-attach to it (nothing is started twice)
screen-reconnecting = lost { $node } ({ $error }): reconnecting; the command goes on in screen `{ $session }`
screen-reattaching = re-attaching to screen `{ $session }` on { $node } (started { $started })
screen-earlier-failure = note: earlier, before its final output, the updater said `{ $line }` and went on
screen-success = exit status 0 and success output found in `{ $log }` on { $node }
screen-cannot-start = cannot start screen on { $node }: exit status { $status }: { $why }
screen-cannot-start-installed = cannot start screen on { $node }: exit status { $status } (is GNU screen installed? `tvdr check screen`): { $why }
screen-cannot-prepare-logs = cannot prepare the directory for screen logs on { $node }: { $why }
screen-earlier-lines = … { $count } earlier lines

## tvdr check --list and its usage errors (src/commands/check/)
check-col-about = what it looks at
check-master-needs-vip = `--master` is an option of the `vip` check: name `vip` or `all`
check-none-named = no check named; known: { $known }, all
check-about-vip = who holds the cluster node IP (the master); CRIT on none or split brain (--master NODE: CRIT unless NODE holds it)
check-about-db = MySQL/MariaDB replication on the slave: threads running, lag under db_lag
check-about-chat = MongoDB replica set (rs.status()): one PRIMARY, members healthy, lag
check-about-calendars = pg_dump of the calendar database on master and slave, compared
check-about-fs-sync = sync dir sizes (or, with --exact, every file) on master and slave
check-about-ports = DR ports 22, 873, 3306, 27017 open both ways between master and DR client
check-about-dr-isolated = before DR activation: nothing of the main site answers the DR client (on demand)
check-about-snapshot = VM snapshots recorded with `tvdr snapshot record`: WARN when kept over a week
check-about-rpo = the worst replication delay (db, chat, fs-sync) against objectives.rpo
check-about-hosts = the hosts file maps the TVox address to the domain on both nodes
check-about-dns = the customer's DNS answers the node IP (--expect dr: the DR client) for the domain
check-about-clock = clock skew between the nodes under thresholds.clock_skew
check-about-screen = GNU screen installed on every node; open sessions (a running patch?)
check-about-license = the inventory's licence command matches its regex on both nodes

keep-disconnected = { $count ->
    [one] { $count } kept session closed
   *[other] { $count } kept sessions closed
}

## Run locks (src/runbook/lock.rs)
lock-holder = { $operator } on { $host } (pid { $pid }, run { $run }) since { $since }
lock-another-process = another tvdr process
lock-running-here = this runbook is already running here: held by { $who }
lock-cannot-take = cannot take the run lock on `{ $node }`
lock-cannot-take-why = cannot take the run lock on `{ $node }`: { $why }
lock-cannot-renew = cannot renew the run lock on `{ $node }`: { $why }
lock-running-on-site = this runbook is already running on this site: `{ $node }` holds a lock by { $holder } (`~/.local/state/tvdr/locks/{ $name }`); if that run is really dead, pass `--break-lock REASON`
lock-unknown-owner = `{ $node }` holds a lock `~/.local/state/tvdr/locks/{ $name }` of unknown owner; pass `--break-lock REASON` to remove it
lock-cannot-read = cannot read the run lock on `{ $node }`: { $why }
lock-unreadable-holder = the run lock on `{ $node }` names no holder tvdr can read
lock-cannot-remove = cannot remove the run lock on `{ $node }`: { $why }
