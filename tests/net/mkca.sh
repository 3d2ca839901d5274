#!/bin/sh
# mkca.sh DIR - a throw-away PKI for the TLS tests, made with openssl.
#
# Writes into DIR (created if missing):
#   ca.pem ca.key                  test CA
#   server.pem server.key          CN=localhost, SAN DNS:localhost,
#                                  IP:127.0.0.1, IP:::1, signed by the CA
#   other-ca.pem other-ca.key      an unrelated CA
#   other-server.pem other-server.key
#                                  the same names, signed by the other CA
#   server.pubkey.sha256           sha256//BASE64 pin of server.pem's key,
#                                  as CURLOPT_PINNEDPUBLICKEY takes it
# Keys are EC P-256 in unencrypted PKCS#8 PEM, which both OpenSSL and
# GnuTLS (libmicrohttpd) read.  Certificates start now and last 30 days.
# Silent unless something fails; then it prints openssl's output, exits 1.
set -u

if [ $# -ne 1 ]; then
	echo "usage: mkca.sh DIR" >&2
	exit 2
fi
dir=$1
openssl=${OPENSSL:-openssl}
mkdir -p "$dir" || exit 1
log=$dir/mkca.log
: >"$log"

# Runs openssl quietly, keeping its words for when it fails.
run() {
	if ! "$openssl" "$@" >>"$log" 2>&1; then
		echo "mkca.sh: openssl $1 failed:" >&2
		cat "$log" >&2
		exit 1
	fi
}

# The extensions clients check: a CA that may sign; a server's leaf has
# its names and nothing else, as README asks of a province's (every byte
# of it crosses a 64 kbit/s link at each sync).
cat >"$dir/ext.cnf" <<'EOF'
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[server]
subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1
subjectKeyIdentifier = none
authorityKeyIdentifier = none
EOF

key() {
	run genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
	    -out "$dir/$1.key"
	chmod 600 "$dir/$1.key"
}

# A random serial: no serial file to keep, and no two certificates alike.
serial() {
	serial=0x$("$openssl" rand -hex 8) || exit 1
}

# ca NAME CN: a self-signed CA.
ca() {
	key "$1"
	run req -new -key "$dir/$1.key" -subj "/CN=$2" \
	    -out "$dir/$1.csr"
	serial
	run x509 -req -in "$dir/$1.csr" -signkey "$dir/$1.key" \
	    -set_serial "$serial" -days 30 -sha256 \
	    -extfile "$dir/ext.cnf" -extensions ca -out "$dir/$1.pem"
}

# server NAME CA: a localhost certificate signed by CA.
server() {
	key "$1"
	run req -new -key "$dir/$1.key" -subj "/CN=localhost" \
	    -out "$dir/$1.csr"
	serial
	run x509 -req -in "$dir/$1.csr" -CA "$dir/$2.pem" -CAkey "$dir/$2.key" \
	    -set_serial "$serial" -days 30 -sha256 \
	    -extfile "$dir/ext.cnf" -extensions server -out "$dir/$1.pem"
}

ca ca "qt test CA"
server server ca
ca other-ca "qt other CA"
server other-server other-ca

run verify -CAfile "$dir/ca.pem" "$dir/server.pem"
run verify -CAfile "$dir/other-ca.pem" "$dir/other-server.pem"

# The pin is the SHA-256 of the DER SubjectPublicKeyInfo, base64.
pin=$("$openssl" x509 -in "$dir/server.pem" -noout -pubkey |
    "$openssl" pkey -pubin -outform der |
    "$openssl" dgst -sha256 -binary |
    "$openssl" base64 -A) || pin=
if [ -z "$pin" ]; then
	echo "mkca.sh: could not compute the key pin" >&2
	exit 1
fi
echo "sha256//$pin" >"$dir/server.pubkey.sha256"

rm -f "$dir"/*.csr "$dir/ext.cnf" "$log"
exit 0
