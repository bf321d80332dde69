"""The portal past one machine: app servers on their own network hosts behind haproxy.

Run as root from the project folder: `.venv/bin/python -m bench.scaleout
[--servers 2] [--requests 600]` (`make scaleout`). Needs haproxy, iproute2
(`ip netns`), redis-server, openssl and a PostgreSQL server (DATABASE_URL when it
names one, else postgres@127.0.0.1:5432).

Each app server is gunicorn with the production settings in a network namespace
`kdp-appN`, joined to this host by a veth pair (host 10.201.N.1, app 10.201.N.2).
They share one PostgreSQL database (`scaleout`, created and dropped here; a small
TCP forwarder on the host's veth addresses reaches the server on 127.0.0.1), one
Redis of the script's own (bound to those addresses too), and one private-files
folder (DJANGO_PRIVATE_MEDIA_ROOT; an S3-compatible store is configuration).
haproxy on 127.0.0.1 terminates HTTPS and balances round-robin with health checks
on /healthz, retrying a request whose server died on another one.

It proves that a learner's session holds when the next request lands on another
app server, and that a bounded request loop through the loss of one app server
(every process in its namespace SIGKILLed) has no failed request. One line per
figure; exit status 0 only when both hold. Everything is removed at the end.
"""
