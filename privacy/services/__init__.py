"""Writes in privacy, one module per flow: consent, requests, erasure, retention.

The audit log is the platform's (portal.core.audit).
"""
