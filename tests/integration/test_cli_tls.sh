# TLS: the emulator over HTTPS with a test CA this test makes (openssl). The client refuses
# the untrusted certificate with a clear message, trusts the CA with --cacert FILE or
# SPOTC_CA_BUNDLE, and refuses a certificate for another name even then: no option turns
# verification off.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"
command -v openssl >/dev/null || fail "openssl is needed"

pki=$TMP/pki
mkdir -p "$pki"
quiet() { "$@" >/dev/null 2>&1 || fail "$*"; }
quiet openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=spotc test CA" \
    -keyout "$pki/ca.key" -out "$pki/ca.pem" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign
# cert NAME SAN: a server certificate signed by the CA.
cert() {
    quiet openssl req -newkey rsa:2048 -nodes -subj "/CN=$1" -keyout "$pki/$1.key" \
        -out "$pki/$1.csr"
    printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\n' "$2" >"$pki/$1.ext"
    quiet openssl x509 -req -in "$pki/$1.csr" -CA "$pki/ca.pem" -CAkey "$pki/ca.key" \
        -CAcreateserial -days 2 -extfile "$pki/$1.ext" -out "$pki/$1.pem"
}
cert local IP:127.0.0.1
cert other DNS:example.com

emu_start --tls-cert "$pki/local.pem" --tls-key "$pki/local.key"
case $EMU_URL in https://*) ;; *) fail "the emulator is not on HTTPS: $EMU_URL" ;; esac
track=$(curl -fsS --cacert "$pki/ca.pem" "$EMU_URL/_emulator/sample" | jq -er .track)

# Untrusted: refused, with what to do about it; nothing asked of the service.
expect_status 6 spotc track "$track"
contains "$ERR" "certificate is not trusted"
contains "$ERR" "--cacert"
# Trusted through the option or the environment.
expect_status 0 spotc --cacert "$pki/ca.pem" track "$track"
contains "$OUT" "$track"
expect_status 0 env SPOTC_CA_BUNDLE="$pki/ca.pem" "$SPOTC_CLI" track "$track"
# A CA bundle that cannot be read says so.
expect_status 6 spotc --cacert "$pki/missing.pem" track "$track"
contains "$ERR" "CA bundle"
kill "$EMU_PID" 2>/dev/null; wait "$EMU_PID" 2>/dev/null || true

# A trusted CA does not make a certificate for another name acceptable.
emu_start --tls-cert "$pki/other.pem" --tls-key "$pki/other.key"
expect_status 6 spotc --cacert "$pki/ca.pem" track "$track"
contains "$ERR" "not trusted"
echo ok
