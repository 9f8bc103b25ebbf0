## What the checks find (src/checks/): summaries, details, hints. The human table shows them in the chosen language; JSON and the journal carry the English
list-and = {" and "}
roles-unknown = cannot tell master from slave: { $why }

## vip
vip-standalone = stand-alone TVox: no node IP, tvox1 answered and serves the clients
vip-standalone-holds = stand-alone TVox: no node IP, tvox1 holds { $ip } and serves the clients
vip-standalone-elsewhere = stand-alone TVox: tvox1 answered but does not hold { $ip }, the address in the inventory (reached through NAT or a forwarded port?): are the clients given the address tvox1 holds?
vip-standalone-unknown = stand-alone TVox: tvox1 could not be asked which addresses it holds: { $why }
vip-holds-addresses = holds { $addresses }
vip-ip-failed = `ip -o addr show` failed: { $error }
vip-holds = holds { $ip } on { $interface }
vip-duplicate = has { $ip } on { $interface }, but IPv6 duplicate address detection failed (`dadfailed`): another host on the network answers for it, so this node does not use it
vip-no-address = `ip -o addr show` printed no address
vip-master = { $node } is master (holds { $ip })
vip-none = no node holds the node IP { $ip }
vip-none-reachable = no reachable node holds { $ip }; not asked: { $unknown }
vip-split-brain = split brain: { $nodes } { $count ->
        [2] both hold
       *[other] all hold
    } the node IP { $ip }
vip-expected-unresolved-was = cannot tell which node must be master: { $why } ({ $summary })
vip-expected-unresolved = cannot tell which node must be master: { $why }
vip-expected-not-cluster = `{ $node }` is not a cluster node here: it cannot be master
vip-expected-ok = { $summary }, as expected
vip-expected-not-asked = { $node } (expected master) could not be asked: { $summary }
vip-expected-on = { $summary } (expected on { $node })
vip-expected-other = expected { $node } as master, but { $summary }
vip-expected-alone = { $summary } (expected: { $node } alone)
vip-switch-over = { $holder } holds the node IP and { $node } answered without it: the switch is over
vip-switch-hint = the node switch did not make { $node } master: find out why (`tvdr status`, the FT configuration) before patching or testing anything
vip-expected-line-ok = holds the node IP, alone
vip-expected-line-unknown = cannot be told
vip-expected-line-crit = does not hold the node IP alone
vip-expected-standalone = expected { $node } as master, but this is a stand-alone site: tvox1 serves the clients
check-unknown = no such check in this tvdr

## tvdr status: the figure beside a check's state, and why it cannot tell
status-figure-replica = replica { $behind } behind
status-figure-secondary = secondary { $behind } behind
status-figure-identical = master and slave identical
status-figure-tables = { $count } table(s) differ
status-figure-to-copy = { $size } to copy
status-figure-apart = { $percent }% apart
status-figure-apart-of = { $percent }% apart of { $size }
status-no-uptime = cannot read /proc/uptime: { $why }
status-blocked = cannot tell: { $nodes } unreachable
check-not-known = unknown check

## wait steps: what the last look found
wait-lasting = { $seen }; waiting for { $what } will not change that ({ $lasting })
wait-timeout = not { $what } within { $timeout }: { $seen }
wait-this-machine = this machine
wait-host-answers = { $node } answers
wait-host-silent = { $node } does not answer: { $why }

## hosts
hosts-line = line { $line }: { $wanted }
hosts-as-alias = {" "}(as an alias)
hosts-repeated = , repeated on line { $lines }
hosts-maps-to = line { $line } maps `{ $domain }` to { $address }
hosts-wrong = { $wrong }, expected { $expected }
hosts-line-to = line { $line } → { $address }
hosts-many = `{ $domain }` is mapped to { $count } addresses ({ $all }): clients may reach the wrong one; keep only { $wanted }
hosts-skipped-line = `{ $text }`: { $why }; the resolver skips this line
hosts-missing = no line maps `{ $domain }`: expected { $wanted }
hosts-instead = line { $line } maps { $address } to `{ $names }` instead
hosts-names-it-skipped = line { $line } names it but is skipped ({ $why })
hosts-no-name = no host name after the address
hosts-not-an-address = `{ $address }` is not an IP address
hosts-wanted-on = `{ $line }` on { $node }
hosts-node-line = { $node } line { $line }
hosts-no-file = `{ $path }` does not exist
hosts-ok-one = `{ $domain }` → { $address } on every node ({ $lines })
hosts-ok-own = `{ $domain }` → each node's own address ({ $lines })
hosts-hint-write-config = on { $nodes }: run `write_config.php network` (it rewrites the hosts file from the TVox network settings), or write the line { $wanted } by hand
hosts-hint-skipped = fix or comment out the lines the resolver skips
hosts-unreadable = cannot read `{ $path }`: { $error }

