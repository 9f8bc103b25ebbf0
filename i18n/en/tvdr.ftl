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
