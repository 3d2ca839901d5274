#!/bin/sh
# test-proxy.sh - self-test of the network test tools (TAP).
#
# qt-proxy --echo is the server and qt-proxy --connect the client, so
# nothing beyond the shell, coreutils and (for the TLS part) openssl is
# needed.  Takes about 5 s, mostly the 2 s of the rate test.
: "${top_srcdir:=.}" "${top_builddir:=.}"
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/net/lib.sh"

net_init
[ -x "$QT_PROXY" ] || skip_all "$QT_PROXY not built"
T=$NET_TMP

# Milliseconds on a monotonic-enough clock, or nothing if date lacks %N.
now_ms() {
	_ns=$(date +%s%N)
	case $_ns in
	*[!0-9]*) ;;
	*) echo $((_ns / 1000000)) ;;
	esac
}

# client PORT < IN > OUT: one connection through loopback PORT.
client() {
	"$QT_PROXY" --connect "127.0.0.1:$1" --max-seconds 20
}

# proxy NAME ARGS...: a proxy to the echo server; sets $port to its port.
proxy() {
	_name=$1
	shift
	net_bg "$_name" "$QT_PROXY" --target "127.0.0.1:$echo_port" \
	    --port-file "$T/$_name.port" --stats-file "$T/$_name.stats" \
	    --max-seconds 60 "$@"
	port=$(net_wait_port_file "$T/$_name.port")
}

# Sums of up and down per stats line: the bytes that passed each time.
totals() {
	awk '{ print $4 + $6 }' "$1" | tr '\n' ' '
}

net_bg echo "$QT_PROXY" --echo --port-file "$T/echo.port" --max-seconds 60
echo_port=$(net_wait_port_file "$T/echo.port")
ok $? "echo server writes its port file"

# --- bytes pass through intact ---------------------------------------
head -c 200000 /dev/urandom >"$T/big"
proxy plain
client "$port" <"$T/big" >"$T/big.out"
ok $? "client ends cleanly"
cmp -s "$T/big" "$T/big.out"
ok $? "200000 random bytes come back intact through proxy and echo"
net_wait_lines "$T/plain.stats" 1
is "$(cat "$T/plain.stats")" "conn 1 up 200000 down 200000 cut no" \
    "stats line counts both directions"

pids=
for i in 1 2 3 4; do
	client "$port" <"$T/big" >"$T/big.$i" &
	pids="$pids $!"
done
wait $pids	# not a bare wait: the servers run in the background too
good=0
for i in 1 2 3 4; do
	cmp -s "$T/big" "$T/big.$i" && good=$((good + 1))
done
is "$good" 4 "4 concurrent connections all intact"

i=0
while [ $i -lt 10 ]; do
	echo "line $i" | client "$port" >>"$T/seq.out"
	i=$((i + 1))
done
is "$(wc -l <"$T/seq.out" | tr -d ' ')" 10 "10 sequential connections"
net_wait_lines "$T/plain.stats" 15
ok $? "one stats line per connection"

# --- cuts --------------------------------------------------------------
head -c 5000 /dev/urandom >"$T/5k"
proxy cut --cut-after 1000
client "$port" <"$T/5k" >"$T/cut.out" 2>/dev/null
ok $((! $?)) "a cut connection ends in an error for the client"
net_wait_lines "$T/cut.stats" 1
is "$(awk '{ print $4 + $6, $8 }' "$T/cut.stats")" "1000 yes" \
    "--cut-after 1000 cuts after 1000 bytes in total"

# cut_random NAME SEED: 3 connections; their cut points go to $T/NAME.cuts.
cut_random() {
	proxy "$1" --cut-random "$2" --cut-max 3000
	for i in 1 2 3; do
		client "$port" <"$T/5k" >/dev/null 2>&1
	done
	net_wait_lines "$T/$1.stats" 3
	net_stop "$1"
	totals "$T/$1.stats" >"$T/$1.cuts"
}
cut_random rnd_a 7
cut_random rnd_b 7
cut_random rnd_c 8
a=$(cat "$T/rnd_a.cuts") b=$(cat "$T/rnd_b.cuts") c=$(cat "$T/rnd_c.cuts")
echo "# --cut-random 7: $a/ $b/ 8: $c"
is "$a" "$b" "--cut-random repeats its cut points for the same seed"
ok "$(echo "$a" | awk '{ print ($1 != $2 || $2 != $3) ? 0 : 1 }')" \
    "--cut-random draws a new cut point per connection"
ok "$(echo "$a $c" | awk '{ for (i = 1; i <= NF; i++)
    if ($i < 1 || $i > 3000) { print 1; exit } print 0 }')" \
    "cut points lie in [1, --cut-max]"
[ "$a" != "$c" ]
ok $? "another seed gives other cut points"

