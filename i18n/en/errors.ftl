## Transport errors (src/transport/error.rs) and validation errors (inventory, runbooks, answers): English in the journal and JSON, the chosen language on the terminal
transport-unreachable = cannot reach `{ $node }` at { $address } port { $port }: { $reason }
    hint: is the node up, and is its SSH port reachable from here?
transport-host-key-unknown = host key of `{ $node }` ({ $address }) is not known: { $key_type } { $fingerprint }
    hint: compare the fingerprint with `ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub` on the node's console, then run `tvdr trust { $node }`
transport-host-key-changed = host key of `{ $node }` ({ $address }) has changed: it now presents { $key_type } { $fingerprint }, which does not match `{ $file }`
    hint: someone may be intercepting the connection; if the node was reinstalled or rekeyed, check the fingerprint on its console, remove the old key (`ssh-keygen -R { $address } -f { $file }`) and run `tvdr trust { $node }`
transport-host-key-not-moved = host key of `{ $node }` at its new address { $address } is not the one it had before: it presents { $presented }, it had { $had }
    hint: another machine may hold { $address }, or the node was reinstalled; check the fingerprint on the node's console before running `tvdr trust { $node }`
transport-auth = cannot log in to `{ $node }` as `{ $user }` (tried: { $tried })
    hint: is ssh-agent running (`ssh-add -l`)? is the key in the node's `~{ $user }/.ssh/authorized_keys`?
transport-timeout = command on `{ $node }` did not finish within { $timeout }: `{ $command }`
transport-lost = lost the connection to `{ $node }`: { $reason }
    hint: did the node reboot, or the network drop?
transport-invalid-env = `{ $name }` is not a valid environment variable name for `{ $node }`
    hint: names are letters, digits and `_`, not starting with a digit
transport-needs-root = `{ $user }` on `{ $node }` cannot run as root without a password ({ $reason }), needed for `{ $command }`
    hint: run tvdr at a terminal to be asked the sudo password once per node, or give `{ $user }` NOPASSWD in the node's sudoers for the programs tvdr runs as root (see README, SSH section), or log in as root
transport-unknown-node = no node named `{ $node }`
transport-ssh = ssh error on `{ $node }` while { $context }: { $message }
transport-io = { $context } for `{ $node }`

## YAML files (inventory, runbooks, answers): tvdr's words; the YAML library's stay English
yaml-budget = the file expands past { $mib } MiB of text or { $nodes } values: is an alias (`*name`) repeated, or repeated inside what it names?
yaml-did-you-mean = did you mean `{ $candidate }`?

