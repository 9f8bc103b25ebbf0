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