## screen
screen-missing = GNU screen is not installed: the patch must run inside it
screen-ok = GNU screen installed on { $nodes }, no session open
screen-hint-install = install it on { $nodes }: `yum install screen` (CentOS), `apt-get install screen` (Debian)
screen-hint-look = on { $node }, look at `{ $id }` with `screen -r { $id }` before patching or rebooting: it may be a patch still running
screen-hint-wipe = remove dead sessions with `screen -wipe`
screen-printed-nothing = nothing
screen-unrecognised = installed (`{ $path }`), but `screen -ls` printed { $said }
screen-unread = installed (`{ $path }`), but `screen -ls` lists sessions tvdr cannot read: { $lines }
screen-cut-short = installed (`{ $path }`), but `screen -ls` announced { $count } { $count ->
    [one] session
   *[other] sessions
} and listed none: its output was cut short
screen-installed = installed (`{ $path }`), no session
screen-session-since = { $id } ({ $state } since { $since })
screen-open = installed (`{ $path }`); { $count } { $count ->
        [one] session
       *[other] sessions
    } open: { $sessions }

## license
license-unconfigured = not configured: set `license.command` and `license.expect` in the inventory
license-unconfigured-lasting = `license.command` and `license.expect` are not configured in the inventory
license-unconfigured-hint = `license.command` is shell text run on each cluster node that prints its licence; `license.expect` a regular expression its output must match (see `tvdr init`)
license-bad-regex = `license.expect` is not a valid regular expression: { $error }
license-bad-regex-lasting = `license.expect` is not a valid regular expression
license-matches = matches `{ $expect }`: `{ $matched }`
license-match-failed = output matches `{ $expect }` (`{ $matched }`), but the command failed (exit status { $code }): what printed it may be an error, not the licence
license-no-match = output does not match `{ $expect }`; it ends: { $tail }
license-no-match-status = output does not match `{ $expect }` (exit status { $code }); it ends: { $tail }
license-ok = the licence matches `{ $expect }` on { $nodes }
license-hint = check the licence of { $nodes } (OCC: SISTEMA → Security update on 21+, Application Manager: System → License before); ask Telenia support for the FT/DR licence
license-no-output = (no output)

## clock
clock-offset = { $offset } s ± { $uncertainty } s from this machine
clock-none-read = no clock could be read
clock-only-node = { $node } is { $offset } s ± { $uncertainty } s from this machine (the only node)
clock-one-read = only one node's clock could be read
clock-skew-ok = largest skew { $skew } s ± { $bound } s ({ $nodes })
clock-ahead = { $early } is { $skew } s ± { $bound } s ahead of { $late }
clock-summary = { $message }; WARN over { $warn } s, CRIT over { $crit } s
clock-hint-ntp = compare `chronyc tracking` (or `ntpq -p`) on the nodes: all should follow the same NTP servers
clock-hint-slow = the round trips were too slow to tell: run the check again
clock-date-failed = `date +%s.%N` failed ({ $status }): { $error }
clock-no-sample = no sample taken
clock-not-a-time = `date +%s.%N` printed `{ $text }`, not a time
clock-bad-fraction = bad fraction in `{ $text }`
no-dr-client = no `dr_client` in the inventory

