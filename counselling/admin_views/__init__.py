"""The counselling centre's staff screens in the admin (behind two-factor sign-in).

- `counsellor`: a counsellor's own free times, sessions and attendance;
- `clients`: one client's page (sessions, confidential notes, meeting link);
- `workshops`: a workshop date's participants, reserve list, log and the
  manager's actions (cancel, move);
- `centre`: the manager's list of all sessions, cancellations by the centre and
  requests to change the counsellor;
- `onbehalf`: sign-ups that came by phone, e-mail or in person.

Every view asks `counselling.permissions`; a counsellor asking for another
counsellor's record gets 404, as if it did not exist.
"""