# --- rate and latency ------------------------------------------------
head -c 16384 /dev/urandom >"$T/16k"
proxy slow --rate-bps 64000
t0=$(now_ms)
client "$port" <"$T/16k" >"$T/16k.out"
t1=$(now_ms)
cmp -s "$T/16k" "$T/16k.out"
ok $? "16 KB pass intact at 64 kbit/s"
if [ -n "$t0" ]; then
	echo "# 16 KB at 64 kbit/s took $((t1 - t0)) ms"
	# A lower bound only: a busy machine may be slower, never faster.
	ok $(( !(t1 - t0 >= 1800) )) "16 KB at 64 kbit/s take at least 1.8 s"
else
	ok 0 "16 KB at 64 kbit/s take at least 1.8 s # SKIP date has no %N"
fi

proxy late --latency-ms 300
t0=$(now_ms)
echo ping | client "$port" >"$T/ping.out"
t1=$(now_ms)
is "$(cat "$T/ping.out")" ping "data passes with --latency-ms"
if [ -n "$t0" ]; then
	echo "# a round trip at 300 ms each way took $((t1 - t0)) ms"
	ok $(( !(t1 - t0 >= 600) )) \
	    "--latency-ms 300 delays a round trip by at least 600 ms"
else
	ok 0 "--latency-ms delays a round trip # SKIP date has no %N"
fi

# --- loopback only ---------------------------------------------------
refused=0
for target in 10.0.0.1:80 192.168.1.1:443 8.8.8.8:53 '[::2]:80' \
    '[2001:db8::1]:80' example.com:80 0.0.0.0:80; do
	"$QT_PROXY" --target "$target" --port-file "$T/no.port" \
	    --max-seconds 1 2>/dev/null
	[ $? -eq 2 ] && [ ! -e "$T/no.port" ] && refused=$((refused + 1))
done
is "$refused" 7 "non-loopback targets are refused before listening"
"$QT_PROXY" --connect 10.0.0.1:80 </dev/null 2>/dev/null
is $? 2 "--connect refuses a non-loopback address too"

# --- SIGTERM -----------------------------------------------------------
net_bg term "$QT_PROXY" --echo --port-file "$T/term.port"
net_wait_port_file "$T/term.port" >/dev/null
net_stop term	# SIGTERM first
is $? 0 "SIGTERM makes it exit with status 0"

# --- mkca.sh and TLS through the proxy -------------------------------
if ! command -v openssl >/dev/null 2>&1; then
	ok 0 "mkca.sh # SKIP no openssl"
	done_testing
	exit
fi
out=$(sh "$NET_MKCA" "$T/pki" 2>&1)
is "$?:$out" "0:" "mkca.sh succeeds silently"
n=0
for f in ca.pem ca.key server.pem server.key other-ca.pem \
    other-server.pem other-server.key server.pubkey.sha256; do
	[ -s "$T/pki/$f" ] && n=$((n + 1))
done
is "$n" 8 "mkca.sh makes all its files"
openssl verify -CAfile "$T/pki/ca.pem" "$T/pki/server.pem" >/dev/null 2>&1
ok $? "server.pem is signed by ca.pem"
openssl verify -CAfile "$T/pki/ca.pem" "$T/pki/other-server.pem" \
    >/dev/null 2>&1
ok $((! $?)) "other-server.pem is not"
grep -Eq '^sha256//[A-Za-z0-9+/]{43}=$' "$T/pki/server.pubkey.sha256"
ok $? "the pin has curl's sha256//BASE64 form"

# s_server -www answers one HTTP request, and says its port only as
# "ACCEPT host:port".
net_bg tls openssl s_server -accept 127.0.0.1:0 -naccept 1 -www \
    -cert "$T/pki/server.pem" -key "$T/pki/server.key"
i=0 tls_port=
while [ -z "$tls_port" ] && [ $i -lt 200 ]; do
	tls_port=$(sed -n 's/^ACCEPT .*:\([0-9][0-9]*\)$/\1/p' "$T/tls.log")
	i=$((i + 1))
	[ -n "$tls_port" ] || net_nap
done
net_bg tlsproxy "$QT_PROXY" --target "127.0.0.1:${tls_port:-1}" \
    --port-file "$T/tlsproxy.port" --rate-bps 1000000 --latency-ms 5
port=$(net_wait_port_file "$T/tlsproxy.port")
printf 'GET / HTTP/1.0\r\n\r\n' |
    openssl s_client -connect "127.0.0.1:$port" -brief -ign_eof \
    -CAfile "$T/pki/ca.pem" -verify_return_error -verify_hostname localhost \
    >"$T/s_client.out" 2>&1
st=$?
grep -q '^HTTP/1.0 200' "$T/s_client.out"
ok $((st || $?)) "HTTPS through the proxy, verified against ca.pem"
[ $st -eq 0 ] || sed 's/^/# /' "$T/s_client.out"

done_testing