## ports
ports-probe-silent = the port probe printed nothing (is `sh` there?)
ports-probe-no-tool = no way to open a TCP connection on the node: it needs bash and timeout, nc, or perl
ports-probe-empty = the port probe exited with { $status } and printed nothing: { $error }
ports-node-ip-label = { $node } (node IP)
ports-way = { $from } → { $to } at { $address }
ports-not-probed = not probed
ports-no-answer = the probe gave no answer
ports-needed-as-master = { $message } — needed once this node is master
ports-from = from { $from }: { $why }
ports-closed = closed: { $closed }
ports-unprobed = could not probe { $unknown }
ports-closed-from-slave = open with the master; closed from the slave (needed after a node switch): { $closed }
ports-ok = TCP { $ports } open both ways ({ $ends })
ports-ok-slave = TCP { $ports } open both ways ({ $ends }), and from { $slave } (slave)
ports-some-silent = some probes gave no answer
ports-hint = the DR client needs TCP 22, 873, 3306 and 27017 open both ways with the master: check the firewalls on both machines and between the sites; `refused` means nothing listens there (is the service up?) or a firewall rejects, `no answer` means a firewall drops the packets
ports-open = open
ports-refused = refused (nothing listening, or a firewall rejects)
ports-timeout = no answer within { $seconds }s (a firewall drops it, or the host is down)
ports-unreachable = unreachable
ports-unreachable-why = unreachable: { $why }
ports-probe-failed = probe failed: { $why }

## dr-isolated
dr-isolated-not-asked = the DR client was not asked
dr-isolated-node-ip = node IP { $address }
dr-isolated-cannot-tell = cannot tell from the DR client: { $why }
dr-isolated-ok = the main site is off: nothing answers the DR client on { $services }
dr-isolated-answers = the main site still answers the DR client: { $answering }
dr-isolated-unprobed = some addresses of the main site could not be probed
dr-isolated-hint = switch off both machines of the main site and isolate them from the DR site before activating the DR client from its OCC; then run this check again
dr-isolated-probe-silent = { $service }: no answer from the probe
dr-isolated-open = { $services } open
dr-isolated-refused = { $services } refused
dr-isolated-still = still answers: { $parts } — the machine is on
dr-isolated-silent = no answer on { $services } (timed out after { $seconds }s or unreachable)

## snapshot (and the age of a snapshot in `tvdr snapshot list`)
age-under-a-minute = less than a minute
age-days = { $count } { $count ->
        [one] day
       *[other] days
    }
age-hours = { $count } { $count ->
        [one] hour
       *[other] hours
    }
age-minutes = { $count } { $count ->
        [one] minute
       *[other] minutes
    }
snapshot-no-state-dir = no state directory to read snapshots from
snapshot-no-state-dir-lasting = no state directory
snapshot-check-none = no VM snapshot recorded
snapshot-taken = taken { $at } by { $by }, { $age } ago
snapshot-overdue = { $taken }: delete it, snapshots are kept a week at most
snapshot-due = { $taken }; delete it by { $due }
snapshot-summary-overdue = { $count } VM snapshot(s) older than a week: { $snapshots }
snapshot-summary-kept = { $count } VM snapshot(s) kept, the oldest { $oldest } old (delete within a week)
snapshot-hint = delete the snapshot in the hypervisor, then `tvdr snapshot forget NAME` (add `--node NODE` when the name is on several nodes)

## rpo
rpo-db-what = the replica's seconds behind the master
rpo-chat-what = the SECONDARY's lag behind the PRIMARY
rpo-files-eta = the files' time to catch up (ETA of the copy)
rpo-files-none = the files' backlog (nothing left to copy)
rpo-no-figure = no delay figure in its report: { $summary }
rpo-delay = { $what }: { $delay }
rpo-delay-worst = { $what }: { $delay } — the worst, it sets the recovery point
rpo-behind = { $source } { $size } behind
rpo-bytes = { $size } behind, which cannot be put in time without an ETA: run `tvdr check fs-sync --exact` twice a few minutes apart
rpo-stopped = not replicating, the loss grows: { $why }
rpo-unreadable = cannot be read: { $why }
rpo-not-met = RPO { $rpo } not met: stopped { $stopped }
rpo-exceeded = RPO { $rpo } exceeded: { $source } is { $delay } behind
rpo-within = worst delay { $delay } ({ $source }), within RPO { $rpo }
rpo-worst-measured = worst measured delay { $delay } ({ $source })
rpo-unmeasurable = not measurable in time: { $sources }
rpo-cannot-read = cannot read { $sources }
rpo-nothing = no replication to measure

