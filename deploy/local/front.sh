#!/usr/bin/env bash
# The front before several replicas of ledger- and scan-service on 127.0.0.1: Debian's nginx, configured here once
# for ./stack --replicas and for the chaos soak (system-tests), which both run it with this script.
#
#   front.sh install                                   installs nginx-light if it is missing (root, apt-get)
#   front.sh run DIR LEDGER_PORT LEDGER_UPSTREAMS SCAN_PORT SCAN_UPSTREAMS
#                                                      writes DIR/nginx.conf and runs nginx in the foreground;
#                                                      upstreams are comma-separated ports; errors go to stderr
set -euo pipefail

install() {
  command -v nginx >/dev/null && return 0
  [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null || {
    echo "the front needs nginx: apt-get install nginx-light" >&2
    return 1
  }
  echo "installing nginx-light (the replicas' front) ..." >&2
  # Debian starts an installed nginx on port 80; the front is ours to start, on 127.0.0.1 only. A policy that
  # forbids starting services may be there already (container images have one): then it is not ours to remove.
  local policy=/usr/sbin/policy-rc.d ours=0 ok=1 log
  log=$(mktemp)
  if [[ ! -e $policy ]]; then printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && ours=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >"$log" 2>&1 || ok=0
  ((ours)) && rm -f "$policy"
  ((ok)) || { cat "$log" >&2; echo "could not install nginx" >&2; return 1; }
  rm -f "$log"
}

servers() { # comma-separated ports: one server line each
  local port
  IFS=, read -ra ports <<<"$1"
  for port in "${ports[@]}"; do
    printf '    server 127.0.0.1:%s max_fails=3 fail_timeout=2s;\n' "$port"
  done
}

# Least connections across the replicas; a request that failed to connect, timed out or met 502/503 (a replica
# starting, restoring, paused or gone) is tried on the next one. A replica is left out for 2 s after three such
# failures, not one: a replica that takes over the lease answers 503 while it restores, and with its peer gone a
# single 503 would leave the front with no replica at all. Event submissions are idempotent by event id (the
# ledger takes each once, ADR 24), so ledger-service's may be retried even though they are POSTs; scan-service's
# POST /v1/scans records a scan and is not retried once sent. A replica that does not answer within 10 s counts as failed: intake answers 202 after its
# own short wait, and a verify is far quicker, so only a stopped or hung replica takes that long.
run() {
  local dir=$1 ledger_port=$2 ledger_upstreams=$3 scan_port=$4 scan_upstreams=$5
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  local proxy="proxy_http_version 1.1; proxy_set_header Connection \"\"; proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr; proxy_connect_timeout 1s; proxy_read_timeout 10s;
      proxy_send_timeout 10s; proxy_next_upstream_tries 3;"
  cat >"$dir/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $dir/nginx.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_max_body_size 16m;
  client_body_temp_path $dir/body; proxy_temp_path $dir/proxy; fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi; scgi_temp_path $dir/scgi;
  upstream ledger {
    least_conn;
$(servers "$ledger_upstreams")
    keepalive 32;
  }
  upstream scan {
    least_conn;
$(servers "$scan_upstreams")
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$ledger_port;
    location / { proxy_pass http://ledger; $proxy
      proxy_next_upstream error timeout http_502 http_503 non_idempotent; }
  }
  server {
    listen 127.0.0.1:$scan_port;
    location / { proxy_pass http://scan; $proxy
      proxy_next_upstream error timeout http_502 http_503; }
  }
}
CONF
  exec nginx -p "$dir" -c "$dir/nginx.conf"
}

case ${1:-} in
  install) install ;;
  run) shift; (($# == 5)) || { echo "usage: front.sh run DIR LEDGER_PORT LEDGER_UPSTREAMS SCAN_PORT SCAN_UPSTREAMS" >&2; exit 2; }; run "$@" ;;
  *) echo "usage: front.sh install | run DIR LEDGER_PORT LEDGER_UPSTREAMS SCAN_PORT SCAN_UPSTREAMS" >&2; exit 2 ;;
esac
