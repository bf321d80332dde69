"""The platform under every app: mail, files, client address, rate limits, audit log.

Apps import from here; nothing here imports an app.
"""