## dns
dns-no-domain = no `tvox.domain` in the inventory: there is no name to resolve
dns-the-node-ip = the node IP
dns-the-dr-client = the DR client
dns-own-address = { $node }'s own address
dns-standalone = tvox1, stand-alone
dns-dr-by-name = the DR client is given by name (`{ $name }`): write its IP address in `nodes.dr_client.address` to check what the domain resolves to
dns-expect-dr-needs-client = `--expect dr` needs a DR client: add `nodes.dr_client`
dns-no-server = no DNS server to ask: none in the inventory, none seen on the nodes
dns-hint-records = clients ask the customer's DNS: every server's record for `{ $domain }` must be { $expected } only; clients follow once the TTL of the old answer has run out
dns-hint-servers = name the customer's DNS servers in the inventory (`dns: {"{"} servers: [...] {"}"}`) when the nodes' /etc/resolv.conf does not
dns-asked-from = { $server } (asked from { $from })
dns-ok = `{ $domain }` is { $expected } at every DNS server asked: { $servers }
dns-server-said = { $server } (asked from { $from }) { $said }
dns-disagree = the DNS servers disagree: { $worst }
dns-via = {" "}via CNAME { $chain }
dns-would-not-say = would not say: { $rcode }
dns-nxdomain = answers no such name (NXDOMAIN){ $via }, expected { $want }
dns-no-address = answers no address{ $via }, expected { $want }
dns-answers = answers { $addresses }{ $via }, TTL { $ttl }s
dns-own-resolver = { $said }, but it is a resolver on the node itself, which may answer from the node's /etc/hosts rather than the customer's DNS
dns-either = { $text }: clients may pick either, expected { $want } only
dns-expected = { $text }, expected { $want }

## db and chat: the worst finding and how many more
verdict-more-problems = { $headline } (and { $count } more { $count ->
        [one] problem
       *[other] problems
    })

## db
db-standalone = stand-alone: no database replica
db-no-client-on = { $node }: no mysql client
db-no-client-path = neither `mysql` nor `mariadb` is on the PATH of `{ $node }`
db-client-silent = the database client on `{ $node }` ended with exit status { $status } without printing anything: no evidence of how replication stands
db-no-client = no mysql client on the node: { $line }
db-unexpected-output = unexpected output: { $first }
db-no-thread-fields = the output has no Slave_IO_Running / Slave_SQL_Running fields
db-client-failed = could not run the mysql client: { $error }
db-hint-credentials = tvdr reads MySQL credentials from an option file on the node (`--defaults-extra-file`, e.g. /root/.my.cnf with a [client] user and password), never from the command line: check that file and its user
db-hint-not-replica = { $node } has no replication configured: set it up (CHANGE MASTER TO …; START SLAVE) or check which node the inventory names as replica
db-not-replica = not configured as a replica (SHOW SLAVE STATUS is empty)
db-not-replica-on = { $node } is not configured as a replica
db-hint-privilege = the MySQL user of the option file needs the REPLICATION CLIENT privilege (SLAVE MONITOR on MariaDB 10.5.9+)
db-refused-lasting = { $node }: the MySQL login or its privilege is refused
db-cannot-read = cannot read the replication status on { $node }: { $line }
db-hint-running = is MariaDB/MySQL running on { $node }? (`systemctl status mariadb`)
db-down = MySQL does not answer: { $line }
db-down-on = MySQL on { $node } does not answer
db-unsupported-lasting = { $node }: the server knows neither status statement
db-unsupported = the server does not know this statement (retry with SHOW REPLICA STATUS / SHOW SLAVE STATUS): { $line }
db-unsupported-on = { $node }: the server does not know the status statement
db-replication-on = replication on { $node }
db-replication-named-on = replication '{ $name }' on { $node }
db-the-master = the master
db-thread-stopped = stopped
db-thread-missing = missing from the output
db-thread-detail = { $thread } thread { $state } ({ $field }){ $detail }
db-thread-headline = { $what }: { $thread } thread { $state }{ $short }
db-master-delay = {" "}(MASTER_DELAY { $delay } configured)
db-lag-over = IO and SQL threads running, { $lag } behind { $source } (threshold { $limit }){ $delay }
db-lag-over-headline = { $what } is { $lag } behind { $source } (threshold { $limit })
db-lag = IO and SQL threads running, { $lag } behind { $source }{ $delay }
db-lag-null = both threads running but Seconds_Behind_Master is NULL
db-lag-null-headline = { $what }: Seconds_Behind_Master is NULL
db-lag-missing = no Seconds_Behind_Master in the output (cut short?)
db-lag-missing-headline = { $what }: no Seconds_Behind_Master in the output
db-behind = { $lag } behind
db-lag-unknown = lag unknown
db-ok-part = { $what } from { $source }: IO and SQL threads running, { $lag }
db-no-error = , no error
db-no-error-short = {" "}(no error)
db-error-at = {" "}at { $when }
db-error = : error { $errno }{ $when }: { $message }
db-error-short = {" "}(error { $errno }: { $line })
db-hint-unreachable = the replica cannot reach the master { $source }: check MySQL there and port 3306 between the nodes (`tvdr check ports`)
db-hint-replication-user = the master refuses the replication user: check its password (CHANGE MASTER TO … MASTER_PASSWORD) and its REPLICATION SLAVE grant
db-hint-binlog-gone = the master no longer has the binary log the replica needs: the replica must be rebuilt from a fresh dump of the master
db-hint-data-differs = the replica's data differs from the master's (duplicate or missing row): resynchronise it from the master rather than skipping the error
db-hint-stopped = replication was stopped without an error (STOP SLAVE?): START SLAVE on the replica once you know why
db-binlog-off = binary logging is off (SHOW MASTER STATUS is empty): it cannot feed a replica
db-no-position = no File/Position in SHOW MASTER STATUS
db-binlog-unreadable = cannot read the master's binlog position: { $why }
db-gap-bytes = { $bytes } bytes behind
db-gap-files = { $count } binlog files behind
db-gap-other-file = on another binlog file ({ $file })
db-binlog = master { $node } at { $master }; replica applied up to { $applied } ({ $gap })
db-binlog-read = master { $node } at { $master }; replica read up to { $read } and applied up to { $applied } ({ $gap })

