# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_tvdr_global_optspecs
    string join \n i/inventory= runbooks= state-dir= lang= h/help V/version
end

function __fish_tvdr_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_tvdr_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_tvdr_using_subcommand
    set -l cmd (__fish_tvdr_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c tvdr -n "__fish_tvdr_needs_command" -s i -l inventory -d 'The site inventory [default: ./tvdr.yaml]' -r -F
complete -c tvdr -n "__fish_tvdr_needs_command" -l runbooks -d 'Site copies of runbooks (`<id>.yaml`) that replace the shipped ones' -r -F
complete -c tvdr -n "__fish_tvdr_needs_command" -l state-dir -d 'Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]' -r -F
complete -c tvdr -n "__fish_tvdr_needs_command" -l lang -d 'Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]' -r -f -a "en\t''
it\t''"
complete -c tvdr -n "__fish_tvdr_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tvdr -n "__fish_tvdr_needs_command" -s V -l version -d 'Print version'
complete -c tvdr -n "__fish_tvdr_needs_command" -f -a "runbook" -d 'Start or resume a procedure (standalone-to-ft, upgrade, dr-setup, dr-activate, dr-rollback)'
complete -c tvdr -n "__fish_tvdr_needs_command" -f -a "check" -d 'Run health checks across the nodes (vip, db, chat, calendars, fs-sync, or all)'
complete -c tvdr -n "__fish_tvdr_needs_command" -f -a "status" -d 'One screen: nodes, master, sync states, DR client, open runs'
complete -c tvdr -n "__fish_tvdr_needs_command" -f -a "patch" -d 'Run a long command on a node inside GNU screen (re-attachable)'
complete -c tvdr -n "__fish_tvdr_needs_command" -f -a "network-reset" -d 'Open the node\'s network_reset menu in an interactive terminal'
complete -c tvdr -n "__fish_tvdr_needs_command" -f -a "reboot" -d 'Reboot a node and wait until it is back'
complete -c tvdr -n "__fish_tvdr_needs_command" -f -a "snapshot" -d 'Record, list and forget VM snapshots, so tvdr reminds you to delete them after a week'
complete -c tvdr -n "__fish_tvdr_needs_command" -f -a "uat" -d 'Walk the UAT checklist for a phase'
complete -c tvdr -n "__fish_tvdr_needs_command" -f -a "lint" -d 'Validate runbook files: ids, kinds, hosts, checks, conditions, references (for CI)'
complete -c tvdr -n "__fish_tvdr_needs_command" -f -a "init" -d 'Write a commented tvdr.yaml by answering questions'
complete -c tvdr -n "__fish_tvdr_needs_command" -f -a "inventory" -d 'Validate the inventory and show the nodes, addresses and settings tvdr will use'
complete -c tvdr -n "__fish_tvdr_needs_command" -f -a "exec" -d 'Run a command on one or more nodes over SSH'
complete -c tvdr -n "__fish_tvdr_needs_command" -f -a "disconnect" -d 'Close the SSH sessions kept open for later commands (`ssh.persist`)'
complete -c tvdr -n "__fish_tvdr_needs_command" -f -a "trust" -d 'Show a node\'s host key fingerprint and add it to the inventory\'s known_hosts'
complete -c tvdr -n "__fish_tvdr_needs_command" -f -a "generate" -d 'Write shell completions and man pages (for packagers and the repository)'
complete -c tvdr -n "__fish_tvdr_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -l format -d 'Output of --dry-run and --status (human, json), or of --report (markdown; html: one self-contained page with the run drawn on a time axis; human: Markdown, or HTML when --output ends in .html)' -r -f -a "human\t'Text for a person (the report: Markdown, or HTML to a .html file)'
json\t'JSON (--dry-run, --status)'
markdown\t'Markdown (--report)'
html\t'One HTML file, timeline drawn, printable on A4 (--report)'"
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -l from -d 'Start at this step: the earlier unfinished steps are named and, once confirmed (--yes confirms), recorded as skipped' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -l only -d 'Run only this step, then stop' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -l answers -d 'Pre-answered questions, gates, overrides and UAT results (YAML), for rehearsals: `answers: {NAME: VALUE}`, `gates: {STEP: yes}`, `overrides: {STEP: REASON}`, `uat: {PHASE: {CASE: pass}}`' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -l operator -d 'Who is running it, for the journal and the report [default: $USER]' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -l break-lock -d 'Remove a lock left by a dead run, with the reason (recorded in the journal)' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -l abandon -d 'Give up the open run with a reason instead of resuming it: the reason is journalled, the run is closed (never resumed; its report stays) and its locks are released. Alone it only abandons; with --new a new run starts at once' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -l report -d 'Write a report of a run for the customer\'s DR plan, Markdown or HTML (--format) [default RUN: the open run, else the last one]' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -l output -d 'Where --report writes [default: standard output]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -s i -l inventory -d 'The site inventory [default: ./tvdr.yaml]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -l runbooks -d 'Site copies of runbooks (`<id>.yaml`) that replace the shipped ones' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -l state-dir -d 'Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -l lang -d 'Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]' -r -f -a "en\t''
it\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -l list -d 'List the runbooks and exit'
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -l dry-run -d 'Print the resolved plan without connecting to anything'
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -l status -d 'Show where the current (or last) run stands'
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -s y -l yes -d 'Confirm every confirmation ("done?", "run it again?"); never an evidence gate (snapshot taken, machine off), which needs a person or `gates:` in --answers. A failed step stops the run instead of asking'
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -l rollback -d 'Run the rollback steps of the stages in which a step of the last run actually ran (not merely skipped), newest first'
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -l take-over -d 'Take over the open run another technician left on the cluster (its journal is mirrored on the nodes); without it, tvdr asks at a terminal and refuses elsewhere'
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -l new -d 'Start a new run instead of resuming. Refused while a run is open, so none is left behind unsaid: pass --abandon REASON too to close the open run first'
complete -c tvdr -n "__fish_tvdr_using_subcommand runbook" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tvdr -n "__fish_tvdr_using_subcommand check" -l format -r -f -a "human\t'Tables for a person, worst check first'
json\t'One JSON document: overall status, then every check with details and metrics'
junit\t'A JUnit XML test suite, one test case per check (CI)'
nagios\t'A Nagios/Icinga plugin status line with perfdata; exit 0–3'
prometheus\t'Prometheus text exposition, for node_exporter\'s textfile collector'"
complete -c tvdr -n "__fish_tvdr_using_subcommand check" -l watch -d 'Run again every SECS seconds (fs-sync shows progress and an estimate of time left)' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand check" -l count -d 'With --watch: stop after N rounds' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand check" -l expect -d 'dns: the address the domain must resolve to' -r -f -a "node-ip\t'The cluster node IP (a stand-alone\'s own address): normal operation'
dr\t'The DR client\'s address: after the DR client was activated'"
complete -c tvdr -n "__fish_tvdr_using_subcommand check" -l master -d 'vip: the node that must be master after a node switch: CRIT unless exactly NODE holds the node IP' -r -f -a "tvox1\t''
tvox2\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand check" -l form -d 'hosts: the line a stand-alone node needs (its physical address) or an FT node\'s (the node IP) [default: stand-alone without `cluster.node_ip`, else FT]' -r -f -a "standalone\t'`<physical address> <domain>` on each node: a stand-alone TVox'
ft\t'`<node IP> <domain>` on each node: an FT cluster node'"
complete -c tvdr -n "__fish_tvdr_using_subcommand check" -l sites -d 'Check every site in DIR (one inventory per site, `*.yaml`/`*.yml`) instead of one: one line per site, worst first (replaces -i)' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand check" -l jobs -d 'With --sites: how many sites are checked at once' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand check" -l site-timeout -d 'With --sites: a site without every verdict by then is reported UNKNOWN and the others go on' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand check" -s i -l inventory -d 'The site inventory [default: ./tvdr.yaml]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand check" -l runbooks -d 'Site copies of runbooks (`<id>.yaml`) that replace the shipped ones' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand check" -l state-dir -d 'Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand check" -l lang -d 'Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]' -r -f -a "en\t''
it\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand check" -l exact -d 'fs-sync: compare every file (path, size, mtime) instead of directory sizes'
complete -c tvdr -n "__fish_tvdr_using_subcommand check" -l resolve-here -d 'dns: also ask the DNS servers from this machine (the inventory\'s, else those the nodes use); at worst a WARN, as this machine may not be one of the site\'s clients'
complete -c tvdr -n "__fish_tvdr_using_subcommand check" -l list -d 'List the checks and exit'
complete -c tvdr -n "__fish_tvdr_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tvdr -n "__fish_tvdr_using_subcommand status" -l format -r -f -a "human\t''
json\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand status" -l watch -d 'Refresh every SECS seconds [default: 2] until interrupted' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand status" -l count -d 'With --watch: stop after N screens' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand status" -s i -l inventory -d 'The site inventory [default: ./tvdr.yaml]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand status" -l runbooks -d 'Site copies of runbooks (`<id>.yaml`) that replace the shipped ones' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand status" -l state-dir -d 'Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand status" -l lang -d 'Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]' -r -f -a "en\t''
it\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand status" -s h -l help -d 'Print help'
complete -c tvdr -n "__fish_tvdr_using_subcommand patch" -l success -d 'A regex one line of the final output must match to prove success; repeat for alternatives [default: a generic "update completed" / "aggiornamento completato" rule]' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand patch" -l failure -d 'A regex that makes a line of the final output a failure; repeat for more. Added to the shipped failure rules, never replacing them' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand patch" -l timeout -d 'Give up following after this long (the command keeps running) [default: 3h]' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand patch" -l operator -d 'Who is running it [default: $USER]' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand patch" -s i -l inventory -d 'The site inventory [default: ./tvdr.yaml]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand patch" -l runbooks -d 'Site copies of runbooks (`<id>.yaml`) that replace the shipped ones' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand patch" -l state-dir -d 'Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand patch" -l lang -d 'Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]' -r -f -a "en\t''
it\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand patch" -s y -l yes -d 'Confirm every confirmation (never a new start after a failed one)'
complete -c tvdr -n "__fish_tvdr_using_subcommand patch" -s h -l help -d 'Print help'
complete -c tvdr -n "__fish_tvdr_using_subcommand network-reset" -l from-address -d 'The address the node answers at now, when network_reset moves it to its inventory address: tvdr connects there (the inventory\'s port, identity, known_hosts), then waits for the same host key at the inventory address and records it' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand network-reset" -l timeout -d 'With --from-address: how long the node may take to answer at its new address [default: 5m]' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand network-reset" -s i -l inventory -d 'The site inventory [default: ./tvdr.yaml]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand network-reset" -l runbooks -d 'Site copies of runbooks (`<id>.yaml`) that replace the shipped ones' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand network-reset" -l state-dir -d 'Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand network-reset" -l lang -d 'Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]' -r -f -a "en\t''
it\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand network-reset" -s h -l help -d 'Print help'
complete -c tvdr -n "__fish_tvdr_using_subcommand reboot" -l timeout -d 'How long the node may take to come back [default: 15m]' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand reboot" -s i -l inventory -d 'The site inventory [default: ./tvdr.yaml]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand reboot" -l runbooks -d 'Site copies of runbooks (`<id>.yaml`) that replace the shipped ones' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand reboot" -l state-dir -d 'Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand reboot" -l lang -d 'Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]' -r -f -a "en\t''
it\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand reboot" -s y -l yes -d 'Reboot without asking'
complete -c tvdr -n "__fish_tvdr_using_subcommand reboot" -s h -l help -d 'Print help'
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and not __fish_seen_subcommand_from record list forget help" -s i -l inventory -d 'The site inventory [default: ./tvdr.yaml]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and not __fish_seen_subcommand_from record list forget help" -l runbooks -d 'Site copies of runbooks (`<id>.yaml`) that replace the shipped ones' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and not __fish_seen_subcommand_from record list forget help" -l state-dir -d 'Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and not __fish_seen_subcommand_from record list forget help" -l lang -d 'Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]' -r -f -a "en\t''
it\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and not __fish_seen_subcommand_from record list forget help" -s h -l help -d 'Print help'
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and not __fish_seen_subcommand_from record list forget help" -f -a "record" -d 'Record a VM snapshot just taken of NODE'
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and not __fish_seen_subcommand_from record list forget help" -f -a "list" -d 'List the snapshots still kept, oldest first, with their age'
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and not __fish_seen_subcommand_from record list forget help" -f -a "forget" -d 'Forget a snapshot once it is deleted in the hypervisor'
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and not __fish_seen_subcommand_from record list forget help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from record" -l note -d 'What it is for (memory excluded, before which stage…)' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from record" -l at -d 'When it was taken, RFC 3339 with a zone (2024-05-06T09:30:00+02:00) [default: now]' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from record" -l operator -d 'Who took it [default: $USER]' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from record" -s i -l inventory -d 'The site inventory [default: ./tvdr.yaml]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from record" -l runbooks -d 'Site copies of runbooks (`<id>.yaml`) that replace the shipped ones' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from record" -l state-dir -d 'Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from record" -l lang -d 'Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]' -r -f -a "en\t''
it\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from record" -s h -l help -d 'Print help'
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l format -r -f -a "human\t''
json\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from list" -s i -l inventory -d 'The site inventory [default: ./tvdr.yaml]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l runbooks -d 'Site copies of runbooks (`<id>.yaml`) that replace the shipped ones' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l state-dir -d 'Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l lang -d 'Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]' -r -f -a "en\t''
it\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from forget" -l node -d 'Only the snapshot of this node (tvox1, tvox2 or dr_client) [default: every node]' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from forget" -l operator -d 'Who deleted it [default: $USER]' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from forget" -s i -l inventory -d 'The site inventory [default: ./tvdr.yaml]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from forget" -l runbooks -d 'Site copies of runbooks (`<id>.yaml`) that replace the shipped ones' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from forget" -l state-dir -d 'Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from forget" -l lang -d 'Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]' -r -f -a "en\t''
it\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from forget" -s h -l help -d 'Print help'
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "record" -d 'Record a VM snapshot just taken of NODE'
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the snapshots still kept, oldest first, with their age'
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "forget" -d 'Forget a snapshot once it is deleted in the hypervisor'
complete -c tvdr -n "__fish_tvdr_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tvdr -n "__fish_tvdr_using_subcommand uat" -l checklist -d 'The checklist [default: the shipped uat-standard.yaml]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand uat" -l answers -d 'Results given in advance (`uat: { PHASE: { CASE: pass, \'*\': skip } }`)' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand uat" -l operator -d 'Who walked it [default: $USER]' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand uat" -s i -l inventory -d 'The site inventory [default: ./tvdr.yaml]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand uat" -l runbooks -d 'Site copies of runbooks (`<id>.yaml`) that replace the shipped ones' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand uat" -l state-dir -d 'Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand uat" -l lang -d 'Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]' -r -f -a "en\t''
it\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand uat" -s y -l yes -d 'Cases without an answer are skipped, noted as not walked'
complete -c tvdr -n "__fish_tvdr_using_subcommand uat" -s h -l help -d 'Print help'
complete -c tvdr -n "__fish_tvdr_using_subcommand lint" -s i -l inventory -d 'The site inventory [default: ./tvdr.yaml]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand lint" -l runbooks -d 'Site copies of runbooks (`<id>.yaml`) that replace the shipped ones' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand lint" -l state-dir -d 'Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand lint" -l lang -d 'Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]' -r -f -a "en\t''
it\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand lint" -l bilingual -d 'Every title, instruction and question must be in English and Italian (`{ en: …, it: … }`), as in the shipped runbooks'
complete -c tvdr -n "__fish_tvdr_using_subcommand lint" -s h -l help -d 'Print help'
complete -c tvdr -n "__fish_tvdr_using_subcommand init" -s o -l output -d 'Where to write the inventory' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand init" -s i -l inventory -d 'The site inventory [default: ./tvdr.yaml]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand init" -l runbooks -d 'Site copies of runbooks (`<id>.yaml`) that replace the shipped ones' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand init" -l state-dir -d 'Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand init" -l lang -d 'Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]' -r -f -a "en\t''
it\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand init" -l force -d 'Overwrite an existing file'
complete -c tvdr -n "__fish_tvdr_using_subcommand init" -s h -l help -d 'Print help'
complete -c tvdr -n "__fish_tvdr_using_subcommand inventory" -l format -r -f -a "human\t''
json\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand inventory" -s i -l inventory -d 'The site inventory [default: ./tvdr.yaml]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand inventory" -l runbooks -d 'Site copies of runbooks (`<id>.yaml`) that replace the shipped ones' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand inventory" -l state-dir -d 'Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand inventory" -l lang -d 'Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]' -r -f -a "en\t''
it\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand inventory" -s h -l help -d 'Print help'
complete -c tvdr -n "__fish_tvdr_using_subcommand exec" -l format -r -f -a "human\t''
json\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand exec" -l timeout -d 'Stop the command after this long (e.g. 30s, 10m) [default: inventory command_timeout]' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand exec" -s i -l inventory -d 'The site inventory [default: ./tvdr.yaml]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand exec" -l runbooks -d 'Site copies of runbooks (`<id>.yaml`) that replace the shipped ones' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand exec" -l state-dir -d 'Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand exec" -l lang -d 'Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]' -r -f -a "en\t''
it\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand exec" -s h -l help -d 'Print help'
complete -c tvdr -n "__fish_tvdr_using_subcommand disconnect" -s i -l inventory -d 'The site inventory [default: ./tvdr.yaml]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand disconnect" -l runbooks -d 'Site copies of runbooks (`<id>.yaml`) that replace the shipped ones' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand disconnect" -l state-dir -d 'Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand disconnect" -l lang -d 'Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]' -r -f -a "en\t''
it\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand disconnect" -s h -l help -d 'Print help'
complete -c tvdr -n "__fish_tvdr_using_subcommand trust" -l address -d 'Connect at this address instead of the inventory\'s (one node only)' -r
complete -c tvdr -n "__fish_tvdr_using_subcommand trust" -s i -l inventory -d 'The site inventory [default: ./tvdr.yaml]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand trust" -l runbooks -d 'Site copies of runbooks (`<id>.yaml`) that replace the shipped ones' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand trust" -l state-dir -d 'Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand trust" -l lang -d 'Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]' -r -f -a "en\t''
it\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand trust" -l yes -d 'Trust without asking (the fingerprint is still shown)'
complete -c tvdr -n "__fish_tvdr_using_subcommand trust" -s h -l help -d 'Print help'
complete -c tvdr -n "__fish_tvdr_using_subcommand generate" -l out -d 'Directory that receives completions/ and man/' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand generate" -s i -l inventory -d 'The site inventory [default: ./tvdr.yaml]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand generate" -l runbooks -d 'Site copies of runbooks (`<id>.yaml`) that replace the shipped ones' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand generate" -l state-dir -d 'Where runs, samples and snapshot records are kept [default: $XDG_STATE_HOME/tvdr]' -r -F
complete -c tvdr -n "__fish_tvdr_using_subcommand generate" -l lang -d 'Language of messages, prompts, runbook texts and reports [default: $TVDR_LANG, else the locale, else en]' -r -f -a "en\t''
it\t''"
complete -c tvdr -n "__fish_tvdr_using_subcommand generate" -s h -l help -d 'Print help'
complete -c tvdr -n "__fish_tvdr_using_subcommand help; and not __fish_seen_subcommand_from runbook check status patch network-reset reboot snapshot uat lint init inventory exec disconnect trust generate help" -f -a "runbook" -d 'Start or resume a procedure (standalone-to-ft, upgrade, dr-setup, dr-activate, dr-rollback)'
complete -c tvdr -n "__fish_tvdr_using_subcommand help; and not __fish_seen_subcommand_from runbook check status patch network-reset reboot snapshot uat lint init inventory exec disconnect trust generate help" -f -a "check" -d 'Run health checks across the nodes (vip, db, chat, calendars, fs-sync, or all)'
complete -c tvdr -n "__fish_tvdr_using_subcommand help; and not __fish_seen_subcommand_from runbook check status patch network-reset reboot snapshot uat lint init inventory exec disconnect trust generate help" -f -a "status" -d 'One screen: nodes, master, sync states, DR client, open runs'
complete -c tvdr -n "__fish_tvdr_using_subcommand help; and not __fish_seen_subcommand_from runbook check status patch network-reset reboot snapshot uat lint init inventory exec disconnect trust generate help" -f -a "patch" -d 'Run a long command on a node inside GNU screen (re-attachable)'
complete -c tvdr -n "__fish_tvdr_using_subcommand help; and not __fish_seen_subcommand_from runbook check status patch network-reset reboot snapshot uat lint init inventory exec disconnect trust generate help" -f -a "network-reset" -d 'Open the node\'s network_reset menu in an interactive terminal'
complete -c tvdr -n "__fish_tvdr_using_subcommand help; and not __fish_seen_subcommand_from runbook check status patch network-reset reboot snapshot uat lint init inventory exec disconnect trust generate help" -f -a "reboot" -d 'Reboot a node and wait until it is back'
complete -c tvdr -n "__fish_tvdr_using_subcommand help; and not __fish_seen_subcommand_from runbook check status patch network-reset reboot snapshot uat lint init inventory exec disconnect trust generate help" -f -a "snapshot" -d 'Record, list and forget VM snapshots, so tvdr reminds you to delete them after a week'
complete -c tvdr -n "__fish_tvdr_using_subcommand help; and not __fish_seen_subcommand_from runbook check status patch network-reset reboot snapshot uat lint init inventory exec disconnect trust generate help" -f -a "uat" -d 'Walk the UAT checklist for a phase'
complete -c tvdr -n "__fish_tvdr_using_subcommand help; and not __fish_seen_subcommand_from runbook check status patch network-reset reboot snapshot uat lint init inventory exec disconnect trust generate help" -f -a "lint" -d 'Validate runbook files: ids, kinds, hosts, checks, conditions, references (for CI)'
complete -c tvdr -n "__fish_tvdr_using_subcommand help; and not __fish_seen_subcommand_from runbook check status patch network-reset reboot snapshot uat lint init inventory exec disconnect trust generate help" -f -a "init" -d 'Write a commented tvdr.yaml by answering questions'
complete -c tvdr -n "__fish_tvdr_using_subcommand help; and not __fish_seen_subcommand_from runbook check status patch network-reset reboot snapshot uat lint init inventory exec disconnect trust generate help" -f -a "inventory" -d 'Validate the inventory and show the nodes, addresses and settings tvdr will use'
complete -c tvdr -n "__fish_tvdr_using_subcommand help; and not __fish_seen_subcommand_from runbook check status patch network-reset reboot snapshot uat lint init inventory exec disconnect trust generate help" -f -a "exec" -d 'Run a command on one or more nodes over SSH'
complete -c tvdr -n "__fish_tvdr_using_subcommand help; and not __fish_seen_subcommand_from runbook check status patch network-reset reboot snapshot uat lint init inventory exec disconnect trust generate help" -f -a "disconnect" -d 'Close the SSH sessions kept open for later commands (`ssh.persist`)'
complete -c tvdr -n "__fish_tvdr_using_subcommand help; and not __fish_seen_subcommand_from runbook check status patch network-reset reboot snapshot uat lint init inventory exec disconnect trust generate help" -f -a "trust" -d 'Show a node\'s host key fingerprint and add it to the inventory\'s known_hosts'
complete -c tvdr -n "__fish_tvdr_using_subcommand help; and not __fish_seen_subcommand_from runbook check status patch network-reset reboot snapshot uat lint init inventory exec disconnect trust generate help" -f -a "generate" -d 'Write shell completions and man pages (for packagers and the repository)'
complete -c tvdr -n "__fish_tvdr_using_subcommand help; and not __fish_seen_subcommand_from runbook check status patch network-reset reboot snapshot uat lint init inventory exec disconnect trust generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tvdr -n "__fish_tvdr_using_subcommand help; and __fish_seen_subcommand_from snapshot" -f -a "record" -d 'Record a VM snapshot just taken of NODE'
complete -c tvdr -n "__fish_tvdr_using_subcommand help; and __fish_seen_subcommand_from snapshot" -f -a "list" -d 'List the snapshots still kept, oldest first, with their age'
complete -c tvdr -n "__fish_tvdr_using_subcommand help; and __fish_seen_subcommand_from snapshot" -f -a "forget" -d 'Forget a snapshot once it is deleted in the hypervisor'
