"""Writes of the counselling centre.

- `clients`: the people served, their counsellor, change requests, meeting links;
- `bookings`: free times, individual and remote bookings, attendance;
- `workshops`: workshop sign-ups, the reserve list, offers of freed places;
- `events`: the log every step writes (a complaint may question the order).

Every write takes `actor` (the staff member, or None for the client's own action)
and `now` (defaults to the current time), runs in one transaction, logs an
`Event` and calls `counselling.notifications` in that transaction: the mail goes
through the outbox and leaves only if the change is committed.
"""