## chat
chat-not-a-document = the output is not an `rs.status()` document
chat-cut-short = the output is cut short ({ $error })
chat-unreadable = cannot read the output: { $error }
chat-no-shell-path = neither `mongosh` nor `mongo` is on the PATH of `{ $node }`
chat-shell-failed = could not run the mongo shell: { $error }
chat-hint-not-initiated = the chat replica set was never initiated on { $node }: the cluster setup should have done it; `rs.status()` must list both nodes
chat-not-initiated = replica set not initiated: { $error }
chat-not-initiated-on = replica set not initiated on { $node }
chat-hint-standalone = mongod on { $node } runs without a replica set: set `replication.replSetName` in /etc/mongod.conf and restart mongod
chat-standalone = mongod runs standalone: { $error }
chat-standalone-on = mongod on { $node } runs standalone, not in a replica set
chat-hint-running = is mongod running on { $node }? (`systemctl status mongod`)
chat-down = mongod does not answer: { $error }
chat-down-on = mongod on { $node } does not answer
chat-hint-denied = `rs.status()` needs a user allowed to run replSetGetStatus (role clusterMonitor)
chat-denied = not allowed to read the replica-set status: { $error }
chat-denied-on = { $node }: not allowed to run rs.status()
chat-no-shell = no mongo shell (mongosh or mongo) on the node: { $error }
chat-no-shell-on = { $node }: no mongo shell
chat-failed = rs.status() failed: { $error }
chat-empty = the mongo shell printed nothing
chat-no-node = no node to ask
chat-sees = { $node } sees { $seen }
chat-no-set = none
chat-different-sets = nodes are in different replica sets: { $seen }
chat-no-primary-seen = no PRIMARY
chat-disagree = nodes disagree on the PRIMARY: { $who }
chat-hint-stale = a node's view is stale or the nodes cannot reach each other: check port 27017 both ways (`tvdr check ports`)
chat-no-primary-unreachable = no PRIMARY: { $unreachable } of { $members } members unreachable
chat-no-primary-states = no PRIMARY: members are { $states }
chat-many-primaries = { $count } PRIMARY members: { $who }
chat-arbiter = ARBITER (votes, holds no data)
chat-member-unhealthy = member { $member } is not reachable/healthy
chat-hint-unreachable = check mongod on the unreachable node and port 27017 between the nodes (`tvdr check ports`)
chat-member-is = member { $member } is { $state }
chat-secondary-lag-unknown = SECONDARY (lag unknown: no optime to compare)
chat-secondary-over = SECONDARY, { $behind } behind the PRIMARY (threshold { $limit })
chat-secondary-over-headline = SECONDARY { $member } is { $behind } behind the PRIMARY (threshold { $limit })
chat-secondary = SECONDARY, { $behind } behind the PRIMARY
chat-secondary-part = SECONDARY { $member } { $behind } behind
chat-not-inventory = { $state } { $member } is not an inventory node ({ $inventory })
chat-not-inventory-headline = member { $member } is not an inventory node
chat-not-member = inventory node { $node } is not a member of replica set { $set }

