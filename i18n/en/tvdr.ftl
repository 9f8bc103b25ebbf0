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

## --help (src/cli.rs); cli-heading-… and cli-help-… are clap's own words
cli--inventory = The site inventory [default: ./tvdr.yaml]
cli--lang = Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]
cli--runbooks = Site copies of runbooks (`<id>.yaml`) that replace the shipped ones
cli--state-dir = Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]
cli-about = Checkable, resumable runbooks and cross-node health checks for TVox PBX clusters
cli-check-about = Run health checks across the nodes (vip, db, chat, calendars, fs-sync, or all)
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
sites-timed-out = no verdict within { $limit } (--site-timeout)
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

## Starting, resuming, --from (src/runbook/engine/{from,opening}.rs)
from-records-skipped = `--from { $from }` records { $count ->
    [one] { $count } earlier step
   *[other] { $count } earlier steps
} as skipped, never run in this run:
from-prompt = Record { $steps } as skipped and start at `{ $from }`?
from-not-confirmed = `--from { $from }` not confirmed: nothing was recorded
open-runbook-changed = the runbook changed since this run began ({ $started }): { $what }
open-layout-only = layout only
open-steps-changed = steps changed: { $steps }
open-resuming-changed = resuming with a changed runbook
open-resume-changed-prompt = Resume with the changed runbook?
open-not-resumed = the runbook changed; not resumed
open-resuming = resuming run { $run } of `{ $runbook }` (started { $started } by { $operator })
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
abandon-new-while-open = run { $run } of `{ $runbook }` is open (started { $started } by { $operator }): `--new` starts another only once it is closed; give it up with `--abandon REASON --new`, or resume it without `--new`
abandon-reason-short = `--abandon` needs a reason a colleague will understand (it is journalled)
abandon-no-open-run = `{ $runbook }` has no open run to abandon
abandon-done = run { $run } of `{ $name }` abandoned: { $reason }
    its journal stays for the report (`tvdr runbook { $runbook } --report { $run }`)
abandon-lock-not-released = warning: cannot release the run lock on `{ $node }`: { $error }
abandon-lock-unknown = warning: cannot check the run lock on `{ $node }` ({ $error }); if the abandoned run holds it there, the next run says so and `--break-lock REASON` removes it
answers-gate-yes-no = a gate is answered `yes` or `no`, not `{ $text }`
answers-unreadable = cannot read answers `{ $path }`
answers-did-you-mean = {" "}(did you mean `{ $name }`?)
answers-no-such-gate = answers file: `gates: { $gate }`: `{ $runbook }` has no gate `{ $gate }`{ $hint }

## A step's context (src/runbook/engine/step.rs)
step-failed = step `{ $step }` failed: { $why }
step-aborted-at = at step `{ $step }`: { $why }
step-node-missing = step `{ $step }` runs on `{ $node }`, which the inventory lacks
step-role-unknown = step `{ $step }` runs on the { $role }: { $why }
step-no-slave = step `{ $step }` runs on the slave, but this site has none
step-no-value-yet = step `{ $step }` needs `{ $name }`, which has no value yet
step-bad-address = step `{ $step }`: address `{ $address }`: { $why }

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
reboot-rebooting = rebooting { $node }
reboot-issued-already = { $node }: `reboot` was issued already ({ $at }): not issued again
reboot-time-unknown = time unknown
reboot-not-answering = { $node } does not answer: rebooting, as issued earlier
reboot-not-local = step `{ $step }`: tvdr does not reboot the machine it runs on; reboot it by hand
reboot-one-node = step `{ $step }` reboots one node at a time
reboot-waiting-down = waiting for { $node } to go down
reboot-back = { $node } is back
reboot-down-waiting = { $node } is down; waiting for it to answer

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
ssh-slow-login = { $node }: slow login ({ $seconds } s after the node answered): its sshd probably looks up this machine's address in a DNS that does not answer; `UseDNS no` in its /etc/ssh/sshd_config, or a nameserver in its /etc/resolv.conf that answers, makes logins fast (tvdr waits up to `ssh.login_timeout`, now { $limit })


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
trust-cannot-write = cannot write `{ $file }`
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
