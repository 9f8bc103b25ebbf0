# tvdr's DNS relay, run on a node by `tvdr check dns` (python 2.7 and 3: CentOS 7 has only
# python2). It sends a query tvdr built to each DNS server and prints the raw answers in
# hex: tvdr reads them. It never resolves a name itself (no getaddrinfo, no hosts file).
#
# argv: TIMEOUT_SECONDS QUERY_HEX [SERVER...]; no SERVER: the nameservers of
# /etc/resolv.conf, or, when it names systemd-resolved's stub, those it forwards to.
# Output, one line each:
#   servers given|resolv.conf|systemd-resolved [SERVER...]
#   resolv-error MESSAGE
#   answer SERVER udp|tcp HEX
#   fail SERVER timeout|refused|unreachable|bad-address|error MESSAGE
import binascii
import errno
import socket
import struct
import sys
import threading

TIMEOUT = float(sys.argv[1])
QUERY = binascii.unhexlify(sys.argv[2].encode("ascii"))
SERVERS = sys.argv[3:]


def say(*words):
    sys.stdout.write(" ".join(words) + "\n")


def kind_of(err):
    code = getattr(err, "errno", None)
    if code == errno.ECONNREFUSED:
        return "refused"
    if code in (errno.EHOSTUNREACH, errno.ENETUNREACH):
        return "unreachable"
    return "error"


def recv_exact(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise socket.error(errno.ECONNRESET, "connection closed by the server")
        data += chunk
    return data


def over_tcp(family, address):
    # A truncated UDP answer (TC bit) holds only part of the records: ask again over TCP.
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.settimeout(TIMEOUT)
    try:
        sock.connect(address)
        sock.sendall(struct.pack("!H", len(QUERY)) + QUERY)
        size = struct.unpack("!H", recv_exact(sock, 2))[0]
        return recv_exact(sock, size)
    finally:
        sock.close()


def over_udp(family, address):
    # Connected: only the server's own datagrams come back; other ids are stale answers.
    sock = socket.socket(family, socket.SOCK_DGRAM)
    sock.settimeout(TIMEOUT)
    try:
        sock.connect(address)
        sock.send(QUERY)
        while True:
            reply = sock.recv(65535)
            if reply[:2] == QUERY[:2]:
                return reply
    finally:
        sock.close()


def ask(server):
    try:
        family, _, _, _, address = socket.getaddrinfo(
            server, 53, 0, socket.SOCK_DGRAM, 0, socket.AI_NUMERICHOST)[0]
    except (socket.gaierror, ValueError) as err:
        return "fail %s bad-address %s" % (server, err)
    try:
        # Two tries, as a stub resolver does: one lost datagram is not a dead server.
        for _ in (1, 2):
            try:
                reply = over_udp(family, address)
            except socket.timeout:
                continue
            if len(reply) > 2 and ord(reply[2:3]) & 0x02:
                return "answer %s tcp %s" % (server, hexed(over_tcp(family, address)))
            return "answer %s udp %s" % (server, hexed(reply))
        return "fail %s timeout no answer in 2 tries of %gs" % (server, TIMEOUT)
    except socket.timeout:
        return "fail %s timeout no answer over tcp in %gs" % (server, TIMEOUT)
    except (socket.error, OSError) as err:
        return "fail %s %s %s" % (server, kind_of(err), err)


# systemd-resolved's stub answers from the node's hosts file as well as from DNS: ask the
# servers it forwards to instead, which it lists in the second file.
RESOLVED_STUB = "127.0.0.53"
RESOLVED_UPSTREAM = "/run/systemd/resolve/resolv.conf"


def nameservers(path):
    servers = []
    with open(path) as conf:
        for line in conf:
            fields = line.split()
            if len(fields) >= 2 and fields[0] == "nameserver":
                servers.append(fields[1])
    return servers


def hexed(data):
    return binascii.hexlify(data).decode("ascii")


def main():
    servers = list(SERVERS)
    if servers:
        say("servers", "given", *servers)
    else:
        try:
            servers = nameservers("/etc/resolv.conf")
        except (IOError, OSError) as err:
            say("resolv-error", str(err))
            return
        origin = "resolv.conf"
        if RESOLVED_STUB in servers:
            try:
                upstream = nameservers(RESOLVED_UPSTREAM)
            except (IOError, OSError):
                upstream = []
            if upstream:
                servers, origin = upstream, "systemd-resolved"
        say("servers", origin, *servers)
    results = [None] * len(servers)

    def one(i):
        try:
            results[i] = ask(servers[i])
        except Exception as err:  # a bug here must still name its server
            results[i] = "fail %s error %s" % (servers[i], err)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(servers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for line in results:
        say(line.replace("\n", " "))


main()