## fs-sync
fs-standalone = stand-alone: no slave to sync to
fs-hint-stuck = nothing is syncing: run `setperms.sh` on the master `{ $master }` to trigger the file system sync, then check again
fs-hint-catching-up = the slave is catching up; the first sync of voice recordings can take hours: check again later
fs-hint-again = check again in a few minutes: if the slave has not grown, nothing is syncing (then run `setperms.sh` on the master `{ $master }`)
fs-du-failed = du failed on the { $role }: { $error }
fs-missing-on-slave = the sync directory does not exist on the slave: { $why }
fs-missing-on-master = the sync directory does not exist on the master (wrong path?): { $why }
fs-du-silent = du printed nothing on the { $role }
fs-missing-slave = missing on the slave (master has { $size })
fs-only-slave = only on the slave ({ $size }), not on the master
fs-absent = absent on both
fs-sizes = master { $master }, slave { $slave }
fs-within = { $sizes }: within tolerance ({ $percent }%)
fs-slave-more = { $sizes }: slave holds { $more } more ({ $percent }%); files deleted on the master may linger on the slave
fs-slave-behind = { $sizes }: slave behind by { $behind } ({ $percent }%)
fs-why-progress = progress since the previous sample: the sync is running
fs-why-no-progress = no progress since the previous sample
fs-why-far = far off: more than 10× the tolerance
fs-why-again = run again to see whether it is catching up
fs-unreadable-part = { $facts } (du could not read all of it on `{ $node }`)
fs-since-previous = { $facts }; slave { $growth } since the previous sample
fs-rounded = sizes from `du -h` are rounded up: small differences are not meaningful
fs-in-sync = file system in sync: master `{ $master }` { $master_size }, slave `{ $slave }` { $slave_size } ({ $percent }%, within { $tolerance }%)
fs-differs = slave `{ $slave }` differs from master `{ $master }` in { $off } of { $count } directories ({ $dirs }): total { $master_size } vs { $slave_size } ({ $percent }%)
fs-du-troubled = du could not read everything on { $nodes }
fs-did-not-grow = did not grow
fs-grew = grew by { $size }
fs-shrank = shrank by { $size }
fs-du-problems = du reported { $count } problem(s), sizes may be undercounted: { $problems }
fs-manifest-error = cannot compare file manifests: { $error }
fs-manifest-hint = the manifest must be `SIZE MTIME PATH` records ended by NUL and sorted by `LC_ALL=C sort -z -t ' ' -k 3`
fs-to-copy = { $missing } missing and { $different } differing file(s) on the slave: { $size } still to copy ({ $percent }% of the master's { $master_size })
fs-missing-on-slave-label = missing on the slave
fs-missing-more = missing
fs-differs-label = differs
fs-differing-more = differing
fs-only-slave-label = only on the slave
fs-only-slave-more = only on the slave
fs-exact-ok = slave `{ $slave }` has every file of master `{ $master }` ({ $files } files, { $size })
fs-exact-lacks = slave `{ $slave }` lacks { $count } file(s) of master `{ $master }`: { $size } to copy ({ $percent }%)
fs-exact-extra = { $count } file(s) only on the slave
fs-nothing-left = nothing left to copy (was { $before })
fs-no-progress = no progress in the last { $over }: { $size } still to copy
fs-copied = copied { $done } in the last { $over } ({ $rate }/s): about { $left } left
fs-and-more = … and { $count } more { $rest } ({ $size } in all)
fs-file-size = { $what }: size master { $master } B, slave { $slave } B
fs-file-mtime = { $what }: modified master { $master }, slave { $slave }
fs-file = { $what } ({ $size }, modified { $modified })
fs-manifest-exit = manifest command exited with { $status }: { $error }
fs-no-manifest = no manifest from { $node }: { $why }

## calendars
cal-spinner-dump-on = pg_dump on
cal-addresses-too-long = the node printed more than 1 MiB before its addresses ended
cal-standalone = stand-alone: one calendar database
cal-exit-status = pg_dump exited with status { $status }
cal-failed-on = pg_dump failed on { $role } `{ $node }`: { $error }
cal-failed-on-the = pg_dump failed on the { $role }: { $error }
cal-hint-failed = check on that node that PostgreSQL runs and that `pg_dump --clean -U davical_dba davical_administrators` works as root
cal-no-pg-dump = no pg_dump
cal-login-refused = the PostgreSQL login is refused
cal-incomplete = dump from { $role } `{ $node }` is incomplete: { $why }
cal-incomplete-after = { $role }'s dump is incomplete after { $size }: { $why }
cal-hint-incomplete = run the check again; if it repeats, run pg_dump by hand on that node and read its errors
cal-no-message = (no message)
cal-raw-sizes = raw dump sizes: master { $master } B, slave { $slave } B (raw sizes may differ with the pg_dump version and the random `\restrict` key; the normalized content is compared)
cal-identical = calendars identical on master `{ $master }` and slave `{ $slave }`: { $tables } tables, { $rows } rows ({ $master_size } and { $slave_size })
cal-equal-sizes = { $sizes }; equal sizes alone would have hidden this difference
cal-data-identical = calendar data identical on master `{ $master }` and slave `{ $slave }` ({ $tables } tables, { $rows } rows)
cal-hint-master = the master's calendars (`{ $master }`) are the valid copy: bring the slave `{ $slave }` in line from the master, never the other way round
cal-table-missing = missing on the slave; master has { $rows } rows
cal-table-only-slave = only on the slave ({ $rows } rows), not on the master
cal-table-content = { $rows } rows on both sides, but their content differs
cal-table-rows = master { $master } rows, slave { $slave } rows: the { $more } has { $by } more
cal-absent = absent
cal-sequence = sequence differs: master { $master }, slave { $slave } (after a switch-over the slave could hand out ids the master already used)
cal-schema-differs = schema differs (tables, columns, functions or constraints) although both sides were dumped by pg_dump { $version }
cal-schema-not-compared = schema text not compared: master dumped by pg_dump { $master_dump } from server { $master_server }, slave by pg_dump { $slave_dump } from server { $slave_server }, which print it differently
cal-differ-one = calendars differ in table `{ $table }` (1 of { $tables })
cal-differ-many = calendars differ in { $count } of { $tables } tables: { $names }
cal-schema-differs-short = schema differs
cal-schema-not-compared-short = schema not compared across pg_dump versions
cal-sequences-differ = { $count ->
        [one] 1 sequence differs
       *[other] { $count } sequences differ
    }

## Which checks apply (src/checks/registry.rs)
check-standalone-site = stand-alone site (no `cluster.node_ip`)
check-dr-isolated-on-demand = only on demand, before activating the DR client (it is CRIT while the main site runs): `tvdr check dr-isolated`
check-does-not-apply = `{ $check }` does not apply here: { $why }

## What a check's dry run can only tell at run time (src/checks/planned.rs)
plan-standalone = stand-alone: nothing to compare, the check is OK without a command
plan-db = `mariadb` instead of `mysql` when only it is installed; SHOW REPLICA / BINARY LOG STATUS when the server refuses the older statement
plan-chat = the legacy `mongo` shell (JSON.stringify) when `mongosh` is not installed
plan-fs-exact = `--exact` streams a manifest of every file of the sync dir from master and slave
plan-fs = which node is master decides which side is the reference
plan-license = not configured (`license.command`): the check is UNKNOWN and runs nothing
plan-rpo = reads the reports of `db`, `chat` and `fs-sync`: their commands
plan-snapshot = reads the snapshot records on this machine: no command on a node
plan-ports = a TCP probe on master, slave and DR client towards each other's addresses, built once the master is known
plan-dns = the lookups depend on the resolvers the nodes use
plan-other = this check's commands are known only at run time

## hosts: what the inventory lacks
hosts-no-domain = no `tvox.domain` in the inventory: without a domain name no hosts line is needed
hosts-domain-is-address = `tvox.domain` is an address ({ $domain }): there is no name to map
hosts-ft-needs-node-ip = the FT form needs the node IP: `cluster.node_ip` is not in the inventory
hosts-node-by-name = { $node } is given by name (`{ $address }`): write its IP address in `nodes.{ $node }.address` so the hosts line can be checked
hosts-no-node = no `nodes.{ $node }` in the inventory

## The "item" column of check details: what was looked at, in tvdr's words (node names,
## paths, tables and programs stay as they are)
item-dump-size = dump size
item-dump = dump
item-schema = schema
item-clock = clock
item-skew = skew
item-dns-server = DNS server { $server }
item-probe = probe
item-manifest = manifest
item-licence = licence
item-replica-set = replica set
item-member = member { $name }
item-node = node { $node }
item-binlog-position = binlog position
item-replication = replication
item-connection = connection '{ $name }'
item-progress = progress
item-to-copy = to copy
item-precision = precision
item-total = total
item-line = line { $line }
item-expected-master = expected master
item-node-ip = node IP
item-address = address

## What a DNS answer or the relay on a node could not give (src/checks/dns/)
dns-bad-name = `{ $name }` is not a valid DNS name
dns-short-header = a DNS answer shorter than its header
dns-other-id = an answer to another query (its id differs)
dns-not-answer = a DNS query, not an answer
dns-other-name = an answer about `{ $asked }`, not `{ $want }`
dns-record-cut = a record cut short
dns-bad-aaaa = a bad AAAA record
dns-cname-loop = a CNAME loop or chain too long: { $chain }
dns-referral = gave no answer, only a referral to other servers: it neither holds the zone nor resolves for its clients (recursion off)
dns-cut-short = a DNS answer cut short
dns-bad-name-in-answer = a malformed name in a DNS answer
dns-resolv-unreadable = cannot read `/etc/resolv.conf`: { $why }
dns-relay-unreadable = the relay printed an unreadable answer
dns-relay-silent = the DNS query printed nothing (is `sh` there?)
dns-relay-no-python = no python on the node to send the DNS query (python3, python2 or platform-python)
dns-relay-stopped = the DNS query stopped before asking anyone
dns-no-nameserver = no `nameserver` line in `/etc/resolv.conf`
dns-no-result = the query gave no result
dns-fail-no-answer = no answer
dns-fail-refused = nothing answers on port 53 (connection refused)
dns-fail-unreachable = unreachable
dns-fail-bad-address = not an IP address
dns-fail-cannot-ask = cannot ask
dns-query-panicked = the query panicked
dns-server-not-ip = `{ $server }` is not an IP address

## Why the mongo shell's output does not read as a document (src/checks/chat/literal.rs)
literal-error-at = { $message } at line { $line }, column { $column }
literal-unexpected = unexpected `{ $found }`
literal-ends-in-value = output ends in the middle of a value
literal-too-deep = nested too deeply
literal-ends-in-string = output ends inside a string
literal-bad-escape = bad escape in a string
literal-ends-in-number = output ends inside a number
literal-bad-number = bad number `{ $token }`

## A file manifest of fs-sync --exact that cannot be read (src/checks/fs_sync/manifest.rs)
manifest-error = record { $record }: { $message }
manifest-error-side = { $side } manifest, record { $record }: { $message }
manifest-read-failed = read failed: { $error }
manifest-cut-short = cut short (no final NUL): the listing did not finish
manifest-bad-record = not `SIZE MTIME PATH`: { $shown }
manifest-not-sorted = not sorted: { $path } after { $after } (sort with LC_ALL=C)
item-replica-set-named = replica set { $set }

## A pg_dump that did not come whole (src/checks/calendars/parser.rs)
cal-dump-empty = empty output
cal-dump-cut-in-data = cut inside the data of `{ $table }` (no `\.`)
cal-dump-cut-in-literal = cut inside a quoted literal or function body
cal-dump-no-trailer = no `PostgreSQL database dump complete` trailer

## du's listing that cannot be read (src/checks/fs_sync/du.rs)
fs-du-unparsable = unparsable du output: { $record }
