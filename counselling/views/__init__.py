"""The learner's pages of the counselling centre.

- `booking`: free times, booking a time, signing up for a workshop;
- `appointments`: "Moje spotkania", one appointment's page and its changes;
- `requests`: complaints and the request to change the counsellor.
"""