## The inventory (src/inventory/resolve.rs)
inv-unreadable = cannot read inventory `{ $path }`
inv-not-found = no inventory found: pass `--inventory FILE`, set `TVDR_INVENTORY`, or create `./tvdr.yaml` with `tvdr init`
inv-same-address = `{ $node }` has the same address as `{ $other }`
inv-dns-empty = `dns.servers` is empty: list the customer's DNS servers, or remove `dns` to ask the servers in each node's /etc/resolv.conf
inv-dns-loopback = `{ $ip }` is not a DNS server of the site (a node's own resolver may answer from its hosts file): list the customer's DNS servers
inv-dns-twice = `{ $ip }` is listed twice in `dns.servers`
inv-cluster-needs-two = a cluster (`cluster.node_ip`) needs two nodes: add `nodes.tvox2`, or remove `cluster` for a stand-alone TVox
inv-node-ip-is-physical = the node IP `{ $ip }` is also the physical address of `{ $node }`
inv-license-empty = `license.command` is empty: write the shell command that prints the licence
inv-ssh-openssh-only = `ssh.{ $key }` is for the system `ssh`, but `{ $node }` uses libssh2: add `transport: openssh` to `{ $node }`

## Runbooks (src/runbook/load/)
load-no-stage = a runbook needs at least one stage
load-bad-id = `{ $id }` is not a valid { $what } id: lowercase letters, digits and `-`
load-duplicate-id = duplicate id `{ $id }`
load-empty-stage = stage `{ $stage }` has no steps
load-condition-constant = this condition names no fact or answer: the step would always or never run
load-bad-condition = bad condition: { $why }
load-lacks-language = a shipped runbook says everything in English and Italian: this text lacks { $missing }
load-unknown-answer = `{ $answer }` is not asked by any earlier step (nor a known fact)
load-unknown-answer-near = `{ $answer }` is not asked by any earlier step (nor a known fact) (did you mean `{ $near }`?)
load-unknown-evidence = unknown evidence `{ $evidence }`: expected `snapshot`
load-check-needs-checks = a `check` step needs `checks:`
load-options-for-check = `options` are for the check waited for: this step waits for a host
load-uat-needs-phase = a `uat` step needs `phase:`
load-field-meaningless = `{ $field }` has no meaning for a `{ $kind }` step
load-bad-answer-name = `{ $name }` is not a usable answer name: letters, digits, `_`
load-answer-twice = `{ $name }` is already asked by an earlier step
load-choice-needs-choices = a `choice` question needs `choices:`
load-unknown-check = unknown check `{ $check }`: known checks: { $known }
load-unknown-check-near = unknown check `{ $check }`: did you mean `{ $near }`? known checks: { $known }
load-needs-on = a `{ $kind }` step needs `on:` ({ $roles })
load-check-on = a `check` step's `on:` names the cluster node its checks look at: `tvox1` or `tvox2`
load-one-host = a `{ $kind }` step runs on one host, not `both`
load-command-empty = `command` is empty
load-reference-in-sh-c = a `{"{{"} reference {"}}"}` in the script of a shell's `-c` becomes shell code: use `script:` (its references are quoted), or pass the value as an argument (`sh -c '… "$1"' sh {"{{"} name {"}}"}`)
load-reference-misplaced = a `{"{{"} reference {"}}"}` { $why } in `script:`: its value is quoted already, and there that quoting does not hold; write it bare (`printf %s {"{{"} name {"}}"}`)
load-command-and-script = give either `command` or `script`, not both
load-needs-command = a `{ $kind }` step needs `command:` or `script:`
load-bad-regex = bad regex: { $error }
load-empty-regexes = an empty list of regexes
load-wait-needs-until = a `wait` step needs `until:` (`check:` or `host:` with `state:`)
load-until-one = `until:` needs exactly one of `check:` or `host:`
load-master-needs-vip = `master` is an option of the `vip` check, which this step does not run
load-master-bad = `master: { $node }`: expected { $forms }
load-master-one = `master` needs exactly one of { $forms }
load-master-later = `{ $step }` comes later: which node it ran on is not known at this step
load-master-no-step = no step `{ $step }` in this runbook
load-master-not-one-node = `{ $step }` is a `{ $kind }` step that does not run on one node: name a screen, run, reboot or interactive step on one node
load-master-rollback = `{ $step }` is a rollback step of stage `{ $stage }`, which does not run before this step
load-outage-kind = `service: outage` marks a step whose own duration is an outage (a snapshot with the machine off, a reboot); a `{ $kind }` step does not take the service down
load-outage-inside = step `{ $step }` is inside the outage that `{ $down }` (`service: down`) opens: the report measures it there; `service: outage` would count it twice

## Why a node could not be reached or was lost (the `reason` of the messages above);
## what ssh, libssh2 or the system said is quoted as it is
transport-reason-no-answer = no answer within { $within }
transport-reason-resolve-address = cannot resolve the address: { $error }
transport-reason-resolves-to-nothing = the address resolves to nothing
transport-reason-no-banner = the port answers but no SSH banner came within { $within }
transport-reason-closed-before-banner = the connection was closed before the SSH handshake, without a banner (sshd refusing connections: `MaxStartups`, tcp wrappers?)
transport-reason-before-banner = before the SSH banner: { $error }
transport-reason-no-handshake = no SSH handshake within { $within } after its banner (`ssh.login_timeout`)
transport-reason-handshake-failed = SSH handshake failed: { $error }
transport-reason-no-login = no login within { $within } although the node answered (`ssh.login_timeout`): its sshd may be looking up this machine's address in a DNS that does not answer (`UseDNS no` on the node avoids it)
transport-reason-while-logging-in = while logging in: { $error }
transport-reason-connection-closed = the connection closed
transport-reason-terminal-late = the terminal session did not open in time
transport-reason-ssh-ended = the ssh connection ended
transport-reason-no-session = no SSH session within { $within }
transport-reason-keeper-gone = its keeper went away
transport-reason-keeper-gone-why = its keeper went away ({ $error })
transport-reason-keeper-unexpected = its keeper said something unexpected
transport-reason-bastion-key-changed = the host key of the bastion `{ $host }` has changed: it now presents { $key_type } { $fingerprint }, which does not match `{ $file }` (check it with the bastion's administrator before changing that file)
transport-reason-bastion-key-unknown = the host key of the bastion `{ $host }` is not known: add it to `{ $file }` or ~/.ssh/known_hosts after checking its fingerprint
transport-reason-bastion-refused = the bastion `{ $host }` refused the login (it offers: { $offers })
transport-reason-bastion-unreachable = cannot reach the bastion `{ $host }`: { $reason }
transport-reason-cannot-resolve = cannot resolve `{ $host }`: { $why }
transport-reason-bastion-could-not-connect = the bastion `{ $host }` could not connect to it
transport-reason-through-bastion = { $reason } (through the bastion `{ $host }`)

## Why sudo cannot run a command as root (src/transport/sudo.rs); sudo's own words are
## quoted as it said them
sudo-not-installed = `sudo` is not installed on the node
sudo-exit-status = exit status { $status }
sudo-no-terminal = { $said }, and there is no terminal to ask for it
sudo-none-given = { $said }, and none was given
sudo-wrong-times = the sudo password was wrong { $times } times
sudo-wrong-password = { $node }: sudo did not take that password for `{ $user }`

## A value that does not read (src/inventory/values.rs): on the command line and in
## `tvdr init` in the chosen language; inside an inventory file the YAML library carries
## the English
value-not-ipv4 = `{ $value }` is not a valid IPv4 address
value-not-ipv6 = `{ $value }` is not a valid IPv6 address
value-not-address = `{ $value }` is neither an IP address nor a valid host name
value-not-jump-host = `{ $value }` is not a jump host
value-not-ip = `{ $value }` is not a valid IP address
value-no-unit = `{ $value }` has no unit: write `{ $value }s`, `{ $value }m` or `{ $value }h`
value-not-duration = `{ $value }` is not a duration: { $error }
value-needs-percent = `{ $value }` needs a `%` sign, e.g. `1%`
value-not-percentage = `{ $value }` is not a percentage between 0% and 100%
value-not-env-name = `{ $value }` is not a valid environment variable name
value-not-site-name = `{ $value }` is not a usable site name: letters, digits, `.`, `_` and `-` only

## A `when:` condition or a `{{ reference }}` that does not read (src/runbook/condition.rs,
## facts.rs, template.rs)
condition-not-a-name = `{ $name }` is neither a fact ({ $facts }) nor an answer name
condition-unexpected-after = unexpected `{ $token }` after the condition
condition-unterminated = unterminated string at character { $at }
condition-not-a-number = `{ $number }` is not a number
condition-unexpected-at = unexpected `{ $token }` at character { $at }
condition-ends-early = the condition ends too early
condition-needs-before = `{ $word }` needs something before it
condition-unclosed = a `(` is never closed
condition-unexpected = unexpected `{ $token }`
template-unclosed = `{"{{"}` without `{"}}"}` in `{ $source }`
role-unknown = unknown host `{ $host }`: expected one of { $roles }

## What a login tried (the `tried` of transport-auth; src/transport/ssh/auth.rs,
## src/transport/openssh/classify.rs)
auth-agent = agent
auth-system-agent = system ssh: agent
auth-identity = identity { $file }
auth-identity-encrypted = identity { $file } (encrypted, no passphrase given)
auth-identity-missing = identity { $file } (missing)
auth-identity-unreadable = identity { $file } (unreadable)
auth-password = password
auth-password-none = password (none given: no terminal to ask on)
auth-nothing = nothing: the node only offers `{ $methods }`
auth-node-offers = { $tried }; the node offers { $offered }

## Where a transport error happened (the `context` of transport-ssh and transport-io)
transport-context-building-the-ssh-command-line = building the ssh command line
transport-context-cannot-create-ssh-private-dir = cannot create a private directory for ssh
transport-context-cannot-duplicate-the-socket = cannot duplicate the socket
transport-context-cannot-follow-ssh = cannot follow `ssh`
transport-context-cannot-pass-on-command-output = cannot pass on the command's output
transport-context-cannot-pass-on-the-output = cannot pass on the output
transport-context-cannot-make-terminal-raw = cannot put the terminal in raw mode
transport-context-cannot-read-known-hosts = cannot read known_hosts `{ $file }`
transport-context-cannot-relay-the-terminal = cannot relay the terminal
transport-context-cannot-set-socket-options = cannot set socket options
transport-context-cannot-start-bin-sh = cannot start `/bin/sh`
transport-context-cannot-start-openssh = cannot start `ssh` (`transport: openssh` needs the OpenSSH client)
transport-context-cannot-start-session-driver = cannot start the session's driver
transport-context-cannot-wait-for-ssh = cannot wait for `ssh`
transport-context-cannot-wait-for-the-banner = cannot wait for the banner
transport-context-cannot-wait-for-the-command = cannot wait for the command
transport-context-cannot-write-known-hosts = cannot write known_hosts `{ $file }`
transport-context-cannot-write-the-ssh-configuration = cannot write the ssh configuration
transport-context-choosing-host-key-algorithms = choosing host key algorithms
transport-context-connecting-with-the-system-ssh = connecting with the system `ssh`
transport-context-following-host-key-to-new-address = following its host key to a new address
transport-context-opening-a-terminal = opening a terminal
transport-context-reading-known-hosts = reading known_hosts
transport-context-reading-the-boot-id = reading the boot id
transport-context-reading-the-host-key = reading the host key
transport-context-recording-host-key-at-new-address = recording the host key at its new address
transport-context-running-a-command = running a command
transport-context-running-an-interactive-command = running an interactive command
transport-context-starting-a-session = starting a session
transport-context-starting-the-master-connection = starting the master connection
transport-context-writing-its-ssh-configuration = writing its ssh configuration
